#include "eventlogreader.h"

#include "events/eventrows.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

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
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

void EventLogReader::open(int generation, const QString &path)
{
    close();
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
    QList<qint64> ids;
    if (!m_db.isOpen() || !filter.isValid()) {
        Q_EMIT idsLoaded(generation, ids); // an invalid filter matches nothing
        return;
    }
    const EventFilter::Sql sql = filter.compile(now);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT id FROM events WHERE (") + sql.where +
                  QLatin1String(") ORDER BY id"));
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    if (!query.exec()) {
        Q_EMIT failed(generation,
                      tr("Reading the event log failed: %1").arg(query.lastError().text()));
        return;
    }
    // One pass over the rowid b-tree: ~1M ids a second or more, 8 bytes each.
    qsizetype n = 0;
    while (query.next()) {
        // A newer filter makes this pass worthless: give the thread back to it.
        if ((++n & 0x3fff) == 0 && stale(generation))
            return;
        ids.append(query.value(0).toLongLong());
    }
    ids.squeeze();
    Q_EMIT idsLoaded(generation, ids);
}

void EventLogReader::fetchPage(int generation, int page, const QList<qint64> &ids)
{
    if (stale(generation) || ids.isEmpty())
        return;
    QList<Event> events;
    if (m_db.isOpen()) {
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
        if (query.exec(QLatin1String("SELECT id, ") + EventColumns +
                       QLatin1String(" FROM events WHERE id IN (") + list +
                       QLatin1String(") ORDER BY id"))) {
            events.reserve(ids.size());
            while (query.next())
                events.append(eventFromRow(query));
        } else {
            // Not "deleted": the rows stay placeholders until the next load retries them.
            Q_EMIT failed(generation,
                          tr("Reading the event log failed: %1").arg(query.lastError().text()));
            return;
        }
    }
    Q_EMIT pageFetched(generation, page, events);
}

} // namespace hookbench
