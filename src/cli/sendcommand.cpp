#include "sendcommand.h"

#include "clihelpers.h"
#include "sender/endpointaudit.h"
#include "sender/loadrunner.h"
#include "sender/retrysession.h"
#include "sender/sendrecords.h"
#include "sendinterrupt.h"
#include "sendjob.h"
#include "sendoutput.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFileInfo>

#include <csignal>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("send");

// Progress goes out line by line: a script reading us sees each attempt as it ends.
bool print(const QByteArray &bytes)
{
    writeStdout(bytes);
    return flushStdout();
}

// A duration the user chose: "30s", "1h", "1h30m" as they would type it; "500 ms" below a second.
QString chosenDuration(qint64 ms)
{
    return ms >= 1000 && ms % 1000 == 0 ? formatDuration(ms / 1000) : humanMs(ms);
}

QByteArray heading(const SendJob &job)
{
    QString text = QString::fromLatin1(job.request.method) + QLatin1Char(' ') +
                   job.request.url.toDisplayString(QUrl::RemovePassword) + QStringLiteral(": ");
    const QString timeout = job.timeoutMs > 0
                                ? QStringLiteral("timeout ") + chosenDuration(job.timeoutMs)
                                : QStringLiteral("no timeout");
    if (job.audit) {
        text += QStringLiteral("endpoint audit, %1 checks, ").arg(EndpointAudit::checkCount()) +
                timeout;
    } else if (job.count > 0) {
        const int connections = qMin(job.count, job.concurrency);
        text += (job.count == 1 ? QStringLiteral("1 request")
                                : QStringLiteral("%1 requests").arg(job.count)) +
                (connections == 1 ? QStringLiteral(" over 1 connection")
                                  : QStringLiteral(" over %1 connections").arg(connections));
        if (job.rate > 0)
            text += QStringLiteral(" at %1/s").arg(job.rate);
        text += QStringLiteral(", ") + timeout;
    } else if (job.policy == RetryPolicy::Vwo) {
        text += QStringLiteral("retrying as VWO does for up to %1, %2")
                    .arg(chosenDuration(job.windowMs), timeout);
    } else {
        text += QStringLiteral("one attempt, ") + timeout;
    }
    return (text + QStringLiteral("; x-vwo-auth: ") + job.auth + QLatin1Char('\n')).toUtf8();
}

// Keeps the run in the send history, when there is a database to keep it in.
void keepInHistory(const SendJob &job, SendRecord record, const QByteArray &outcome)
{
    if (job.historyPath.isEmpty() || !QFileInfo::exists(job.historyPath))
        return;
    record.outcome = QString::fromUtf8(outcome).trimmed();
    SendHistoryStore history;
    QString error = history.open(job.historyPath);
    if (error.isEmpty())
        error = history.append(&record);
    if (!error.isEmpty())
        printError(Verb, QStringLiteral("not kept in the send history: ") + error);
}

int runOnce(const SendJob &job)
{
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    RetryPlan plan;
    plan.request = job.request;
    plan.policy = job.policy;
    plan.windowMs = job.windowMs;
    plan.timeoutMs = job.timeoutMs;
    plan.refreshTimestamp = job.refreshTimestamp;
    plan.progressIntervalMs = 0; // the attempt lines are the progress

    RetrySession session;
    QEventLoop loop;
    RetryOutcome outcome;
    bool outputGone = false;
    QObject::connect(&session, &RetrySession::attemptFinished, &loop,
                     [&](const RetryAttempt &attempt) {
                         if (!print(attemptLine(attempt)) && !outputGone) {
                             outputGone = true; // `send | head -1`: nobody reads the rest
                             QMetaObject::invokeMethod(
                                 &session, [&session] { session.cancel(); }, Qt::QueuedConnection);
                         }
                     });
    QObject::connect(&session, &RetrySession::finished, &loop, [&](const RetryOutcome &result) {
        outcome = result;
        loop.quit();
    });
    StopOnSignal stop([&session] { session.cancel(); });
    if (!session.start(plan))
        return ExitFailure;
    if (session.isRunning())
        loop.exec();

    if (outcome.end == RetryOutcome::End::Invalid)
        return usageError(Verb, outcome.error);
    QByteArray text;
    const QByteArray answer = answerText(outcome.last);
    if (!answer.isEmpty())
        text += '\n' + answer + '\n';
    text += summaryLine(outcome, job.policy);
    SendRecord record = sendRecordOf(
        job.policy == RetryPolicy::Vwo ? SendMode::Vwo : SendMode::Once, job.request, startedAt);
    setRetryDetail(&record, outcome);
    keepInHistory(job, record, summaryLine(outcome, job.policy));
    if (!print(text) || outputGone)
        return ExitFailure;
    return outcome.isSuccess() ? ExitOk : ExitFailure;
}

