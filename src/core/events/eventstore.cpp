#include "eventstore.h"

#include "eventrows.h"
#include "eventschema.h"
#include "threadcheck.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>

namespace hookbench {

namespace {

// SQLite primary result codes we tell apart.
constexpr int SqliteBusy = SQLITE_BUSY;
constexpr int SqliteLocked = SQLITE_LOCKED;
constexpr int SqliteReadOnly = SQLITE_READONLY;
constexpr int SqliteCorrupt = SQLITE_CORRUPT;
constexpr int SqliteCantOpen = SQLITE_CANTOPEN;
constexpr int SqliteNotADb = SQLITE_NOTADB;
constexpr int SqliteFull = SQLITE_FULL;

// One prune transaction deletes at most this many rows, so it never holds the writer long.
constexpr int PruneChunkRows = 20000;

int sqliteCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1; // extended codes carry the primary code in the low byte
}

} // namespace

EventStore::EventStore(QObject *parent)
    : QObject(parent)
{
    // Events cross threads through queued connections; register once per process.
    static const bool registered = [] {
        qRegisterMetaType<hookbench::Event>();
        qRegisterMetaType<QList<hookbench::Event>>();
        qRegisterMetaType<hookbench::ForwardResult>();
        return true;
    }();
    Q_UNUSED(registered);
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("hookbench-eventstore-%1").arg(counter.fetchAndAddRelaxed(1));
}

EventStore::~EventStore()
{
    close();
}

QString EventStore::open(const QString &path)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    close();
    m_path = path;
    const QString error = openDatabase(path);
    if (!error.isEmpty()) {
        close();
        return error;
    }
    const QString forwardError = closeAbandonedForwards();
    if (!forwardError.isEmpty())
        qWarning("Hookbench: %s", qPrintable(forwardError));
    // Enforce retention on what an earlier session left behind, after the caller's turn.
    m_insertedSincePrune = 0;
    schedulePrune();
    return {};
}

QString EventStore::openDatabase(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (path.isEmpty())
        return tr("No event database file was given");
    if (info.isDir())
        return tr("%1 is a directory, not an event database").arg(shown);
    if (!QDir().mkpath(info.absolutePath())) {
        return tr("Cannot create the event database %1: the folder %2 cannot be created")
            .arg(shown, QDir::toNativeSeparators(info.absolutePath()));
    }
    // Create the file ourselves so it is never readable by others, not even briefly; SQLite
    // gives the -wal and -shm files the same mode.
    const bool created = !info.exists();
    QFile file(path);
    if (created && !file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        return tr("Cannot create the event database %1: %2").arg(shown, file.errorString());
    }
    file.close();

    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_busyTimeoutMs));
    if (!m_db.open())
        return describe(m_db.lastError());
    const QString migrateError = migrate();
    if (!migrateError.isEmpty())
        return migrateError;

    // Only now, so a newer or foreign file is never modified. WAL + NORMAL survives a process
    // crash and saves an fsync per commit (DESIGN.md section 5).
    QSqlError error;
    const QString mode = scalar(QStringLiteral("PRAGMA journal_mode = WAL"), &error).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return mode.isEmpty()
                   ? describe(error)
                   : tr("%1 cannot use write-ahead logging (journal mode is %2)").arg(shown, mode);
    }
    if (!exec(QStringLiteral("PRAGMA synchronous = NORMAL"), &error))
        return describe(error);
    if (m_maxDatabaseBytes > 0)
        applyMaxDatabaseBytes();

    // Prepared once: a fresh QSqlQuery per BEGIN/COMMIT re-parses the SQL every batch.
    const auto prepare = [&](std::unique_ptr<QSqlQuery> &query, const QString &sql) {
        query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (query->prepare(sql))
            return true;
        error = query->lastError();
        return false;
    };
    if (!prepare(m_begin, QStringLiteral("BEGIN IMMEDIATE")) ||
        !prepare(m_commit, QStringLiteral("COMMIT")))
        return describe(error);
    if (!m_insert.prepare(m_db, &error))
        return describe(error);
    const QString deliveriesError = loadDeliveries();
    if (!deliveriesError.isEmpty())
        return deliveriesError;
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = path + QLatin1String(suffix);
        if (created && QFile::exists(file))
            QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    return {};
}

