#include "databasebackup.h"

#include "auth/keyringstore.h"
#include "endpoints/endpointstore.h"
#include "events/eventstore.h"
#include "sender/sendhistory.h"
#include "settings/settingsversionstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace hookbench::databasebackup {

namespace {

constexpr int BusyTimeoutMs = 10000; // a receiver's commits are short; a big prune is not

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// One native connection (the online backup API is not in Qt SQL), closed when it goes.
class Connection
{
public:
    Connection() = default;
    ~Connection() { sqlite3_close_v2(m_db); }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QString open(const QString &path, int flags)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK)
            return QStringLiteral("cannot open %1: %2").arg(shown(path), error());
        sqlite3_busy_timeout(m_db, BusyTimeoutMs);
        return {};
    }
    sqlite3 *handle() const { return m_db; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

    // The first column of the first row of `sql` (with `text` bound to ?1 when given).
    QString value(const char *sql, QString *error, const QString &text = {})
    {
        sqlite3_stmt *statement = nullptr;
        QString result;
        if (sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr) != SQLITE_OK) {
            *error = this->error();
            return result;
        }
        const QByteArray bound = text.toUtf8();
        if (!text.isNull())
            sqlite3_bind_text(statement, 1, bound.constData(), int(bound.size()), SQLITE_STATIC);
        const int rc = sqlite3_step(statement);
        if (rc == SQLITE_ROW)
            result = QString::fromUtf8(
                reinterpret_cast<const char *>(sqlite3_column_text(statement, 0)));
        else if (rc != SQLITE_DONE)
            *error = this->error();
        sqlite3_finalize(statement);
        return result;
    }
    bool hasTable(const QString &name, QString *error)
    {
        return value("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", error,
                     name)
                   .toInt() > 0;
    }

private:
    sqlite3 *m_db = nullptr;
};

// Opens every store on `path` once, so that each brings its tables to this build's schema.
QString upgrade(const QString &path)
{
    EventStore events;
    QString error = events.open(path);
    events.close();
    if (error.isEmpty()) {
        EndpointStore endpoints;
        error = endpoints.open(path);
    }
    if (error.isEmpty()) {
        KeyRingStore keys;
        error = keys.open(path);
    }
    if (error.isEmpty()) {
        SettingsVersionStore settings;
        error = settings.open(path);
    }
    if (error.isEmpty()) {
        SendHistoryStore sends;
        error = sends.open(path);
    }
    return error;
}

void removeWithSidecars(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QLatin1String(suffix));
}

} // namespace

QString inspect(const QString &path, DatabaseSummary *summary)
{
    *summary = {};
    if (!QFileInfo(path).isFile())
        return QStringLiteral("%1 does not exist or is not a file").arg(shown(path));
    Connection db;
    QString error = db.open(path, SQLITE_OPEN_READONLY);
    if (!error.isEmpty())
        return error;
    const QString integrity = db.value("PRAGMA integrity_check", &error);
    if (!error.isEmpty())
        return QStringLiteral("%1 cannot be read as an SQLite database: %2")
            .arg(shown(path), error);
    if (integrity != QLatin1String("ok"))
        return QStringLiteral("%1 is damaged: %2").arg(shown(path), integrity);
    if (!db.hasTable(QStringLiteral("events"), &error))
        return error.isEmpty()
                   ? QStringLiteral("%1 is not a Hookbench database (it has no events table)")
                         .arg(shown(path))
                   : error;
    summary->schemaVersion = db.value("PRAGMA user_version", &error).toInt();
    if (summary->schemaVersion > EventStore::SchemaVersion)
        return QStringLiteral("%1 was written by a newer Hookbench (schema %2); this version reads "
                              "schema %3 and older")
            .arg(shown(path))
            .arg(summary->schemaVersion)
            .arg(EventStore::SchemaVersion);
    summary->events = db.value("SELECT count(*) FROM events", &error).toLongLong();
    if (db.hasTable(QStringLiteral("endpoints"), &error))
        summary->endpoints = db.value("SELECT count(*) FROM endpoints", &error).toLongLong();
    if (db.hasTable(QStringLiteral("settings_versions"), &error))
        summary->settingsVersions =
            db.value("SELECT count(*) FROM settings_versions", &error).toLongLong();
    summary->bytes = QFileInfo(path).size();
    return error.isEmpty() ? QString()
                           : QStringLiteral("%1 cannot be read: %2").arg(shown(path), error);
}

