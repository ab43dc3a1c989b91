// EventStore's filtered reads, apart from its write path (eventstore.cpp).
#include "eventstore.h"

#include "eventrows.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hookbench {

QList<Event> EventStore::query(const EventFilter &filter, int limit, qint64 beforeId,
                               const QDateTime &now) const
{
    QList<Event> events;
    if (!isOpen() || !filter.isValid())
        return events;
    const EventFilter::Sql sql =
        filter.compile(now.isValid() ? now : QDateTime::currentDateTimeUtc());
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QLatin1String("SELECT id, ") + EventColumns + m_settingsFetch.sql(m_db) +
                  QLatin1String(" FROM events WHERE ") +
                  (beforeId > 0 ? QLatin1String("id < ? AND ") : QLatin1String()) +
                  QLatin1Char('(') + sql.where + QLatin1String(") ORDER BY id DESC LIMIT ?"));
    if (beforeId > 0)
        query.addBindValue(beforeId);
    for (const QVariant &value : sql.values)
        query.addBindValue(value);
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec()) {
        qWarning("Hookbench: reading events failed: %s", qPrintable(describe(query.lastError())));
        return events;
    }
    while (query.next())
        events.append(eventFromRow(query, true));
    return events;
}

qint64 EventStore::countMatching(const EventFilter &filter, const std::atomic_bool *cancel,
                                 const std::function<void(const CountProgress &)> &progress,
                                 const QDateTime &now) const
{
    if (!isOpen() || !filter.isValid())
        return -1;
    // One `now` for every chunk, so since:10m means the same thing from start to end.
    const EventFilter::Sql sql =
        filter.compile(now.isValid() ? now : QDateTime::currentDateTimeUtc());
    QSqlQuery bounds(m_db);
    // Two subqueries: SQLite only seeks min() or max() alone; together they scan an index (85 ms
    // at 1M rows).
    if (!bounds.exec(
            QStringLiteral("SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)")) ||
        !bounds.next())
        return -1;
    const bool empty = bounds.value(0).isNull();
    const qint64 lowest = bounds.value(0).toLongLong();
    const qint64 highest = bounds.value(1).toLongLong();
    bounds.finish();
    CountProgress state;
    state.total = empty ? 0 : highest - lowest + 1;
    QSqlQuery chunk(m_db);
    chunk.setForwardOnly(true);
    chunk.prepare(QLatin1String("SELECT count(*) FROM events WHERE id > ? AND id <= ? AND (") +
                  sql.where + QLatin1Char(')'));
    // Newest first: a cancelled count has still covered what the user sees first.
    for (qint64 top = highest; state.scanned < state.total; top -= CountChunkIds) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            return -1;
        chunk.addBindValue(top - CountChunkIds);
        chunk.addBindValue(top);
        for (const QVariant &value : sql.values)
            chunk.addBindValue(value);
        if (!chunk.exec() || !chunk.next()) {
            qWarning("Hookbench: counting events failed: %s",
                     qPrintable(describe(chunk.lastError())));
            return -1;
        }
        state.matched += chunk.value(0).toLongLong();
        state.scanned = std::min(state.total, state.scanned + CountChunkIds);
        chunk.finish();
        if (progress)
            progress(state);
    }
    return state.matched;
}

} // namespace hookbench
