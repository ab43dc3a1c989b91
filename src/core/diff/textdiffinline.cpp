#include "textdiffinline.h"

#include "textdiffsequence.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace hookbench {

namespace {

struct Token
{
    int start;
    int length;
    bool space;
};

bool isWordChar(QChar c)
{
    // Surrogates count as word characters so a pair is never cut in half.
    return c.isLetterOrNumber() || c == u'_' || c.isSurrogate();
}

std::vector<Token> tokenize(QStringView line)
{
    std::vector<Token> tokens;
    const int size = int(line.size());
    for (int i = 0; i < size;) {
        const int start = i;
        if (line[i].isSpace()) {
            while (i < size && line[i].isSpace())
                ++i;
            tokens.push_back({start, i - start, true});
        } else if (isWordChar(line[i])) {
            while (i < size && isWordChar(line[i]))
                ++i;
            tokens.push_back({start, i - start, false});
        } else {
            tokens.push_back({start, 1, false});
            ++i;
        }
    }
    return tokens;
}

// The tokens the mode compares, each with its id; whitespace is dropped (IgnoreAll, and trailing
// for IgnoreChanges) or made one token (IgnoreChanges).
void compared(QStringView line, const std::vector<Token> &tokens, TextDiffOptions::Whitespace mode,
              QHash<QStringView, int> &idOf, std::vector<int> &ids, std::vector<int> &which)
{
    size_t end = tokens.size();
    if (mode == TextDiffOptions::Whitespace::IgnoreChanges) {
        while (end > 0 && tokens[end - 1].space)
            --end;
    }
    for (size_t k = 0; k < end; ++k) {
        const Token &t = tokens[k];
        if (t.space && mode == TextDiffOptions::Whitespace::IgnoreAll)
            continue;
        const QStringView text = t.space && mode == TextDiffOptions::Whitespace::IgnoreChanges
                                     ? QStringView(u" ")
                                     : line.mid(t.start, t.length);
        const auto it = idOf.constFind(text);
        ids.push_back(it != idOf.constEnd() ? *it : idOf.insert(text, int(idOf.size())).value());
        which.push_back(int(k));
    }
}

// Ranges of the changed tokens; neighbours separated only by whitespace become one range.
QList<TextDiffInline::Range> ranges(QStringView line, const std::vector<Token> &tokens,
                                    const std::vector<int> &which, const std::vector<char> &changed)
{
    QList<TextDiffInline::Range> result;
    for (size_t k = 0; k < which.size(); ++k) {
        if (!changed[k])
            continue;
        const Token &t = tokens[size_t(which[k])];
        if (!result.isEmpty()) {
            TextDiffInline::Range &last = result.last();
            const QStringView between =
                line.mid(last.start + last.length, t.start - last.start - last.length);
            if (between.trimmed().isEmpty()) {
                last.length = t.start + t.length - last.start;
                continue;
            }
        }
        result.append({t.start, t.length});
    }
    return result;
}

} // namespace

TextDiffInline::Result TextDiffInline::compute(QStringView oldLine, QStringView newLine,
                                               TextDiffOptions::Whitespace whitespace,
                                               int maxLength)
{
    Result result;
    if (oldLine.size() > maxLength || newLine.size() > maxLength) {
        // Too long to diff word by word: the span between common prefix and suffix.
        qsizetype prefix = 0;
        const qsizetype shorter = std::min(oldLine.size(), newLine.size());
        while (prefix < shorter && oldLine[prefix] == newLine[prefix])
            ++prefix;
        if (prefix > 0 && oldLine[prefix - 1].isHighSurrogate())
            --prefix;
        qsizetype suffix = 0;
        while (suffix < shorter - prefix &&
               oldLine[oldLine.size() - 1 - suffix] == newLine[newLine.size() - 1 - suffix])
            ++suffix;
        if (suffix > 0 && oldLine[oldLine.size() - suffix].isLowSurrogate())
            --suffix;
        if (oldLine.size() - prefix - suffix > 0)
            result.oldRanges.append({int(prefix), int(oldLine.size() - prefix - suffix)});
        if (newLine.size() - prefix - suffix > 0)
            result.newRanges.append({int(prefix), int(newLine.size() - prefix - suffix)});
        return result;
    }
    const std::vector<Token> oldTokens = tokenize(oldLine);
    const std::vector<Token> newTokens = tokenize(newLine);
    QHash<QStringView, int> idOf;
    std::vector<int> oldIds, newIds, oldWhich, newWhich;
    compared(oldLine, oldTokens, whitespace, idOf, oldIds, oldWhich);
    compared(newLine, newTokens, whitespace, idOf, newIds, newWhich);
    TextDiffSequence sequence(oldIds.data(), int(oldIds.size()), newIds.data(), int(newIds.size()),
                              int(idOf.size()));
    sequence.runAndSlide(TextDiffOptions());
    result.oldRanges = ranges(oldLine, oldTokens, oldWhich, sequence.changedA());
    result.newRanges = ranges(newLine, newTokens, newWhich, sequence.changedB());
    return result;
}

} // namespace hookbench
