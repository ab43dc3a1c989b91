#include "settingsattempt.h"

#include "sender/networktarget.h"
#include "settingsfetchtext.h"
#include "settingsurl.h"

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

bool isRetryableStatus(int status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

} // namespace

SettingsAttempt::SettingsAttempt(QNetworkAccessManager *manager, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &SettingsAttempt::onTimeout);
}

SettingsAttempt::~SettingsAttempt()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void SettingsAttempt::start(const QUrl &url, int timeoutMs, qint64 maxBodyBytes,
                            const QString &sdkKey)
{
    Q_ASSERT(!m_reply);
    m_url = url;
    m_sdkKey = sdkKey;
    m_outcome = Outcome();
    m_maxBodyBytes = maxBodyBytes;
    m_timeoutMs = timeoutMs;
    m_tlsErrors.clear();
    m_keepBody = m_timedOut = m_tooLarge = false;

    m_manager->setProxy(proxyFor(url));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "hookbench/" HOOKBENCH_VERSION);

    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &SettingsAttempt::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &SettingsAttempt::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &SettingsAttempt::onFinished);
#if QT_CONFIG(ssl)
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_tlsErrors = texts.join(QLatin1String("; "));
    });
#endif
    m_timer->start(timeoutMs);
}

void SettingsAttempt::abort()
{
    if (m_reply)
        m_reply->abort(); // finished() at once: onFinished() reports Cancelled
}

void SettingsAttempt::onTimeout()
{
    m_timedOut = true;
    abort();
}

QString SettingsAttempt::where() const
{
    return hostAndPort(m_url);
}

void SettingsAttempt::onMetaData()
{
    if (!m_reply)
        return;
    m_timer->start(m_timeoutMs); // something was heard
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_outcome.status = status.toInt();
    m_outcome.contentType = m_reply->rawHeader("Content-Type");
    m_keepBody =
        m_outcome.status == 200 && SettingsFetchText::isJsonContentType(m_outcome.contentType);
    if (!m_keepBody)
        return;
    // Refuse at once what announces itself too large (Content-Length is the wire size only
    // when the body is not compressed).
    const QByteArray encoding = m_reply->rawHeader("Content-Encoding").trimmed().toLower();
    bool known = false;
    const qint64 length = m_reply->rawHeader("Content-Length").trimmed().toLongLong(&known);
    if (known && (encoding.isEmpty() || encoding == "identity")) {
        if (length > m_maxBodyBytes) {
            failTooLarge(tr("the settings file is %1 (%2), more than the %3 limit")
                             .arg(SettingsFetchText::sizeText(length), tr("%1 bytes").arg(length),
                                  SettingsFetchText::sizeText(m_maxBodyBytes)));
            return;
        }
        m_outcome.body.reserve(length);
    }
}

void SettingsAttempt::onReadyRead()
{
    if (!m_reply || !m_reply->isReadable())
        return;
    m_timer->start(m_timeoutMs);
    if (m_outcome.status == 0)
        onMetaData();
    if (!m_reply)
        return;
    const QByteArray chunk = m_reply->readAll();
    m_outcome.bodyBytes += chunk.size();
    if (!m_keepBody)
        return; // counted, not kept: only a settings file is worth memory
    if (m_outcome.bodyBytes > m_maxBodyBytes) {
        failTooLarge(tr("the settings file is larger than the %1 limit (stopped after %2)")
                         .arg(SettingsFetchText::sizeText(m_maxBodyBytes),
                              SettingsFetchText::sizeText(m_outcome.bodyBytes)));
        return;
    }
    m_outcome.body += chunk;
}

void SettingsAttempt::failTooLarge(const QString &error)
{
    m_tooLarge = true;
    m_outcome.failure = SettingsFetchFailure::TooLarge;
    m_outcome.error = error;
    m_outcome.retryable = false; // the same file will be as large next time
    m_outcome.body.clear();
    m_outcome.body.squeeze();
    abort();
}

void SettingsAttempt::onFinished()
{
    m_timer->stop();
    if (!m_tooLarge && !m_timedOut)
        onReadyRead();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    if (!reply)
        return; // failTooLarge() aborted from within onReadyRead(): already reported
    reply->deleteLater();

    if (m_tooLarge) {
        // failTooLarge() set the outcome
    } else if (m_timedOut) {
        m_outcome.failure = SettingsFetchFailure::Timeout;
        m_outcome.retryable = true;
        m_outcome.error =
            m_outcome.status == 0
                ? tr("no answer within %1").arg(SettingsFetchText::durationText(m_timeoutMs))
                : tr("the answer stalled: nothing more within %1 after %2")
                      .arg(SettingsFetchText::durationText(m_timeoutMs),
                           SettingsFetchText::sizeText(m_outcome.bodyBytes));
    } else {
        const QNetworkReply::NetworkError error = reply->error();
        // Codes below 200 are connection, TLS and proxy failures, whatever the status.
        if (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)
            classifyTransport(reply);
        else if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            classifyAnswer(reply);
        else
            classifyTransport(reply);
    }
    if (m_outcome.failure != SettingsFetchFailure::None) {
        m_outcome.body.clear();
        m_outcome.body.squeeze();
    }
    Q_EMIT finished();
}

