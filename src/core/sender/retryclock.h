#pragma once

#include <QtGlobal>

#include <functional>
#include <memory>
#include <unordered_map>

class QTimer;

namespace hookbench {

// Time, chance and waiting for a retry policy (RetrySession), behind one interface so tests run
// an hour of VWO retries in milliseconds, with waits they choose: a test clock moves its time
// forward when it runs a scheduled task, and draws "random" waits from a list.
class RetryClock
{
public:
    using Task = std::function<void()>;

    virtual ~RetryClock() = default;
    virtual qint64 monotonicMs() const = 0; // a steady clock in ms, any origin
    virtual qint64 wallMs() const = 0;      // ms since the Unix epoch (UTC)
    // Uniform in [minMs, maxMs], both included.
    virtual int randomWaitMs(int minMs, int maxMs) = 0;
    // Runs `task` once after `delayMs`, later (never inside the call), on the calling thread's
    // event loop. The id is never 0.
    virtual quint64 schedule(qint64 delayMs, Task task) = 0;
    virtual void cancel(quint64 id) = 0; // a task that ran or was cancelled: nothing happens
};

// The real thing: QElapsedTimer, the system clock, QRandomGenerator::global() and precise
// single-shot QTimers.
class SystemRetryClock final : public RetryClock
{
public:
    SystemRetryClock();
    ~SystemRetryClock() override;

    qint64 monotonicMs() const override;
    qint64 wallMs() const override;
    int randomWaitMs(int minMs, int maxMs) override;
    quint64 schedule(qint64 delayMs, Task task) override;
    void cancel(quint64 id) override;

private:
    struct TimerDeleter
    {
        void operator()(QTimer *timer) const;
    };
    std::unordered_map<quint64, std::unique_ptr<QTimer, TimerDeleter>> m_timers;
    quint64 m_lastId = 0;
};

} // namespace hookbench
