#pragma once

#include "loadconnection.h"
#include "loadstats.h"
#include "outgoingrequest.h"

#include <QObject>

#include <vector>

class QTimer;

namespace hookbench {

// What a load run sends: `count` copies of `request` over `concurrency` connections.
struct LoadPlan
{
    OutgoingRequest request;
    int count = 100;
    int concurrency = 8;
    // 0: each connection sends its next request as soon as the previous answer is complete;
    // > 0: requests start at this fixed rate (request i at i / rate seconds), as far as free
    // connections allow.
    double ratePerSecond = 0;
    int timeoutMs = 30000; // per request, from its start (connecting included); 0: none

    static constexpr int MaxConcurrency = 1000;

    // Empty when the plan can run; else one sentence naming the first bad field, e.g.
    // "Count: must be at least 1" or the request's own validate() sentence.
    QString validate() const;
};

// Load mode of the test-webhook sender (issue 7): sends exactly `count` requests over its own
// persistent HTTP/1.1 connections (QNetworkAccessManager would open at most 6 per host), all
// on the calling thread's event loop, and sums up throughput, latency percentiles, the status
// histogram and the failures in words.
class LoadRunner : public QObject, private LoadConnection::Client
{
    Q_OBJECT
public:
    explicit LoadRunner(QObject *parent = nullptr);
    ~LoadRunner() override; // stops a run without reporting it

    // Starts a run; finished() follows exactly once, from the event loop. Returns false (and
    // reports nothing) while a run is in progress. A plan validate() refuses is reported through
    // finished() with `error` set and nothing sent.
    bool start(const LoadPlan &plan);
    // Stops at once: requests in flight count as failed ("cancelled"), nothing more is sent,
    // and finished() is emitted before this returns, with `canceled` set.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Completed requests (answered or failed) out of all; at most every 50 ms, and once at
    // the end with done == total. Do not delete the runner from a slot connected to this.
    void progressed(int done, int total);
    void finished(const hookbench::LoadSummary &summary);

private:
    void answered(LoadConnection *connection, int status, qint64 latencyNs) override;
    void failed(LoadConnection *connection, SendFailure failure, const QString &text) override;
    void requestDone(qint64 nowNs);
    void giveWork(LoadConnection *connection);
    void releaseDue();
    void checkTimeouts();
    void finish(bool canceled);
    void dropConnections();

    LoadPlan m_plan;
    LoadTarget m_target;
    LoadStats m_stats;
    std::vector<LoadConnection *> m_connections;
    std::vector<LoadConnection *> m_idle; // free while the rate holds requests back
    QTimer *m_rateTimer;
    QTimer *m_timeoutTimer;
    quint64 m_runId = 0; // tells a stale queued call from one of this run
    int m_issued = 0;    // requests started
    int m_released = 0;  // requests the rate has allowed so far (fixed-rate runs)
    int m_done = 0;      // requests answered or failed
    qint64 m_endNs = 0;
    qint64 m_lastProgressNs = 0;
    bool m_running = false;
    bool m_finishing = false; // every request is done; finished() is on its way
};

} // namespace hookbench
