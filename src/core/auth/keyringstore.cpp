#include "keyringstore.h"

#include "events/eventstore.h"
#include "keyringschema.h"
#include "keyringsql.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace keyringsql;

namespace {
constexpr int BusyTimeoutMs = 2000;
} // namespace

KeyRingStore::KeyRingStore()
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("hookbench-keyring-%1").arg(counter.fetchAndAddRelaxed(1));
}

KeyRingStore::~KeyRingStore()
{
    close();
}

QString KeyRingStore::open(const QString &path)
{
    close();
    {
        // The event tables come first: EventStore refuses a file that holds tables but no
        // event schema, so ours must never be the first ones in a new file.
        EventStore events;
        events.setRetention(0); // opening must not prune as a side effect
        const QString error = events.open(path);
        if (!error.isEmpty())
            return error;
    }
    m_path = path;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    QString error;
    if (!m_db.open()) {
        error = describe(m_db.lastError());
    } else {
        error = migrate();
        QSqlError sqlError;
        if (error.isEmpty() && !exec(QStringLiteral("PRAGMA synchronous = NORMAL"), &sqlError))
            error = describe(sqlError);
    }
    if (!error.isEmpty())
        close();
    return error;
}

QString KeyRingStore::migrate()
{
    QString error;
    if (!begin(&error))
        return error;
    QSqlError sqlError;
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS hookbench_meta"
                             " (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"),
              &sqlError))
        return rollbackWith(describe(sqlError));
    QSqlQuery query(m_db);
    if (!query.exec(
            QStringLiteral("SELECT value FROM hookbench_meta WHERE name = 'keyring_schema'")))
        return rollbackWith(describe(query.lastError()));
    const int version = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    const QString shown = QDir::toNativeSeparators(m_path);
    if (version > KeyRingSchemaVersion) {
        return rollbackWith(
            QStringLiteral("%1: its key ring was written by a newer Hookbench (key ring schema "
                           "%2; this version reads %3 and older)")
                .arg(shown)
                .arg(version)
                .arg(KeyRingSchemaVersion));
    }
    for (int from = version; from < KeyRingSchemaVersion; ++from) {
        QStringList steps = keyRingSchemaMigration(from);
        steps.append(QStringLiteral("INSERT OR REPLACE INTO hookbench_meta (name, value)"
                                    " VALUES ('keyring_schema', %1)")
                         .arg(from + 1));
        for (const QString &sql : std::as_const(steps)) {
            if (!exec(sql, &sqlError)) {
                return rollbackWith(QStringLiteral("Cannot upgrade the key ring in %1 to "
                                                   "schema %2: %3")
                                        .arg(shown)
                                        .arg(from + 1)
                                        .arg(describe(sqlError)));
            }
        }
    }
    return commit();
}

void KeyRingStore::close()
{
    m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
}

QString KeyRingStore::loadKeys(QList<KeyInfo> *keys) const
{
    keys->clear();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT ") + KeyColumns +
                    QLatin1String(" FROM keys ORDER BY created_at, rowid")))
        return describe(query.lastError());
    while (query.next())
        keys->append(keyFromRow(query));
    return {};
}

QString KeyRingStore::loadAudit(const QString &endpoint, const QString &keyId, int limit,
                                QList<KeyAuditEntry> *entries) const
{
    entries->clear();
    QSqlQuery query(m_db);
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
        return describe(query.lastError());
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
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM key_audit")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

qint64 KeyRingStore::dataVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}
QString KeyRingStore::readKey(const QString &id, KeyInfo *key)
{
    QString error;
    if (!begin(&error))
        return error;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT ") + KeyColumns + QLatin1String(" FROM keys WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return rollbackWith(describe(query.lastError()));
    if (!query.next())
        return rollbackWith(QStringLiteral("no key with id '%1'").arg(id));
    *key = keyFromRow(query);
    return {};
}

QString KeyRingStore::insertAudit(const KeyAuditEntry &entry)
{
    QSqlQuery query(m_db);
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
    return query.exec() ? QString() : describe(query.lastError());
}

QString KeyRingStore::updateKey(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query.exec() ? QString() : describe(query.lastError());
}

QString KeyRingStore::describe(const QSqlError &error) const
{
    const QString why = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return QStringLiteral("key ring in %1: %2").arg(QDir::toNativeSeparators(m_path), why);
}

bool KeyRingStore::exec(const QString &sql, QSqlError *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    *error = query.lastError();
    return false;
}

bool KeyRingStore::begin(QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("the key ring is not open");
        return false;
    }
    QSqlError sqlError;
    if (exec(QStringLiteral("BEGIN IMMEDIATE"), &sqlError))
        return true;
    *error = describe(sqlError);
    return false;
}

QString KeyRingStore::commit()
{
    QSqlError error;
    if (exec(QStringLiteral("COMMIT"), &error))
        return {};
    return rollbackWith(describe(error));
}

QString KeyRingStore::rollbackWith(const QString &error)
{
    QSqlError ignored;
    exec(QStringLiteral("ROLLBACK"), &ignored);
    return error;
}

} // namespace hookbench