void SettingsAttempt::classifyTransport(QNetworkReply *reply)
{
    auto fail = [this](SettingsFetchFailure failure, bool retryable, const QString &error) {
        m_outcome.failure = failure;
        m_outcome.retryable = retryable;
        m_outcome.error = error;
    };
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return fail(SettingsFetchFailure::ConnectionRefused, true,
                    tr("connection refused by %1").arg(where()));
    case QNetworkReply::HostNotFoundError:
        return fail(SettingsFetchFailure::HostNotFound, true,
                    tr("host %1 not found (DNS lookup failed)").arg(m_url.host()));
    case QNetworkReply::RemoteHostClosedError:
        return fail(SettingsFetchFailure::ConnectionClosed, true,
                    m_outcome.status == 0
                        ? tr("%1 closed the connection without answering").arg(where())
                        : tr("%1 closed the connection in the middle of the answer (after %2)")
                              .arg(where(), SettingsFetchText::sizeText(m_outcome.bodyBytes)));
    case QNetworkReply::TimeoutError:
        return fail(SettingsFetchFailure::Timeout, true,
                    tr("the connection to %1 timed out").arg(where()));
    case QNetworkReply::OperationCanceledError:
        return fail(SettingsFetchFailure::Cancelled, false, tr("cancelled"));
    case QNetworkReply::SslHandshakeFailedError:
        // A certificate does not fix itself within seconds.
        return fail(
            SettingsFetchFailure::Tls, false,
            tr("TLS handshake with %1 failed: %2")
                .arg(where(), m_tlsErrors.isEmpty() ? scrub(reply->errorString()) : m_tlsErrors));
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return fail(
            SettingsFetchFailure::Network, true,
            tr("network failure reaching %1: %2").arg(where(), scrub(reply->errorString())));
    default:
        return fail(SettingsFetchFailure::Network, false,
                    tr("request to %1 failed: %2").arg(where(), scrub(reply->errorString())));
    }
}

void SettingsAttempt::classifyAnswer(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_outcome.status = status;
    m_outcome.contentType = reply->rawHeader("Content-Type");
    const QString answered =
        tr("the server answered %1")
            .arg(SettingsFetchText::statusText(
                status,
                reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
    if (status == 200) {
        if (SettingsFetchText::isJsonContentType(m_outcome.contentType))
            return; // the only success
        m_outcome.failure = SettingsFetchFailure::ContentType;
        const QByteArray type = m_outcome.contentType.split(';').first().trimmed();
        m_outcome.error = type.isEmpty()
                              ? tr("the answer has no Content-Type, not application/json")
                              : tr("the answer is %1, not application/json")
                                    .arg(scrub(QString::fromLatin1(type.left(100))));
        return;
    }
    m_outcome.failure = SettingsFetchFailure::HttpStatus;
    m_outcome.retryable = isRetryableStatus(status);
    if (status == 429 || status == 503) {
        bool ok = false;
        const qint64 seconds = reply->rawHeader("Retry-After").trimmed().toLongLong(&ok);
        if (ok && seconds >= 0)
            m_outcome.retryAfterMs = int(qMin<qint64>(seconds * 1000, MaxRetryAfterMs));
    }
    if (status >= 200 && status < 300) {
        m_outcome.error = tr("%1, not 200 OK").arg(answered);
    } else if (status >= 300 && status < 400) {
        const QUrl target = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
        m_outcome.error =
            target.isEmpty()
                ? tr("%1 (a redirect without a target)").arg(answered)
                : tr("%1, a redirect to %2 — redirects are not followed; "
                     "use that address as the base URL")
                      .arg(answered, SettingsUrl::redactedString(m_url.resolved(target)));
    } else if (status == 401 || status == 403) {
        m_outcome.error = tr("%1 — check the SDK key").arg(answered);
    } else if (status == 400) {
        m_outcome.error = tr("%1 — check the account id and the SDK key").arg(answered);
    } else if (status == 404) {
        m_outcome.error = tr("%1 — check the base URL").arg(answered);
    } else {
        m_outcome.error = answered;
    }
    m_outcome.error = scrub(m_outcome.error);
}

QString SettingsAttempt::scrub(const QString &text) const
{
    // Qt's own texts quote the URL, which holds the key.
    QString out = text;
    const QString redacted = SettingsUrl::redactedString(m_url);
    out.replace(m_url.toString(QUrl::FullyEncoded), redacted);
    out.replace(m_url.toString(QUrl::PrettyDecoded), redacted);
    if (!m_sdkKey.isEmpty()) {
        out.replace(m_sdkKey, QLatin1String(SettingsUrl::RedactedKey));
        out.replace(QString::fromLatin1(QUrl::toPercentEncoding(m_sdkKey)),
                    QLatin1String(SettingsUrl::RedactedKey));
    }
    return out;
}

} // namespace hookbench
