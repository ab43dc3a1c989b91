#include "textdiffalignment.h"

#include "textdiff.h"

#include <algorithm>

namespace hookbench {

TextDiffAlignment::TextDiffAlignment(const TextDiff &diff)
{
    m_segments.reserve(size_t(diff.runs().size()));
    for (const TextDiff::Run &run : diff.runs()) {
        const Segment segment{m_rowCount,   run.oldStart, run.newStart,
                              run.oldCount, run.newCount, run.equal};
        if (!run.equal)
            m_changeSegments.push_back(int(m_segments.size()));
        m_segments.push_back(segment);
        m_rowCount += segment.rows();
    }
}

int TextDiffAlignment::segmentAtRow(int row) const
{
    const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), row,
                                        [](int r, const Segment &s) { return r < s.row; });
    return int(after - m_segments.begin()) - 1;
}

TextDiffAlignment::Row TextDiffAlignment::row(int row) const
{
    Row result;
    if (row < 0 || row >= m_rowCount)
        return result;
    const Segment &s = m_segments[size_t(segmentAtRow(row))];
    const int offset = row - s.row;
    result.oldLine = offset < s.oldCount ? s.oldStart + offset : -1;
    result.newLine = offset < s.newCount ? s.newStart + offset : -1;
    if (s.equal)
        result.kind = Kind::Equal;
    else if (result.oldLine >= 0 && result.newLine >= 0)
        result.kind = Kind::Modified;
    else
        result.kind = result.oldLine >= 0 ? Kind::Removed : Kind::Added;
    return result;
}

int TextDiffAlignment::rowForOldLine(int line) const
{
    const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), line,
                                        [](int l, const Segment &s) { return l < s.oldStart; });
    // At most one segment without old lines (a pure insertion) sits between.
    auto it = after;
    for (int step = 0; step < 2 && it != m_segments.begin(); ++step) {
        --it;
        if (line >= it->oldStart && line < it->oldStart + it->oldCount)
            return it->row + (line - it->oldStart);
    }
    return m_rowCount;
}

int TextDiffAlignment::rowForNewLine(int line) const
{
    const auto after = std::upper_bound(m_segments.begin(), m_segments.end(), line,
                                        [](int l, const Segment &s) { return l < s.newStart; });
    // At most one segment without new lines (a pure deletion) sits between.
    auto it = after;
    for (int step = 0; step < 2 && it != m_segments.begin(); ++step) {
        --it;
        if (line >= it->newStart && line < it->newStart + it->newCount)
            return it->row + (line - it->newStart);
    }
    return m_rowCount;
}

int TextDiffAlignment::changeFirstRow(int change) const
{
    return m_segments[size_t(m_changeSegments[size_t(change)])].row;
}

int TextDiffAlignment::changeRowCount(int change) const
{
    return m_segments[size_t(m_changeSegments[size_t(change)])].rows();
}

int TextDiffAlignment::changeAtRow(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return -1;
    const int segment = segmentAtRow(row);
    if (m_segments[size_t(segment)].equal)
        return -1;
    const auto at = std::lower_bound(m_changeSegments.begin(), m_changeSegments.end(), segment);
    return int(at - m_changeSegments.begin());
}

int TextDiffAlignment::nextChangeRow(int row) const
{
    const auto at = std::upper_bound(
        m_changeSegments.begin(), m_changeSegments.end(), row,
        [this](int r, int segment) { return r < m_segments[size_t(segment)].row; });
    return at == m_changeSegments.end() ? -1 : m_segments[size_t(*at)].row;
}

int TextDiffAlignment::previousChangeRow(int row) const
{
    const auto at = std::lower_bound(
        m_changeSegments.begin(), m_changeSegments.end(), row,
        [this](int segment, int r) { return m_segments[size_t(segment)].row < r; });
    return at == m_changeSegments.begin() ? -1 : m_segments[size_t(*(at - 1))].row;
}

} // namespace hookbench