int runLoad(const SendJob &job)
{
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    LoadPlan plan;
    plan.request = job.request;
    if (job.refreshTimestamp) // once: every request of a run carries the same body
        plan.request.body =
            VwoPayload::withTimestamp(job.request.body, QDateTime::currentSecsSinceEpoch());
    plan.count = job.count;
    plan.concurrency = job.concurrency;
    plan.ratePerSecond = job.rate;
    plan.timeoutMs = job.timeoutMs;

    LoadRunner runner;
    QEventLoop loop;
    LoadSummary summary;
    QObject::connect(&runner, &LoadRunner::finished, &loop, [&](const LoadSummary &result) {
        summary = result;
        loop.quit();
    });
    StopOnSignal stop([&runner] { runner.cancel(); });
    if (!runner.start(plan))
        return ExitFailure;
    if (runner.isRunning())
        loop.exec();
    if (!summary.error.isEmpty())
        return usageError(Verb, summary.error);
    SendRecord record = sendRecordOf(SendMode::Load, plan.request, startedAt);
    setLoadDetail(&record, summary);
    const QByteArray report = loadReport(summary);
    keepInHistory(job, record, report.left(report.indexOf('\n')));
    if (!print(report))
        return ExitFailure;
    return summary.isSuccess() ? ExitOk : ExitFailure;
}

int runAudit(const SendJob &job)
{
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    AuditTarget target;
    target.url = job.request.url;
    for (const auto &[name, value] : job.request.headers) {
        if (name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            target.key = value;
    }
    if (job.timeoutMs > 0)
        target.timeoutMs = job.timeoutMs;
    EndpointAudit audit;
    QEventLoop loop;
    AuditReport report;
    QObject::connect(&audit, &EndpointAudit::checkStarted, &loop,
                     [&](int index, const QString &title) {
                         printError(Verb, QStringLiteral("check %1 of %2: %3")
                                              .arg(index + 1)
                                              .arg(EndpointAudit::checkCount())
                                              .arg(title));
                     });
    QObject::connect(&audit, &EndpointAudit::finished, &loop, [&](const AuditReport &result) {
        report = result;
        loop.quit();
    });
    StopOnSignal stop([&audit] { audit.cancel(); });
    if (!audit.start(target))
        return ExitFailure;
    if (audit.isRunning())
        loop.exec();
    if (!report.error.isEmpty())
        return usageError(Verb, report.error);
    SendRecord record = sendRecordOf(SendMode::Audit, job.request, startedAt);
    setAuditDetail(&record, report);
    keepInHistory(job, record, report.resultSentence().toUtf8());
    const QString text = job.report == QLatin1String("markdown") ? report.toMarkdown()
                         : job.report == QLatin1String("html")   ? report.toHtml()
                                                                 : report.toText();
    if (!print(text.toUtf8()))
        return ExitFailure;
    return report.passed() ? ExitOk : ExitFailure;
}

} // namespace

int runSend(const QStringList &args)
{
    VerbParser verb(
        Verb, QStringLiteral("send URL [options]"),
        QStringLiteral(
            "Send a test webhook to URL the way VWO does: POST, Content-Type: application/json,\n"
            "VWO's body with \"timestamp\" set to now on every attempt, and the x-vwo-auth key.\n"
            "With --retry vwo (the default), any answer but 200 and any network failure is\n"
            "retried every 1-2 s (uniform random) until a 200 or the end of --retry-for (1h).\n"
            "Each attempt prints one line, then the final answer (status, headers, body) and a\n"
            "summary. Ctrl-C stops retrying and prints the summary.\n\n"
            "The key comes from --key-file, the HOOKBENCH_KEY environment variable or --key\n"
            "(quick tests only: it shows in `ps`); without one, the primary key of the\n"
            "endpoint's key ring (see 'hookbench-cli keys'); else none is sent, and stderr\n"
            "says so. The key is never printed.\n\n"
            "--count N is load mode: N requests (no retries) over --concurrency connections,\n"
            "reporting throughput, latency percentiles, the status histogram and failures.\n\n"
            "--audit checks the endpoint with a battery of requests and prints each check's\n"
            "verdict and advice (--report text|markdown|html).\n\n"
            "Exit status: 0 when the final answer was 200 (with --count: every answer 2xx;\n"
            "with --audit: no check failed), 1 otherwise, 2 for usage errors.\n\n"
            "Every run is kept in the send history of the database (--db, default the GUI's)\n"
            "when that database exists, x-vwo-auth redacted; --no-history skips it."));
    const SendOptions o;
    for (const QCommandLineOption *option : o.all())
        verb.addOption(*option);
    if (const auto exitCode = verb.parseOrExit(args, true))
        return *exitCode;

    SendJob job;
    QStringList notes;
    if (const QString error = buildSendJob(verb.parser(), o, &job, &notes); !error.isEmpty())
        return usageError(Verb, error);
    for (const QString &note : std::as_const(notes))
        printError(Verb, note);

    std::signal(SIGPIPE, SIG_IGN); // a reader that went away is seen by flushStdout()
    // A Markdown or HTML report is a document of its own: nothing before it.
    const bool document = job.audit && job.report != QLatin1String("text");
    if (!document && !print(heading(job)))
        return ExitFailure;
    if (job.audit)
        return runAudit(job);
    return job.count > 0 ? runLoad(job) : runOnce(job);
}

} // namespace hookbench::cli