QString EventStore::migrate()
{
    // The first statement is where a corrupt or locked file shows up. Taking the write lock even
    // when there is nothing to migrate proves now, not at the first append, that the file is
    // writable; reading the version under it means two processes never both migrate.
    QSqlError error;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &error))
        return describe(error);
    const QVariant version = scalar(QStringLiteral("PRAGMA user_version"), &error);
    if (!version.isValid())
        return rollbackWith(error);
    const QString shown = QDir::toNativeSeparators(m_path);
    if (version.toInt() > SchemaVersion) {
        exec(QStringLiteral("ROLLBACK"));
        return tr("%1 was written by a newer Hookbench (schema %2); this version reads schema %3 "
                  "and older")
            .arg(shown)
            .arg(version.toInt())
            .arg(SchemaVersion);
    }
    if (version.toInt() == 0) {
        const QVariant tables =
            scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"), &error);
        if (!tables.isValid())
            return rollbackWith(error);
        if (tables.toInt() > 0) {
            exec(QStringLiteral("ROLLBACK"));
            return tr("%1 is not a Hookbench database: it already holds other tables").arg(shown);
        }
    }
    for (int from = version.toInt(); from < SchemaVersion; ++from) {
        for (const QString &sql : eventSchemaMigration(from)) {
            if (!exec(sql, &error)) {
                return tr("Cannot upgrade %1 from schema %2 to %3: %4")
                    .arg(shown)
                    .arg(from)
                    .arg(from + 1)
                    .arg(rollbackWith(error));
            }
        }
    }
    if (!exec(QStringLiteral("COMMIT"), &error))
        return rollbackWith(error);
    return {};
}

void EventStore::close()
{
    HOOKBENCH_CHECK_OWN_THREAD();
    // Statements first, then the handle, then the registry entry: otherwise SQLite cannot close
    // and Qt warns that the connection is still in use.
    m_insert.finalize();
    m_settingsFetch.reset();
    m_commit.reset();
    m_begin.reset();
    m_db.close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_path.clear();
    m_pruneScheduled = false;
    m_insertedSincePrune = 0;
    m_deliveries.clear();
}

bool EventStore::isOpen() const
{
    return m_insert.isPrepared();
}

QString EventStore::path() const
{
    return m_path;
}

void EventStore::setRetention(int maxEvents)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    m_retention = maxEvents;
    if (isOpen())
        schedulePrune();
}

int EventStore::retention() const
{
    return m_retention;
}

void EventStore::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = std::max(0, ms);
    if (isOpen())
        exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(m_busyTimeoutMs));
}

int EventStore::busyTimeout() const
{
    return m_busyTimeoutMs;
}

void EventStore::setMaxDatabaseBytes(qint64 bytes)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    m_maxDatabaseBytes = std::max<qint64>(0, bytes);
    if (isOpen())
        applyMaxDatabaseBytes();
}

void EventStore::applyMaxDatabaseBytes()
{
    // SQLite never sets the cap below the pages in use; 4294967294 is its own ceiling (no cap).
    const qint64 pageSize = scalar(QStringLiteral("PRAGMA page_size")).toLongLong();
    const qint64 pages = m_maxDatabaseBytes > 0 && pageSize > 0
                             ? std::max<qint64>(1, m_maxDatabaseBytes / pageSize)
                             : Q_INT64_C(4294967294);
    exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages));
}

