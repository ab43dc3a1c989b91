// EventStore's delivery bookkeeping (VWO retries): rebuilding the recent first attempts on
// open() and keeping deliveries whole when rows are deleted.
#include "eventstore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace hookbench {

namespace {

// The payload timestamp as the receiver read it (an integer, maybe written as 1.6e9); 0 if none.
qint64 payloadTimestamp(const QVariant &value)
{
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return value.toLongLong();
    if (value.typeId() != QMetaType::Double)
        return 0;
    const double number = value.toDouble();
    constexpr double MaxExactInteger = 9007199254740992.0; // 2^53, as the validator allows
    return std::trunc(number) == number && std::fabs(number) <= MaxExactInteger ? qint64(number)
                                                                                : 0;
}

} // namespace

QString EventStore::loadDeliveries()
{
    m_deliveries.clear();
    // The newest first attempts of valid payloads (as many as the tracker holds) within the window
    // of now, or of the newest row when that is older: the map as it was before the store closed.
    // Walks the received_at index from the newest row, so a load test's million rows cost no more
    // than the tracker's bound. The body is a BLOB: read as text and checked first, so a body that
    // is not JSON yields NULL instead of an error.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT endpoint, id, received_at, CASE WHEN json_valid(CAST(body AS TEXT))"
                       " THEN json_extract(CAST(body AS TEXT), '$.timestamp') END FROM events"
                       " WHERE received_at >= min(?, (SELECT max(received_at) FROM events)) - ?"
                       " AND delivery_of IS NULL AND valid = 1 ORDER BY received_at DESC LIMIT ?"));
    query.addBindValue(QDateTime::currentMSecsSinceEpoch());
    query.addBindValue(DeliveryTracker::WindowMs);
    query.addBindValue(qint64(DeliveryTracker::MaxEntries));
    if (!query.exec())
        return describe(query.lastError());
    struct Row
    {
        QString endpoint;
        qint64 timestamp;
        DeliveryTracker::First first;
    };
    QList<Row> rows;
    while (query.next()) {
        const qint64 timestamp = payloadTimestamp(query.value(3));
        if (timestamp != 0) {
            rows.append({query.value(0).toString(),
                         timestamp,
                         {query.value(1).toLongLong(), query.value(2).toLongLong()}});
        }
    }
    // Oldest first, as append() recorded them: a newer first attempt of a key replaces an older.
    for (auto it = rows.crbegin(); it != rows.crend(); ++it)
        m_deliveries.recordFirst(it->endpoint, it->timestamp, it->first);
    return {};
}

bool EventStore::promoteOrphans(const QString &orphans,
                                QHash<qint64, DeliveryTracker::First> *promoted, QSqlError *error)
{
    // The comparison on delivery_of lets SQLite use the partial index events_retries. A bare
    // column next to min() comes from the row holding the minimum (SQLite).
    QSqlQuery select(m_db);
    select.setForwardOnly(true);
    if (!select.exec(QLatin1String("SELECT delivery_of, min(id), received_at FROM events WHERE ") +
                     orphans + QLatin1String(" GROUP BY delivery_of"))) {
        *error = select.lastError();
        return false;
    }
    QList<QPair<qint64, DeliveryTracker::First>> found;
    while (select.next()) {
        found.append({select.value(0).toLongLong(),
                      {select.value(1).toLongLong(), select.value(2).toLongLong()}});
    }
    select.finish();
    QSqlQuery update(m_db);
    update.prepare(
        QStringLiteral("UPDATE events SET delivery_of = nullif(?, id) WHERE delivery_of = ?"));
    for (const auto &orphan : std::as_const(found)) {
        update.addBindValue(orphan.second.id);
        update.addBindValue(orphan.first);
        if (!update.exec()) {
            *error = update.lastError();
            return false;
        }
        promoted->insert(orphan.first, orphan.second);
    }
    return true;
}

} // namespace hookbench
