#include "keyringstore.h"

#include "keyringschema.h"
#include "keyringsql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace keyringsql;

KeyRingStore::KeyRingStore()
    : m_session(QStringLiteral("hookbench-keyring"), QStringLiteral("key ring"))
{}

KeyRingStore::~KeyRingStore()
{
    close();
}

QString KeyRingStore::open(const QString &path)
{
    const SqliteSchema schema{QStringLiteral("keyring_schema"), QStringLiteral("key ring schema"),
                              KeyRingSchemaVersion, keyRingSchemaMigration};
    return m_session.open(path, schema);
}

void KeyRingStore::close()
{
    m_session.close();
}

QString KeyRingStore::loadKeys(QList<KeyInfo> *keys) const
{
    keys->clear();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT ") + KeyColumns +
                    QLatin1String(" FROM keys ORDER BY created_at, rowid")))
        return m_session.describe(query.lastError());
    while (query.next())
        keys->append(keyFromRow(query));
    return {};
}

QString KeyRingStore::loadAudit(const QString &endpoint, const QString &keyId, int limit,
                                QList<KeyAuditEntry> *entries) const
{
    entries->clear();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, at, endpoint, key_id, action, related_key_id, until, label FROM key_audit"
        " WHERE (? = '' OR endpoint = ?) AND (? = '' OR key_id = ?) ORDER BY id DESC LIMIT ?"));
    for (const QString &value : {text(endpoint), text(keyId)}) {
        query.addBindValue(value);
        query.addBindValue(value);
    }
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return m_session.describe(query.lastError());
    while (query.next()) {
        KeyAuditEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.at = fromMs(query.value(1));
        entry.endpoint = query.value(2).toString();
        entry.keyId = query.value(3).toString();
        entry.action = keyAuditActionFromName(query.value(4).toString());
        entry.relatedKeyId = query.value(5).toString();
        entry.until = fromMs(query.value(6));
        entry.label = query.value(7).toString();
        entries->append(entry);
    }
    return {};
}

qint64 KeyRingStore::lastAuditId() const
{
    QSqlQuery query(m_session.database());
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM key_audit")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 KeyRingStore::dataVersion() const
{
    QSqlQuery query(m_session.database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
QString KeyRingStore::readKey(const QString &id, KeyInfo *key)
{
    QString error;
    if (!m_session.begin(&error))
        return error;
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + KeyColumns + QLatin1String(" FROM keys WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    if (!query.next())
        return m_session.rollbackWith(QStringLiteral("no key with id '%1'").arg(id));
    *key = keyFromRow(query);
    return {};
}

QString KeyRingStore::insertAudit(const KeyAuditEntry &entry)
{
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("INSERT INTO key_audit (at, endpoint, key_id, action,"
                                 " related_key_id, until, label) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(entry.at.toMSecsSinceEpoch());
    query.addBindValue(entry.endpoint);
    query.addBindValue(entry.keyId);
    query.addBindValue(keyAuditActionName(entry.action));
    query.addBindValue(entry.relatedKeyId.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                    : QVariant(entry.relatedKeyId));
    query.addBindValue(toMs(entry.until));
    query.addBindValue(entry.label.isNull() ? QVariant(QMetaType::fromType<QString>())
                                            : QVariant(entry.label));
    return query.exec() ? QString() : m_session.describe(query.lastError());
}

QString KeyRingStore::updateKey(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_session.database());
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() ? QString() : m_session.describe(query.lastError());
}

} // namespace hookbench
