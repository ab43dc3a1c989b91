#pragma once

// SQL helpers shared by settingsversionstore.cpp and settingsversionreads.cpp (internal).

#include "settingsversion.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace hookbench::settingssql {

// Versions read with their blob's size; `v` and `b` are the aliases the queries use.
inline const QLatin1String VersionColumns(
    "v.id, v.endpoint, v.account_id, v.sha256, b.size, v.created_at, v.\"trigger\", v.source,"
    " v.campaign_count, v.summary FROM settings_versions v"
    " JOIN settings_blobs b ON b.sha256 = v.sha256");
inline const QLatin1String FetchColumns(
    "f.id, f.endpoint, f.account_id, f.started_at, f.finished_at, f.\"trigger\", f.source,"
    " f.outcome, f.version_id, f.attempts, f.http_status, f.error");

// SQLite's bound-variable limit was 999 before 3.32; stay below it.
constexpr int MaxBoundIds = 500;

inline QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

inline SettingsVersion versionFromRow(const QSqlQuery &query)
{
    SettingsVersion version;
    version.id = query.value(0).toLongLong();
    version.endpoint = query.value(1).toString();
    version.accountId = query.value(2).toString();
    version.sha256 = query.value(3).toString();
    version.size = query.value(4).toLongLong();
    version.createdAt = fromMs(query.value(5));
    version.trigger = fetchTriggerFromName(query.value(6).toString());
    version.source = query.value(7).toString();
    version.campaignCount = query.value(8).toInt();
    version.summary = query.value(9).toString();
    return version;
}

// The fetch columns start at `first`.
inline FetchRecord fetchFromRow(const QSqlQuery &query, int first = 0)
{
    FetchRecord fetch;
    fetch.id = query.value(first).toLongLong();
    fetch.endpoint = query.value(first + 1).toString();
    fetch.accountId = query.value(first + 2).toString();
    fetch.startedAt = fromMs(query.value(first + 3));
    fetch.finishedAt = fromMs(query.value(first + 4));
    fetch.trigger = fetchTriggerFromName(query.value(first + 5).toString());
    fetch.source = query.value(first + 6).toString();
    fetch.outcome = fetchOutcomeFromName(query.value(first + 7).toString());
    fetch.versionId = query.value(first + 8).toLongLong();
    fetch.attempts = query.value(first + 9).toInt();
    fetch.httpStatus = query.value(first + 10).toInt();
    fetch.error = query.value(first + 11).toString();
    return fetch;
}

// "?, ?, ?" for `count` values.
inline QString placeholders(qsizetype count)
{
    QString result;
    result.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        result += i == 0 ? QLatin1String("?") : QLatin1String(", ?");
    return result;
}

} // namespace hookbench::settingssql
