#pragma once

#include "settingsfetchresult.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace hookbench {

class SettingsAttempt;

// Fetches the settings file of one VWO account, asynchronously on the owner thread, with its own
// QNetworkAccessManager. The SDK key is held in memory only and never appears in a result, an
// error or a signal: URLs are handed out redacted (i=REDACTED).
//
// Coalescing: one fetch in flight, at most one queued. request() while a fetch is in flight
// joins the queued fetch (its event ids are appended); the queued fetch starts when the one in
// flight has been reported. A fetch that serves any webhook uses /server-side/pull (as the SDKs
// do after a webhook), one that serves only manual requests /server-side/settings.
//
// Retry policy: up to backoff().size() + 1 attempts (default 5), waiting backoff()[n - 1]
// after failed attempt n (default 1, 2, 4, 8 s). Retried, because another try can succeed:
// connection refused, host not found (networks come back after sleep or a VPN change),
// no answer within timeoutMs(), connection closed early, other transient network or proxy
// failures, and the answers 408, 429 and 5xx (a 429's or 503's Retry-After, up to 60 s,
// lengthens the wait). Not retried, because the same request would fail the same way: any other
// answer (a 403 wrong SDK key, 400, 404, a 3xx — redirects are never followed since the URL
// carries the key — or a 2xx other than 200), a 200 that is not JSON, a body over
// maxBodyBytes(), TLS failures, and an invalid account (nothing is sent at all).
//
// Success is exactly "HTTP 200 with Content-Type application/json or application/*+json
// (parameters allowed)"; the body is delivered as received, not parsed.
//
// The timeout is per attempt and counts silence: it restarts whenever the connection delivers
// headers or bytes, so a large file on a slow link completes while a stalled one fails.
class SettingsFetcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 30 * 1000;
    static constexpr qint64 DefaultMaxBodyBytes = 64LL * 1024 * 1024;
    static QList<int> defaultBackoff(); // {1000, 2000, 4000, 8000}

    explicit SettingsFetcher(QObject *parent = nullptr);
    ~SettingsFetcher() override; // aborts without reporting

    // The account profile; takes effect from the next attempt. Returns the first problem in
    // words (empty when fine). An invalid profile is kept: fetches then fail with
    // InvalidAccount and that message. An empty baseUrl means VWO's own.
    QString setAccount(const QString &baseUrl, const QString &accountId, const QString &sdkKey);
    QString baseUrl() const { return m_baseUrl; }
    QString accountId() const { return m_accountId; }
    bool hasSdkKey() const { return !m_sdkKey.isEmpty(); }

    void setTimeoutMs(int ms) { m_timeoutMs = qMax(1, ms); }
    int timeoutMs() const { return m_timeoutMs; }
    // Waits between attempts in ms; its size + 1 is the number of attempts (empty: no retry).
    void setBackoff(const QList<int> &waitsMs) { m_backoff = waitsMs; }
    QList<int> backoff() const { return m_backoff; }
    int maxAttempts() const { return int(m_backoff.size()) + 1; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    // Asks for a fetch; eventIds are the webhook events it serves (none for manual requests).
    void request(FetchTrigger trigger, const QList<qint64> &eventIds = {});
    // Aborts the fetch in flight and drops the queued one; each is reported at once through
    // fetchFinished() with SettingsFetchFailure::Cancelled.
    void cancel();

    bool isBusy() const { return m_busy; } // a fetch in flight (in an attempt or a wait)
    bool hasQueued() const { return m_queued.has_value(); }

Q_SIGNALS:
    void fetchStarted(hookbench::FetchTrigger trigger, const QList<qint64> &eventIds);
    void attemptStarted(int attempt, int maxAttempts, const QUrl &redactedUrl);
    // nextRetryInMs: the wait before the next attempt; -1 when the fetch ends with this failure.
    void attemptFailed(int attempt, const QString &error, int nextRetryInMs);
    void fetchFinished(const hookbench::SettingsFetchResult &result);

private:
    struct Batch
    {
        bool webhook = false;
        QList<qint64> eventIds;
        int requests = 0;
    };

    void startFetch(const Batch &batch);
    void startAttempt();
    void onAttemptFinished(quint64 serial);
    void finishFetch();
    static SettingsFetchResult cancelledResult(const Batch &batch, QString error);

    QNetworkAccessManager *m_manager;
    QTimer *m_retryTimer;
    SettingsAttempt *m_attempt = nullptr;
    QString m_baseUrl;
    QString m_accountId;
    QString m_sdkKey;
    QList<int> m_backoff;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    int m_timeoutMs = DefaultTimeoutMs;

    bool m_busy = false;
    bool m_reporting = false; // inside finishFetch()'s fetchFinished()
    Batch m_current;
    std::optional<Batch> m_queued;
    SettingsFetchResult m_result; // the fetch in flight, filled as it goes
    int m_attemptNumber = 0;
    quint64 m_attemptSerial = 0; // tells a cancelled attempt's late report from the current one
    quint64 m_fetchSerial = 0;   // tells whether a slot cancelled or restarted during a signal
};

} // namespace hookbench
