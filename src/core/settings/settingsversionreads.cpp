// SettingsVersionStore's reads.

#include "settingsversionsql.h"
#include "settingsversionstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace settingssql;

QString SettingsVersionStore::versions(const QString &endpoint, const QString &accountId,
                                       QList<SettingsVersion> *versions) const
{
    versions->clear();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + VersionColumns +
                  QLatin1String(" WHERE (? = '' OR v.endpoint = ?) AND (? = '' OR"
                                " v.account_id = ?) ORDER BY v.id DESC"));
    for (const QString &value : {text(endpoint), text(accountId)}) {
        query.addBindValue(value);
        query.addBindValue(value);
    }
    if (!query.exec())
        return m_session.describe(query.lastError());
    while (query.next())
        versions->append(versionFromRow(query));
    return {};
}

QString SettingsVersionStore::version(qint64 id, SettingsVersion *version) const
{
    *version = SettingsVersion();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + VersionColumns + QLatin1String(" WHERE v.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_session.describe(query.lastError());
    if (!query.next())
        return QStringLiteral("no settings version with id %1").arg(id);
    *version = versionFromRow(query);
    return {};
}

QString SettingsVersionStore::versionBytes(qint64 id, QByteArray *bytes) const
{
    bytes->clear();
    RedactedSettings stored;
    QString sha256;
    const QString error = readBlob(id, &stored, &sha256);
    if (error.isEmpty())
        *bytes = stored.bytes;
    return error;
}

QString SettingsVersionStore::originalBytes(qint64 id, const QByteArray &sdkKey,
                                            QByteArray *bytes) const
{
    bytes->clear();
    RedactedSettings stored;
    QString sha256;
    const QString error = readBlob(id, &stored, &sha256);
    if (!error.isEmpty())
        return error;
    const QByteArray original =
        stored.offsets.isEmpty() ? stored.bytes : restoreSecret(stored, sdkKey);
    if (sha256Hex(original) != sha256)
        return QStringLiteral("the SDK key given is not the one settings version %1 held, so "
                              "its exact bytes cannot be restored")
            .arg(id);
    *bytes = original;
    return {};
}

QString SettingsVersionStore::readBlob(qint64 id, RedactedSettings *stored, QString *sha256) const
{
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT b.raw, b.raw_sha256, b.secret_at, b.sha256"
                                 " FROM settings_versions v"
                                 " JOIN settings_blobs b ON b.sha256 = v.sha256 WHERE v.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_session.describe(query.lastError());
    if (!query.next())
        return QStringLiteral("no settings version with id %1").arg(id);
    stored->bytes = query.value(0).toByteArray();
    // A damaged file must not hand out other bytes as this version.
    if (sha256Hex(stored->bytes) != query.value(1).toString() ||
        !offsetsFromText(query.value(2).toString(), &stored->offsets))
        return QStringLiteral("settings version %1 in %2 is damaged: its bytes no longer match "
                              "their SHA-256")
            .arg(id)
            .arg(QDir::toNativeSeparators(m_session.path()));
    *sha256 = query.value(3).toString();
    return {};
}

QString SettingsVersionStore::currentVersion(const QString &endpoint, const QString &accountId,
                                             SettingsVersion *version) const
{
    *version = SettingsVersion();
    if (!isOpen())
        return m_session.notOpen();
    return latestVersion(endpoint, accountId, version);
}

QString SettingsVersionStore::latestVersion(const QString &endpoint, const QString &accountId,
                                            SettingsVersion *version) const
{
    *version = SettingsVersion();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + VersionColumns +
                  QLatin1String(" WHERE (? = '' OR v.endpoint = ?) AND (? = '' OR"
                                " v.account_id = ?) ORDER BY v.id DESC LIMIT 1"));
    for (const QString &value : {text(endpoint), text(accountId)}) {
        query.addBindValue(value);
        query.addBindValue(value);
    }
    if (!query.exec())
        return m_session.describe(query.lastError());
    if (query.next())
        *version = versionFromRow(query);
    return {};
}

QString SettingsVersionStore::fetches(const QString &endpoint, int limit,
                                      QList<FetchRecord> *fetches) const
{
    fetches->clear();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + FetchColumns +
                  QLatin1String(" FROM settings_fetches f WHERE (? = '' OR f.endpoint = ?)"
                                " ORDER BY f.id DESC LIMIT ?"));
    query.addBindValue(text(endpoint));
    query.addBindValue(text(endpoint));
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return m_session.describe(query.lastError());
    while (query.next())
        fetches->append(fetchFromRow(query));
    query.finish();
    const QString error = loadEventIds(fetches);
    if (!error.isEmpty())
        fetches->clear();
    return error;
}

QString SettingsVersionStore::fetchesForEvents(const QList<qint64> &eventIds,
                                               QHash<qint64, FetchRecord> *fetches) const
{
    fetches->clear();
    if (!isOpen())
        return m_session.notOpen();
    QHash<qint64, qint64> latestFetch; // event id -> fetch id
    QHash<qint64, FetchRecord> byId;
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    for (qsizetype first = 0; first < eventIds.size(); first += MaxBoundIds) {
        const QList<qint64> chunk = eventIds.mid(first, MaxBoundIds);
        query.prepare(QLatin1String("SELECT e.event_id, ") + FetchColumns +
                      QLatin1String(" FROM settings_fetch_events e JOIN settings_fetches f"
                                    " ON f.id = e.fetch_id WHERE e.event_id IN (") +
                      placeholders(chunk.size()) + QLatin1Char(')'));
        for (qint64 id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return m_session.describe(query.lastError());
        while (query.next()) {
            const qint64 eventId = query.value(0).toLongLong();
            const qint64 fetchId = query.value(1).toLongLong();
            if (fetchId > latestFetch.value(eventId, 0)) {
                latestFetch.insert(eventId, fetchId);
                if (!byId.contains(fetchId))
                    byId.insert(fetchId, fetchFromRow(query, 1));
            }
        }
        query.finish();
    }
    QList<FetchRecord> found = byId.values();
    const QString error = loadEventIds(&found);
    if (!error.isEmpty())
        return error;
    for (const FetchRecord &fetch : std::as_const(found))
        byId.insert(fetch.id, fetch);
    for (auto it = latestFetch.constBegin(); it != latestFetch.constEnd(); ++it)
        fetches->insert(it.key(), byId.value(it.value()));
    return {};
}

QString SettingsVersionStore::loadEventIds(QList<FetchRecord> *fetches) const
{
    QHash<qint64, qsizetype> indexOf;
    QList<qint64> ids;
    for (qsizetype i = 0; i < fetches->size(); ++i) {
        indexOf.insert(fetches->at(i).id, i);
        ids.append(fetches->at(i).id);
        (*fetches)[i].eventIds.clear();
    }
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    for (qsizetype first = 0; first < ids.size(); first += MaxBoundIds) {
        const QList<qint64> chunk = ids.mid(first, MaxBoundIds);
        query.prepare(QLatin1String("SELECT fetch_id, event_id FROM settings_fetch_events"
                                    " WHERE fetch_id IN (") +
                      placeholders(chunk.size()) + QLatin1String(") ORDER BY fetch_id, event_id"));
        for (qint64 id : chunk)
            query.addBindValue(id);
        if (!query.exec())
            return m_session.describe(query.lastError());
        while (query.next()) {
            const qsizetype index = indexOf.value(query.value(0).toLongLong(), -1);
            if (index >= 0)
                (*fetches)[index].eventIds.append(query.value(1).toLongLong());
        }
        query.finish();
    }
    return {};
}

} // namespace hookbench
