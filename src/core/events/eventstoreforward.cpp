// EventStore: the forward URL's answer, recorded on the event once it came (issue 8).
#include "eventrows.h"

#include "eventstore.h"
#include "receiver/forwardtarget.h"
#include "threadcheck.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

void EventStore::recordForward(qint64 id, const ForwardResult &result, int answeredStatus)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    const auto fail = [&](const QString &why) {
        Q_EMIT error(tr("Could not record the forwarded answer of event %1: %2").arg(id).arg(why));
    };
    if (!isOpen())
        return fail(tr("the event store is not open"));
    // One statement, so its own transaction. `status` becomes what VWO got: in follow mode it is
    // only known now. A row deleted meanwhile simply matches nothing.
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE events SET status = ?, forward_status = ?, forward_error = ?, forward_headers = ?,"
        " forward_body = ?, forward_truncated = ?, forward_ms = ? WHERE id = ?"));
    query.addBindValue(answeredStatus);
    query.addBindValue(result.status);
    query.addBindValue(result.error.isEmpty() ? QVariant() : QVariant(result.error));
    query.addBindValue(QString::fromUtf8(headersToJson(result.headers)));
    query.addBindValue(result.body);
    query.addBindValue(result.bodyTruncated ? 1 : 0);
    query.addBindValue(result.elapsedMs);
    query.addBindValue(id);
    if (!query.exec())
        return fail(describe(query.lastError()));
    ForwardResult recorded = result;
    recorded.answeredStatus = answeredStatus;
    Q_EMIT forwardRecorded(id, recorded);
}

QString EventStore::closeAbandonedForwards()
{
    // Older than any forward timeout (plus slack for a busy machine): the process that sent it
    // is gone, so no answer will ever be recorded. Younger ones may belong to another running
    // receiver on this database and are left alone.
    constexpr qint64 SlackMs = 60 * 1000;
    const qint64 before =
        QDateTime::currentMSecsSinceEpoch() - ForwardTarget::MaxTimeoutMs - SlackMs;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE events SET forward_status = 0, forward_error = ? WHERE forward_url IS NOT NULL "
        "AND forward_status IS NULL AND received_at < ?"));
    query.addBindValue(QStringLiteral("no answer recorded: Hookbench stopped before the app "
                                      "answered"));
    query.addBindValue(before);
    if (!query.exec())
        return tr("Could not close forwards left pending: %1").arg(describe(query.lastError()));
    return {};
}

} // namespace hookbench
