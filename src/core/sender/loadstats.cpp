#include "loadstats.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hookbench {

namespace {

// Nearest-rank percentile: the smallest value with at least `percent` of all values at or
// below it. Partially sorts `values`.
qint64 percentile(std::vector<quint32> &values, double percent)
{
    if (values.empty())
        return 0;
    const auto rank = std::max<qsizetype>(1, qsizetype(std::ceil(percent / 100.0 * values.size())));
    const auto nth = values.begin() + (rank - 1);
    std::nth_element(values.begin(), nth, values.end());
    return *nth;
}

} // namespace

bool LoadSummary::isSuccess() const
{
    if (!error.isEmpty() || canceled || failed > 0 || answered == 0)
        return false;
    return std::all_of(statusCounts.keyBegin(), statusCounts.keyEnd(),
                       [](int status) { return status >= 200 && status < 300; });
}

void LoadStats::start(int expectedAnswers)
{
    m_latencyUs.clear();
    // Enough for most runs up front; a huge count grows the vector as answers come.
    m_latencyUs.reserve(std::min(expectedAnswers, 1 << 20));
    m_statusCounts.fill(0);
    m_failureCounts.clear();
    m_failed = 0;
}

void LoadStats::addAnswer(int status, qint64 latencyNs)
{
    constexpr qint64 maxUs = std::numeric_limits<quint32>::max(); // 71 minutes
    m_latencyUs.push_back(quint32(std::clamp<qint64>(latencyNs / 1000, 0, maxUs)));
    if (status >= 0 && status < int(m_statusCounts.size()))
        ++m_statusCounts[status];
}

void LoadStats::addFailure(const QString &text)
{
    ++m_failed;
    ++m_failureCounts[text];
}

void LoadStats::fill(LoadSummary *summary)
{
    summary->answered = answered();
    summary->failed = m_failed;
    summary->failureCounts = m_failureCounts;
    summary->statusCounts.clear();
    for (int status = 0; status < int(m_statusCounts.size()); ++status) {
        if (m_statusCounts[status] > 0)
            summary->statusCounts.insert(status, m_statusCounts[status]);
    }
    summary->p50Us = percentile(m_latencyUs, 50);
    summary->p90Us = percentile(m_latencyUs, 90);
    summary->p99Us = percentile(m_latencyUs, 99);
    summary->maxUs =
        m_latencyUs.empty() ? 0 : *std::max_element(m_latencyUs.begin(), m_latencyUs.end());
}

} // namespace hookbench
