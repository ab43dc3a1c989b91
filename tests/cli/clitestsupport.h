#pragma once

// Helpers for driving the hookbench-cli binary from QtTest: runs with a private
// HOME so no real user data is touched, blocking HTTP over loopback, and a
// listener wrapper that collects the JSON lines it prints.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class QTcpSocket;

namespace clitest {

using Headers = QList<QPair<QByteArray, QByteArray>>;

// LC_ALL=C, HOME and XDG_* pointed into `home`, no HOOKBENCH_KEYS or HOOKBENCH_SECRETS_FILE.
QProcessEnvironment environment(const QString &home);

struct CliRun
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};
CliRun runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 20000);
// The same with `input` on standard input (then closed).
CliRun runCliWithInput(const QStringList &args, const QProcessEnvironment &env,
                       const QByteArray &input, int timeoutMs = 20000);

QList<QJsonObject> parseJsonLines(const QByteArray &text, QString *error = nullptr);

struct HttpAnswer
{
    int status = 0; // 0: no answer
    QByteArray body;
    QString error;
};
// One request on its own connection, waiting for the complete answer.
HttpAnswer httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const Headers &headers, const QByteArray &body, int timeoutMs = 10000);
QByteArray buildRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                        const Headers &headers, const QByteArray &body);
// Head + body complete? Sets *status when the status line is there.
bool responseComplete(const QByteArray &buffer, int *status);

// `hookbench-cli listen ...` running in the background.
class ListenProcess
{
public:
    ~ListenProcess();
    // Starts and waits for "listening on http://..."; false with *why on failure.
    bool start(const QStringList &args, const QProcessEnvironment &env, QString *why);
    void pump(); // move available output into out()/err()
    // Waits for the next complete stdout line, parsed; empty object on timeout.
    QJsonObject nextEvent(int timeoutMs = 10000);
    bool waitForExit(int timeoutMs = 20000);

    QProcess &process() { return m_process; }
    quint16 port() const { return m_port; }
    QString url() const { return m_url; }
    QByteArray out() const { return m_out; }
    QByteArray err() const { return m_err; }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    qsizetype m_consumed = 0; // bytes of m_out handed out by nextEvent()
    quint16 m_port = 0;
    QString m_url;
};

// Several clients firing POSTs concurrently, each carrying a unique marker in
// body and query; records which requests got an answer (a status line).
class LoadGenerator
{
public:
    LoadGenerator(quint16 port, int clients, int requestsPerClient);
    ~LoadGenerator();
    void start();
    bool finished() const;
    // Runs the event loop until finished() or timeoutMs; true if finished. Unlike
    // QTest::qWaitFor, which sleeps 10 ms between rounds, it never sleeps, so the load is
    // limited by the server, not by the test's polling.
    bool waitUntilFinished(int timeoutMs);
    void stop() { m_stopped = true; }
    // Called after each newly answered request (e.g. to kill the server mid-run).
    std::function<void(int answeredCount)> onAnswered;
    // Called right after a request was handed to a socket (it is now in flight).
    std::function<void()> onWritten;

    const QSet<QByteArray> &answered() const { return m_answered; }
    int sent() const { return m_sent; }
    int inFlight() const; // written, neither answered nor failed yet
    int failed() const { return m_failed; }
    int total() const { return m_total; }

private:
    struct Client;
    void next(Client *client);
    void finishRequest(Client *client, bool error);

    quint16 m_port;
    QList<Client *> m_clients;
    QSet<QByteArray> m_answered;
    int m_total = 0;
    int m_sent = 0;
    int m_failed = 0;
    bool m_stopped = false;
};

} // namespace clitest
