// EventStore's user deletes, apart from its append path (eventstore.cpp).
#include "eventstore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace hookbench {

namespace {
// Ids go inline (integers we hold): one IN list per chunk keeps each statement small.
constexpr qsizetype DeleteChunkIds = 500;
} // namespace

void EventStore::removeEvents(const QList<qint64> &ids)
{
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
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
        QString list;
        const qsizetype to = std::min(sorted.size(), from + DeleteChunkIds);
        for (qsizetype i = from; i < to; ++i) {
            if (i > from)
                list += QLatin1Char(',');
            list += QString::number(sorted.at(i));
        }
        if (!query.exec(QLatin1String("DELETE FROM events WHERE id IN (") + list +
                        QLatin1Char(')')))
            return fail(query.lastError());
    }
    query.finish();
    if (!m_commit->exec())
        return fail(m_commit->lastError());
    Q_EMIT removed(sorted);
}

void EventStore::clearEvents()
{
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
    Q_EMIT cleared();
}

} // namespace hookbench
