#include "clitestsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

namespace clitest {

QProcessEnvironment environment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("HOME"), home);
    for (const char *name :
         {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString dir = home + QLatin1Char('/') + QString::fromLatin1(name).toLower();
        QDir().mkpath(dir);
        env.insert(QLatin1String(name), dir);
    }
    env.remove(QStringLiteral("HOOKBENCH_KEYS"));
    env.remove(QStringLiteral("HOOKBENCH_SECRETS_FILE"));
    return env;
}

CliRun runCli(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    return runCliWithInput(args, env, {}, timeoutMs);
}

CliRun runCliWithInput(const QStringList &args, const QProcessEnvironment &env,
                       const QByteArray &input, int timeoutMs)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HOOKBENCH_CLI_PATH), args);
    if (!input.isEmpty() && process.waitForStarted(timeoutMs))
        process.write(input);
    process.closeWriteChannel();
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QList<QJsonObject> parseJsonLines(const QByteArray &text, QString *error)
{
    QList<QJsonObject> objects;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).isEmpty() && i == lines.size() - 1)
            break; // after the final newline
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &parseError);
        if (!doc.isObject()) {
            if (error)
                *error = QStringLiteral("line %1 is not a JSON object: %2")
                             .arg(i + 1)
                             .arg(QString::fromUtf8(lines.at(i).left(200)));
            return {};
        }
        objects.append(doc.object());
    }
    return objects;
}

QByteArray buildRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                        const Headers &headers, const QByteArray &body)
{
    QByteArray request = method + ' ' + target +
                         " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                         "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &header : headers)
        request += header.first + ": " + header.second + "\r\n";
    return request + "\r\n" + body;
}

bool responseComplete(const QByteArray &buffer, int *status)
{
    static const QRegularExpression statusLine(QStringLiteral("^HTTP/1\\.[01] (\\d{3})"));
    const qsizetype lineEnd = buffer.indexOf("\r\n");
    if (lineEnd < 0)
        return false;
    const auto match = statusLine.match(QString::fromLatin1(buffer.left(lineEnd)));
    if (!match.hasMatch())
        return false;
    if (status)
        *status = match.captured(1).toInt();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    static const QRegularExpression lengthHeader(QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    const auto length = lengthHeader.match(QString::fromLatin1(buffer.left(headEnd + 2)));
    const qsizetype bodyLength = length.hasMatch() ? length.captured(1).toLongLong() : 0;
    return buffer.size() >= headEnd + 4 + bodyLength;
}

HttpAnswer httpRequest(quint16 port, const QByteArray &method, const QByteArray &target,
                       const Headers &headers, const QByteArray &body, int timeoutMs)
{
    HttpAnswer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!socket.waitForConnected(timeoutMs)) {
        answer.error = QStringLiteral("connect: ") + socket.errorString();
        return answer;
    }
    socket.write(buildRequest(port, method, target, headers, body));
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    while (!responseComplete(buffer, &status)) {
        if (timer.hasExpired(timeoutMs)) {
            answer.error = QStringLiteral("timed out waiting for the answer");
            return answer;
        }
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed())))) {
            buffer += socket.readAll();
            if (!responseComplete(buffer, &status)) {
                answer.error = QStringLiteral("connection ended before a complete answer: ") +
                               socket.errorString();
                return answer;
            }
            break;
        }
        buffer += socket.readAll();
    }
    answer.status = status;
    answer.body = buffer.mid(buffer.indexOf("\r\n\r\n") + 4);
    return answer;
}

ListenProcess::~ListenProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool ListenProcess::start(const QStringList &args, const QProcessEnvironment &env, QString *why)
{
    m_process.setProcessEnvironment(env);
    m_process.start(QStringLiteral(HOOKBENCH_CLI_PATH),
                    QStringList{QStringLiteral("listen")} + args);
    if (!m_process.waitForStarted(10000)) {
        *why = QStringLiteral("cannot start: ") + m_process.errorString();
        return false;
    }
    static const QRegularExpression ready(
        QStringLiteral("^listening on (https?://[0-9.]+:(\\d+)/\\S*)\\n"),
        QRegularExpression::MultilineOption); // other lines (HTTPS notice) may come first
    QRegularExpressionMatch match;
    const bool ok = QTest::qWaitFor(
        [&] {
            pump();
            match = ready.match(QString::fromUtf8(m_err));
            return match.hasMatch() || m_process.state() == QProcess::NotRunning;
        },
        15000);
    if (!ok || !match.hasMatch()) {
        pump();
        *why = QStringLiteral("no listening line; stderr: ") + QString::fromUtf8(m_err);
        return false;
    }
    m_url = match.captured(1);
    m_port = quint16(match.captured(2).toUInt());
    return true;
}

