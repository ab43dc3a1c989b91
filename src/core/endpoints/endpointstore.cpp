#include "endpointstore.h"

#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hookbench {

namespace {
constexpr int EndpointSchemaVersion = 1;

QStringList endpointMigration(int from)
{
    if (from != 0)
        return {};
    // position keeps creation order; response_* and forward_* mirror ResponseOverride and
    // ForwardTarget (0 / '' when unset). The default endpoint is a row like the others.
    return {QStringLiteral("CREATE TABLE endpoints (name TEXT PRIMARY KEY,"
                           " position INTEGER NOT NULL, path TEXT NOT NULL,"
                           " port INTEGER NOT NULL DEFAULT 0, colour TEXT NOT NULL DEFAULT '',"
                           " response_status INTEGER NOT NULL DEFAULT 0,"
                           " response_body BLOB NOT NULL DEFAULT x'',"
                           " response_delay_ms INTEGER NOT NULL DEFAULT 0,"
                           " forward_url TEXT NOT NULL DEFAULT '',"
                           " forward_follow INTEGER NOT NULL DEFAULT 0,"
                           " forward_timeout_ms INTEGER NOT NULL DEFAULT 10000,"
                           " created_at INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO endpoints (name, position, path, created_at)"
                           " VALUES ('default', 0, '/vwo-webhook', %1)")
                .arg(QDateTime::currentMSecsSinceEpoch())};
}

const QLatin1String Columns("name, path, port, colour, response_status, response_body,"
                            " response_delay_ms, forward_url, forward_follow,"
                            " forward_timeout_ms");

Endpoint readRow(const QSqlQuery &query)
{
    Endpoint endpoint;
    endpoint.name = query.value(0).toString();
    endpoint.path = query.value(1).toString();
    endpoint.port = quint16(query.value(2).toUInt());
    endpoint.colour = query.value(3).toString();
    endpoint.response.status = query.value(4).toInt();
    endpoint.response.body = query.value(5).toByteArray();
    endpoint.response.delayMs = query.value(6).toInt();
    const QString url = query.value(7).toString();
    if (!url.isEmpty())
        endpoint.forward.url = QUrl(url);
    endpoint.forward.followAnswer = query.value(8).toBool();
    endpoint.forward.timeoutMs = query.value(9).toInt();
    return endpoint;
}

void bindValues(QSqlQuery &query, const Endpoint &endpoint)
{
    query.addBindValue(endpoint.path);
    query.addBindValue(int(endpoint.port));
    query.addBindValue(endpoint.colour.isNull() ? QString(QLatin1String("")) : endpoint.colour);
    query.addBindValue(endpoint.response.status);
    query.addBindValue(endpoint.response.body.isNull() ? QByteArray("") : endpoint.response.body);
    query.addBindValue(endpoint.response.delayMs);
    // An empty QUrl gives a null string, which SQLite would store as NULL.
    const QString url = endpoint.forward.url.toString(QUrl::FullyEncoded);
    query.addBindValue(url.isNull() ? QString(QLatin1String("")) : url);
    query.addBindValue(endpoint.forward.followAnswer ? 1 : 0);
    query.addBindValue(endpoint.forward.timeoutMs);
}

// Tables of other stores keyed by endpoint; they exist only once their store has opened the
// database, so each is touched only when present.
struct EndpointColumn
{
    const char *table;
    bool history; // events or settings history: kept or dropped as the user chose
};
// Fetches point at versions: they come first, so deleting in this order never leaves a
// dangling reference.
constexpr EndpointColumn KeyedTables[] = {
    {"settings_fetches", true}, {"settings_versions", true},  {"events", true}, {"keys", false},
    {"key_audit", false},       {"settings_profiles", false},
};
} // namespace

EndpointStore::EndpointStore()
    : m_session(QStringLiteral("hookbench-endpoints"), QStringLiteral("endpoint list"))
{}

EndpointStore::~EndpointStore() = default;

QString EndpointStore::open(const QString &path)
{
    return m_session.open(path,
                          {QStringLiteral("endpoints_schema"), QStringLiteral("endpoint schema"),
                           EndpointSchemaVersion, endpointMigration});
}

void EndpointStore::close()
{
    m_session.close();
}

