#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>

#include <array>
#include <vector>

namespace hookbench {

// What a load run (LoadRunner) came to. Every request sent either got an answer (any status)
// or failed: answered + failed == sent.
struct LoadSummary
{
    int sent = 0;                // requests started (at most the plan's count)
    int answered = 0;            // complete HTTP answers, whatever their status
    int failed = 0;              // no complete answer: refused, timed out, closed, cancelled...
    QMap<int, int> statusCounts; // status -> answers
    QMap<QString, int> failureCounts; // the failure in words -> requests
    double elapsedSeconds = 0;        // from start to the last answer or failure
    double requestsPerSecond = 0;     // answered / elapsedSeconds
    // Latency from writing a request to its complete answer, answered requests only.
    qint64 p50Us = 0;
    qint64 p90Us = 0;
    qint64 p99Us = 0;
    qint64 maxUs = 0;
    bool canceled = false;
    QString error; // the plan was refused (one sentence naming the field); nothing was sent

    // Every request was sent and answered with a 2xx.
    bool isSuccess() const;
};

// Gathers a run's figures. The per-answer path only counts and appends: no map insertion,
// no sorting until summary time.
class LoadStats
{
public:
    void start(int expectedAnswers);
    void addAnswer(int status, qint64 latencyNs);
    void addFailure(const QString &text);

    int answered() const { return int(m_latencyUs.size()); }
    int failed() const { return m_failed; }
    // Counts, status histogram, failures and latency percentiles (nearest rank).
    void fill(LoadSummary *summary);

private:
    std::vector<quint32> m_latencyUs;
    std::array<int, 1000> m_statusCounts{}; // the parser only accepts three-digit statuses
    QMap<QString, int> m_failureCounts;
    int m_failed = 0;
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::LoadSummary)
