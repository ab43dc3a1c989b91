#include "retrytestsupport.h"
#include "sender/retrysession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;

namespace {

RetryPlan planFor(const QUrl &url, RetryPolicy policy = RetryPolicy::Vwo)
{
    RetryPlan plan;
    plan.request.url = url;
    plan.request.headers = {{"Content-Type", "application/json"}};
    plan.request.body = VwoPayload::templateBody(0);
    plan.policy = policy;
    plan.timeoutMs = 10000;
    plan.progressIntervalMs = 0;
    return plan;
}

RetryOutcome runToEnd(RetrySession &session, const RetryPlan &plan)
{
    QSignalSpy finished(&session, &RetrySession::finished);
    if (!session.start(plan) || !finished.wait(30000))
        return {};
    return finished.first().first().value<RetryOutcome>();
}

qint64 timestampOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("timestamp")).toInteger(-1);
}

QList<int> statuses(const RetryOutcome &outcome)
{
    QList<int> list;
    for (const RetryAttempt &attempt : outcome.attempts)
        list.append(attempt.status);
    return list;
}

} // namespace

class TestRetrySession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failsThreeTimesThenSucceeds();
    void only200Counts();
    void policyNoneIsOneAttempt();
    void stopsAtWindowEnd();
    void zeroWindowIsOneAttempt();
    void networkFailuresAreRetried();
    void cancelWhileWaiting();
    void cancelDuringAttempt();
    void refusedPlan();
    void progress();
    void userPayloadKeepsItsBytes();
    void realClockRetries();
    void realClockWaitsAreUniform();
};

void TestRetrySession::failsThreeTimesThenSucceeds()
{
    // 500, then refused (the listener is closed), then 503, then 200.
    ScriptServer server({500, 503, 200});
    FakeClock clock;
    clock.waits = {1500, 1999, 1000};
    RetrySession session(&clock);
    server.onRequest = [&](int number) {
        if (number == 1)
            server.close(); // the next attempt is refused
    };
    connect(&session, &RetrySession::attemptFinished, this, [&](const RetryAttempt &attempt) {
        if (attempt.number == 2)
            QVERIFY(server.relisten());
    });
    const RetryOutcome outcome = runToEnd(session, planFor(server.url()));

    QCOMPARE(outcome.end, RetryOutcome::End::Succeeded);
    QVERIFY(outcome.isSuccess());
    QCOMPARE(statuses(outcome), (QList<int>{500, 0, 503, 200}));
    QCOMPARE(outcome.attempts.at(1).failure, SendFailure::ConnectionRefused);
    QCOMPARE(outcome.attempts.at(1).outcome(),
             QStringLiteral("connection refused by 127.0.0.1:%1 (nothing is listening there)")
                 .arg(server.port));
    QCOMPARE(outcome.attempts.at(0).outcome(), QStringLiteral("500 Internal Server Error"));
    QCOMPARE(outcome.last.status, 200);
    QCOMPARE(outcome.last.body, QByteArray("{\"status\":200}"));

    // Three waits, each drawn from [1000, 2000] and waited exactly.
    QCOMPARE(clock.drawnRanges, (QList<QPair<int, int>>(3, {1000, 2000})));
    QCOMPARE(clock.scheduledDelays, (QList<qint64>{1500, 1999, 1000}));
    const QList<qint64> starts{0, 1500, 3499, 4499};
    for (int i = 0; i < 4; ++i) {
        const RetryAttempt &attempt = outcome.attempts.at(i);
        QCOMPARE(attempt.number, i + 1);
        QCOMPARE(attempt.startedAfterMs, starts.at(i));
        QCOMPARE(attempt.startedAt.toMSecsSinceEpoch(), WallBaseMs + starts.at(i));
        QCOMPARE(attempt.waitAfterMs, i < 3 ? starts.at(i + 1) - starts.at(i) : -1);
        // The timestamp is the clock's "now" of that attempt, in seconds.
        QCOMPARE(attempt.timestamp, (WallBaseMs + starts.at(i)) / 1000);
    }
    QCOMPARE(outcome.elapsedMs, 4499);
    // What the server got: three requests (the refused one never arrived), fresh timestamps.
    QCOMPARE(server.bodies.size(), 3);
    QCOMPARE(timestampOf(server.bodies.at(0)), outcome.attempts.at(0).timestamp);
    QCOMPARE(timestampOf(server.bodies.at(1)), outcome.attempts.at(2).timestamp);
    QCOMPARE(timestampOf(server.bodies.at(2)), outcome.attempts.at(3).timestamp);
    QCOMPARE(server.bodies.at(2), VwoPayload::templateBody(outcome.attempts.at(3).timestamp));
}

void TestRetrySession::only200Counts()
{
    // VWO retries anything but 200: 201 and 204 are failures too.
    ScriptServer server({201, 204, 200});
    FakeClock clock;
    RetrySession session(&clock);
    const RetryOutcome outcome = runToEnd(session, planFor(server.url()));
    QCOMPARE(statuses(outcome), (QList<int>{201, 204, 200}));
    QCOMPARE(outcome.end, RetryOutcome::End::Succeeded);
}

