#include "forwarder.h"

#include "sender/networktarget.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace hookbench {

namespace {

bool sameName(const QByteArray &a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// Headers that concern one connection only (RFC 9110 section 7.6.1), and those Qt computes.
bool isHopByHop(const QByteArray &name)
{
    static const char *const names[] = {"connection",
                                        "keep-alive",
                                        "proxy-connection",
                                        "proxy-authenticate",
                                        "proxy-authorization",
                                        "te",
                                        "trailer",
                                        "transfer-encoding",
                                        "upgrade",
                                        "host",
                                        "content-length",
                                        "expect"};
    for (const char *hop : names) {
        if (sameName(name, hop))
            return true;
    }
    return false;
}

// QNetworkRequest replaces a header set twice: repeated names become one comma-joined line.
QNetworkRequest networkRequest(const QUrl &url, const HeaderList &headers)
{
    QNetworkRequest out(url);
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    out.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    out.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    out.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    HeaderList joined;
    for (const auto &[name, value] : headers) {
        auto it = std::find_if(joined.begin(), joined.end(),
                               [&name = name](const auto &h) { return sameName(h.first, name); });
        if (it == joined.end())
            joined.append({name, value});
        else
            it->second += ", " + value;
    }
    for (const auto &[name, value] : std::as_const(joined))
        out.setRawHeader(name, value);
    return out;
}

} // namespace

Forwarder::Forwarder(QObject *parent)
    : QObject(parent)
{}

Forwarder::~Forwarder()
{
    for (auto it = m_flights.cbegin(); it != m_flights.cend(); ++it) {
        disconnect(it.key(), nullptr, this, nullptr);
        it.key()->abort();
    }
}

QString Forwarder::displayUrl(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemovePassword);
}

HeaderList Forwarder::forwardedHeaders(const HeaderList &received, qint64 eventId,
                                       const QString &remoteAddress)
{
    QList<QByteArray> named; // Connection: close, X-Foo makes X-Foo hop-by-hop too
    for (const auto &[name, value] : received) {
        if (sameName(name, "connection")) {
            for (const QByteArray &token : value.split(','))
                named.append(token.trimmed().toLower());
        }
    }
    HeaderList out;
    QByteArray forwardedFor;
    for (const auto &header : received) {
        const QByteArray &name = header.first;
        if (isHopByHop(name) || named.contains(name.toLower()) ||
            sameName(name, "x-hookbench-event-id"))
            continue;
        if (sameName(name, "x-forwarded-for")) {
            forwardedFor += (forwardedFor.isEmpty() ? "" : ", ") + header.second.trimmed();
            continue;
        }
        out.append(header);
    }
    const QByteArray remote = remoteAddress.toLatin1();
    out.append({QByteArrayLiteral("X-Forwarded-For"),
                forwardedFor.isEmpty() ? remote : forwardedFor + ", " + remote});
    out.append({QByteArrayLiteral("X-Hookbench-Event-Id"), QByteArray::number(eventId)});
    return out;
}

void Forwarder::forward(const ForwardRequest &request, Callback done)
{
    if (!m_manager) {
        m_manager = new QNetworkAccessManager(this);
        m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    const QUrl &url = request.target.url;
    // A proxy cannot reach this machine's own app; elsewhere the user's proxy applies.
    m_manager->setProxy(proxyFor(url));
    const QNetworkRequest out = networkRequest(
        url, forwardedHeaders(request.headers, request.eventId, request.remoteAddress));
    QNetworkReply *reply = m_manager->sendCustomRequest(out, request.method, request.body);

    Flight &flight = m_flights[reply];
    flight.done = std::move(done);
    flight.url = url;
    flight.result.url = displayUrl(url);
    flight.clock.start();

    connect(reply, &QNetworkReply::readyRead, this, [this, reply] { readBody(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        if (const auto it = m_flights.find(reply); it != m_flights.end())
            it->tlsErrors = texts.join(QLatin1String("; "));
    });
#endif
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    deadline->setTimerType(Qt::PreciseTimer); // "within 300 ms" must not mean 290
    const int timeoutMs = request.target.timeoutMs;
    connect(deadline, &QTimer::timeout, this, [this, reply, timeoutMs] {
        const auto it = m_flights.find(reply);
        if (it == m_flights.end())
            return;
        it->abortReason = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        reply->abort();
    });
    deadline->start(timeoutMs);
    flight.deadline = deadline;
}

void Forwarder::abortAll(const QString &why)
{
    const QList<QNetworkReply *> replies = m_flights.keys();
    for (QNetworkReply *reply : replies) {
        const auto it = m_flights.find(reply);
        if (it == m_flights.end())
            continue;
        it->abortReason = why;
        reply->abort();
        if (m_flights.contains(reply)) // abort() normally finishes at once
            finish(reply);
    }
}

void Forwarder::readBody(QNetworkReply *reply)
{
    const auto it = m_flights.find(reply);
    if (it == m_flights.end() || !reply->isReadable())
        return;
    // Read as it arrives: a huge answer costs at most MaxBodyBytes of memory.
    const QByteArray chunk = reply->readAll();
    ForwardResult &result = it->result;
    const qsizetype room = ForwardResult::MaxBodyBytes - result.body.size();
    if (room > 0)
        result.body += chunk.left(room);
    if (chunk.size() > room)
        result.bodyTruncated = true;
}

void Forwarder::finish(QNetworkReply *reply)
{
    readBody(reply);
    const auto it = m_flights.find(reply);
    if (it == m_flights.end())
        return;
    Flight flight = std::move(*it);
    m_flights.erase(it);
    disconnect(reply, nullptr, this, nullptr);
    flight.deadline->stop();
    reply->deleteLater();

    ForwardResult &result = flight.result;
    result.elapsedMs = flight.clock.elapsed();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (flight.abortReason.isEmpty() && status.isValid() &&
        reply->error() != QNetworkReply::OperationCanceledError) {
        // Any status is an answer, 4xx and 5xx included.
        result.status = status.toInt();
        result.headers = reply->rawHeaderPairs();
    } else {
        result.status = 0;
        result.headers.clear();
        result.body.clear();
        result.bodyTruncated = false;
        result.error =
            flight.abortReason.isEmpty() ? failureText(reply, flight) : flight.abortReason;
    }
    if (flight.done)
        flight.done(result);
}

QString Forwarder::failureText(QNetworkReply *reply, const Flight &flight)
{
    const QString where = hostAndPort(flight.url);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused by %1 (nothing is listening there)").arg(where);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host %1 not found (DNS lookup failed)").arg(flight.url.host());
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection without answering").arg(where);
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake with %1 failed: %2")
            .arg(where, flight.tlsErrors.isEmpty() ? reply->errorString() : flight.tlsErrors);
    default:
        break;
    }
    return reply->errorString();
}

} // namespace hookbench
