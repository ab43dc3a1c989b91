#include "sendrecords.h"

#include "auditreport.h"
#include "loadstats.h"
#include "retrysession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace hookbench {

namespace {

QJsonObject attemptJson(const RetryAttempt &attempt)
{
    return {{QStringLiteral("number"), attempt.number},
            {QStringLiteral("startedAt"), attempt.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("startedAfterMs"), attempt.startedAfterMs},
            {QStringLiteral("elapsedMs"), attempt.elapsedMs},
            {QStringLiteral("status"), attempt.status},
            {QStringLiteral("outcome"), attempt.outcome()},
            {QStringLiteral("waitAfterMs"), attempt.waitAfterMs}};
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

SendRecord sendRecordOf(SendMode mode, const OutgoingRequest &request, const QDateTime &startedAt)
{
    SendRecord record;
    record.mode = mode;
    record.startedAt = startedAt;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.method = request.method;
    record.url = request.url.toString(QUrl::RemovePassword);
    record.headers = request.headers;
    for (auto &header : record.headers) {
        if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            header.second = QByteArrayLiteral("[redacted]");
    }
    record.body = request.body;
    return record;
}

void setRetryDetail(SendRecord *record, const RetryOutcome &outcome)
{
    record->finalStatus = outcome.last.status;
    record->success = outcome.isSuccess();
    QJsonArray attempts;
    for (const RetryAttempt &attempt : outcome.attempts)
        attempts.append(attemptJson(attempt));
    record->detail = compact(
        {{QStringLiteral("attempts"), attempts}, {QStringLiteral("elapsedMs"), outcome.elapsedMs}});
}

void setLoadDetail(SendRecord *record, const LoadSummary &summary)
{
    record->success = summary.isSuccess();
    QJsonObject statuses;
    QJsonObject failures;
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        statuses.insert(QString::number(it.key()), it.value());
    for (auto it = summary.failureCounts.cbegin(); it != summary.failureCounts.cend(); ++it)
        failures.insert(it.key(), it.value());
    record->detail = compact({{QStringLiteral("sent"), summary.sent},
                              {QStringLiteral("answered"), summary.answered},
                              {QStringLiteral("failed"), summary.failed},
                              {QStringLiteral("requestsPerSecond"), summary.requestsPerSecond},
                              {QStringLiteral("elapsedSeconds"), summary.elapsedSeconds},
                              {QStringLiteral("p50Us"), summary.p50Us},
                              {QStringLiteral("p90Us"), summary.p90Us},
                              {QStringLiteral("p99Us"), summary.p99Us},
                              {QStringLiteral("maxUs"), summary.maxUs},
                              {QStringLiteral("statuses"), statuses},
                              {QStringLiteral("failures"), failures},
                              {QStringLiteral("canceled"), summary.canceled}});
}

void setAuditDetail(SendRecord *record, const AuditReport &report)
{
    record->success = report.passed();
    QJsonArray checks;
    for (const AuditCheckResult &check : report.checks) {
        checks.append(QJsonObject{{QStringLiteral("id"), check.id},
                                  {QStringLiteral("title"), check.title},
                                  {QStringLiteral("verdict"), verdictName(check.verdict)},
                                  {QStringLiteral("answer"), check.answerSummary()},
                                  {QStringLiteral("advice"), check.advice}});
    }
    record->detail =
        compact({{QStringLiteral("target"), report.target}, {QStringLiteral("checks"), checks}});
}

} // namespace hookbench
