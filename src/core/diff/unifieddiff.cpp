#include "unifieddiff.h"

#include "textdiff.h"
#include "textdiffdocument.h"

#include <algorithm>

namespace hookbench {

namespace {

// GNU's range: "start,count" 1-based; a single line is just its number, and an empty range
// names the line before it (patch relies on that for empty files).
void appendRange(QByteArray &out, int start, int count)
{
    if (count == 0) {
        out += QByteArray::number(start) + ",0";
    } else if (count == 1) {
        out += QByteArray::number(start + 1);
    } else {
        out += QByteArray::number(start + 1) + ',' + QByteArray::number(count);
    }
}

void appendLines(QByteArray &out, char prefix, const TextDiffDocument &doc, int from, int to)
{
    for (int i = from; i < to; ++i) {
        out += prefix;
        out += doc.line(i);
        out += '\n';
        if (!doc.hasNewline(i))
            out += "\\ No newline at end of file\n";
    }
}

} // namespace

QList<UnifiedDiff::Hunk> UnifiedDiff::hunks(const TextDiff &diff, int context)
{
    const QList<TextDiff::Run> &runs = diff.runs();
    const int size = int(runs.size());
    context = std::max(0, context);
    QList<Hunk> result;
    for (int k = 0; k < size; ++k) {
        if (runs[k].equal)
            continue;
        // Runs alternate: after a change comes an equal run, then the next change.
        int last = k;
        while (last + 2 < size && runs[last + 1].oldCount <= 2 * context)
            last += 2;
        const int lead = k > 0 ? std::min(context, runs[k - 1].oldCount) : 0;
        const int trail = last + 1 < size ? std::min(context, runs[last + 1].oldCount) : 0;
        Hunk hunk;
        hunk.oldStart = runs[k].oldStart - lead;
        hunk.newStart = runs[k].newStart - lead;
        hunk.oldCount = runs[last].oldEnd() + trail - hunk.oldStart;
        hunk.newCount = runs[last].newEnd() + trail - hunk.newStart;
        hunk.firstRun = k;
        hunk.lastRun = last;
        result.append(hunk);
        k = last;
    }
    return result;
}

QByteArray UnifiedDiff::hunkHeader(const Hunk &hunk)
{
    QByteArray out = "@@ -";
    appendRange(out, hunk.oldStart, hunk.oldCount);
    out += " +";
    appendRange(out, hunk.newStart, hunk.newCount);
    out += " @@";
    return out;
}

QByteArray UnifiedDiff::format(const TextDiffDocument &oldDoc, const TextDiffDocument &newDoc,
                               const TextDiff &diff, const QString &oldLabel,
                               const QString &newLabel, int context)
{
    const QList<Hunk> all = hunks(diff, context);
    if (all.isEmpty())
        return QByteArray();
    const QList<TextDiff::Run> &runs = diff.runs();
    QByteArray out;
    out += "--- " + oldLabel.toUtf8() + '\n';
    out += "+++ " + newLabel.toUtf8() + '\n';
    for (const Hunk &hunk : all) {
        out += hunkHeader(hunk);
        out += '\n';
        // Context comes from the old side, as GNU diff prints it.
        appendLines(out, ' ', oldDoc, hunk.oldStart, runs[hunk.firstRun].oldStart);
        for (int k = hunk.firstRun; k <= hunk.lastRun; ++k) {
            const TextDiff::Run &run = runs[k];
            if (run.equal) {
                appendLines(out, ' ', oldDoc, run.oldStart, run.oldEnd());
            } else {
                appendLines(out, '-', oldDoc, run.oldStart, run.oldEnd());
                appendLines(out, '+', newDoc, run.newStart, run.newEnd());
            }
        }
        appendLines(out, ' ', oldDoc, runs[hunk.lastRun].oldEnd(), hunk.oldStart + hunk.oldCount);
    }
    return out;
}

} // namespace hookbench
