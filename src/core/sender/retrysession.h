#pragma once

#include "outgoingrequest.h"
#include "requestsender.h"
#include "retryclock.h"
#include "vwopayload.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <memory>

class QTimer;

namespace hookbench {

enum class RetryPolicy {
    None, // one attempt
    // What VWO does (DESIGN.md §1): on any answer but 200, or no answer at all, try again after
    // a uniform random 1-2 s, for up to an hour. A 201 or 204 is retried too: VWO wants 200.
    Vwo,
};

struct RetryPlan
{
    OutgoingRequest request;
    RetryPolicy policy = RetryPolicy::Vwo;
    // Vwo: attempts start within this time from the first one (an attempt running at the end
    // is not cut short; its own timeout applies).
    qint64 windowMs = 3600 * 1000;
    int minWaitMs = 1000; // between the end of an attempt and the start of the next
    int maxWaitMs = 2000;
    int timeoutMs = 30000; // per attempt; 0: none
    // Set the body's top-level numeric "timestamp" to now (Unix seconds) for every attempt.
    bool refreshTimestamp = true;
    int progressIntervalMs = 250; // progressed() while waiting or sending; 0: on changes only

    // Empty when the plan can run; else one sentence naming the first bad field.
    QString validate() const;
};

// One row of the attempts table.
struct RetryAttempt
{
    int number = 0;            // from 1
    QDateTime startedAt;       // UTC
    qint64 startedAfterMs = 0; // since the first attempt started
    qint64 elapsedMs = 0;      // its own duration
    qint64 timestamp = -1;     // the payload's "timestamp" it carried; -1: not stamped
    int status = 0;            // 0: no HTTP answer
    QByteArray reason;         // "Internal Server Error"
    SendFailure failure = SendFailure::None;
    QString error;           // the failure in words
    qint64 waitAfterMs = -1; // the wait before the next attempt; -1: none followed

    bool answered() const { return failure == SendFailure::None; }
    bool isSuccess() const { return answered() && status == 200; }
    // "500 Internal Server Error", or the failure in words.
    QString outcome() const;
};

struct RetryOutcome
{
    enum class End {
        Succeeded,       // an attempt got 200
        NotRetried,      // policy None: the one attempt got no 200
        WindowExhausted, // policy Vwo: no 200 before the window ended
        Cancelled,
        Invalid, // the plan or request was refused; nothing was sent (see error)
    };
    End end = End::Invalid;
    QList<RetryAttempt> attempts;
    SendResult last; // the last attempt's answer or failure, with headers and body
    qint64 elapsedMs = 0;
    QString error; // End::Invalid: one sentence naming the field

    bool isSuccess() const { return end == End::Succeeded; }
};

// Sends a request through RequestSender, once or under VWO's retry policy, and keeps the
// attempts table. Time, random waits and timers come from a RetryClock (by default the real
// one), so the policy can be tested without waiting.
class RetrySession : public QObject
{
    Q_OBJECT
public:
    explicit RetrySession(QObject *parent = nullptr);
    // `clock` is not owned and must outlive the session.
    explicit RetrySession(RetryClock *clock, QObject *parent = nullptr);
    ~RetrySession() override; // stops without reporting

    // Starts the first attempt at once; finished() follows exactly once, from the event loop.
    // Returns false (and reports nothing) while running. A refused plan is reported through
    // finished() with End::Invalid.
    bool start(const RetryPlan &plan);
    // Stops at once (an attempt in flight ends as cancelled); finished() is emitted before
    // this returns.
    void cancel();
    bool isRunning() const { return m_running; }
    QList<RetryAttempt> attempts() const { return m_outcome.attempts; }

Q_SIGNALS:
    void attemptStarted(int number, qint64 timestamp); // the payload's timestamp or -1
    void attemptFinished(const hookbench::RetryAttempt &attempt);
    // `nextRetryInMs` is -1 while an attempt is in flight. Do not delete the session from here.
    void progressed(int attempt, qint64 elapsedMs, qint64 nextRetryInMs);
    void finished(const hookbench::RetryOutcome &outcome);

private:
    void startAttempt();
    void onSent(const SendResult &result);
    void emitProgress();
    void finish(RetryOutcome::End end);
    qint64 sinceFirstMs() const;

    std::unique_ptr<SystemRetryClock> m_ownClock;
    RetryClock *m_clock;
    RequestSender *m_sender;
    QTimer *m_ticker;
    RetryPlan m_plan;
    VwoPayload m_payload;
    RetryOutcome m_outcome;
    RetryAttempt m_current;
    quint64 m_runId = 0;        // tells a stale queued call from one of this run
    quint64 m_waitTask = 0;     // the scheduled next attempt, while waiting
    qint64 m_firstStartMs = 0;  // monotonic
    qint64 m_nextAttemptMs = 0; // monotonic, while waiting
    bool m_running = false;
    bool m_sending = false;
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::RetryAttempt)
Q_DECLARE_METATYPE(hookbench::RetryOutcome)