void EventStore::append(const QList<hookbench::Event> &batch)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    if (batch.isEmpty())
        return;
    const auto fail = [&](const QString &why) {
        Q_EMIT failed(batch,
                      tr("Could not store %n event(s): %1", nullptr, int(batch.size())).arg(why));
    };
    if (!isOpen())
        return fail(tr("the event store is not open"));

    if (!m_begin->exec())
        return fail(describe(m_begin->lastError()));

    // First attempts are recorded as they are inserted (a retry may follow in the same batch);
    // a rollback forgets them again: their ids are the batch's, above every committed one.
    qint64 firstRecorded = 0;
    const auto rollbackDeliveries = [&](const QSqlError &error) {
        const QString why = rollbackWith(error);
        if (firstRecorded > 0)
            m_deliveries.applyDeletes([&](qint64 id) { return id >= firstRecorded; }, {});
        return why;
    };
    QList<Event> stored = batch;
    for (Event &event : stored) {
        // NOT NULL columns: a missing timestamp becomes "now" rather than a lost event.
        if (!event.receivedAt.isValid())
            event.receivedAt = QDateTime::currentDateTimeUtc();
        if (event.endpoint.isNull())
            event.endpoint = QStringLiteral("");
        // Not stored: committed events tell their readers whether a fetch is still to come.
        event.settingsFetch = event.asksForSettingsFetch() ? SettingsFetchState::None
                                                           : SettingsFetchState::NotApplicable;
        const bool tracked = event.valid && event.payloadTimestamp != 0;
        const qint64 receivedMs = event.receivedAt.toMSecsSinceEpoch();
        if (tracked) {
            event.deliveryOf =
                m_deliveries.firstAttempt(event.endpoint, event.payloadTimestamp, receivedMs);
        }
        const QSqlError error = m_insert.insert(event);
        if (error.isValid())
            return fail(rollbackDeliveries(error));
        if (tracked && event.deliveryOf == 0) {
            const qint64 id = m_insert.lastRowId();
            if (firstRecorded == 0)
                firstRecorded = id;
            m_deliveries.recordFirst(event.endpoint, event.payloadTimestamp, {id, receivedMs});
        }
    }
    m_insert.releaseBindings(); // drop the pointers into this batch's buffers
    // Rows without an explicit id get max(id) + 1, and BEGIN IMMEDIATE makes us the only writer,
    // so the batch holds consecutive ids ending at the last insert rowid.
    const qint64 firstId = m_insert.lastRowId() - stored.size() + 1;
    for (qsizetype i = 0; i < stored.size(); ++i)
        stored[i].id = firstId + i;
    if (!m_commit->exec())
        return fail(rollbackDeliveries(m_commit->lastError()));

    m_insertedSincePrune += stored.size();
    // Each prune has a fixed cost (count(*) over the table, its own commit): at 1% of the retention
    // it was ~0.4 us of every event's cost at 100k, at 5% it is ~0.1.
    if (m_retention > 0 && m_insertedSincePrune > std::max(1000, m_retention / 20))
        schedulePrune();
    Q_EMIT committed(stored);
}

void EventStore::pruneNow()
{
    HOOKBENCH_CHECK_OWN_THREAD();
    m_pruneScheduled = false; // a pending step finds nothing to do
    m_insertedSincePrune = 0;
    QString error;
    int deleted = 0;
    while ((deleted = pruneChunk(&error)) > 0) {
    }
    if (deleted < 0)
        qWarning("Hookbench: pruning old events failed: %s", qPrintable(error));
}

void EventStore::schedulePrune()
{
    if (m_pruneScheduled || m_retention <= 0)
        return;
    m_pruneScheduled = true;
    QTimer::singleShot(0, this, &EventStore::pruneStep);
}

// One chunk per event-loop turn, so queued appends run between chunks.
void EventStore::pruneStep()
{
    if (!m_pruneScheduled)
        return;
    m_pruneScheduled = false;
    m_insertedSincePrune = 0;
    QString error;
    const int deleted = pruneChunk(&error);
    if (deleted < 0)
        qWarning("Hookbench: pruning old events failed: %s", qPrintable(error));
    else if (deleted >= PruneChunkRows)
        schedulePrune();
}

