#pragma once

#include <QList>
#include <QPair>

namespace hookbench {

// The longest common subsequence of two sequences of element hashes (Myers' O(ND) greedy
// algorithm, common prefix and suffix first): the matched index pairs, increasing. When more
// than `maxEdits` insertions and deletions would be needed it gives up and returns only the
// common prefix and suffix; the caller then pairs the rest by position, which is still exact.
QList<QPair<int, int>> alignSequences(const QList<quint64> &a, const QList<quint64> &b,
                                      int maxEdits = 2000);

} // namespace hookbench
