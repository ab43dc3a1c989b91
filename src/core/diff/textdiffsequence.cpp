#include "textdiffsequence.h"

#include "textdiffmyers.h"

#include <algorithm>

namespace hookbench {

namespace {

// Regions at least this large (lines on both sides) are cut at unique anchors first.
constexpr int PatienceMinimum = 4096;
// Histogram diff ignores ids occurring more often than this in the A region (git's limit).
constexpr int MaxChain = 64;

} // namespace

TextDiffSequence::TextDiffSequence(const int *a, int n, const int *b, int m, int idCount)
    : m_a(a)
    , m_b(b)
    , m_n(n)
    , m_m(m)
    , m_changedA(size_t(n), 0)
    , m_changedB(size_t(m), 0)
    , m_countA(size_t(idCount), 0)
    , m_countB(size_t(idCount), 0)
    , m_firstA(size_t(idCount), 0)
    , m_nextA(size_t(n), -1)
{}

bool TextDiffSequence::run(const TextDiffOptions &options)
{
    m_options = &options;
    m_settled = 0;
    m_percent = -1;
    settle(0);
    m_stack.assign(1, Region{0, m_n, 0, m_m});
    while (!m_stack.empty()) {
        if (options.isCanceled())
            return false;
        Region r = m_stack.back();
        m_stack.pop_back();
        const int before = r.a0;
        while (r.a0 < r.a1 && r.b0 < r.b1 && m_a[r.a0] == m_b[r.b0]) {
            ++r.a0;
            ++r.b0;
        }
        while (r.a0 < r.a1 && r.b0 < r.b1 && m_a[r.a1 - 1] == m_b[r.b1 - 1]) {
            --r.a1;
            --r.b1;
        }
        settle(2LL * (r.a0 - before));
        if (r.a0 == r.a1 || r.b0 == r.b1) {
            markChanged(r);
            continue;
        }
        if ((r.a1 - r.a0) + (r.b1 - r.b0) >= PatienceMinimum && splitAtUniqueAnchors(r))
            continue;
        bool fallBack = false;
        if (splitAtHistogramRun(r, fallBack))
            continue;
        if (!fallBack)
            markChanged(r); // nothing in common
        else if (!myersFallback(r, options))
            return false;
    }
    // The trimmed common suffixes were never settled one by one; report completion.
    m_settled = (long long)m_n + m_m;
    settle(0);
    return true;
}

bool TextDiffSequence::runAndSlide(const TextDiffOptions &options)
{
    if (!run(options))
        return false;
    slideGroups(m_changedA.data(), m_n, m_changedB.data(), m_m,
                [this](int i, int k) { return m_a[i] == m_a[k]; });
    slideGroups(m_changedB.data(), m_m, m_changedA.data(), m_n,
                [this](int i, int k) { return m_b[i] == m_b[k]; });
    return true;
}

void TextDiffSequence::markChanged(const Region &r)
{
    std::fill(m_changedA.begin() + r.a0, m_changedA.begin() + r.a1, 1);
    std::fill(m_changedB.begin() + r.b0, m_changedB.begin() + r.b1, 1);
    settle((long long)(r.a1 - r.a0) + (r.b1 - r.b0));
}

void TextDiffSequence::settle(long long elements)
{
    m_settled += elements;
    if (!m_options->progress)
        return;
    const long long total = (long long)m_n + m_m;
    const int percent = total ? int(std::min(100LL, m_settled * 100 / total)) : 100;
    if (percent != m_percent) {
        m_percent = percent;
        m_options->progress(percent);
    }
}

bool TextDiffSequence::splitAtUniqueAnchors(const Region &r)
{
    for (int i = r.a0; i < r.a1; ++i) {
        ++m_countA[size_t(m_a[i])];
        m_firstA[size_t(m_a[i])] = i;
    }
    for (int j = r.b0; j < r.b1; ++j)
        ++m_countB[size_t(m_b[j])];
    struct Anchor
    {
        int a, b;
    };
    std::vector<Anchor> candidates;
    for (int j = r.b0; j < r.b1; ++j) {
        const size_t id = size_t(m_b[j]);
        if (m_countA[id] == 1 && m_countB[id] == 1)
            candidates.push_back({m_firstA[id], j});
    }
    for (int i = r.a0; i < r.a1; ++i)
        m_countA[size_t(m_a[i])] = 0;
    for (int j = r.b0; j < r.b1; ++j)
        m_countB[size_t(m_b[j])] = 0;
    if (candidates.empty())
        return false;

    // Longest increasing subsequence of A positions (candidates are in B order): patience sort.
    std::vector<int> tails;
    std::vector<int> previous(candidates.size(), -1);
    for (int c = 0; c < int(candidates.size()); ++c) {
        const auto at = std::lower_bound(tails.begin(), tails.end(), candidates[size_t(c)].a,
                                         [&](int t, int a) { return candidates[size_t(t)].a < a; });
        if (at != tails.begin())
            previous[size_t(c)] = *(at - 1);
        if (at == tails.end())
            tails.push_back(c);
        else
            *at = c;
    }
    // Push the gaps between anchors, last first, so regions pop in order (progress reads well).
    int endA = r.a1, endB = r.b1;
    for (int c = tails.back(); c >= 0; c = previous[size_t(c)]) {
        const Anchor &anchor = candidates[size_t(c)];
        if (anchor.a + 1 < endA || anchor.b + 1 < endB)
            m_stack.push_back({anchor.a + 1, endA, anchor.b + 1, endB});
        endA = anchor.a;
        endB = anchor.b;
        settle(2);
    }
    if (r.a0 < endA || r.b0 < endB)
        m_stack.push_back({r.a0, endA, r.b0, endB});
    return true;
}

// git's histogram diff (after JGit): the longest common run that contains the rarest id of A.
bool TextDiffSequence::splitAtHistogramRun(const Region &r, bool &fallBack)
{
    for (int i = r.a1 - 1; i >= r.a0; --i) {
        const size_t id = size_t(m_a[i]);
        m_nextA[size_t(i)] = m_countA[id] ? m_firstA[id] : -1;
        m_firstA[id] = i;
        ++m_countA[id];
    }
    bool found = false, hasCommon = false;
    int bestCount = MaxChain + 1;
    int bestA0 = 0, bestA1 = 0, bestB0 = 0, bestB1 = 0; // inclusive, as in git
    for (int bPos = r.b0; bPos < r.b1;) {
        int bNext = bPos + 1;
        const size_t id = size_t(m_b[bPos]);
        const int count = m_countA[id];
        if (count > 0)
            hasCommon = true;
        if (count == 0 || count > bestCount) {
            bPos = bNext;
            continue;
        }
        for (int as = m_firstA[id];;) {
            int next = m_nextA[size_t(as)];
            int bs = bPos, ae = as, be = bPos, rc = count;
            while (r.a0 < as && r.b0 < bs && m_a[as - 1] == m_b[bs - 1]) {
                --as;
                --bs;
                if (rc > 1)
                    rc = std::min(rc, m_countA[size_t(m_a[as])]);
            }
            while (ae + 1 < r.a1 && be + 1 < r.b1 && m_a[ae + 1] == m_b[be + 1]) {
                ++ae;
                ++be;
                if (rc > 1)
                    rc = std::min(rc, m_countA[size_t(m_a[ae])]);
            }
            bNext = std::max(bNext, be + 1);
            if (!found || bestA1 - bestA0 < ae - as || rc < bestCount) {
                found = true;
                bestA0 = as;
                bestA1 = ae;
                bestB0 = bs;
                bestB1 = be;
                bestCount = rc;
            }
            while (next >= 0 && next <= ae)
                next = m_nextA[size_t(next)];
            if (next < 0)
                break;
            as = next;
        }
        bPos = bNext;
    }
    for (int i = r.a0; i < r.a1; ++i)
        m_countA[size_t(m_a[i])] = 0;
    if (!found || bestCount > MaxChain) {
        fallBack = hasCommon;
        return false;
    }
    m_stack.push_back({bestA1 + 1, r.a1, bestB1 + 1, r.b1});
    m_stack.push_back({r.a0, bestA0, r.b0, bestB0});
    settle(2LL * (bestA1 - bestA0 + 1));
    return true;
}

bool TextDiffSequence::myersFallback(const Region &r, const TextDiffOptions &options)
{
    // A line the other side lacks is changed in every script; leaving those out shrinks the
    // region Myers sees, often by a lot (GNU diff's discard step, without its heuristics).
    for (int i = r.a0; i < r.a1; ++i)
        ++m_countA[size_t(m_a[i])];
    for (int j = r.b0; j < r.b1; ++j)
        ++m_countB[size_t(m_b[j])];
    std::vector<int> ids, positions;
    std::vector<int> idsB, positionsB;
    for (int i = r.a0; i < r.a1; ++i) {
        if (m_countB[size_t(m_a[i])]) {
            ids.push_back(m_a[i]);
            positions.push_back(i);
        } else {
            m_changedA[size_t(i)] = 1;
        }
    }
    for (int j = r.b0; j < r.b1; ++j) {
        if (m_countA[size_t(m_b[j])]) {
            idsB.push_back(m_b[j]);
            positionsB.push_back(j);
        } else {
            m_changedB[size_t(j)] = 1;
        }
    }
    for (int i = r.a0; i < r.a1; ++i)
        m_countA[size_t(m_a[i])] = 0;
    for (int j = r.b0; j < r.b1; ++j)
        m_countB[size_t(m_b[j])] = 0;
    std::vector<char> changed(ids.size(), 0), changedB(idsB.size(), 0);
    if (!TextDiffMyers::compare(ids.data(), int(ids.size()), idsB.data(), int(idsB.size()),
                                changed.data(), changedB.data(), options))
        return false;
    for (size_t k = 0; k < changed.size(); ++k)
        m_changedA[size_t(positions[k])] = changed[k];
    for (size_t k = 0; k < changedB.size(); ++k)
        m_changedB[size_t(positionsB[k])] = changedB[k];
    settle((long long)(r.a1 - r.a0) + (r.b1 - r.b0));
    return true;
}

void TextDiffSequence::slideGroups(char *changed, int n, const char *otherChanged, int m,
                                   const std::function<bool(int, int)> &same)
{
    const auto isChanged = [&](int k) { return k >= 0 && k < n && changed[(k)]; };
    const auto isOtherChanged = [&](int k) { return k >= 0 && k < m && otherChanged[(k)]; };
    // j: the other side's position paired with the first unchanged element after the group.
    int i = 0, j = 0;
    for (;;) {
        while (i < n && !changed[(i)]) {
            while (isOtherChanged(j))
                ++j;
            ++j;
            ++i;
        }
        if (i == n)
            break;
        int start = i;
        while (isChanged(i))
            ++i;
        while (isOtherChanged(j))
            ++j;
        int length, corresponding;
        do {
            length = i - start;
            while (start > 0 && same(start - 1, i - 1)) {
                changed[(--start)] = 1;
                changed[(--i)] = 0;
                while (isChanged(start - 1))
                    --start;
                do
                    --j;
                while (isOtherChanged(j));
            }
            corresponding = isOtherChanged(j - 1) ? i : n;
            while (i < n && same(start, i)) {
                changed[(start++)] = 0;
                changed[(i++)] = 1;
                while (isChanged(i))
                    ++i;
                ++j;
                while (isOtherChanged(j)) {
                    ++j;
                    corresponding = i;
                }
            }
        } while (length != i - start);
        while (corresponding < i) {
            changed[(--start)] = 1;
            changed[(--i)] = 0;
            do
                --j;
            while (isOtherChanged(j));
        }
    }
}

} // namespace hookbench
