#include "eventlogreader.h"

#include "events/eventrows.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hookbench {

EventLogReader::EventLogReader(std::shared_ptr<const std::atomic_int> generation, QObject *parent)
    : QObject(parent)
    , m_generation(std::move(generation))
    , m_connectionName(QStringLiteral("hookbench-eventlog-%1")
                           .arg(quintptr(this), 0, 16)) // one per reader, like EventStore
{}

EventLogReader::~EventLogReader()
{
    close();
}

void EventLogReader::close()
{
    m_scan.reset(); // its query uses the connection
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void EventLogReader::open(int generation, const QString &path)
{
    close();
    m_settingsFetch.reset();
    // Read-only: this connection never takes the write lock, migrates or prunes; the store
    // that writes the file owns its schema.
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    if (!m_db.open()) {
        const QString reason = m_db.lastError().text();
        close();
        Q_EMIT failed(generation, tr("Cannot read the event database %1: %2")
                                      .arg(QDir::toNativeSeparators(path), reason));
    }
}

void EventLogReader::loadIds(int generation, const EventFilter &filter, const QDateTime &now)
{
    if (stale(generation))
        return;
    if (!m_db.isOpen() || !filter.isValid()) { // an invalid filter matches nothing
        Q_EMIT loadStarted(generation, 0, {});
        Q_EMIT idsChunk(generation, {}, 0, 0, true);
        return;
    }
    QSqlQuery bounds(m_db);
    // Two subqueries: min() and max() together make SQLite scan the whole table.
    if (!bounds.exec(
            QStringLiteral("SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)")) ||
        !bounds.next()) {
        Q_EMIT failed(generation,
                      tr("Reading the event log failed: %1").arg(bounds.lastError().text()));
        return;
    }
    const qint64 minId = bounds.value(0).toLongLong();
    const qint64 maxId = bounds.value(1).toLongLong();
    RetryList retries;
    if (!readRetries(generation, maxId, &retries))
        return;
    Q_EMIT loadStarted(generation, maxId, retries);
    if (maxId == 0) {
        Q_EMIT idsChunk(generation, {}, 0, 0, true);
        return;
    }

    const EventFilter::Sql sql = filter.compile(now);
    m_scan = std::make_unique<Scan>();
    m_scan->generation = generation;
    m_scan->values = sql.values;
    m_scan->minId = minId;
    m_scan->maxId = maxId;
    m_scan->high = maxId;
    m_scan->query = QSqlQuery(m_db);
    m_scan->query.setForwardOnly(true);
    if (!m_scan->query.prepare(
            QLatin1String("SELECT id FROM events WHERE id > ? AND id <= ? AND (") + sql.where +
            QLatin1String(") ORDER BY id"))) {
        Q_EMIT failed(generation,
                      tr("Reading the event log failed: %1").arg(m_scan->query.lastError().text()));
        m_scan.reset();
        return;
    }
    scanNextRange();
}

void EventLogReader::scanNextRange()
{
    // One range per call, then back to the event loop: page reads for the rows already shown
    // go between ranges instead of waiting for the whole scan.
    if (!m_scan)
        return;
    Scan &scan = *m_scan;
    if (stale(scan.generation)) { // a newer filter, or the user stopped the count
        m_scan.reset();
        return;
    }
    const qint64 low = std::max(scan.minId - 1, scan.high - scan.rangeIds);
    scan.query.bindValue(0, low);
    scan.query.bindValue(1, scan.high);
    for (int i = 0; i < scan.values.size(); ++i)
        scan.query.bindValue(i + 2, scan.values.at(i));
    QElapsedTimer clock;
    clock.start();
    if (!scan.query.exec()) {
        Q_EMIT failed(scan.generation,
                      tr("Reading the event log failed: %1").arg(scan.query.lastError().text()));
        m_scan.reset();
        return;
    }
    QList<qint64> ids;
    while (scan.query.next())
        ids.append(scan.query.value(0).toLongLong());
    scan.query.finish();
    scan.high = low;
    const bool done = scan.high < scan.minId;
    Q_EMIT idsChunk(scan.generation, ids, scan.maxId - scan.high, scan.maxId - scan.minId + 1,
                    done);
    if (done) {
        m_scan.reset();
        return;
    }
    // Aim for ~50 ms a range: quick to stop, few enough signals for a million rows.
    const qint64 ms = clock.elapsed();
    if (ms < 25)
        scan.rangeIds = std::min<qint64>(scan.rangeIds * 2, 1 << 22);
    else if (ms > 100)
        scan.rangeIds = std::max<qint64>(scan.rangeIds / 2, 1024);
    QMetaObject::invokeMethod(this, &EventLogReader::scanNextRange, Qt::QueuedConnection);
}

bool EventLogReader::readRetries(int generation, qint64 maxId, RetryList *retries)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // The partial index on delivery_of holds the retries only: cheap on any log size. Named,
    // because the planner would rather walk the whole table by rowid for the `id <=` term.
    query.prepare(QStringLiteral("SELECT id, delivery_of FROM events INDEXED BY events_retries"
                                 " WHERE delivery_of IS NOT NULL AND id <= ? ORDER BY id"));
    query.addBindValue(maxId);
    if (!query.exec()) {
        Q_EMIT failed(generation,
                      tr("Reading the event log failed: %1").arg(query.lastError().text()));
        return false;
    }
    while (query.next())
        retries->append({query.value(0).toLongLong(), query.value(1).toLongLong()});
    return true;
}

bool EventLogReader::readEvents(int generation, const QList<qint64> &ids,
                                SettingsFetchColumn::Scope scope, QList<Event> *events)
{
    if (!m_db.isOpen())
        return true;
    // Ids are integers we hold, so they go inline: an IN list of constants is one index
    // probe each, and a sparse filter's page may span many more rows than it shows.
    QString list;
    list.reserve(ids.size() * 8);
    for (const qint64 id : ids) {
        if (!list.isEmpty())
            list += QLatin1Char(',');
        list += QString::number(id);
    }
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QLatin1String("SELECT id, ") + EventColumns + m_settingsFetch.sql(m_db, scope) +
                    QLatin1String(" FROM events WHERE id IN (") + list +
                    QLatin1String(") ORDER BY id"))) {
        // Not "deleted": the rows stay placeholders until the next load retries them.
        Q_EMIT failed(generation,
                      tr("Reading the event log failed: %1").arg(query.lastError().text()));
        return false;
    }
    events->reserve(ids.size());
    while (query.next())
        events->append(eventFromRow(query, true));
    return true;
}

void EventLogReader::fetchPage(int generation, int page, const QList<qint64> &ids)
{
    if (stale(generation) || ids.isEmpty())
        return;
    QList<Event> events;
    if (readEvents(generation, ids, SettingsFetchColumn::Delivery, &events))
        Q_EMIT pageFetched(generation, page, events);
}

void EventLogReader::fetchAttempts(int generation, const QList<qint64> &ids)
{
    if (stale(generation) || ids.isEmpty())
        return;
    QList<Event> events;
    if (readEvents(generation, ids, SettingsFetchColumn::Request, &events))
        Q_EMIT attemptsFetched(generation, events);
}

} // namespace hookbench