int EventStore::pruneChunk(QString *error)
{
    if (m_retention <= 0 || !isOpen())
        return 0;
    QSqlError sqlError;
    const auto failWith = [&] {
        *error = rollbackWith(sqlError);
        return -1;
    };
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"), &sqlError))
        return failWith();
    const QVariant total = scalar(QStringLiteral("SELECT count(*) FROM events"), &sqlError);
    if (!total.isValid())
        return failWith();
    const qint64 excess = total.toLongLong() - m_retention;
    int deleted = 0;
    qint64 lastDoomedId = 0;
    QHash<qint64, DeliveryTracker::First> promoted;
    if (excess > 0) {
        // count(*) and a walk over the doomed rows only, from the old end: "ORDER BY id DESC
        // OFFSET retention" walks the kept rows instead (8 ms at 100k rows, per prune).
        const QVariant lastDoomed =
            scalar(QStringLiteral("SELECT id FROM events ORDER BY id LIMIT 1 OFFSET %1")
                       .arg(std::min<qint64>(excess, PruneChunkRows) - 1),
                   &sqlError);
        if (!lastDoomed.isValid())
            return failWith();
        QSqlQuery query(m_db);
        if (!query.exec(
                QStringLiteral("DELETE FROM events WHERE id <= %1").arg(lastDoomed.toLongLong()))) {
            sqlError = query.lastError();
            return failWith();
        }
        deleted = query.numRowsAffected();
        lastDoomedId = lastDoomed.toLongLong();
        query.finish();
        // Only the oldest rows go, so the orphaned retries are those of first attempts <= it.
        if (!promoteOrphans(QStringLiteral("delivery_of <= %1").arg(lastDoomedId), &promoted,
                            &sqlError))
            return failWith();
    }
    if (!exec(QStringLiteral("COMMIT"), &sqlError))
        return failWith();
    if (lastDoomedId > 0)
        m_deliveries.applyDeletes([&](qint64 id) { return id <= lastDoomedId; }, promoted);
    return deleted;
}

QList<Event> EventStore::latest(int limit) const
{
    return query(EventFilter::parse(QStringView()), limit); // the empty filter matches all
}

qint64 EventStore::count() const
{
    const QVariant rows =
        isOpen() ? scalar(QStringLiteral("SELECT count(*) FROM events")) : QVariant();
    return rows.isValid() ? rows.toLongLong() : -1;
}

int EventStore::schemaVersion() const
{
    return m_db.isOpen() ? scalar(QStringLiteral("PRAGMA user_version")).toInt() : 0;
}

QString EventStore::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        return QStringLiteral("hookbench.sqlite"); // no home directory: current directory
    return dir + QLatin1String("/hookbench.sqlite");
}

QString EventStore::describe(const QSqlError &error) const
{
    const QString shown = QDir::toNativeSeparators(m_path);
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (sqliteCode(error)) {
    case SqliteNotADb:
    case SqliteCorrupt:
        return tr("%1 is not a Hookbench database or is corrupt: %2").arg(shown, detail);
    case SqliteBusy:
    case SqliteLocked:
        return tr("%1 is locked by another process (gave up after %2 ms)")
            .arg(shown)
            .arg(m_busyTimeoutMs);
    case SqliteCantOpen:
        return tr("%1 cannot be opened: %2").arg(shown, detail);
    case SqliteReadOnly:
        return tr("%1 is read-only: %2").arg(shown, detail);
    case SqliteFull:
        return tr("%1 is full (no room left on the disk, or the database reached its size "
                  "cap): %2")
            .arg(shown, detail);
    }
    return tr("%1: %2").arg(shown, detail);
}

bool EventStore::exec(const QString &sql, QSqlError *error)
{
    QSqlQuery query(m_db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError();
    return false;
}

QVariant EventStore::scalar(const QString &sql, QSqlError *error) const
{
    QSqlQuery query(m_db);
    if (query.exec(sql) && query.next())
        return query.value(0);
    if (error)
        *error = query.lastError();
    return {};
}

QString EventStore::rollbackWith(const QSqlError &error)
{
    exec(QStringLiteral("ROLLBACK")); // fails harmlessly when SQLite already rolled back
    return describe(error);
}

} // namespace hookbench
