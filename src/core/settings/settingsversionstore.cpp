#include "settingsversionstore.h"

#include "settingsfile.h"
#include "settingssummary.h"
#include "settingsversionschema.h"
#include "settingsversionsql.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace settingssql;

SettingsVersionStore::SettingsVersionStore()
    : m_session(QStringLiteral("hookbench-settings"), QStringLiteral("settings history"))
{}

SettingsVersionStore::~SettingsVersionStore()
{
    close();
}

QString SettingsVersionStore::open(const QString &path)
{
    const SqliteSchema schema{QStringLiteral("settings_schema"), QStringLiteral("settings schema"),
                              SettingsSchemaVersion, settingsSchemaMigration};
    return m_session.open(path, schema, {QStringLiteral("PRAGMA foreign_keys = ON")});
}

void SettingsVersionStore::close()
{
    m_session.close();
}

QString SettingsVersionStore::recordFetch(const FetchRecord &fetch, const QByteArray &body,
                                          FetchRecord *recorded, SettingsVersion *version)
{
    return record(fetch, body, false, recorded, version);
}

QString SettingsVersionStore::recordAnswer(const FetchRecord &fetch, const QByteArray &body,
                                           FetchRecord *recorded, SettingsVersion *version)
{
    return record(fetch, body, true, recorded, version);
}

QString SettingsVersionStore::record(const FetchRecord &fetch, const QByteArray &body,
                                     bool sameAccount, FetchRecord *recorded,
                                     SettingsVersion *version)
{
    FetchRecord row = fetch;
    row.id = 0;
    row.versionId = 0;
    row.outcome = FetchOutcome::Failed;
    if (row.endpoint.isEmpty())
        return QStringLiteral("cannot record a settings fetch without an endpoint");
    const QString refusal = refuseSecrets(row);
    if (!refusal.isEmpty())
        return refusal;
    if (!row.finishedAt.isValid())
        row.finishedAt = QDateTime::currentDateTimeUtc();
    if (!row.startedAt.isValid())
        row.startedAt = row.finishedAt;
    row.attempts = qMax(0, row.attempts); // 0: nothing was sent (a bad account profile)
    SettingsFileCheck check;
    if (row.error.isEmpty()) {
        // The history never holds a file the SDKs would refuse: such an answer is a failed
        // fetch that says why, and the current version stays.
        check = checkSettingsFile(body);
        if (!check.ok && row.trigger == FetchTrigger::File)
            row.error = row.source + QLatin1String(": ") + check.error;
        else if (!check.ok)
            row.error = QLatin1String("the answer is not a valid settings file: ") + check.error;
        else if (sameAccount && !row.accountId.isEmpty() && check.accountId != row.accountId)
            row.error = QStringLiteral("the answer is the settings file of account %1, not %2")
                            .arg(check.accountId, row.accountId);
        else if (row.accountId.isEmpty())
            row.accountId = check.accountId;
    }
    const bool succeeded = row.error.isEmpty();

    QString error;
    if (!m_session.begin(&error))
        return error;
    SettingsVersion stored;
    if (succeeded) {
        error = storeVersion(&row, body, check, &stored);
        if (!error.isEmpty())
            return m_session.rollbackWith(error);
    }
    error = insertFetch(&row);
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    error = m_session.commit();
    if (!error.isEmpty())
        return error;
    if (recorded)
        *recorded = row;
    if (version)
        *version = stored;
    return {};
}

QString SettingsVersionStore::importFile(const QString &endpoint, const QString &fileName,
                                         const QByteArray &bytes, FetchRecord *recorded,
                                         SettingsVersion *version)
{
    FetchRecord fetch;
    fetch.endpoint = endpoint;
    fetch.trigger = FetchTrigger::File;
    fetch.source = QFileInfo(fileName).fileName();
    fetch.startedAt = QDateTime::currentDateTimeUtc();
    fetch.finishedAt = fetch.startedAt;
    return recordFetch(fetch, bytes, recorded, version);
}

