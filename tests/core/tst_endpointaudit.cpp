#include "audittestservers.h"
#include "keyedreceiversupport.h"
#include "receiver/receiverservice.h"
#include "sender/endpointaudit.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hookbench;
using namespace hookbench::audittest;

namespace {

const AuditCheckResult *findCheck(const AuditReport &report, const QString &id)
{
    for (const AuditCheckResult &check : report.checks) {
        if (check.id == id)
            return &check;
    }
    return nullptr;
}

AuditVerdict verdictOf(const AuditReport &report, const QString &id)
{
    const AuditCheckResult *check = findCheck(report, id);
    return check ? check->verdict : AuditVerdict::Skipped;
}

QString adviceOf(const AuditReport &report, const QString &id)
{
    const AuditCheckResult *check = findCheck(report, id);
    return check ? check->advice : QString();
}

// Pipes that end Markdown table cells (not backslash-escaped).
int cellSeparators(const QString &line)
{
    int count = 0;
    for (qsizetype i = 0; i < line.size(); ++i)
        count += line.at(i) == QLatin1Char('|') && (i == 0 || line.at(i - 1) != QLatin1Char('\\'));
    return count;
}

} // namespace

class TestEndpointAudit : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;

    QUrl startReceiver(const ResponseOverride &response = {})
    {
        QString error;
        m_service = receivertest::startKeyedReceiver(
            m_dir->filePath(QStringLiteral("events.sqlite")), Key, response, &error);
        if (!m_service) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        return m_service->url();
    }

    // slowMs = timeoutMs: the timing check can only fail on a timeout, never warn on a busy
    // machine.
    static AuditTarget target(const QUrl &url, const QByteArray &key = Key)
    {
        AuditTarget target;
        target.url = url;
        target.key = key;
        target.slowMs = target.timeoutMs;
        return target;
    }

    // Runs an audit to its end; checks that every check was reported once, in order.
    static AuditReport run(const AuditTarget &target)
    {
        EndpointAudit audit;
        QSignalSpy checks(&audit, &EndpointAudit::checkFinished);
        QSignalSpy finished(&audit, &EndpointAudit::finished);
        if (!audit.start(target) || !finished.wait(120000))
            return {};
        const AuditReport report = finished.first().first().value<AuditReport>();
        if (checks.size() != EndpointAudit::checkCount() ||
            report.checks.size() != EndpointAudit::checkCount())
            return {};
        for (int i = 0; i < checks.size(); ++i) {
            if (checks.at(i).at(0).toInt() != i ||
                checks.at(i).at(1).value<AuditCheckResult>().id != report.checks.at(i).id)
                return {};
        }
        return report;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void wrongKeyKeepsLengthAndChangesEveryCharacter()
    {
        const QByteArray wrong = wrongKeyFor(Key);
        QCOMPARE(wrong.size(), Key.size());
        for (qsizetype i = 0; i < Key.size(); ++i)
            QVERIFY(wrong.at(i) != Key.at(i));
        QCOMPARE(wrongKeyFor("x-Z9"), QByteArray("kxM4"));
    }

    void ownReceiverPassesOwnAudit()
    {
        const QUrl url = startReceiver();
        const AuditReport report = run(target(url));
        QVERIFY(!report.checks.isEmpty());
        QVERIFY2(report.passed(), qPrintable(report.toText()));
        for (const AuditCheckResult &check : report.checks) {
            const AuditVerdict expected = check.kind == AuditCheckKind::OldTimestamp
                                              ? AuditVerdict::Info
                                              : AuditVerdict::Pass;
            QVERIFY2(check.verdict == expected,
                     qPrintable(check.id + QLatin1String(": ") + check.answerSummary()));
        }
        QCOMPARE(findCheck(report, QStringLiteral("valid-request"))->status, 200);
        QCOMPARE(findCheck(report, QStringLiteral("wrong-key"))->status, 401);
        QCOMPARE(findCheck(report, QStringLiteral("missing-header"))->status, 401);
        QCOMPARE(findCheck(report, QStringLiteral("malformed-json"))->status, 400);
        QCOMPARE(findCheck(report, QStringLiteral("empty-body"))->status, 400);
        QCOMPARE(findCheck(report, QStringLiteral("wrong-method"))->status, 405);
        QCOMPARE(findCheck(report, QStringLiteral("old-timestamp"))->status, 200);
        QCOMPARE(findCheck(report, QStringLiteral("oversize-body"))->status, 413);
        QVERIFY(report.resultSentence().startsWith(QLatin1String("Passed")));
    }

    void lenientReceiverFails()
    {
        TestServer server(lenient);
        const AuditReport report = run(target(server.url()));
        QVERIFY(!report.checks.isEmpty());
        QVERIFY(!report.passed());
        QCOMPARE(verdictOf(report, QStringLiteral("valid-request")), AuditVerdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("response-time")), AuditVerdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("wrong-key")), AuditVerdict::Fail);
        QVERIFY(adviceOf(report, QStringLiteral("wrong-key"))
                    .contains(QLatin1String("Accepts a wrong x-vwo-auth")));
        QCOMPARE(verdictOf(report, QStringLiteral("missing-header")), AuditVerdict::Fail);
        QVERIFY(adviceOf(report, QStringLiteral("missing-header"))
                    .contains(QStringLiteral("Accepts requests without x-vwo-auth — VWO's sample "
                                             "receivers do this")));
        QCOMPARE(verdictOf(report, QStringLiteral("malformed-json")), AuditVerdict::Warn);
        QCOMPARE(verdictOf(report, QStringLiteral("empty-body")), AuditVerdict::Warn);
        QCOMPARE(verdictOf(report, QStringLiteral("wrong-method")), AuditVerdict::Warn);
        QCOMPARE(verdictOf(report, QStringLiteral("old-timestamp")), AuditVerdict::Info);
        QCOMPARE(verdictOf(report, QStringLiteral("oversize-body")), AuditVerdict::Warn);
        QVERIFY(adviceOf(report, QStringLiteral("oversize-body"))
                    .contains(QLatin1String("Reads unbounded bodies")));
        QCOMPARE(report.count(AuditVerdict::Fail), 2);
        QVERIFY(report.resultSentence().startsWith(QLatin1String("Failed: 2 checks failed")));
        QCOMPARE(server.requests, 8); // the timing check sends nothing of its own
    }

    void sampleStyleReceiverFailsOnMissingHeader()
    {
        TestServer server(sampleStyle);
        const AuditReport report = run(target(server.url()));
        QVERIFY(!report.checks.isEmpty());
        QCOMPARE(verdictOf(report, QStringLiteral("wrong-key")), AuditVerdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("missing-header")), AuditVerdict::Fail);
        QVERIFY(adviceOf(report, QStringLiteral("missing-header"))
                    .contains(QLatin1String("VWO's sample receivers do this")));
        QVERIFY(!report.passed());
    }

    void strictReceiverPasses()
    {
        TestServer server(strict);
        const AuditReport report = run(target(server.url()));
        QVERIFY(!report.checks.isEmpty());
        QVERIFY2(report.passed(), qPrintable(report.toText()));
        QCOMPARE(report.count(AuditVerdict::Warn), 0);
        QCOMPARE(report.count(AuditVerdict::Fail), 0);
        QCOMPARE(report.count(AuditVerdict::Info), 1);
        QCOMPARE(findCheck(report, QStringLiteral("oversize-body"))->status, 413);
    }

    void slowReceiverWarns()
    {
        ResponseOverride slow;
        slow.delayMs = 400;
        const QUrl url = startReceiver(slow);
        AuditTarget slowTarget = target(url);
        slowTarget.slowMs = 200; // below the delay: a warning however fast the machine is
        const AuditReport report = run(slowTarget);
        QVERIFY(!report.checks.isEmpty());
        QCOMPARE(verdictOf(report, QStringLiteral("valid-request")), AuditVerdict::Pass);
        QCOMPARE(verdictOf(report, QStringLiteral("response-time")), AuditVerdict::Warn);
        QVERIFY(findCheck(report, QStringLiteral("response-time"))->elapsedMs >= 400);
        QVERIFY(adviceOf(report, QStringLiteral("response-time"))
                    .contains(QLatin1String("VWO does not document")));
        QVERIFY(report.passed()); // a warning does not fail the audit
    }

    void receiverThatTimesOutFails()
    {
        ResponseOverride stalled;
        stalled.delayMs = 1500;
        const QUrl url = startReceiver(stalled);
        AuditTarget shortTarget = target(url);
        shortTarget.timeoutMs = 300;
        shortTarget.slowMs = 100;
        const AuditReport report = run(shortTarget);
        QVERIFY(!report.checks.isEmpty());
        const AuditCheckResult *valid = findCheck(report, QStringLiteral("valid-request"));
        QCOMPARE(valid->verdict, AuditVerdict::Fail);
        QCOMPARE(valid->failure, SendFailure::Timeout);
        QCOMPARE(verdictOf(report, QStringLiteral("response-time")), AuditVerdict::Fail);
        QVERIFY(adviceOf(report, QStringLiteral("response-time"))
                    .contains(QLatin1String("No answer within 300 ms")));
        // Reachable but slow: the rest of the battery still ran.
        QVERIFY(findCheck(report, QStringLiteral("wrong-method"))->sent);
        QVERIFY(findCheck(report, QStringLiteral("oversize-body"))->sent);
        QVERIFY(!report.passed());
    }

    void unreachableTargetSkipsTheRest()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        const AuditReport report =
            run(target(QUrl(QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port))));
        QVERIFY(!report.checks.isEmpty());
        const AuditCheckResult &first = report.checks.first();
        QCOMPARE(first.verdict, AuditVerdict::Fail);
        QCOMPARE(first.failure, SendFailure::ConnectionRefused);
        QVERIFY(first.advice.contains(QLatin1String("connection refused")));
        for (qsizetype i = 1; i < report.checks.size(); ++i) {
            QCOMPARE(report.checks.at(i).verdict, AuditVerdict::Skipped);
            QVERIFY(!report.checks.at(i).sent);
            QVERIFY(report.checks.at(i).advice.contains(QLatin1String("could not be reached")));
        }
        QVERIFY(!report.passed());
        QVERIFY(report.toText().contains(QLatin1String("connection refused")));
    }

    void noKeySkipsAuthenticationChecks()
    {
        TestServer server(lenient);
        const AuditReport report = run(target(server.url(), QByteArray()));
        QVERIFY(!report.checks.isEmpty());
        QVERIFY(!report.keyGiven);
        QCOMPARE(verdictOf(report, QStringLiteral("wrong-key")), AuditVerdict::Skipped);
        QCOMPARE(verdictOf(report, QStringLiteral("missing-header")), AuditVerdict::Skipped);
        QVERIFY(adviceOf(report, QStringLiteral("wrong-key")).contains(QLatin1String("no key")));
        QCOMPARE(server.requests, 6);
        QVERIFY(report.toMarkdown().contains(QLatin1String("authentication was not checked")));
    }

    void invalidTargetSendsNothing()
    {
        TestServer server(lenient);
        AuditTarget bad = target(server.url());
        bad.timeoutMs = 0;
        const AuditReport report = run(bad);
        QVERIFY(!report.checks.isEmpty());
        QVERIFY(report.error.startsWith(QLatin1String("Timeout")));
        QCOMPARE(report.count(AuditVerdict::Skipped), EndpointAudit::checkCount());
        QCOMPARE(server.requests, 0);
        QVERIFY(!report.passed());

        AuditTarget ftp = target(QUrl(QStringLiteral("ftp://127.0.0.1/x")));
        const AuditReport refused = run(ftp);
        QCOMPARE(refused.checks.first().verdict, AuditVerdict::Fail);
        QVERIFY(refused.checks.first().advice.contains(QLatin1String("scheme must be http")));
        QCOMPARE(refused.count(AuditVerdict::Skipped), EndpointAudit::checkCount() - 1);
    }

    void exportsAreCompleteEscapedAndKeyFree()
    {
        TestServer server(hostile);
        QUrl url = server.url();
        url.setQuery(QStringLiteral("token=") + QString::fromLatin1(Key) +
                     QStringLiteral("&q=<img src=x onerror=alert(1)>|"));
        const AuditReport report = run(target(url));
        QVERIFY(!report.checks.isEmpty());
        QVERIFY(findCheck(report, QStringLiteral("valid-request"))
                    ->answerExcerpt.contains(QLatin1String("<script>")));

        const QString text = report.toText();
        const QString markdown = report.toMarkdown();
        const QString html = report.toHtml();
        for (const QString &out : {text, markdown, html}) {
            QVERIFY(!out.contains(QString::fromLatin1(Key)));
            QVERIFY(!out.contains(QString::fromLatin1(wrongKeyFor(Key))));
            QVERIFY2(out.contains(QLatin1String("REDACTED")), qPrintable(out));
        }
        for (const AuditCheckResult &check : report.checks) {
            QVERIFY2(markdown.contains(check.title), qPrintable(check.title));
            QVERIFY(markdown.contains(check.advice));
            QVERIFY(html.contains(check.title.toHtmlEscaped()));
            QVERIFY2(html.contains(check.advice.toHtmlEscaped()), qPrintable(check.advice));
            QVERIFY(text.contains(check.advice));
            const QString label = verdictName(check.verdict).toUpper();
            QVERIFY(markdown.contains(QStringLiteral("**%1**").arg(label)));
            QVERIFY(html.contains(QStringLiteral(">%1</span>").arg(label)));
        }

        // HTML: no markup from the answer or the URL survives.
        QVERIFY(!html.contains(QLatin1String("<script")));
        QVERIFY(!html.contains(QLatin1String("<img")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy")));
        QVERIFY(!html.contains(QLatin1String("http-equiv=\"refresh\"")));
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("(src|href)=\"https?:"))));

        // Markdown: no raw HTML, and each check is one table row of seven cells.
        QVERIFY(!markdown.contains(QRegularExpression(QStringLiteral("[^\\\\]<script"))));
        QVERIFY(markdown.contains(QLatin1String("\\<script\\>")));
        int rows = 0;
        for (const QString &line : markdown.split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1String("| ")))
                continue;
            ++rows;
            QCOMPARE(cellSeparators(line), 8);
        }
        QCOMPARE(rows, 1 + EndpointAudit::checkCount());
    }

    void cancelMidAudit()
    {
        ResponseOverride slow;
        slow.delayMs = 2000;
        const QUrl url = startReceiver(slow);
        EndpointAudit audit;
        QSignalSpy started(&audit, &EndpointAudit::checkStarted);
        QSignalSpy checks(&audit, &EndpointAudit::checkFinished);
        QSignalSpy finished(&audit, &EndpointAudit::finished);
        QVERIFY(audit.start(target(url)));
        QVERIFY(!audit.start(target(url))); // one audit at a time
        QVERIFY(started.wait(5000));
        audit.cancel();
        QCOMPARE(finished.size(), 1); // before cancel() returned
        QVERIFY(!audit.isRunning());
        const AuditReport report = finished.first().first().value<AuditReport>();
        QVERIFY(report.canceled);
        QVERIFY(!report.passed());
        QCOMPARE(report.checks.size(), EndpointAudit::checkCount());
        QCOMPARE(checks.size(), EndpointAudit::checkCount());
        QCOMPARE(report.count(AuditVerdict::Skipped), EndpointAudit::checkCount());
        QVERIFY(report.checks.first().advice.contains(QLatin1String("Cancelled")));
        QVERIFY(report.resultSentence().startsWith(QLatin1String("Cancelled after 0 of")));
        QTest::qWait(300);
        QCOMPARE(finished.size(), 1); // nothing late from the abandoned request
        QCOMPARE(checks.size(), EndpointAudit::checkCount());

        // The same object runs again.
        TestServer server(strict);
        QVERIFY(audit.start(target(server.url())));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.at(1).first().value<AuditReport>().passed());
    }
};

QTEST_GUILESS_MAIN(TestEndpointAudit)
#include "tst_endpointaudit.moc"
