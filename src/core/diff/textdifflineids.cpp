#include "textdifflineids.h"

#include "textdiffdocument.h"

#include <QHashFunctions>

namespace hookbench {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Appends the line as the mode compares it; never longer than the line, so a reserved arena
// never reallocates.
void appendNormalized(QByteArrayView line, TextDiffOptions::Whitespace mode, std::string &out)
{
    if (mode == TextDiffOptions::Whitespace::IgnoreAll) {
        for (char c : line) {
            if (!isSpace(c))
                out.push_back(c);
        }
        return;
    }
    bool pendingSpace = false;
    for (char c : line) {
        if (isSpace(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace)
            out.push_back(' ');
        pendingSpace = false;
        out.push_back(c);
    }
}

} // namespace

QByteArrayView TextDiffLineIds::comparedBytes(const TextDiffDocument &doc, int index,
                                              TextDiffOptions::Whitespace mode,
                                              std::string &scratch)
{
    if (mode == TextDiffOptions::Whitespace::Exact)
        return doc.lineWithNewline(index);
    scratch.clear();
    appendNormalized(doc.lineWithNewline(index), mode, scratch);
    return QByteArrayView(scratch.data(), qsizetype(scratch.size()));
}

bool TextDiffLineIds::linesEqual(const TextDiffDocument &a, int i, const TextDiffDocument &b, int j,
                                 TextDiffOptions::Whitespace mode)
{
    if (mode == TextDiffOptions::Whitespace::Exact)
        return a.lineWithNewline(i) == b.lineWithNewline(j);
    thread_local std::string left;
    thread_local std::string right;
    return comparedBytes(a, i, mode, left) == comparedBytes(b, j, mode, right);
}

bool TextDiffLineIds::intern(const TextDiffDocument &oldDoc, int oldFrom, int oldTo,
                             const TextDiffDocument &newDoc, int newFrom, int newTo,
                             const TextDiffOptions &options)
{
    const size_t lines = size_t(oldTo - oldFrom) + size_t(newTo - newFrom);
    size_t capacity = 16;
    while (capacity < lines * 2)
        capacity *= 2;
    m_slots.assign(capacity, Slot());
    m_reps.clear();
    m_reps.reserve(lines / 2 + 16);
    m_arena.clear();
    if (options.whitespace != TextDiffOptions::Whitespace::Exact) {
        m_arena.reserve(size_t(oldDoc.lineOffset(oldTo) - oldDoc.lineOffset(oldFrom)) +
                        size_t(newDoc.lineOffset(newTo) - newDoc.lineOffset(newFrom)));
    }
    return internSide(oldDoc, oldFrom, oldTo, m_oldIds, options) &&
           internSide(newDoc, newFrom, newTo, m_newIds, options);
}

bool TextDiffLineIds::internSide(const TextDiffDocument &doc, int from, int to,
                                 std::vector<int> &ids, const TextDiffOptions &options)
{
    const bool exact = options.whitespace == TextDiffOptions::Whitespace::Exact;
    const size_t mask = m_slots.size() - 1;
    ids.resize(size_t(to - from));
    std::string scratch;
    for (int i = from; i < to; ++i) {
        if ((i & 0xffff) == 0 && options.isCanceled())
            return false;
        QByteArrayView bytes = doc.lineWithNewline(i);
        if (!exact) {
            scratch.clear();
            appendNormalized(bytes, options.whitespace, scratch);
            bytes = QByteArrayView(scratch.data(), qsizetype(scratch.size()));
        }
        const size_t hash = qHashBits(bytes.data(), size_t(bytes.size()), 0x9e3779b9);
        size_t at = hash & mask;
        // Linear probing over a table at most half full.
        for (;; at = (at + 1) & mask) {
            Slot &slot = m_slots[at];
            if (slot.id < 0) {
                slot.hash = quint32(hash);
                slot.id = int(m_reps.size());
                if (!exact) {
                    const size_t offset = m_arena.size();
                    m_arena.append(bytes.data(), size_t(bytes.size()));
                    bytes = QByteArrayView(m_arena.data() + offset, bytes.size());
                }
                m_reps.push_back(bytes);
                break;
            }
            if (slot.hash == quint32(hash) && m_reps[size_t(slot.id)] == bytes)
                break;
        }
        ids[size_t(i - from)] = m_slots[at].id;
    }
    return true;
}

} // namespace hookbench