QString SettingsVersionStore::storeVersion(FetchRecord *fetch, const QByteArray &body,
                                           const SettingsFileCheck &check, SettingsVersion *version)
{
    const QString sha256 = sha256Hex(body);
    SettingsVersion current;
    QString error = latestVersion(fetch->endpoint, fetch->accountId, &current);
    if (!error.isEmpty())
        return error;
    if (!current.isNull() && current.sha256 == sha256) {
        fetch->outcome = FetchOutcome::Unchanged;
        fetch->versionId = current.id;
        *version = current;
        return {};
    }
    QByteArray previous;
    if (!current.isNull()) {
        error = versionBytes(current.id, &previous);
        if (!error.isEmpty())
            return error;
    }

    const RedactedSettings redacted = redactSecret(body, check.sdkKey);
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO settings_blobs"
                                 " (sha256, size, raw, raw_sha256, secret_at)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(sha256);
    query.addBindValue(qint64(body.size()));
    query.addBindValue(redacted.bytes);
    query.addBindValue(sha256Hex(redacted.bytes));
    query.addBindValue(offsetsToText(redacted.offsets));
    if (!query.exec())
        return m_session.describe(query.lastError());

    SettingsVersion added;
    added.endpoint = fetch->endpoint;
    added.accountId = text(fetch->accountId);
    added.sha256 = sha256;
    added.size = body.size();
    added.createdAt = fetch->finishedAt.toUTC();
    added.trigger = fetch->trigger;
    added.source = text(fetch->source);
    added.campaignCount = check.campaignCount;
    added.summary = summarizeSettingsChange(previous, redacted.bytes);
    query.prepare(QStringLiteral("INSERT INTO settings_versions (endpoint, account_id, sha256,"
                                 " created_at, \"trigger\", source, campaign_count, summary)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(added.endpoint), QVariant(added.accountId), QVariant(added.sha256),
          QVariant(added.createdAt.toMSecsSinceEpoch()), QVariant(fetchTriggerName(added.trigger)),
          QVariant(added.source), QVariant(added.campaignCount), QVariant(added.summary)})
        query.addBindValue(value);
    if (!query.exec())
        return m_session.describe(query.lastError());
    added.id = query.lastInsertId().toLongLong();
    fetch->outcome = FetchOutcome::New;
    fetch->versionId = added.id;
    *version = added;
    return {};
}

QString SettingsVersionStore::insertFetch(FetchRecord *fetch)
{
    const QVariant noInt(QMetaType::fromType<qint64>());
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("INSERT INTO settings_fetches (endpoint, account_id,"
                                 " started_at, finished_at, \"trigger\", source, outcome,"
                                 " version_id, attempts, http_status, error)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(fetch->endpoint), QVariant(text(fetch->accountId)),
          QVariant(fetch->startedAt.toMSecsSinceEpoch()),
          QVariant(fetch->finishedAt.toMSecsSinceEpoch()),
          QVariant(fetchTriggerName(fetch->trigger)), QVariant(text(fetch->source)),
          QVariant(fetchOutcomeName(fetch->outcome)),
          fetch->versionId > 0 ? QVariant(fetch->versionId) : noInt, QVariant(fetch->attempts),
          fetch->httpStatus > 0 ? QVariant(fetch->httpStatus) : noInt,
          fetch->error.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                 : QVariant(fetch->error)})
        query.addBindValue(value);
    if (!query.exec())
        return m_session.describe(query.lastError());
    fetch->id = query.lastInsertId().toLongLong();

    query.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO settings_fetch_events (fetch_id, event_id) VALUES (?, ?)"));
    for (qint64 eventId : std::as_const(fetch->eventIds)) {
        query.addBindValue(fetch->id);
        query.addBindValue(eventId);
        if (!query.exec())
            return m_session.describe(query.lastError());
    }
    return {};
}

QString SettingsVersionStore::refuseSecrets(const FetchRecord &fetch) const
{
    const QString tail = QStringLiteral(" holds an SDK key (query parameter \"i\"); redact it to "
                                        "i=REDACTED before recording the fetch");
    if (holdsUnredactedSdkKey(fetch.source))
        return QLatin1String("refusing to record a settings fetch: its source") + tail;
    if (holdsUnredactedSdkKey(fetch.error))
        return QLatin1String("refusing to record a settings fetch: its error message") + tail;
    return {};
}

} // namespace hookbench
