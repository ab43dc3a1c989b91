#include "sendinterrupt.h"

#include <cerrno>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace hookbench::cli {

namespace {

// Write end of the self-pipe; the signal handler may touch nothing else.
int g_stopWriteFd = -1;

void setHandler(int signal, void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(signal, &action, nullptr);
}

extern "C" void onStopSignal(int)
{
    const int savedErrno = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_stopWriteFd, &byte, 1);
    errno = savedErrno;
}

} // namespace

StopOnSignal::StopOnSignal(std::function<void()> stop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, m_fds) != 0)
        return; // Ctrl-C then just ends the process
    g_stopWriteFd = m_fds[1];
    m_notifier = std::make_unique<QSocketNotifier>(m_fds[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(),
                     [this, stop = std::move(stop)] {
                         char byte;
                         [[maybe_unused]] const ssize_t got = ::read(m_fds[0], &byte, 1);
                         m_notifier->setEnabled(false);
                         // A second Ctrl-C while stopping should kill at once.
                         setHandler(SIGINT, SIG_DFL);
                         setHandler(SIGTERM, SIG_DFL);
                         stop();
                     });
    setHandler(SIGINT, onStopSignal);
    setHandler(SIGTERM, onStopSignal);
}

StopOnSignal::~StopOnSignal()
{
    if (!m_notifier)
        return;
    setHandler(SIGINT, SIG_DFL);
    setHandler(SIGTERM, SIG_DFL);
    m_notifier.reset();
    g_stopWriteFd = -1;
    ::close(m_fds[0]);
    ::close(m_fds[1]);
}

} // namespace hookbench::cli
