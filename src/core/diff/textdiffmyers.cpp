#include "textdiffmyers.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace hookbench {

TextDiffMyers::TextDiffMyers(const int *a, int n, const int *b, int m,
                             const TextDiffOptions &options)
    : m_a(a)
    , m_b(b)
    , m_options(options)
    , m_forward(size_t(n) + size_t(m) + 3)
    , m_backward(size_t(n) + size_t(m) + 3)
    , m_offset(m + 1)
    , m_maxCost(std::max(256, int(std::sqrt(double(n) + double(m)))))
{}

bool TextDiffMyers::compare(const int *a, int n, const int *b, int m, char *changedA,
                            char *changedB, const TextDiffOptions &options)
{
    TextDiffMyers myers(a, n, b, m, options);
    struct Box
    {
        int x0, x1, y0, y1;
        bool minimal;
    };
    // An explicit stack: heuristic splits can be lopsided, and recursion that deep could overflow.
    std::vector<Box> stack{{0, n, 0, m, false}};
    while (!stack.empty()) {
        Box box = stack.back();
        stack.pop_back();
        while (box.x0 < box.x1 && box.y0 < box.y1 && a[box.x0] == b[box.y0]) {
            ++box.x0;
            ++box.y0;
        }
        while (box.x0 < box.x1 && box.y0 < box.y1 && a[box.x1 - 1] == b[box.y1 - 1]) {
            --box.x1;
            --box.y1;
        }
        if (box.x0 == box.x1 || box.y0 == box.y1) {
            std::fill(changedA + box.x0, changedA + box.x1, 1);
            std::fill(changedB + box.y0, changedB + box.y1, 1);
            continue;
        }
        Split s;
        if (!myers.split(box.x0, box.x1, box.y0, box.y1, box.minimal, s))
            return false;
        const bool noProgress =
            (s.x == box.x0 && s.y == box.y0) || (s.x == box.x1 && s.y == box.y1);
        if (noProgress) { // cannot happen with a correct split; never loop forever if it did
            std::fill(changedA + box.x0, changedA + box.x1, 1);
            std::fill(changedB + box.y0, changedB + box.y1, 1);
            continue;
        }
        stack.push_back({s.x, box.x1, s.y, box.y1, s.minimalHigh});
        stack.push_back({box.x0, s.x, box.y0, s.y, s.minimalLow});
    }
    return true;
}

// Expects a box whose first and last elements differ (the caller trims common ends).
bool TextDiffMyers::split(int x0, int x1, int y0, int y1, bool minimal, Split &out)
{
    int *const fwd = m_forward.data() + m_offset;
    int *const bwd = m_backward.data() + m_offset;
    const int dmin = x0 - y1;
    const int dmax = x1 - y0;
    const int fmid = x0 - y0;
    const int bmid = x1 - y1;
    const bool odd = ((fmid - bmid) & 1) != 0;
    int fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
    fwd[fmid] = x0;
    bwd[bmid] = x1;

    for (int cost = 1;; ++cost) {
        if (m_options.isCanceled())
            return false;
        // One more edit forward: widen the band of diagonals (sentinels outside it).
        if (fmin > dmin)
            fwd[--fmin - 1] = -1;
        else
            ++fmin;
        if (fmax < dmax)
            fwd[++fmax + 1] = -1;
        else
            --fmax;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = fwd[d - 1] >= fwd[d + 1] ? fwd[d - 1] + 1 : fwd[d + 1];
            int y = x - d;
            while (x < x1 && y < y1 && m_a[x] == m_b[y]) {
                ++x;
                ++y;
            }
            fwd[d] = x;
            if (odd && bmin <= d && d <= bmax && bwd[d] <= x) {
                out = {x, y, true, true};
                return true;
            }
        }
        // One more edit backward.
        if (bmin > dmin)
            bwd[--bmin - 1] = INT_MAX;
        else
            ++bmin;
        if (bmax < dmax)
            bwd[++bmax + 1] = INT_MAX;
        else
            --bmax;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = bwd[d - 1] < bwd[d + 1] ? bwd[d - 1] : bwd[d + 1] - 1;
            int y = x - d;
            while (x > x0 && y > y0 && m_a[x - 1] == m_b[y - 1]) {
                --x;
                --y;
            }
            bwd[d] = x;
            if (!odd && fmin <= d && d <= fmax && x <= fwd[d]) {
                out = {x, y, true, true};
                return true;
            }
        }
        if (minimal || cost < m_maxCost)
            continue;

        // Too expensive: split where a path got furthest, and solve that side minimally (its cost
        // is at most `cost`, so that is cheap).
        int forwardBest = -1, forwardX = x0;
        for (int d = fmax; d >= fmin; d -= 2) {
            int x = std::min(fwd[d], x1);
            int y = x - d;
            if (y > y1) {
                x = y1 + d;
                y = y1;
            }
            if (x + y > forwardBest) {
                forwardBest = x + y;
                forwardX = x;
            }
        }
        int backwardBest = INT_MAX, backwardX = x1;
        for (int d = bmax; d >= bmin; d -= 2) {
            int x = std::max(x0, bwd[d]);
            int y = x - d;
            if (y < y0) {
                x = y0 + d;
                y = y0;
            }
            if (x + y < backwardBest) {
                backwardBest = x + y;
                backwardX = x;
            }
        }
        if ((x1 + y1) - backwardBest < forwardBest - (x0 + y0))
            out = {forwardX, forwardBest - forwardX, true, false};
        else
            out = {backwardX, backwardBest - backwardX, false, true};
        return true;
    }
}

} // namespace hookbench