QString backup(const QString &database, const QString &target, DatabaseSummary *summary)
{
    *summary = {};
    if (!QFileInfo(database).isFile())
        return QStringLiteral("there is no database at %1").arg(shown(database));
    if (QFileInfo::exists(target))
        return QStringLiteral("%1 exists already; choose another file name or remove it first")
            .arg(shown(target));
    // Written beside the target and renamed when complete: a stopped backup leaves no file that
    // looks whole. Created here, empty and 0600, because VACUUM INTO would use the umask.
    const QString partial = target + QStringLiteral(".partial");
    removeWithSidecars(partial);
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("cannot create %1: %2").arg(shown(partial), file.errorString());
    file.close();

    Connection db;
    QString error = db.open(database, SQLITE_OPEN_READWRITE); // WAL readers need the -shm
    if (error.isEmpty()) {
        db.value("VACUUM INTO ?1", &error, partial);
        if (!error.isEmpty())
            error = QStringLiteral("cannot copy %1: %2").arg(shown(database), error);
    }
    if (error.isEmpty())
        error = inspect(partial, summary);
    if (error.isEmpty() && !QFile::rename(partial, target))
        error = QStringLiteral("cannot rename %1 to %2").arg(shown(partial), shown(target));
    if (!error.isEmpty()) {
        removeWithSidecars(partial);
        return error;
    }
    return {};
}

QString restore(const QString &backupFile, const QString &database, const QString &safetyCopy,
                DatabaseSummary *summary)
{
    *summary = {};
    DatabaseSummary found;
    QString error = inspect(backupFile, &found);
    if (!error.isEmpty())
        return error;
    if (QFileInfo::exists(database)) {
        DatabaseSummary current;
        error = backup(database, safetyCopy, &current);
        if (!error.isEmpty())
            return QStringLiteral("the current database could not be saved first, so nothing was "
                                  "restored: %1")
                .arg(error);
    }
    // A copy of the backup, brought to this build's schema, so the running receiver's
    // statements find the columns they expect.
    const QString staged = database + QStringLiteral(".restoring");
    removeWithSidecars(staged);
    DatabaseSummary copied;
    error = backup(backupFile, staged, &copied);
    if (error.isEmpty()) {
        error = upgrade(staged);
        if (!error.isEmpty())
            error = QStringLiteral("the backup cannot be brought up to date: %1").arg(error);
    }
    // A new database is created 0600 like the event store's own (SQLite would use the umask).
    if (error.isEmpty() && !QFileInfo::exists(database)) {
        QFile file(database);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            error = QStringLiteral("cannot create %1: %2").arg(shown(database), file.errorString());
    }
    if (error.isEmpty()) {
        Connection source;
        Connection target;
        error = source.open(staged, SQLITE_OPEN_READONLY);
        if (error.isEmpty())
            error = target.open(database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        if (error.isEmpty()) {
            sqlite3_backup *copy =
                sqlite3_backup_init(target.handle(), "main", source.handle(), "main");
            if (!copy) {
                error = target.error();
            } else {
                const int rc = sqlite3_backup_step(copy, -1); // all pages, one transaction
                sqlite3_backup_finish(copy);
                if (rc != SQLITE_DONE)
                    error = rc == SQLITE_BUSY || rc == SQLITE_LOCKED
                                ? QStringLiteral("%1 stayed busy for %2 s (another process is "
                                                 "writing); try again")
                                      .arg(shown(database))
                                      .arg(BusyTimeoutMs / 1000)
                                : QString::fromUtf8(sqlite3_errstr(rc));
            }
        }
        if (error.isEmpty())
            target.value("PRAGMA journal_mode = WAL", &error);
        if (!error.isEmpty())
            error = QStringLiteral("cannot write %1: %2").arg(shown(database), error);
    }
    removeWithSidecars(staged);
    if (!error.isEmpty())
        return error;
    return inspect(database, summary);
}

} // namespace hookbench::databasebackup