void ListenProcess::pump()
{
    m_out += m_process.readAllStandardOutput();
    m_err += m_process.readAllStandardError();
}

QJsonObject ListenProcess::nextEvent(int timeoutMs)
{
    qsizetype end = -1;
    [[maybe_unused]] const bool found = QTest::qWaitFor(
        [&] {
            pump();
            end = m_out.indexOf('\n', m_consumed);
            return end >= 0;
        },
        timeoutMs);
    if (end < 0)
        return {};
    const QByteArray line = m_out.mid(m_consumed, end - m_consumed);
    m_consumed = end + 1;
    return QJsonDocument::fromJson(line).object();
}

bool ListenProcess::waitForExit(int timeoutMs)
{
    const bool ok = QTest::qWaitFor(
        [&] {
            pump();
            return m_process.state() == QProcess::NotRunning;
        },
        timeoutMs);
    pump();
    return ok;
}

struct LoadGenerator::Client
{
    int id = 0;
    int remaining = 0;
    int sequence = 0;
    quint64 generation = 0; // ignores late signals from a socket already replaced
    QTcpSocket *socket = nullptr;
    QByteArray buffer;
    QByteArray marker;
    bool written = false;
    bool answered = false;
    bool done = false;
};

LoadGenerator::LoadGenerator(quint16 port, int clients, int requestsPerClient)
    : m_port(port)
    , m_total(clients * requestsPerClient)
{
    for (int i = 0; i < clients; ++i) {
        auto *client = new Client;
        client->id = i;
        client->remaining = requestsPerClient;
        m_clients.append(client);
    }
}

LoadGenerator::~LoadGenerator()
{
    for (Client *client : std::as_const(m_clients)) {
        delete client->socket;
        delete client;
    }
}

void LoadGenerator::start()
{
    for (Client *client : std::as_const(m_clients))
        next(client);
}

bool LoadGenerator::finished() const
{
    for (const Client *client : m_clients) {
        if (!client->done)
            return false;
    }
    return true;
}

bool LoadGenerator::waitUntilFinished(int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    poll.callOnTimeout(&loop, [&] {
        if (finished())
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return finished();
}

int LoadGenerator::inFlight() const
{
    int count = 0;
    for (const Client *client : m_clients) {
        if (!client->done && client->written && !client->answered)
            ++count;
    }
    return count;
}

void LoadGenerator::next(Client *client)
{
    if (client->socket) {
        client->socket->disconnect();
        client->socket->abort();
        client->socket->deleteLater();
        client->socket = nullptr;
    }
    if (client->remaining == 0 || m_stopped) {
        client->done = true;
        return;
    }
    --client->remaining;
    ++m_sent;
    const quint64 generation = ++client->generation;
    client->marker =
        "mark-c" + QByteArray::number(client->id) + "-r" + QByteArray::number(client->sequence++);
    client->buffer.clear();
    client->written = false;
    client->answered = false;
    client->socket = new QTcpSocket;
    QTcpSocket *socket = client->socket;
    const QByteArray body = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                            "\"action\": \"campaign_settings_changed\", \"triggered_by\": "
                            "\"vwo\", \"marker\": \"" +
                            client->marker + "\"}";
    const QByteArray request = buildRequest(m_port, "POST", "/vwo-webhook?m=" + client->marker,
                                            {{"Content-Type", "application/json"}}, body);
    QObject::connect(socket, &QTcpSocket::connected, socket, [this, client, socket, request] {
        socket->write(request);
        socket->flush();
        client->written = true;
        if (onWritten)
            onWritten();
    });
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, client, generation] {
        if (client->generation != generation)
            return;
        client->buffer += client->socket->readAll();
        int status = 0;
        const bool complete = responseComplete(client->buffer, &status);
        // A status line is enough: the store commits before the answer is written.
        if (!client->answered && status > 0) {
            client->answered = true;
            m_answered.insert(client->marker);
            if (onAnswered)
                onAnswered(int(m_answered.size()));
        }
        if (complete && client->generation == generation)
            finishRequest(client, false);
    });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, client, generation] {
        if (client->generation == generation)
            finishRequest(client, true);
    });
    socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
}

void LoadGenerator::finishRequest(Client *client, bool error)
{
    if (error && !client->answered)
        ++m_failed;
    ++client->generation;
    client->written = false;
    // Defer: we may be inside one of the socket's own signals.
    QMetaObject::invokeMethod(
        client->socket, [this, client] { next(client); }, Qt::QueuedConnection);
}

} // namespace clitest
