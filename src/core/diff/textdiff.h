#pragma once

#include "textdiffoptions.h"

#include <QList>

#include <vector>

namespace hookbench {

class TextDiffDocument;

// The line diff of two documents, as alternating runs of equal and changed lines that cover both
// documents from the first line to the last. A change run deletes oldCount lines and inserts
// newCount lines in their place (either may be 0). Line numbers are 0-based.
//
// compute() is a pure function of its inputs and may run on any thread; see TextDiffOptions for
// cancelling and progress. See TextDiffSequence for the algorithm.
class TextDiff
{
public:
    struct Run
    {
        bool equal = false;
        int oldStart = 0;
        int oldCount = 0;
        int newStart = 0;
        int newCount = 0;

        int oldEnd() const { return oldStart + oldCount; }
        int newEnd() const { return newStart + newCount; }
        bool operator==(const Run &other) const
        {
            return equal == other.equal && oldStart == other.oldStart &&
                   oldCount == other.oldCount && newStart == other.newStart &&
                   newCount == other.newCount;
        }
    };

    TextDiff() = default;

    static TextDiff compute(const TextDiffDocument &oldDoc, const TextDiffDocument &newDoc,
                            const TextDiffOptions &options = {});
    // Runs from per-line flags (1 = not in the common subsequence); for callers diffing their
    // own sequences. The unchanged lines of both sides must be equally many.
    static TextDiff fromChangedFlags(const std::vector<char> &changedOld,
                                     const std::vector<char> &changedNew);

    const QList<Run> &runs() const { return m_runs; }
    bool isCanceled() const { return m_canceled; }
    bool hasChanges() const { return m_deleted > 0 || m_inserted > 0; }
    int oldLineCount() const { return m_oldLines; }
    int newLineCount() const { return m_newLines; }
    int deletedLineCount() const { return m_deleted; }
    int insertedLineCount() const { return m_inserted; }
    // Number of change runs (the places F7 steps through).
    int changeCount() const { return m_changes; }

private:
    void append(bool equal, int oldCount, int newCount);

    QList<Run> m_runs;
    bool m_canceled = false;
    int m_oldLines = 0;
    int m_newLines = 0;
    int m_deleted = 0;
    int m_inserted = 0;
    int m_changes = 0;
};

} // namespace hookbench
