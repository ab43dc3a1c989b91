#pragma once

#include "settingsversion.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace hookbench {

// Why a fetch did not deliver a settings file.
enum class SettingsFetchFailure {
    None,              // HTTP 200 with a JSON content type: body holds the file
    InvalidAccount,    // bad base URL, account id or SDK key; nothing was sent
    ConnectionRefused, // nothing listens at host:port
    HostNotFound,      // DNS lookup failed
    Timeout,           // nothing heard for the per-attempt timeout
    ConnectionClosed,  // the server closed the connection before a complete answer
    Tls,               // TLS handshake or certificate check failed
    Network,           // another network or proxy failure
    HttpStatus,        // an answer other than 200
    ContentType,       // 200, but not application/json
    TooLarge,          // the body is larger than the fetcher's limit
    Cancelled,         // SettingsFetcher::cancel()
};

// Stable names for output and storage: "none", "connection_refused", "http_status", …
QString settingsFetchFailureName(SettingsFetchFailure failure);

// One finished fetch (all its attempts), handed over as a whole value.
struct SettingsFetchResult
{
    FetchTrigger trigger = FetchTrigger::Manual; // Webhook if any request served was one
    QList<qint64> eventIds; // the webhook events it served: the first request's, then joined
    int requests = 0;       // request() calls it served (the first plus those that joined)
    QDateTime startedAt;    // UTC, when the first attempt began
    QDateTime finishedAt;   // UTC
    int attempts = 0;       // HTTP attempts made; 0 when nothing was sent
    int httpStatus = 0;     // the last attempt's status; 0 when no answer came
    QByteArray contentType; // the last answer's Content-Type, as sent
    QByteArray body;        // the settings file; only when ok() (failed answers are dropped)
    qint64 bodyBytes = 0;   // exact size of the last answer's body (after decompression)
    SettingsFetchFailure failure = SettingsFetchFailure::None;
    QString error;  // the failure in plain words; empty when ok(); never holds the SDK key
    QUrl sourceUrl; // the last attempt's URL, redacted (i=REDACTED)

    bool ok() const { return failure == SettingsFetchFailure::None; }
    qint64 durationMs() const { return startedAt.msecsTo(finishedAt); }
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::SettingsFetchResult)
