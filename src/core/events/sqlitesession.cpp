#include "sqlitesession.h"

#include "eventstore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

namespace {
constexpr int BusyTimeoutMs = 2000;
} // namespace

SqliteSession::SqliteSession(const QString &prefix, const QString &what)
    : m_what(what)
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = prefix + QLatin1Char('-') + QString::number(counter.fetchAndAddRelaxed(1));
}

SqliteSession::~SqliteSession()
{
    close();
}

QString SqliteSession::open(const QString &path, const SqliteSchema &schema,
                            const QStringList &pragmas)
{
    close();
    {
        // The event tables come first: EventStore refuses a file that holds tables but no
        // event schema, so ours must never be the first ones in a new file. It also sets WAL.
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
        error = migrate(schema);
        // After the migration: PRAGMA foreign_keys does nothing inside a transaction.
        const QStringList all =
            QStringList{QStringLiteral("PRAGMA synchronous = NORMAL")} + pragmas;
        QSqlError sqlError;
        for (const QString &pragma : all) {
            if (error.isEmpty() && !exec(pragma, &sqlError))
                error = describe(sqlError);
        }
    }
    if (!error.isEmpty())
        close();
    return error;
}

QString SqliteSession::migrate(const SqliteSchema &schema)
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
    query.prepare(QStringLiteral("SELECT value FROM hookbench_meta WHERE name = ?"));
    query.addBindValue(schema.metaName);
    if (!query.exec())
        return rollbackWith(describe(query.lastError()));
    const int version = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    const QString shown = QDir::toNativeSeparators(m_path);
    if (version > schema.version) {
        return rollbackWith(QStringLiteral("%1: its %2 was written by a newer Hookbench (%3 %4; "
                                           "this version reads %5 and older)")
                                .arg(shown, m_what, schema.label, QString::number(version),
                                     QString::number(schema.version)));
    }
    for (int from = version; from < schema.version; ++from) {
        QStringList steps = schema.migration(from);
        // The name is the caller's constant, never user input.
        steps.append(QStringLiteral("INSERT OR REPLACE INTO hookbench_meta (name, value)"
                                    " VALUES ('%1', %2)")
                         .arg(schema.metaName, QString::number(from + 1)));
        for (const QString &sql : std::as_const(steps)) {
            if (!exec(sql, &sqlError)) {
                return rollbackWith(
                    QStringLiteral("Cannot upgrade the %1 in %2 to schema %3: %4")
                        .arg(m_what, shown, QString::number(from + 1), describe(sqlError)));
            }
        }
    }
    return commit();
}

void SqliteSession::close()
{
    m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
}

QString SqliteSession::describe(const QSqlError &error) const
{
    const QString why = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return QStringLiteral("%1 in %2: %3").arg(m_what, QDir::toNativeSeparators(m_path), why);
}

QString SqliteSession::notOpen() const
{
    return QStringLiteral("the %1 is not open").arg(m_what);
}

bool SqliteSession::exec(const QString &sql, QSqlError *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    *error = query.lastError();
    return false;
}

bool SqliteSession::begin(QString *error)
{
    if (!m_db.isOpen()) {
        *error = notOpen();
        return false;
    }
    QSqlError sqlError;
    if (exec(QStringLiteral("BEGIN IMMEDIATE"), &sqlError))
        return true;
    *error = describe(sqlError);
    return false;
}

QString SqliteSession::commit()
{
    QSqlError error;
    if (exec(QStringLiteral("COMMIT"), &error))
        return {};
    return rollbackWith(describe(error));
}

QString SqliteSession::rollbackWith(const QString &error)
{
    QSqlError ignored;
    exec(QStringLiteral("ROLLBACK"), &ignored);
    return error;
}

} // namespace hookbench
