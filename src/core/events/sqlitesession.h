#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlError;

namespace hookbench {

// The version of a store's own tables in the event database: a row of hookbench_meta, so they
// never touch the event store's PRAGMA user_version.
struct SqliteSchema
{
    QString metaName; // the hookbench_meta row, e.g. "keyring_schema"
    QString label;    // the version's name in the "newer Hookbench" refusal: "key ring schema"
    int version = 0;  // the newest this build reads
    // SQL that takes the tables from version `from` to `from + 1`.
    std::function<QStringList(int from)> migration;
};

// A connection of its own on the event database for a store that keeps its tables there (the
// key ring, the settings history): opening, schema migration, transactions and error wording.
// Every message names the store with `what` ("key ring in FILE: why"), in English, because
// callers (the CLI, tests) show and compare them as they are.
// Not thread-safe: use from the thread that opened it.
class SqliteSession
{
public:
    // `prefix` starts the Qt SQL connection name; `what` names the store in messages.
    SqliteSession(const QString &prefix, const QString &what);
    ~SqliteSession();
    SqliteSession(const SqliteSession &) = delete;
    SqliteSession &operator=(const SqliteSession &) = delete;

    // Creates or migrates the event tables (through EventStore, so a foreign or newer file is
    // refused with the same words), then `schema`'s, then runs "PRAGMA synchronous = NORMAL" and
    // `pragmas`. Empty string on success; on failure the session is closed.
    QString open(const QString &path, const SqliteSchema &schema, const QStringList &pragmas = {});
    void close();
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_path; }
    const QSqlDatabase &database() const { return m_db; }

    QString describe(const QSqlError &error) const; // "WHAT in FILE: why"
    QString notOpen() const;                        // "the WHAT is not open"
    bool exec(const QString &sql, QSqlError *error);
    bool begin(QString *error); // BEGIN IMMEDIATE: the write lock at once, never midway
    QString commit();           // rolls back when COMMIT fails
    QString rollbackWith(const QString &error); // rolls back, returns `error`

private:
    QString migrate(const SqliteSchema &schema);

    QString m_connectionName;
    QString m_what;
    QString m_path;
    QSqlDatabase m_db;
};

} // namespace hookbench
