#include "requestsender.h"

#include "networktarget.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace hookbench {

namespace {

// QNetworkRequest replaces a header set twice: repeated names become one comma-joined line.
HeaderList joinRepeated(const HeaderList &headers)
{
    HeaderList joined;
    for (const auto &[name, value] : headers) {
        auto it = std::find_if(joined.begin(), joined.end(), [&name = name](const auto &h) {
            return h.first.compare(name, Qt::CaseInsensitive) == 0;
        });
        if (it == joined.end())
            joined.append({name, value});
        else
            it->second += ", " + value;
    }
    return joined;
}

QNetworkRequest networkRequest(const OutgoingRequest &request)
{
    QNetworkRequest out(request.url);
    // What the user sees is what the server answered: no redirects, cookies or cache.
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                     QNetworkRequest::ManualRedirectPolicy);
    out.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    out.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    out.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    for (const auto &[name, value] : joinRepeated(request.headers))
        out.setRawHeader(name, value);
    return out;
}

} // namespace

RequestSender::RequestSender(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<hookbench::SendResult>();
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // "timed out after 200 ms" must not be 190 ms
    connect(m_timer, &QTimer::timeout, this, &RequestSender::onTimeout);
}

RequestSender::~RequestSender()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
    }
}

bool RequestSender::send(const OutgoingRequest &request, int timeoutMs)
{
    if (isBusy())
        return false;
    m_result = SendResult();
    m_url = request.url;
    m_tlsErrors.clear();
    m_timeoutMs = timeoutMs;
    m_timedOut = false;
    m_clock.start();

    if (const QString problem = request.validate(); !problem.isEmpty()) {
        m_result.failure = SendFailure::InvalidRequest;
        m_result.error = problem;
        m_pendingInvalid = true;
        // Reported like every other outcome: later, from the event loop.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pendingInvalid = false;
                Q_EMIT finished(m_result);
            },
            Qt::QueuedConnection);
        return true;
    }

    // A proxy cannot reach this machine's own receiver; elsewhere the user's proxy applies.
    m_manager->setProxy(proxyFor(request.url));

    const QNetworkRequest out = networkRequest(request);
    const QByteArray &method = request.method;
    if (method == "HEAD") {
        m_reply = m_manager->head(out); // a custom HEAD would wait for a body
    } else if (method == "GET" && request.body.isEmpty()) {
        m_reply = m_manager->get(out);
    } else if (!request.body.isEmpty() || method == "POST" || method == "PUT" ||
               method == "PATCH") {
        m_reply = m_manager->sendCustomRequest(out, method, request.body); // Content-Length
    } else {
        m_reply = m_manager->sendCustomRequest(out, method); // no body, no Content-Length
    }
    const auto milestone = [this](qint64 SendResult::*field) {
        return [this, field] {
            if (m_result.*field < 0)
                m_result.*field = m_clock.elapsed();
        };
    };
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this,
            milestone(&SendResult::connectStartedMs));
    connect(m_reply, &QNetworkReply::requestSent, this, milestone(&SendResult::requestSentMs));
    connect(m_reply, &QNetworkReply::metaDataChanged, this, milestone(&SendResult::headersMs));
#if QT_CONFIG(ssl)
    connect(m_reply, &QNetworkReply::encrypted, this, milestone(&SendResult::tlsReadyMs));
#endif
    connect(m_reply, &QNetworkReply::readyRead, this, &RequestSender::readBody);
    connect(m_reply, &QNetworkReply::finished, this, &RequestSender::onFinished);
#if QT_CONFIG(ssl)
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_tlsErrors = texts.join(QLatin1String("; "));
    });
#endif
    if (timeoutMs > 0)
        m_timer->start(timeoutMs);
    return true;
}

void RequestSender::abort()
{
    if (m_reply)
        m_reply->abort(); // finishes at once: onFinished() reports Cancelled
}

void RequestSender::onTimeout()
{
    m_timedOut = true;
    abort();
}

void RequestSender::readBody()
{
    if (!m_reply || !m_reply->isReadable())
        return; // aborted: closed, nothing more to read
    // Read as it arrives: a huge answer costs at most MaxKeptBody of memory.
    const QByteArray chunk = m_reply->readAll();
    m_result.bodyBytes += chunk.size();
    const qint64 room = MaxKeptBody - m_result.body.size();
    if (room > 0)
        m_result.body += chunk.left(room);
    if (chunk.size() > room)
        m_result.bodyTruncated = true;
}

void RequestSender::onFinished()
{
    m_timer->stop();
    readBody();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    m_result.elapsedMs = m_clock.elapsed();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_timedOut) {
        m_result.failure = SendFailure::Timeout;
        m_result.error = QStringLiteral("timed out after %1 ms").arg(m_timeoutMs);
    } else if (status.isValid() && reply->error() != QNetworkReply::OperationCanceledError) {
        // Any status is an answer, 4xx and 5xx included.
        m_result.status = status.toInt();
        m_result.reason =
            reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        m_result.headers = reply->rawHeaderPairs();
        const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        if (location.isValid())
            m_result.redirectTarget = m_url.resolved(location);
    } else {
        m_result.error = failureText(reply, &m_result.failure);
    }
    if (!m_result.answered()) {
        m_result.status = 0;
        m_result.headers.clear();
    }
    Q_EMIT finished(m_result);
}

QString RequestSender::failureText(QNetworkReply *reply, SendFailure *failure) const
{
    const QString where = hostAndPort(m_url);
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        *failure = SendFailure::ConnectionRefused;
        return QStringLiteral("connection refused by %1 (nothing is listening there)").arg(where);
    case QNetworkReply::HostNotFoundError:
        *failure = SendFailure::HostNotFound;
        return QStringLiteral("host %1 not found (DNS lookup failed)").arg(m_url.host());
    case QNetworkReply::RemoteHostClosedError:
        *failure = SendFailure::ConnectionClosed;
        return QStringLiteral("%1 closed the connection without answering").arg(where);
    case QNetworkReply::TimeoutError:
        *failure = SendFailure::Timeout;
        return QStringLiteral("timed out after %1 ms").arg(m_timeoutMs);
    case QNetworkReply::OperationCanceledError:
        *failure = SendFailure::Cancelled;
        return QStringLiteral("cancelled");
    case QNetworkReply::SslHandshakeFailedError:
        *failure = SendFailure::Tls;
        return QStringLiteral("TLS handshake with %1 failed: %2")
            .arg(where, m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors);
    default:
        break;
    }
    *failure = SendFailure::Other;
    return reply->errorString();
}

} // namespace hookbench
