#pragma once

#include <vector>

namespace hookbench {

class TextDiff;

// The rows of a side-by-side view of a TextDiff: equal lines face each other; in a change run
// the i-th deleted line faces the i-th inserted line and the longer side faces gaps. Rows are
// computed on demand from the runs (binary search), so a virtualized view over 500k-line files
// asks for row r in O(log runs) and nothing is stored per line.
class TextDiffAlignment
{
public:
    enum class Kind {
        Equal,    // both lines, equal
        Modified, // both lines, different (worth intra-line highlights)
        Removed,  // old line only; the new side is a gap
        Added,    // new line only; the old side is a gap
    };
    struct Row
    {
        int oldLine = -1; // -1: gap
        int newLine = -1; // -1: gap
        Kind kind = Kind::Equal;
    };

    TextDiffAlignment() = default;
    explicit TextDiffAlignment(const TextDiff &diff);

    int rowCount() const { return m_rowCount; }
    Row row(int row) const;
    // The row showing the line (or, for a line beyond the end, rowCount()).
    int rowForOldLine(int line) const;
    int rowForNewLine(int line) const;

    // Change blocks, in order: the places next/previous change steps through.
    int changeCount() const { return int(m_changeSegments.size()); }
    int changeFirstRow(int change) const;
    int changeRowCount(int change) const;
    // The change containing the row, or -1.
    int changeAtRow(int row) const;
    // First row of the next change starting after `row` / previous change starting before it;
    // -1 when there is none.
    int nextChangeRow(int row) const;
    int previousChangeRow(int row) const;

private:
    struct Segment
    {
        int row;
        int oldStart;
        int newStart;
        int oldCount;
        int newCount;
        bool equal;
        int rows() const { return equal ? oldCount : (oldCount > newCount ? oldCount : newCount); }
    };
    int segmentAtRow(int row) const;

    std::vector<Segment> m_segments;
    std::vector<int> m_changeSegments; // indexes into m_segments
    int m_rowCount = 0;
};

} // namespace hookbench
