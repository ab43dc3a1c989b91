#pragma once

#include "settingsfetchresult.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hookbench {

// One GET of a settings file, for SettingsFetcher: reads the body as it arrives, enforces the
// size limit and the silence timeout, and sorts the outcome into a failure kind, plain words
// and whether another attempt could help. Redirects are not followed (the URL holds the SDK
// key); loopback hosts bypass any proxy. No text it produces holds the SDK key.
class SettingsAttempt : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        int status = 0; // 0 when no answer came
        QByteArray contentType;
        QByteArray body;      // only when failure is None
        qint64 bodyBytes = 0; // bytes of body received
        SettingsFetchFailure failure = SettingsFetchFailure::None;
        QString error; // plain words, without an attempt count
        bool retryable = false;
        int retryAfterMs = -1; // a 429's or 503's Retry-After (capped); -1 when none
    };
    static constexpr int MaxRetryAfterMs = 60 * 1000;

    SettingsAttempt(QNetworkAccessManager *manager, QObject *parent = nullptr);
    ~SettingsAttempt() override; // aborts without reporting

    // timeoutMs: the longest silence (no connection, no header, no byte) before giving up.
    // sdkKey only serves to scrub Qt's own error texts.
    void start(const QUrl &url, int timeoutMs, qint64 maxBodyBytes, const QString &sdkKey);
    void abort(); // finished() follows at once, with Cancelled
    bool isRunning() const { return m_reply != nullptr; }
    const Outcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    void finished();

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void failTooLarge(const QString &error);
    void classifyAnswer(QNetworkReply *reply);
    void classifyTransport(QNetworkReply *reply);
    QString scrub(const QString &text) const;
    QString where() const;

    QNetworkAccessManager *m_manager;
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timer;
    QUrl m_url;
    QString m_sdkKey;
    QString m_tlsErrors;
    Outcome m_outcome;
    qint64 m_maxBodyBytes = 0;
    int m_timeoutMs = 0;
    bool m_keepBody = false;
    bool m_timedOut = false;
    bool m_tooLarge = false;
};

} // namespace hookbench