QString EndpointStore::load(QList<Endpoint> *endpoints) const
{
    endpoints->clear();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT ") + Columns +
                    QLatin1String(" FROM endpoints ORDER BY position, name")))
        return m_session.describe(query.lastError());
    while (query.next())
        endpoints->append(readRow(query));
    return {};
}

QString EndpointStore::find(const QString &name, Endpoint *endpoint) const
{
    QList<Endpoint> all;
    const QString error = load(&all);
    if (!error.isEmpty())
        return error;
    QStringList names;
    for (const Endpoint &candidate : std::as_const(all)) {
        if (candidate.name == name) {
            *endpoint = candidate;
            return {};
        }
        names.append(candidate.name);
    }
    return QStringLiteral("no endpoint named '%1' (endpoints: %2)")
        .arg(name, names.join(QLatin1String(", ")));
}

QString EndpointStore::checkAgainst(const Endpoint &endpoint, bool replacing) const
{
    const QString problem = endpoint.check();
    if (!problem.isEmpty())
        return problem;
    QList<Endpoint> all;
    const QString error = load(&all);
    if (!error.isEmpty())
        return error;
    bool found = false;
    for (Endpoint &existing : all) {
        if (existing.name == endpoint.name) {
            found = true;
            existing = endpoint;
        }
    }
    if (replacing && !found)
        return QStringLiteral("no endpoint named '%1'").arg(endpoint.name);
    if (!replacing && found)
        return QStringLiteral("an endpoint named '%1' exists already").arg(endpoint.name);
    if (!replacing)
        all.append(endpoint);
    return endpointrules::findClash(all);
}

QString EndpointStore::add(const Endpoint &endpoint)
{
    if (!isOpen())
        return m_session.notOpen();
    QString error;
    if (!m_session.begin(&error))
        return error;
    error = checkAgainst(endpoint, false);
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    QSqlQuery query(m_session.database());
    query.prepare(QLatin1String("INSERT INTO endpoints (") + Columns +
                  QLatin1String(", position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                " (SELECT COALESCE(MAX(position), 0) + 1 FROM endpoints), ?)"));
    query.addBindValue(endpoint.name);
    bindValues(query, endpoint);
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    return m_session.commit();
}

QString EndpointStore::update(const Endpoint &endpoint)
{
    if (!isOpen())
        return m_session.notOpen();
    QString error;
    if (!m_session.begin(&error))
        return error;
    error = checkAgainst(endpoint, true);
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("UPDATE endpoints SET path = ?, port = ?, colour = ?,"
                                 " response_status = ?, response_body = ?, response_delay_ms = ?,"
                                 " forward_url = ?, forward_follow = ?, forward_timeout_ms = ?"
                                 " WHERE name = ?"));
    bindValues(query, endpoint);
    query.addBindValue(endpoint.name);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    return m_session.commit();
}

