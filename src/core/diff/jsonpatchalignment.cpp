#include "jsonpatchalignment.h"

#include <vector>

namespace hookbench {

namespace {

constexpr int Unreachable = -1;

// Myers' step: the furthest x on diagonal k (x - y = k) after d edits, coming from d - 1, and
// whether the last edit was an insertion ("down"). Points outside the edit grid do not count.
struct Step
{
    int x = Unreachable;
    bool down = false;
};

Step step(const std::vector<int> &previous, int d, int k, int origin, int n, int m)
{
    auto at = [&](int diagonal) {
        return diagonal < -(d - 1) || diagonal > d - 1 ? Unreachable
                                                       : previous[size_t(diagonal + d - 1)];
    };
    auto valid = [&](int x) { return x >= origin && x <= n && x - k >= origin && x - k <= m; };
    const int fromAbove = at(k + 1); // insertion: same x, one more y
    const int fromLeft = at(k - 1);  // deletion: one more x
    const int down = fromAbove != Unreachable && valid(fromAbove) ? fromAbove : Unreachable;
    const int right = fromLeft != Unreachable && valid(fromLeft + 1) ? fromLeft + 1 : Unreachable;
    if (down == Unreachable && right == Unreachable)
        return {};
    return down >= right ? Step{down, true} : Step{right, false};
}

} // namespace

QList<QPair<int, int>> alignSequences(const QList<quint64> &a, const QList<quint64> &b,
                                      int maxEdits)
{
    QList<QPair<int, int>> pairs;
    int prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    for (int i = 0; i < prefix; ++i)
        pairs.append({i, i});

    // The middle, a[prefix, n) against b[prefix, m), in a grid whose origin is (prefix, prefix).
    const int n = int(a.size()) - suffix;
    const int m = int(b.size()) - suffix;
    const int width = n - prefix + m - prefix;
    std::vector<std::vector<int>> trace; // for each d, the furthest x on diagonals -d..d
    int foundD = width == 0 ? 0 : -1;
    for (int d = 0; d <= qMin(width, maxEdits) && foundD < 0; ++d) {
        std::vector<int> v(size_t(2 * d + 1), Unreachable);
        for (int k = -d; k <= d; k += 2) {
            int x = prefix;
            if (d > 0) {
                x = step(trace.back(), d, k, prefix, n, m).x;
                if (x == Unreachable)
                    continue;
            } else if (k != 0) {
                continue;
            }
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[size_t(k + d)] = x;
            if (x == n && y == m)
                foundD = d;
        }
        trace.push_back(std::move(v));
    }
    if (foundD > 0) {
        QList<QPair<int, int>> middle; // collected backwards
        int x = n;
        int y = m;
        for (int d = foundD; d > 0; --d) {
            const int k = x - y;
            const Step s = step(trace[size_t(d - 1)], d, k, prefix, n, m);
            const int startX = s.x; // where the snake on diagonal k began, after the edit
            while (x > startX)
                middle.append({--x, --y});
            x = s.down ? startX : startX - 1;
            y = s.down ? startX - k - 1 : startX - 1 - (k - 1);
        }
        while (x > prefix && y > prefix) // the d = 0 snake from the origin
            middle.append({--x, --y});
        for (auto it = middle.crbegin(); it != middle.crend(); ++it)
            pairs.append(*it);
    } // foundD < 0: too different for the budget; the caller pairs the middle by position
    for (int i = 0; i < suffix; ++i)
        pairs.append({n + i, m + i});
    return pairs;
}

} // namespace hookbench
