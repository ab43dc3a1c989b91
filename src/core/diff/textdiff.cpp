#include "textdiff.h"

#include "textdiffdocument.h"
#include "textdifflineids.h"
#include "textdiffsequence.h"

#include <algorithm>

namespace hookbench {

namespace {

// GNU diff keeps this many lines (its context) of the identical first and last lines in play
// when it slides change groups; sliding no further than that gives the same hunks as `diff -u`.
constexpr int SlideHorizon = 3;

// Appends runs for a stretch of flags through `append(equal, oldCount, newCount)`.
template<typename Append>
void appendFlagRuns(const char *changedOld, int n, const char *changedNew, int m, Append append)
{
    int i = 0, j = 0;
    while (i < n || j < m) {
        const int i0 = i, j0 = j;
        while (i < n && j < m && !changedOld[i] && !changedNew[j]) {
            ++i;
            ++j;
        }
        if (i > i0)
            append(true, i - i0, i - i0);
        const int i1 = i, j1 = j;
        while (i < n && changedOld[i])
            ++i;
        while (j < m && changedNew[j])
            ++j;
        if (i > i1 || j > j1)
            append(false, i - i1, j - j1);
        else if (i == i0 && j == j0)
            break; // unchanged lines left on one side only: bad flags; stop rather than spin
    }
}

} // namespace

void TextDiff::append(bool equal, int oldCount, int newCount)
{
    if (oldCount == 0 && newCount == 0)
        return;
    if (!m_runs.isEmpty() && m_runs.constLast().equal == equal) {
        m_runs.last().oldCount += oldCount;
        m_runs.last().newCount += newCount;
    } else {
        Run run;
        run.equal = equal;
        run.oldStart = m_runs.isEmpty() ? 0 : m_runs.constLast().oldEnd();
        run.newStart = m_runs.isEmpty() ? 0 : m_runs.constLast().newEnd();
        run.oldCount = oldCount;
        run.newCount = newCount;
        m_runs.append(run);
        if (!equal)
            ++m_changes;
    }
    if (!equal) {
        m_deleted += oldCount;
        m_inserted += newCount;
    }
}

TextDiff TextDiff::fromChangedFlags(const std::vector<char> &changedOld,
                                    const std::vector<char> &changedNew)
{
    TextDiff diff;
    diff.m_oldLines = int(changedOld.size());
    diff.m_newLines = int(changedNew.size());
    appendFlagRuns(changedOld.data(), diff.m_oldLines, changedNew.data(), diff.m_newLines,
                   [&](bool equal, int o, int n) { diff.append(equal, o, n); });
    return diff;
}

TextDiff TextDiff::compute(const TextDiffDocument &oldDoc, const TextDiffDocument &newDoc,
                           const TextDiffOptions &options)
{
    TextDiff diff;
    diff.m_oldLines = oldDoc.lineCount();
    diff.m_newLines = newDoc.lineCount();
    const auto canceled = [&]() {
        diff.m_runs.clear();
        diff.m_deleted = diff.m_inserted = diff.m_changes = 0;
        diff.m_canceled = true;
        return diff;
    };
    if (options.isCanceled())
        return canceled();
    int lastPercent = -1;
    TextDiffOptions inner = options;
    inner.progress = nullptr;
    if (options.progress) {
        inner.progress = [&](int percent) {
            if (percent != lastPercent)
                options.progress(lastPercent = percent);
        };
    }
    const auto finish = [&]() {
        if (inner.progress)
            inner.progress(100);
        return diff;
    };
    const auto mode = options.whitespace;
    if (mode == TextDiffOptions::Whitespace::Exact && oldDoc.data() == newDoc.data()) {
        diff.append(true, diff.m_oldLines, diff.m_newLines);
        return finish();
    }

    // Common first and last lines never reach the hashing or the algorithm.
    int prefix = 0;
    const int shorter = std::min(diff.m_oldLines, diff.m_newLines);
    while (prefix < shorter && TextDiffLineIds::linesEqual(oldDoc, prefix, newDoc, prefix, mode))
        ++prefix;
    int suffix = 0;
    while (suffix < shorter - prefix &&
           TextDiffLineIds::linesEqual(oldDoc, diff.m_oldLines - 1 - suffix, newDoc,
                                       diff.m_newLines - 1 - suffix, mode))
        ++suffix;
    const int oldTo = diff.m_oldLines - suffix;
    const int newTo = diff.m_newLines - suffix;
    std::vector<char> changedOld(size_t(diff.m_oldLines), 0);
    std::vector<char> changedNew(size_t(diff.m_newLines), 0);
    TextDiffLineIds ids;
    if (prefix == oldTo || prefix == newTo) {
        std::fill(changedOld.begin() + prefix, changedOld.begin() + oldTo, 1);
        std::fill(changedNew.begin() + prefix, changedNew.begin() + newTo, 1);
    } else {
        if (!ids.intern(oldDoc, prefix, oldTo, newDoc, prefix, newTo, inner))
            return canceled();
        TextDiffSequence sequence(ids.oldIds().data(), oldTo - prefix, ids.newIds().data(),
                                  newTo - prefix, ids.idCount());
        if (!sequence.run(inner))
            return canceled();
        std::copy(sequence.changedA().begin(), sequence.changedA().end(),
                  changedOld.begin() + prefix);
        std::copy(sequence.changedB().begin(), sequence.changedB().end(),
                  changedNew.begin() + prefix);
    }

    const int from = prefix - std::min(SlideHorizon, prefix);
    const int horizon = std::min(SlideHorizon, suffix);
    const int oldEnd = oldTo + horizon, newEnd = newTo + horizon;
    // Lines of one side, relative to `from`: by id inside the interned middle, else by bytes.
    const auto sameOn = [&](const TextDiffDocument &doc, const std::vector<int> &lineIds) {
        return [&doc, &lineIds, prefix, from, mode](int i, int k) {
            i += from;
            k += from;
            const auto inMiddle = [&](int line) {
                return line >= prefix && size_t(line - prefix) < lineIds.size();
            };
            if (inMiddle(i) && inMiddle(k))
                return lineIds[size_t(i - prefix)] == lineIds[size_t(k - prefix)];
            return TextDiffLineIds::linesEqual(doc, i, doc, k, mode);
        };
    };
    TextDiffSequence::slideGroups(changedOld.data() + from, oldEnd - from, changedNew.data() + from,
                                  newEnd - from, sameOn(oldDoc, ids.oldIds()));
    TextDiffSequence::slideGroups(changedNew.data() + from, newEnd - from, changedOld.data() + from,
                                  oldEnd - from, sameOn(newDoc, ids.newIds()));
    appendFlagRuns(changedOld.data(), diff.m_oldLines, changedNew.data(), diff.m_newLines,
                   [&](bool equal, int o, int n) { diff.append(equal, o, n); });
    return finish();
}

} // namespace hookbench
