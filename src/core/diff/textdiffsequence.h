#pragma once

#include "textdiffoptions.h"

#include <functional>
#include <vector>

namespace hookbench {

// The diff of two sequences of integer ids (interned lines, or tokens of one line).
//
// Large regions are first cut at "patience" anchors: ids that occur exactly once on each side,
// kept in their longest increasing order. That is O(n log n) per pass and keeps 500k-line files
// with changes spread everywhere fast: histogram alone takes one anchor per pass, and spent 5.6 s
// on 500k distinct lines with a change every 100 lines (0.3 s with anchors first). Small
// regions get git's histogram diff (the longest common run through the rarest ids; far more
// readable than plain Myers on JSON, where "}," and "]" repeat everywhere). Regions whose common
// ids are all very frequent fall back to TextDiffMyers, after dropping the ids the other side
// lacks. slideGroups() then picks the most readable of the equally good placements.
class TextDiffSequence
{
public:
    TextDiffSequence(const int *a, int n, const int *b, int m, int idCount);

    // False when canceled.
    bool run(const TextDiffOptions &options);
    // run() and slideGroups() on both sides.
    bool runAndSlide(const TextDiffOptions &options);

    // 1 for each element outside the common subsequence.
    const std::vector<char> &changedA() const { return m_changedA; }
    const std::vector<char> &changedB() const { return m_changedB; }

    // Slides each group of changed elements as GNU diff does: up as far as it goes, down as far as
    // it goes (merging neighbouring groups), then back up to the last place where it ended next to
    // a change on the other side, so deletions and insertions pair up. Every placement is an
    // equally long common subsequence; this picks the readable one. changed has n entries,
    // otherChanged m; same(i, k): elements i and k of this side are equal.
    static void slideGroups(char *changed, int n, const char *otherChanged, int m,
                            const std::function<bool(int, int)> &same);

private:
    struct Region
    {
        int a0, a1, b0, b1;
    };
    bool splitAtUniqueAnchors(const Region &r);
    bool splitAtHistogramRun(const Region &r, bool &fallBack);
    bool myersFallback(const Region &r, const TextDiffOptions &options);
    void markChanged(const Region &r);
    void settle(long long elements);

    const int *m_a;
    const int *m_b;
    int m_n;
    int m_m;
    std::vector<char> m_changedA;
    std::vector<char> m_changedB;
    // Per-id scratch, all zero between passes.
    std::vector<int> m_countA;
    std::vector<int> m_countB;
    std::vector<int> m_firstA; // first position of the id in the current A region
    std::vector<int> m_nextA;  // per A position: next position of the same id, or -1
    std::vector<Region> m_stack;
    const TextDiffOptions *m_options = nullptr;
    long long m_settled = 0;
    int m_percent = -1;
};

} // namespace hookbench
