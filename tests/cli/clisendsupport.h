#pragma once

// Shared by the `send` CLI tests: a run that keeps this event loop turning (servers in this
// process must answer), a receiver that fails first, and output helpers.

#include "clitestsupport.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QTest>

#include <functional>

namespace clitest {

inline const QByteArray Key = "0123456789abcdef0123456789abcdef";
inline const QByteArray WrongKey = "fedcba9876543210fedcba9876543210";

// runCli() blocks this event loop; servers living in this process need it turning.
inline CliRun runCliPumping(const QStringList &args, const QProcessEnvironment &env,
                            const QByteArray &input = {}, int timeoutMs = 60000,
                            const std::function<void(QProcess &)> &whileRunning = {})
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HOOKBENCH_CLI_PATH), args);
    if (process.waitForStarted(timeoutMs) && !input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    run.finished = QTest::qWaitFor(
        [&] {
            if (whileRunning)
                whileRunning(process);
            return process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out += process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Answers /vwo-webhook with the statuses given, in order (the last repeats).
class FailingServer
{
public:
    explicit FailingServer(QList<int> statuses)
    {
        m_http.route(QStringLiteral("/vwo-webhook"), [this,
                                                      statuses](const QHttpServerRequest &request) {
            bodies.append(request.body());
            const int status = statuses.value(bodies.size() - 1, statuses.constLast());
            return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                       "{\"attempt\":" + QByteArray::number(bodies.size()) + "}",
                                       QHttpServerResponse::StatusCode(status));
        });
        port = quint16(m_http.listen(QHostAddress::LocalHost));
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port); }
    quint16 port = 0;
    QList<QByteArray> bodies;

private:
    QHttpServer m_http;
};

inline quint16 unusedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort(); // closed again when probe goes
}

inline QStringList attemptLines(const QByteArray &out)
{
    QStringList lines;
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("attempt ")))
            lines.append(line);
    }
    return lines;
}

inline QString describe(const CliRun &run)
{
    return QStringLiteral("exit %1\nstdout:\n%2\nstderr:\n%3")
        .arg(run.exitCode)
        .arg(QString::fromUtf8(run.out), QString::fromUtf8(run.err));
}

} // namespace clitest
