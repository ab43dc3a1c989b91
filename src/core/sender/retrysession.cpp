#include "retrysession.h"

#include <QTimer>

namespace hookbench {

QString RetryPlan::validate() const
{
    if (const QString problem = request.validate(); !problem.isEmpty())
        return problem;
    if (windowMs < 0)
        return QStringLiteral("Retry window: must be 0 or more milliseconds");
    if (minWaitMs < 0 || maxWaitMs < minWaitMs)
        return QStringLiteral("Wait between attempts: the least must be 0 or more and the most "
                              "at least the least");
    if (timeoutMs < 0)
        return QStringLiteral("Timeout: must be 0 (none) or a positive number of milliseconds");
    if (progressIntervalMs < 0)
        return QStringLiteral("Progress interval: must be 0 (on changes only) or more");
    return {};
}

QString RetryAttempt::outcome() const
{
    if (!answered())
        return error;
    QString text = QString::number(status);
    if (!reason.isEmpty())
        text += QLatin1Char(' ') + QString::fromLatin1(reason);
    return text;
}

RetrySession::RetrySession(QObject *parent)
    : RetrySession(nullptr, parent)
{}

RetrySession::RetrySession(RetryClock *clock, QObject *parent)
    : QObject(parent)
    , m_ownClock(clock ? nullptr : std::make_unique<SystemRetryClock>())
    , m_clock(clock ? clock : m_ownClock.get())
    , m_sender(new RequestSender(this))
    , m_ticker(new QTimer(this))
{
    qRegisterMetaType<hookbench::RetryAttempt>();
    qRegisterMetaType<hookbench::RetryOutcome>();
    connect(m_sender, &RequestSender::finished, this, &RetrySession::onSent);
    connect(m_ticker, &QTimer::timeout, this, &RetrySession::emitProgress);
}

RetrySession::~RetrySession()
{
    // The clock may outlive us: a pending wait must not call back into a dead session.
    if (m_waitTask)
        m_clock->cancel(m_waitTask);
}

bool RetrySession::start(const RetryPlan &plan)
{
    if (m_running)
        return false;
    m_running = true;
    m_sending = false;
    m_outcome = RetryOutcome();
    const quint64 runId = ++m_runId;
    if (const QString problem = plan.validate(); !problem.isEmpty()) {
        // Reported like every other outcome: later, from the event loop.
        QMetaObject::invokeMethod(
            this,
            [this, runId, problem] {
                if (runId != m_runId || !m_running)
                    return;
                m_outcome.error = problem;
                finish(RetryOutcome::End::Invalid);
            },
            Qt::QueuedConnection);
        return true;
    }
    m_plan = plan;
    m_payload = plan.refreshTimestamp ? VwoPayload::fromBody(plan.request.body) : VwoPayload();
    m_firstStartMs = m_clock->monotonicMs();
    if (plan.progressIntervalMs > 0)
        m_ticker->start(plan.progressIntervalMs);
    startAttempt();
    return true;
}

void RetrySession::startAttempt()
{
    m_waitTask = 0;
    m_current = RetryAttempt();
    m_current.number = int(m_outcome.attempts.size()) + 1;
    const qint64 wallMs = m_clock->wallMs();
    m_current.startedAt = QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC);
    m_current.startedAfterMs = sinceFirstMs();
    OutgoingRequest request = m_plan.request;
    if (m_payload.hasTimestamp()) {
        // Whole seconds, floored like VWO's (and Date.now() / 1000 | 0).
        m_current.timestamp = wallMs >= 0 ? wallMs / 1000 : (wallMs - 999) / 1000;
        request.body = m_payload.bodyAt(m_current.timestamp);
    }
    m_sending = true;
    const quint64 runId = m_runId;
    Q_EMIT attemptStarted(m_current.number, m_current.timestamp);
    if (runId != m_runId || !m_running)
        return; // cancelled from a slot
    emitProgress();
    m_sender->send(request, m_plan.timeoutMs); // never busy: attempts do not overlap
}