void TestRetrySession::policyNoneIsOneAttempt()
{
    for (const int status : {201, 500}) {
        ScriptServer server({status, 200});
        FakeClock clock;
        RetrySession session(&clock);
        const RetryOutcome outcome = runToEnd(session, planFor(server.url(), RetryPolicy::None));
        QCOMPARE(outcome.end, RetryOutcome::End::NotRetried);
        QVERIFY(!outcome.isSuccess());
        QCOMPARE(statuses(outcome), QList<int>{status});
        QCOMPARE(outcome.attempts.first().waitAfterMs, -1);
        QVERIFY(clock.drawnRanges.isEmpty());
        QCOMPARE(clock.pending(), 0);
        QCOMPARE(server.bodies.size(), 1);
    }
    ScriptServer ok({200});
    FakeClock clock;
    RetrySession session(&clock);
    QVERIFY(runToEnd(session, planFor(ok.url(), RetryPolicy::None)).isSuccess());
}

void TestRetrySession::stopsAtWindowEnd()
{
    ScriptServer server({500});
    FakeClock clock; // every wait 1500 ms
    RetrySession session(&clock);
    RetryPlan plan = planFor(server.url());
    plan.windowMs = 5000;
    const RetryOutcome outcome = runToEnd(session, plan);
    // Attempts at 0, 1.5, 3 and 4.5 s; the next would start at 6 s, past the window.
    QCOMPARE(outcome.end, RetryOutcome::End::WindowExhausted);
    QCOMPARE(statuses(outcome), (QList<int>{500, 500, 500, 500}));
    QCOMPARE(outcome.attempts.last().startedAfterMs, 4500);
    QCOMPARE(outcome.attempts.last().waitAfterMs, -1);
    QCOMPARE(outcome.last.status, 500); // the last answer, with its body
    QCOMPARE(outcome.last.body, QByteArray("{\"status\":500}"));
    QCOMPARE(server.bodies.size(), 4);
    QCOMPARE(clock.pending(), 0);
}

void TestRetrySession::zeroWindowIsOneAttempt()
{
    ScriptServer server({500});
    FakeClock clock;
    RetrySession session(&clock);
    RetryPlan plan = planFor(server.url());
    plan.windowMs = 0;
    const RetryOutcome outcome = runToEnd(session, plan);
    QCOMPARE(outcome.end, RetryOutcome::End::WindowExhausted);
    QCOMPARE(outcome.attempts.size(), 1);
}

void TestRetrySession::networkFailuresAreRetried()
{
    // Closed without an answer, then a port nobody listens on.
    ScriptServer closing({0});
    FakeClock clock;
    clock.waits = {1000};
    RetrySession session(&clock);
    RetryPlan plan = planFor(closing.url());
    plan.windowMs = 2000;
    RetryOutcome outcome = runToEnd(session, plan);
    QCOMPARE(outcome.end, RetryOutcome::End::WindowExhausted);
    QCOMPARE(outcome.attempts.size(), 3); // at 0, 1 and 2 s
    for (const RetryAttempt &attempt : outcome.attempts)
        QCOMPARE(attempt.failure, SendFailure::ConnectionClosed);
    QCOMPARE(outcome.last.status, 0);
    QVERIFY(!outcome.last.error.isEmpty());

    const quint16 port = closing.port;
    closing.close();
    plan.request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
    outcome = runToEnd(session, plan);
    QCOMPARE(outcome.end, RetryOutcome::End::WindowExhausted);
    QCOMPARE(outcome.attempts.size(), 3);
    for (const RetryAttempt &attempt : outcome.attempts)
        QCOMPARE(attempt.failure, SendFailure::ConnectionRefused);
}

void TestRetrySession::cancelWhileWaiting()
{
    ScriptServer server({500});
    FakeClock clock;
    clock.autoRun = false;
    RetrySession session(&clock);
    QSignalSpy attempts(&session, &RetrySession::attemptFinished);
    QSignalSpy finished(&session, &RetrySession::finished);
    QVERIFY(session.start(planFor(server.url())));
    QVERIFY(attempts.wait(10000));
    QCOMPARE(clock.pending(), 1); // the next attempt, 1.5 s away
    session.cancel();
    QCOMPARE(finished.size(), 1); // before cancel() returned
    const auto outcome = finished.first().first().value<RetryOutcome>();
    QCOMPARE(outcome.end, RetryOutcome::End::Cancelled);
    QCOMPARE(statuses(outcome), QList<int>{500});
    QCOMPARE(outcome.last.status, 500); // the last answer stays
    QCOMPARE(clock.pending(), 0);
    QVERIFY(!clock.runNext());
    QTest::qWait(50);
    QCOMPARE(server.bodies.size(), 1);
    QVERIFY(!session.isRunning());
}

