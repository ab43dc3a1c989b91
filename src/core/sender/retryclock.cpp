#include "retryclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <limits>

namespace hookbench {

void SystemRetryClock::TimerDeleter::operator()(QTimer *timer) const
{
    // A timer may be dropped from inside its own timeout(): delete it from the event loop.
    timer->stop();
    timer->deleteLater();
}

SystemRetryClock::SystemRetryClock() = default;

SystemRetryClock::~SystemRetryClock() = default;

qint64 SystemRetryClock::monotonicMs() const
{
    QElapsedTimer now;
    now.start();
    return now.msecsSinceReference();
}

qint64 SystemRetryClock::wallMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

int SystemRetryClock::randomWaitMs(int minMs, int maxMs)
{
    if (maxMs <= minMs)
        return minMs;
    return int(QRandomGenerator::global()->bounded(qint64(minMs), qint64(maxMs) + 1));
}

quint64 SystemRetryClock::schedule(qint64 delayMs, Task task)
{
    const quint64 id = ++m_lastId;
    std::unique_ptr<QTimer, TimerDeleter> timer(new QTimer);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // "next retry in 1.4 s" should be 1.4 s
    QObject::connect(timer.get(), &QTimer::timeout, timer.get(),
                     [this, id, task = std::move(task)] {
                         const Task run = task; // erasing the timer destroys this lambda
                         m_timers.erase(id);    // deleted later, not now
                         run();
                     });
    timer->start(int(qBound(qint64(0), delayMs, qint64(std::numeric_limits<int>::max()))));
    m_timers.emplace(id, std::move(timer));
    return id;
}

void SystemRetryClock::cancel(quint64 id)
{
    m_timers.erase(id);
}

} // namespace hookbench