void RetrySession::onSent(const SendResult &result)
{
    if (!m_running || !m_sending)
        return; // a late report of an attempt already given up
    m_sending = false;
    m_current.elapsedMs = result.elapsedMs;
    m_current.status = result.status;
    m_current.reason = result.reason;
    m_current.failure = result.failure;
    m_current.error = result.error;
    // A cancelled attempt is no answer: the last real one stays what the run came to.
    if (result.failure != SendFailure::Cancelled || m_outcome.attempts.isEmpty())
        m_outcome.last = result;

    RetryOutcome::End end = RetryOutcome::End::Succeeded;
    bool retry = false;
    if (result.failure == SendFailure::Cancelled) {
        end = RetryOutcome::End::Cancelled;
    } else if (result.failure == SendFailure::InvalidRequest) {
        end = RetryOutcome::End::Invalid; // no retry can fix it
        m_outcome.error = result.error;
    } else if (m_current.isSuccess()) {
        end = RetryOutcome::End::Succeeded;
    } else if (m_plan.policy == RetryPolicy::None) {
        end = RetryOutcome::End::NotRetried;
    } else {
        const qint64 wait = m_clock->randomWaitMs(m_plan.minWaitMs, m_plan.maxWaitMs);
        retry = sinceFirstMs() + wait <= m_plan.windowMs;
        end = RetryOutcome::End::WindowExhausted;
        if (retry) {
            m_current.waitAfterMs = wait;
            m_nextAttemptMs = m_clock->monotonicMs() + wait;
            const quint64 runId = m_runId;
            m_waitTask = m_clock->schedule(wait, [this, runId] {
                if (runId == m_runId && m_running && !m_sending)
                    startAttempt();
            });
        }
    }
    m_outcome.attempts.append(m_current);
    const quint64 runId = m_runId;
    Q_EMIT attemptFinished(m_current);
    if (runId != m_runId || !m_running)
        return; // cancelled (or restarted) from a slot
    if (retry)
        emitProgress();
    else
        finish(end);
}

void RetrySession::cancel()
{
    if (!m_running)
        return;
    if (m_sending) {
        m_sender->abort(); // normally reports Cancelled at once, through onSent()
        if (!m_running)
            return;
        if (m_sending) {
            // Not reported synchronously: record it here; a late report is ignored.
            m_sending = false;
            m_current.failure = SendFailure::Cancelled;
            m_current.error = QStringLiteral("cancelled");
            m_current.elapsedMs = sinceFirstMs() - m_current.startedAfterMs;
            m_outcome.attempts.append(m_current);
        }
    }
    finish(RetryOutcome::End::Cancelled);
}

void RetrySession::emitProgress()
{
    if (!m_running)
        return;
    const int attempt = m_sending ? m_current.number : int(m_outcome.attempts.size());
    const qint64 nextIn =
        m_sending ? -1 : qMax<qint64>(0, m_nextAttemptMs - m_clock->monotonicMs());
    Q_EMIT progressed(attempt, sinceFirstMs(), nextIn);
}

void RetrySession::finish(RetryOutcome::End end)
{
    m_running = false;
    m_sending = false;
    m_ticker->stop();
    if (m_waitTask)
        m_clock->cancel(std::exchange(m_waitTask, 0));
    m_outcome.end = end;
    m_outcome.elapsedMs = end == RetryOutcome::End::Invalid ? 0 : sinceFirstMs();
    if (m_outcome.attempts.isEmpty() && end == RetryOutcome::End::Cancelled) {
        m_outcome.last.failure = SendFailure::Cancelled;
        m_outcome.last.error = QStringLiteral("cancelled");
    }
    Q_EMIT finished(m_outcome);
}

qint64 RetrySession::sinceFirstMs() const
{
    return m_clock->monotonicMs() - m_firstStartMs;
}

} // namespace hookbench