void TestRetrySession::cancelDuringAttempt()
{
    ScriptServer silent({-1}); // reads, never answers
    FakeClock clock;
    RetrySession session(&clock);
    QSignalSpy finished(&session, &RetrySession::finished);
    QVERIFY(session.start(planFor(silent.url())));
    QTRY_COMPARE_WITH_TIMEOUT(silent.bodies.size(), 1, 10000);
    session.cancel();
    QCOMPARE(finished.size(), 1);
    const auto outcome = finished.first().first().value<RetryOutcome>();
    QCOMPARE(outcome.end, RetryOutcome::End::Cancelled);
    QCOMPARE(outcome.attempts.size(), 1);
    QCOMPARE(outcome.attempts.first().failure, SendFailure::Cancelled);
    QCOMPARE(outcome.last.failure, SendFailure::Cancelled);
    QVERIFY(clock.drawnRanges.isEmpty());
}

void TestRetrySession::refusedPlan()
{
    FakeClock clock;
    RetrySession session(&clock);
    QSignalSpy finished(&session, &RetrySession::finished);
    RetryPlan plan = planFor(QUrl(QStringLiteral("ftp://127.0.0.1/")));
    QVERIFY(session.start(plan));
    QCOMPARE(finished.size(), 0); // from the event loop
    QVERIFY(finished.wait(5000));
    auto outcome = finished.first().first().value<RetryOutcome>();
    QCOMPARE(outcome.end, RetryOutcome::End::Invalid);
    QCOMPARE(outcome.error, QStringLiteral("URL: scheme must be http or https"));
    QVERIFY(outcome.attempts.isEmpty());

    plan = planFor(QUrl(QStringLiteral("http://127.0.0.1/")));
    plan.maxWaitMs = 10;
    QVERIFY(session.start(plan));
    QVERIFY(finished.wait(5000));
    outcome = finished.last().first().value<RetryOutcome>();
    QCOMPARE(outcome.end, RetryOutcome::End::Invalid);
    QVERIFY(outcome.error.startsWith(QLatin1String("Wait between attempts")));
}

void TestRetrySession::progress()
{
    ScriptServer server({500, 200});
    FakeClock clock;
    clock.waits = {1200};
    RetrySession session(&clock);
    QSignalSpy progressed(&session, &RetrySession::progressed);
    QSignalSpy started(&session, &RetrySession::attemptStarted);
    QVERIFY(runToEnd(session, planFor(server.url())).isSuccess());
    // attempt 1 sending; waiting 1.2 s after attempt 1; attempt 2 sending at 1.2 s.
    QCOMPARE(progressed.size(), 3);
    const QList<QVariantList> expected{
        {1, qint64(0), qint64(-1)}, {1, qint64(0), qint64(1200)}, {2, qint64(1200), qint64(-1)}};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(progressed.at(i), expected.at(i));
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(1).toLongLong(), (WallBaseMs + 1200) / 1000);
}

void TestRetrySession::userPayloadKeepsItsBytes()
{
    ScriptServer server({200});
    FakeClock clock;
    RetrySession session(&clock);
    RetryPlan plan = planFor(server.url());
    plan.request.body = "{ \"timestamp\" : 1, \"note\" : \"as written\" }";
    QVERIFY(runToEnd(session, plan).isSuccess());
    QCOMPARE(server.bodies.constLast(),
             QByteArray("{ \"timestamp\" : 1700000000, \"note\" : \"as written\" }"));

    plan.refreshTimestamp = false;
    const RetryOutcome outcome = runToEnd(session, plan);
    QCOMPARE(server.bodies.constLast(), plan.request.body);
    QCOMPARE(outcome.attempts.first().timestamp, -1);
}

void TestRetrySession::realClockRetries()
{
    ScriptServer server({500, 200});
    RetrySession session; // the system clock
    RetryPlan plan = planFor(server.url());
    plan.minWaitMs = 20;
    plan.maxWaitMs = 40;
    plan.progressIntervalMs = 5;
    QSignalSpy progressed(&session, &RetrySession::progressed);
    const RetryOutcome outcome = runToEnd(session, plan);
    QCOMPARE(outcome.end, RetryOutcome::End::Succeeded);
    QCOMPARE(outcome.attempts.size(), 2);
    const qint64 wait = outcome.attempts.first().waitAfterMs;
    QVERIFY2(wait >= 20 && wait <= 40, qPrintable(QString::number(wait)));
    // No upper bound: a loaded machine may be late, never early.
    QVERIFY(outcome.attempts.at(1).startedAfterMs >= wait);
    QVERIFY(!progressed.isEmpty());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(qAbs(timestampOf(server.bodies.constLast()) - now) <= 5);
}

void TestRetrySession::realClockWaitsAreUniform()
{
    SystemRetryClock clock;
    int low = 2000, high = 1000;
    for (int i = 0; i < 2000; ++i) {
        const int wait = clock.randomWaitMs(1000, 2000);
        QVERIFY(wait >= 1000 && wait <= 2000);
        low = qMin(low, wait);
        high = qMax(high, wait);
    }
    // 2000 uniform draws: missing the outer tenth on either side has odds of 0.9^2000.
    QVERIFY(low < 1100);
    QVERIFY(high > 1900);
}

QTEST_GUILESS_MAIN(TestRetrySession)
#include "tst_retrysession.moc"
