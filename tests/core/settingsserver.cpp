#include "settingsserver.h"

#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Status");
    }
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    default:
        return QByteArrayLiteral("OTHER");
    }
}

} // namespace

SettingsServer::Behaviour SettingsServer::Behaviour::serveFixture(const QString &name)
{
    Behaviour b;
    b.fixture = name;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::answer(int status, const QByteArray &body,
                                                            const QByteArray &contentType)
{
    Behaviour b;
    b.kind = Kind::Answer;
    b.status = status;
    b.body = body;
    b.contentType = contentType;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::truncatedJson(const QString &name)
{
    Behaviour b = serveFixture(name);
    b.kind = Kind::TruncatedJson;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::schemaInvalidJson()
{
    Behaviour b;
    b.kind = Kind::SchemaInvalidJson;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::closeWithoutAnswer()
{
    Behaviour b;
    b.kind = Kind::Close;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::withContentType(const QByteArray &type) const
{
    Behaviour b = *this;
    b.contentType = type;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::withHeader(const QByteArray &name,
                                                                const QByteArray &value) const
{
    Behaviour b = *this;
    b.headers.append({name, value});
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::delayed(int ms) const
{
    Behaviour b = *this;
    b.delayMs = ms;
    return b;
}

SettingsServer::Behaviour SettingsServer::Behaviour::withoutContentLength() const
{
    Behaviour b = *this;
    b.closeDelimited = true;
    return b;
}

SettingsServer::SettingsServer(QObject *parent)
    : QObject(parent)
    , m_fixturesDir(defaultFixturesDir())
{
    m_clock.start();
    const auto route = [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handle(request, std::move(responder));
    };
    m_server.route(QStringLiteral("/server-side/settings"), route);
    m_server.route(QStringLiteral("/server-side/pull"), route);
}

QString SettingsServer::defaultFixturesDir()
{
#ifdef HOOKBENCH_FIXTURES_DIR
    return QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings");
#else
    return QString();
#endif
}

bool SettingsServer::listen()
{
    m_port = m_server.listen(QHostAddress::LocalHost, 0);
    return m_port != 0;
}

QString SettingsServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void SettingsServer::setCredentials(const QString &accountId, const QString &sdkKey)
{
    m_accountId = accountId;
    m_sdkKey = sdkKey;
}

QByteArray SettingsServer::fixture(const QString &name) const
{
    QFile file(m_fixturesDir + QLatin1Char('/') + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void SettingsServer::enqueue(const QList<Behaviour> &behaviours)
{
    for (const Behaviour &behaviour : behaviours)
        m_queue.enqueue(behaviour);
}

quint16 SettingsServer::refusingPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

QByteArray SettingsServer::response(const Behaviour &behaviour, int *status) const
{
    QByteArray body;
    *status = behaviour.status;
    switch (behaviour.kind) {
    case Behaviour::Kind::Fixture:
    case Behaviour::Kind::TruncatedJson:
        body = fixture(behaviour.fixture);
        if (body.isEmpty()) { // a test's mistake: say so loudly
            *status = 500;
            body = "fixture not found: " + behaviour.fixture.toUtf8();
        } else if (behaviour.kind == Behaviour::Kind::TruncatedJson) {
            body.truncate(body.size() / 2);
        }
        break;
    case Behaviour::Kind::SchemaInvalidJson:
        body = R"({"version": 1, "accountId": 888888, "campaigns": "none"})";
        break;
    case Behaviour::Kind::Answer:
        body = behaviour.body;
        break;
    case Behaviour::Kind::Close:
        return {};
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(*status) + ' ' + reason(*status) + "\r\n";
    if (!behaviour.contentType.isEmpty())
        out += "Content-Type: " + behaviour.contentType + "\r\n";
    for (const auto &[name, value] : behaviour.headers)
        out += name + ": " + value + "\r\n";
    if (behaviour.closeDelimited)
        out += "Connection: close\r\n";
    else
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

void SettingsServer::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Request record;
    record.method = methodName(request.method());
    record.path = request.url().path();
    record.rawQuery = request.url().query(QUrl::FullyEncoded).toLatin1();
    record.query = QUrlQuery(request.url());
    record.receivedAt = QDateTime::currentDateTimeUtc();
    record.elapsedMs = m_clock.elapsed();

    Behaviour behaviour;
    if (record.param(QStringLiteral("a")) != m_accountId ||
        record.param(QStringLiteral("i")) != m_sdkKey) {
        behaviour = Behaviour::answer(403, "Forbidden");
    } else {
        behaviour = m_queue.isEmpty() ? m_default : m_queue.dequeue();
    }
    int status = 0;
    const QByteArray bytes = response(behaviour, &status);
    record.status = behaviour.kind == Behaviour::Kind::Close ? 0 : status;
    m_requests.append(record);

    // The socket belongs to QHttpServer, which deletes it once the client hangs up; a delayed
    // answer to a client that gave up must not touch it.
    const QPointer<QTcpSocket> socket = responder.socket();
    auto keep = std::make_shared<QHttpServerResponder>(std::move(responder));
    const bool close = bytes.isEmpty() || behaviour.closeDelimited;
    const auto answer = [socket, keep, bytes, close] {
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return;
        socket->write(bytes);
        if (close)
            socket->disconnectFromHost(); // after the bytes written so far
    };
    if (behaviour.delayMs > 0)
        QTimer::singleShot(behaviour.delayMs, this, answer);
    else
        answer();
    Q_EMIT requestReceived(int(m_requests.size()) - 1);
}
