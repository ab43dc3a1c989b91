#pragma once

#include "textdiffoptions.h"

#include <vector>

namespace hookbench {

// Myers' O(ND) difference algorithm in linear space (divide and conquer on the middle snake),
// over integer ids. Past a cost of about sqrt(N + M) edits per split it stops looking for the
// optimum and splits at the furthest-reaching path instead, as GNU diff and git do: the result is
// then a valid, near-minimal script, and the time stays about O((N + M) * sqrt(N + M)) on inputs
// with almost nothing in common.
class TextDiffMyers
{
public:
    // Marks in changedA (n entries) and changedB (m entries) the elements outside the common
    // subsequence found. False when canceled.
    static bool compare(const int *a, int n, const int *b, int m, char *changedA, char *changedB,
                        const TextDiffOptions &options);

private:
    struct Split
    {
        int x;
        int y;
        bool minimalLow;
        bool minimalHigh;
    };

    TextDiffMyers(const int *a, int n, const int *b, int m, const TextDiffOptions &options);
    bool split(int x0, int x1, int y0, int y1, bool minimal, Split &out);

    const int *m_a;
    const int *m_b;
    const TextDiffOptions &m_options;
    // Furthest x reached on each diagonal k = x - y, forward and backward; index k + m_offset.
    std::vector<int> m_forward;
    std::vector<int> m_backward;
    int m_offset;
    int m_maxCost;
};

} // namespace hookbench
