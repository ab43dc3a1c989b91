#include "settingsfetcher.h"

#include "settingsattempt.h"
#include "settingsurl.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace hookbench {

QList<int> SettingsFetcher::defaultBackoff()
{
    return {1000, 2000, 4000, 8000};
}

SettingsFetcher::SettingsFetcher(QObject *parent)
    : QObject(parent)
    , m_manager(new QNetworkAccessManager(this))
    , m_retryTimer(new QTimer(this))
    , m_backoff(defaultBackoff())
{
    qRegisterMetaType<hookbench::FetchTrigger>();
    qRegisterMetaType<hookbench::SettingsFetchResult>();
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setTimerType(Qt::PreciseTimer); // a wait shown as 1000 ms is not 950
    connect(m_retryTimer, &QTimer::timeout, this, &SettingsFetcher::startAttempt);
}

SettingsFetcher::~SettingsFetcher()
{
    ++m_attemptSerial;
    delete m_attempt; // aborts its reply without a report
}

QString SettingsFetcher::setAccount(const QString &baseUrl, const QString &accountId,
                                    const QString &sdkKey)
{
    m_baseUrl = baseUrl;
    m_accountId = accountId;
    m_sdkKey = sdkKey;
    QString error;
    SettingsUrl::build(baseUrl, SettingsPath::Settings, accountId, sdkKey, 0.0, &error);
    return error;
}

void SettingsFetcher::request(FetchTrigger trigger, const QList<qint64> &eventIds)
{
    Batch *batch = nullptr;
    Batch fresh;
    if (m_busy) {
        if (!m_queued)
            m_queued = Batch();
        batch = &*m_queued;
    } else {
        batch = &fresh;
    }
    batch->webhook = batch->webhook || trigger == FetchTrigger::Webhook;
    batch->eventIds += eventIds;
    ++batch->requests;
    if (!m_busy)
        startFetch(fresh);
}

void SettingsFetcher::startFetch(const Batch &batch)
{
    m_busy = true;
    m_current = batch;
    m_attemptNumber = 0;
    m_result = SettingsFetchResult();
    m_result.trigger = batch.webhook ? FetchTrigger::Webhook : FetchTrigger::Manual;
    m_result.eventIds = batch.eventIds;
    m_result.requests = batch.requests;
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    const quint64 serial = ++m_fetchSerial;
    Q_EMIT fetchStarted(m_result.trigger, m_result.eventIds);
    if (serial == m_fetchSerial) // a slot may have cancelled it
        startAttempt();
}

void SettingsFetcher::startAttempt()
{
    ++m_attemptNumber;
    const SettingsPath path = m_current.webhook ? SettingsPath::Pull : SettingsPath::Settings;
    QString error;
    const QUrl url = SettingsUrl::build(m_baseUrl, path, m_accountId, m_sdkKey, &error);
    if (url.isEmpty()) {
        // Nothing to send; reported from the event loop like every other outcome.
        --m_attemptNumber;
        m_result.failure = SettingsFetchFailure::InvalidAccount;
        m_result.error = error;
        const quint64 serial = m_fetchSerial;
        QTimer::singleShot(0, this, [this, serial] {
            if (serial == m_fetchSerial && m_busy)
                finishFetch();
        });
        return;
    }
    m_result.attempts = m_attemptNumber;
    m_result.sourceUrl = SettingsUrl::redacted(url);

    m_attempt = new SettingsAttempt(m_manager, this);
    const quint64 serial = ++m_attemptSerial;
    // Queued: the attempt's stack (reply signals) is left before anything reacts.
    connect(
        m_attempt, &SettingsAttempt::finished, this, [this, serial] { onAttemptFinished(serial); },
        Qt::QueuedConnection);
    m_attempt->start(url, m_timeoutMs, m_maxBodyBytes, m_sdkKey);
    Q_EMIT attemptStarted(m_attemptNumber, maxAttempts(), m_result.sourceUrl);
}

void SettingsFetcher::onAttemptFinished(quint64 serial)
{
    if (serial != m_attemptSerial || !m_attempt)
        return; // cancelled: already reported
    SettingsAttempt *attempt = std::exchange(m_attempt, nullptr);
    attempt->deleteLater();
    SettingsAttempt::Outcome outcome = attempt->outcome();

    m_result.httpStatus = outcome.status;
    m_result.contentType = outcome.contentType;
    m_result.bodyBytes = outcome.bodyBytes;
    m_result.failure = outcome.failure;
    if (outcome.failure == SettingsFetchFailure::None) {
        m_result.error.clear();
        m_result.body = std::move(outcome.body);
        finishFetch();
        return;
    }

    const bool retry = outcome.retryable && m_attemptNumber < maxAttempts();
    QString error = outcome.error;
    if (outcome.retryable) // "which try was this" matters only when tries repeat
        error +=
            QLatin1Char(' ') + tr("(attempt %1 of %2)").arg(m_attemptNumber).arg(maxAttempts());
    m_result.error = error;
    const int wait = retry ? qMax(m_backoff.at(m_attemptNumber - 1), outcome.retryAfterMs) : -1;
    const quint64 fetch = m_fetchSerial;
    Q_EMIT attemptFailed(m_attemptNumber, error, wait);
    if (fetch != m_fetchSerial)
        return; // a slot cancelled
    if (retry)
        m_retryTimer->start(qMax(0, wait));
    else
        finishFetch();
}

void SettingsFetcher::finishFetch()
{
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    const SettingsFetchResult result = std::exchange(m_result, SettingsFetchResult());
    // Still busy while reporting: a request() from a slot joins the queue.
    const quint64 serial = m_fetchSerial;
    m_reporting = true;
    Q_EMIT fetchFinished(result);
    m_reporting = false;
    if (serial != m_fetchSerial)
        return; // a slot cancelled (and maybe started another fetch)
    m_busy = false;
    if (m_queued) {
        const Batch next = *std::exchange(m_queued, std::nullopt);
        startFetch(next);
    }
}

SettingsFetchResult SettingsFetcher::cancelledResult(const Batch &batch, QString error)
{
    SettingsFetchResult result;
    result.trigger = batch.webhook ? FetchTrigger::Webhook : FetchTrigger::Manual;
    result.eventIds = batch.eventIds;
    result.requests = batch.requests;
    result.startedAt = result.finishedAt = QDateTime::currentDateTimeUtc();
    result.failure = SettingsFetchFailure::Cancelled;
    result.error = std::move(error);
    return result;
}

void SettingsFetcher::cancel()
{
    if (!m_busy && !m_queued)
        return;
    ++m_fetchSerial;
    ++m_attemptSerial;
    m_retryTimer->stop();
    if (SettingsAttempt *attempt = std::exchange(m_attempt, nullptr)) {
        attempt->abort(); // its late report is ignored: the serial moved on
        attempt->deleteLater();
    }
    QList<SettingsFetchResult> results;
    if (m_busy && !m_reporting) { // while reporting, the fetch in flight has ended already
        SettingsFetchResult current = std::exchange(m_result, SettingsFetchResult());
        current.finishedAt = QDateTime::currentDateTimeUtc();
        current.failure = SettingsFetchFailure::Cancelled;
        current.error = tr("cancelled");
        current.httpStatus = 0;
        current.contentType.clear();
        current.body.clear();
        current.bodyBytes = 0;
        results << current;
    }
    if (m_queued)
        results << cancelledResult(*m_queued, tr("cancelled before it started"));
    m_busy = false;
    m_queued.reset();
    for (const SettingsFetchResult &result : results)
        Q_EMIT fetchFinished(result);
}

} // namespace hookbench
