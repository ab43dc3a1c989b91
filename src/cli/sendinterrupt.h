#pragma once

#include <QSocketNotifier>

#include <functional>
#include <memory>

namespace hookbench::cli {

// While it lives, the first SIGINT or SIGTERM calls `stop` from the event loop (so a long
// retry run can end with its summary); a second one kills the process as usual.
class StopOnSignal
{
public:
    explicit StopOnSignal(std::function<void()> stop);
    ~StopOnSignal();
    StopOnSignal(const StopOnSignal &) = delete;
    StopOnSignal &operator=(const StopOnSignal &) = delete;

    bool isActive() const { return m_notifier != nullptr; } // false: signals act as usual

private:
    int m_fds[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace hookbench::cli