QString EndpointStore::apply(const QList<Endpoint> &endpoints)
{
    if (!isOpen())
        return m_session.notOpen();
    QString error;
    if (!m_session.begin(&error))
        return error;
    QList<Endpoint> all;
    error = load(&all);
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    QSqlQuery query(m_session.database());
    for (const Endpoint &endpoint : endpoints) {
        const QString problem = endpoint.check();
        if (!problem.isEmpty())
            return m_session.rollbackWith(problem);
        const auto existing = std::find_if(all.begin(), all.end(), [&endpoint](const Endpoint &e) {
            return e.name == endpoint.name;
        });
        if (existing != all.end()) {
            *existing = endpoint;
            query.prepare(QStringLiteral("UPDATE endpoints SET path = ?, port = ?, colour = ?,"
                                         " response_status = ?, response_body = ?,"
                                         " response_delay_ms = ?, forward_url = ?,"
                                         " forward_follow = ?, forward_timeout_ms = ?"
                                         " WHERE name = ?"));
            bindValues(query, endpoint);
            query.addBindValue(endpoint.name);
        } else {
            all.append(endpoint);
            query.prepare(QLatin1String("INSERT INTO endpoints (") + Columns +
                          QLatin1String(", position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                                        " ?, ?, (SELECT COALESCE(MAX(position), 0) + 1"
                                        " FROM endpoints), ?)"));
            query.addBindValue(endpoint.name);
            bindValues(query, endpoint);
            query.addBindValue(QDateTime::currentMSecsSinceEpoch());
        }
        if (!query.exec())
            return m_session.rollbackWith(m_session.describe(query.lastError()));
    }
    // Checked once all are in: only the final list has to be free of clashes.
    error = endpointrules::findClash(all);
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    return m_session.commit();
}

QString EndpointStore::rename(const QString &from, const QString &to)
{
    if (!isOpen())
        return m_session.notOpen();
    if (from == to)
        return {};
    if (from == QLatin1String(Endpoint::DefaultName))
        return QStringLiteral("the default endpoint cannot be renamed");
    Endpoint renamed;
    QString error = find(from, &renamed);
    if (!error.isEmpty())
        return error;
    renamed.name = to;
    error = renamed.check();
    if (!error.isEmpty())
        return error;
    if (!m_session.begin(&error))
        return error;
    Endpoint existing;
    if (find(to, &existing).isEmpty())
        return m_session.rollbackWith(
            QStringLiteral("an endpoint named '%1' exists already").arg(to));
    QSqlQuery query(m_session.database());
    const QStringList tables = m_session.database().tables();
    for (const EndpointColumn &keyed : KeyedTables) {
        const QString table = QLatin1String(keyed.table);
        if (!tables.contains(table))
            continue;
        query.prepare(QLatin1String("UPDATE ") + table +
                      QLatin1String(" SET endpoint = ? WHERE endpoint = ?"));
        query.addBindValue(to);
        query.addBindValue(from);
        if (!query.exec())
            return m_session.rollbackWith(m_session.describe(query.lastError()));
    }
    query.prepare(QStringLiteral("UPDATE endpoints SET name = ? WHERE name = ?"));
    query.addBindValue(to);
    query.addBindValue(from);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    return m_session.commit();
}

QString EndpointStore::remove(const QString &name, bool keepEvents)
{
    if (!isOpen())
        return m_session.notOpen();
    if (name == QLatin1String(Endpoint::DefaultName))
        return QStringLiteral("the default endpoint cannot be removed");
    Endpoint endpoint;
    QString error = find(name, &endpoint);
    if (!error.isEmpty())
        return error;
    if (!m_session.begin(&error))
        return error;
    QSqlQuery query(m_session.database());
    const QStringList tables = m_session.database().tables();
    if (!keepEvents && tables.contains(QLatin1String("settings_fetch_events"))) {
        query.prepare(QStringLiteral("DELETE FROM settings_fetch_events WHERE fetch_id IN"
                                     " (SELECT id FROM settings_fetches WHERE endpoint = ?)"));
        query.addBindValue(name);
        if (!query.exec())
            return m_session.rollbackWith(m_session.describe(query.lastError()));
    }
    for (const EndpointColumn &keyed : KeyedTables) {
        const QString table = QLatin1String(keyed.table);
        if ((keyed.history && keepEvents) || !tables.contains(table))
            continue;
        query.prepare(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE endpoint = ?"));
        query.addBindValue(name);
        if (!query.exec())
            return m_session.rollbackWith(m_session.describe(query.lastError()));
    }
    // A settings file no version points at any more would stay in the file for nothing.
    if (!keepEvents && tables.contains(QLatin1String("settings_blobs")) &&
        !query.exec(QStringLiteral("DELETE FROM settings_blobs WHERE sha256 NOT IN"
                                   " (SELECT sha256 FROM settings_versions)")))
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    query.prepare(QStringLiteral("DELETE FROM endpoints WHERE name = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    return m_session.commit();
}

QString EndpointStore::eventCounts(QHash<QString, qint64> *counts) const
{
    counts->clear();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    // One index range per endpoint (events_endpoint_id), not a table scan.
    if (!query.exec(QStringLiteral("SELECT endpoint, COUNT(*) FROM events GROUP BY endpoint")))
        return m_session.describe(query.lastError());
    while (query.next())
        counts->insert(query.value(0).toString(), query.value(1).toLongLong());
    return {};
}

qint64 EndpointStore::dataVersion() const
{
    if (!isOpen())
        return -1;
    QSqlQuery query(m_session.database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace hookbench
