#include "loadrunner.h"

#include <QTimer>

#include <cmath>

namespace hookbench {

namespace {

constexpr qint64 ProgressIntervalNs = 50'000'000;

} // namespace

QString LoadPlan::validate() const
{
    if (const QString problem = request.validate(); !problem.isEmpty())
        return problem;
    if (count < 1)
        return QStringLiteral("Count: must be at least 1");
    if (concurrency < 1 || concurrency > MaxConcurrency)
        return QStringLiteral("Concurrency: must be between 1 and %1").arg(MaxConcurrency);
    if (!std::isfinite(ratePerSecond) || ratePerSecond < 0)
        return QStringLiteral("Rate: must be 0 (as fast as possible) or a positive number");
    if (timeoutMs < 0)
        return QStringLiteral("Timeout: must be 0 (none) or a positive number of milliseconds");
    return {};
}

LoadRunner::LoadRunner(QObject *parent)
    : QObject(parent)
    , m_rateTimer(new QTimer(this))
    , m_timeoutTimer(new QTimer(this))
{
    qRegisterMetaType<hookbench::LoadSummary>();
    m_rateTimer->setSingleShot(true);
    m_rateTimer->setTimerType(Qt::PreciseTimer);
    connect(m_rateTimer, &QTimer::timeout, this, &LoadRunner::releaseDue);
    connect(m_timeoutTimer, &QTimer::timeout, this, &LoadRunner::checkTimeouts);
}

LoadRunner::~LoadRunner()
{
    dropConnections();
}

bool LoadRunner::start(const LoadPlan &plan)
{
    if (m_running)
        return false;
    m_running = true;
    m_finishing = false;
    const quint64 runId = ++m_runId;
    if (const QString problem = plan.validate(); !problem.isEmpty()) {
        // Reported like every other outcome: later, from the event loop.
        QMetaObject::invokeMethod(
            this,
            [this, runId, problem] {
                if (runId != m_runId)
                    return;
                m_running = false;
                LoadSummary summary;
                summary.error = problem;
                Q_EMIT finished(summary);
            },
            Qt::QueuedConnection);
        return true;
    }

    m_plan = plan;
    m_target = LoadTarget::from(plan.request, plan.timeoutMs);
    m_stats.start(plan.count);
    m_issued = 0;
    m_released = 0;
    m_done = 0;
    m_endNs = 0;
    m_lastProgressNs = 0;
    m_target.clock.start();

    // Never more connections than requests: each would open for nothing.
    const int connections = std::min(plan.concurrency, plan.count);
    m_connections.reserve(connections);
    for (int i = 0; i < connections; ++i)
        m_connections.push_back(new LoadConnection(m_target, *this, this));
    if (plan.timeoutMs > 0) // a sweep is cheaper than a timer per request
        m_timeoutTimer->start(std::clamp(plan.timeoutMs / 10, 1, 100));

    if (plan.ratePerSecond > 0) {
        m_idle = m_connections;
        releaseDue();
    } else {
        for (LoadConnection *connection : m_connections)
            giveWork(connection);
    }
    return true;
}

void LoadRunner::cancel()
{
    if (!m_running || m_finishing || m_connections.empty())
        return; // not running, all done already, or a refused plan on its way
    static const QString cancelled = QStringLiteral("cancelled");
    for (LoadConnection *connection : m_connections) {
        if (connection->isBusy()) {
            m_stats.addFailure(cancelled);
            ++m_done;
        }
    }
    m_endNs = m_target.clock.nsecsElapsed();
    finish(true);
}

void LoadRunner::answered(LoadConnection *connection, int status, qint64 latencyNs)
{
    m_stats.addAnswer(status, latencyNs);
    requestDone(m_target.clock.nsecsElapsed());
    if (m_running && !m_finishing)
        giveWork(connection);
}

void LoadRunner::failed(LoadConnection *connection, SendFailure failure, const QString &text)
{
    Q_UNUSED(failure);
    m_stats.addFailure(text);
    requestDone(m_target.clock.nsecsElapsed());
    // The failed socket may still be unwinding its signal: send again from the event loop.
    QMetaObject::invokeMethod(
        this,
        [this, connection, runId = m_runId] {
            if (runId == m_runId && m_running && !m_finishing)
                giveWork(connection);
        },
        Qt::QueuedConnection);
}

void LoadRunner::requestDone(qint64 nowNs)
{
    ++m_done;
    if (m_done == m_plan.count) {
        m_endNs = nowNs;
        m_finishing = true;
        Q_EMIT progressed(m_done, m_plan.count);
        // Not from inside a socket's signal: the receiver may delete the runner.
        QMetaObject::invokeMethod(
            this,
            [this, runId = m_runId] {
                if (runId == m_runId && m_running)
                    finish(false);
            },
            Qt::QueuedConnection);
    } else if (nowNs - m_lastProgressNs >= ProgressIntervalNs) {
        m_lastProgressNs = nowNs;
        Q_EMIT progressed(m_done, m_plan.count);
    }
}

void LoadRunner::giveWork(LoadConnection *connection)
{
    const bool allowed = m_plan.ratePerSecond <= 0 || m_issued < m_released;
    if (m_issued < m_plan.count && allowed) {
        ++m_issued;
        connection->send();
    } else if (m_issued < m_plan.count) {
        m_idle.push_back(connection); // until the rate releases the next request
    }
}

void LoadRunner::releaseDue()
{
    if (!m_running || m_finishing)
        return;
    // Request i (from 0) is due at i / rate seconds: never earlier, so N requests take at
    // least (N - 1) / rate seconds.
    const double rate = m_plan.ratePerSecond;
    const qint64 nowNs = m_target.clock.nsecsElapsed();
    const double due = std::floor(double(nowNs) * rate / 1e9) + 1;
    m_released = int(std::min<double>(m_plan.count, std::max<double>(m_released, due)));
    while (!m_idle.empty() && m_issued < m_released) {
        LoadConnection *connection = m_idle.back();
        m_idle.pop_back();
        ++m_issued;
        connection->send();
        if (!m_running || m_finishing)
            return; // a failure reported at once may have ended the run
    }
    if (m_released < m_plan.count) {
        const auto nextNs = qint64(std::ceil(double(m_released) * 1e9 / rate));
        const qint64 waitMs = (nextNs - nowNs + 999'999) / 1'000'000;
        m_rateTimer->start(int(std::clamp<qint64>(waitMs, 0, 24 * 3600 * 1000)));
    }
}

void LoadRunner::checkTimeouts()
{
    const qint64 nowNs = m_target.clock.nsecsElapsed();
    const qint64 timeoutNs = qint64(m_plan.timeoutMs) * 1'000'000;
    // By index, and re-checking: a slot of progressed() may cancel the run meanwhile.
    for (size_t i = 0; i < m_connections.size() && m_running && !m_finishing; ++i) {
        LoadConnection *connection = m_connections[i];
        if (connection->isBusy() && nowNs - connection->busySinceNs() >= timeoutNs)
            connection->timeOut();
    }
}

void LoadRunner::finish(bool canceled)
{
    m_running = false;
    m_finishing = false;
    ++m_runId; // queued calls of this run do nothing now
    m_rateTimer->stop();
    m_timeoutTimer->stop();
    dropConnections();

    LoadSummary summary;
    summary.sent = m_issued;
    m_stats.fill(&summary);
    summary.elapsedSeconds = double(m_endNs) / 1e9;
    summary.requestsPerSecond =
        summary.elapsedSeconds > 0 ? summary.answered / summary.elapsedSeconds : 0;
    summary.canceled = canceled;
    Q_EMIT finished(summary);
}

void LoadRunner::dropConnections()
{
    for (LoadConnection *connection : m_connections) {
        connection->drop();
        connection->deleteLater(); // may be inside one of its own calls
    }
    m_connections.clear();
    m_idle.clear();
}

} // namespace hookbench
