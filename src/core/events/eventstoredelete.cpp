// EventStore's user edits (deletes, stars), apart from its append path (eventstore.cpp).
#include "eventstore.h"

#include "threadcheck.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hookbench {

namespace {
// Ids go inline (integers we hold): one IN list per chunk keeps each statement small.
constexpr qsizetype DeleteChunkIds = 500;

QList<qint64> sortedUnique(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// "1,2,3" for ids [from, to).
QString idList(const QList<qint64> &ids, qsizetype from, qsizetype to)
{
    QString list;
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            list += QLatin1Char(',');
        list += QString::number(ids.at(i));
    }
    return list;
}
} // namespace

void EventStore::removeEvents(const QList<qint64> &ids)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    const QList<qint64> sorted = sortedUnique(ids);
    if (sorted.isEmpty())
        return;
    if (!isOpen()) {
        Q_EMIT error(tr("Could not delete %n event(s): the event store is not open", nullptr,
                        int(sorted.size())));
        return;
    }
    const auto fail = [&](const QSqlError &sqlError) {
        Q_EMIT error(tr("Could not delete %n event(s): %1", nullptr, int(sorted.size()))
                         .arg(rollbackWith(sqlError)));
    };
    if (!m_begin->exec())
        return fail(m_begin->lastError());
    QSqlQuery query(m_db);
    for (qsizetype from = 0; from < sorted.size(); from += DeleteChunkIds) {
        const qsizetype to = std::min(sorted.size(), from + DeleteChunkIds);
        if (!query.exec(QLatin1String("DELETE FROM events WHERE id IN (") +
                        idList(sorted, from, to) + QLatin1Char(')')))
            return fail(query.lastError());
    }
    query.finish();
    // Every delete first, then promotion: a promoted retry must be one that stays.
    QHash<qint64, DeliveryTracker::First> promoted;
    QSqlError promoteError;
    for (qsizetype from = 0; from < sorted.size(); from += DeleteChunkIds) {
        const qsizetype to = std::min(sorted.size(), from + DeleteChunkIds);
        if (!promoteOrphans(QLatin1String("delivery_of IN (") + idList(sorted, from, to) +
                                QLatin1Char(')'),
                            &promoted, &promoteError))
            return fail(promoteError);
    }
    if (!m_commit->exec())
        return fail(m_commit->lastError());
    m_deliveries.applyDeletes(
        [&](qint64 id) { return std::binary_search(sorted.begin(), sorted.end(), id); }, promoted);
    Q_EMIT removed(sorted);
}

void EventStore::clearEvents()
{
    HOOKBENCH_CHECK_OWN_THREAD();
    if (!isOpen()) {
        Q_EMIT error(tr("Could not clear the event log: the event store is not open"));
        return;
    }
    const auto fail = [&](const QSqlError &sqlError) {
        Q_EMIT error(tr("Could not clear the event log: %1").arg(rollbackWith(sqlError)));
    };
    if (!m_begin->exec())
        return fail(m_begin->lastError());
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("DELETE FROM events"))) // SQLite's truncate optimization
        return fail(query.lastError());
    query.finish();
    if (!m_commit->exec())
        return fail(m_commit->lastError());
    m_insertedSincePrune = 0;
    m_deliveries.clear();
    Q_EMIT cleared();
}

void EventStore::setStarred(const QList<qint64> &ids, bool starred)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    const QList<qint64> sorted = sortedUnique(ids);
    if (sorted.isEmpty())
        return;
    const auto message = [&](const QString &why) {
        const int n = int(sorted.size());
        return (starred ? tr("Could not star %n event(s): %1", nullptr, n)
                        : tr("Could not unstar %n event(s): %1", nullptr, n))
            .arg(why);
    };
    if (!isOpen()) {
        Q_EMIT error(message(tr("the event store is not open")));
        return;
    }
    const auto fail = [&](const QSqlError &sqlError) {
        Q_EMIT error(message(rollbackWith(sqlError)));
    };
    if (!m_begin->exec())
        return fail(m_begin->lastError());
    QSqlQuery query(m_db);
    for (qsizetype from = 0; from < sorted.size(); from += DeleteChunkIds) {
        const qsizetype to = std::min(sorted.size(), from + DeleteChunkIds);
        if (!query.exec(QLatin1String(starred ? "UPDATE events SET starred = 1 WHERE id IN ("
                                              : "UPDATE events SET starred = 0 WHERE id IN (") +
                        idList(sorted, from, to) + QLatin1Char(')')))
            return fail(query.lastError());
    }
    query.finish();
    if (!m_commit->exec())
        return fail(m_commit->lastError());
    Q_EMIT starredChanged(sorted, starred);
}

} // namespace hookbench
