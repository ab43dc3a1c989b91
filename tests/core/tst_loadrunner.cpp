#include "loadtestservers.h"
#include "receiver/receiverservice.h"
#include "sender/loadrunner.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray Payload =
    QByteArrayLiteral(R"({"timestamp": 1606482285, "event": "settings_changed"})");

LoadPlan planFor(const QUrl &url, int count, int concurrency)
{
    LoadPlan plan;
    plan.request = {
        "POST", url, {{"Content-Type", "application/json"}, {"x-vwo-auth", "k"}}, Payload};
    plan.count = count;
    plan.concurrency = concurrency;
    plan.timeoutMs = 10000;
    return plan;
}

// Runs the plan to the end; the last progress report lands in *lastProgress.
LoadSummary run(const LoadPlan &plan, QPair<int, int> *lastProgress = nullptr)
{
    LoadRunner runner;
    QSignalSpy finished(&runner, &LoadRunner::finished);
    QSignalSpy progressed(&runner, &LoadRunner::progressed);
    if (!runner.start(plan) || !finished.wait(60000))
        return {};
    if (lastProgress && !progressed.isEmpty())
        *lastProgress = {progressed.last().at(0).toInt(), progressed.last().at(1).toInt()};
    return finished.first().first().value<LoadSummary>();
}

QString failures(const LoadSummary &summary)
{
    QStringList texts;
    for (auto it = summary.failureCounts.cbegin(); it != summary.failureCounts.cend(); ++it)
        texts << QStringLiteral("%1 x %2").arg(it.value()).arg(it.key());
    return texts.join(QLatin1String("; "));
}

} // namespace

class TestLoadRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactCounts_data();
    void exactCounts();
    void headersAsGiven();
    void statusHistogram();
    void answerFraming_data();
    void answerFraming();
    void connectionRefused();
    void hostNotFound();
    void tlsHandshakeFails();
    void closedWithoutAnswer();
    void timesOut();
    void badPlan_data();
    void badPlan();
    void fixedRateIsNotExceeded();
    void cancelStopsPromptly();
    void cancelMidRunSendsNoMore();
};

Q_DECLARE_METATYPE(hookbench::LoadPlan)

void TestLoadRunner::exactCounts_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("concurrency");
    QTest::addRow("1 x 1") << 1 << 1;
    QTest::addRow("1 x 8") << 1 << 8;
    QTest::addRow("10 x 1") << 10 << 1;
    QTest::addRow("50 x 7") << 50 << 7;
    QTest::addRow("5 x 20 (more connections than requests)") << 5 << 20;
    QTest::addRow("2000 x 32") << 2000 << 32;
}

void TestLoadRunner::exactCounts()
{
    QFETCH(int, count);
    QFETCH(int, concurrency);
    CountingServer server;
    QPair<int, int> progress;
    const LoadSummary summary = run(planFor(server.url(), count, concurrency), &progress);
    QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
    QCOMPARE(summary.sent, count);
    QCOMPARE(summary.answered, count);
    QCOMPARE(summary.failed, 0);
    QCOMPARE(server.requests, count);
    QCOMPARE(server.connections, std::min(count, concurrency)); // kept alive, never more
    QCOMPARE(summary.statusCounts, (QMap<int, int>{{200, count}}));
    QCOMPARE(progress, qMakePair(count, count));
    QVERIFY(summary.isSuccess());
    QVERIFY(!summary.canceled);
    QVERIFY(summary.maxUs > 0);
    QVERIFY(summary.p50Us <= summary.p90Us && summary.p90Us <= summary.p99Us);
    QVERIFY(summary.p99Us <= summary.maxUs);
    QVERIFY(summary.elapsedSeconds > 0);
    QVERIFY(summary.requestsPerSecond > 0);
}

void TestLoadRunner::headersAsGiven()
{
    CountingServer server;
    LoadPlan plan = planFor(server.url(), 3, 2);
    plan.request.url.setQuery(QStringLiteral("env=prod"));
    plan.request.headers.emplaceBack("X-Trace-Id", "abc-123");
    QCOMPARE(run(plan).answered, 3);
    const auto header = [&server](QByteArrayView name) {
        for (const auto &[key, value] : server.lastHeaders) {
            if (name.compare(key, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };
    QCOMPARE(header("Host"),
             QByteArray("127.0.0.1:") + QByteArray::number(server.tcp->serverPort()));
    QCOMPARE(header("Content-Length"), QByteArray::number(Payload.size()));
    QCOMPARE(header("x-vwo-auth"), QByteArray("k"));
    QCOMPARE(header("X-Trace-Id"), QByteArray("abc-123"));
    QCOMPARE(server.lastBody, Payload);
}

void TestLoadRunner::statusHistogram()
{
    CountingServer server(3);
    const LoadSummary summary = run(planFor(server.url(), 30, 4));
    QCOMPARE(summary.statusCounts, (QMap<int, int>{{200, 20}, {500, 10}}));
    QCOMPARE(summary.answered, 30);
    QVERIFY(!summary.isSuccess());
}

void TestLoadRunner::answerFraming_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("serverCloses");
    QTest::addColumn<int>("connections");
    QTest::addRow("chunked, kept alive")
        << QByteArray("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5;x=1\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nT: 1\r\n\r\n")
        << false << 3;
    QTest::addRow("Connection: close")
        << QByteArray("HTTP/1.1 201 Created\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
        << true << 12;
    // The server ends each connection right after a keep-alive answer: a request sent on it
    // meanwhile goes again on a fresh connection instead of failing.
    QTest::addRow("server ends kept-alive connections")
        << QByteArray("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok") << true << 12;
    QTest::addRow("body ends with the close")
        << QByteArray("HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\n\r\nuntil the end")
        << true << 12;
}

void TestLoadRunner::answerFraming()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, serverCloses);
    QFETCH(int, connections);
    ScriptedServer server(answer, serverCloses ? ScriptedServer::CloseAfterAnswer
                                               : ScriptedServer::KeepOpen);
    const LoadSummary summary = run(planFor(server.url(), 12, 3));
    QVERIFY2(summary.failed == 0, qPrintable(failures(summary)));
    QCOMPARE(summary.statusCounts, (QMap<int, int>{{201, 12}}));
    QCOMPARE(server.requests, 12);
    QCOMPARE(server.connections, connections);
}

void TestLoadRunner::connectionRefused()
{
    const quint16 port = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
    const LoadSummary summary =
        run(planFor(QUrl(QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port)), 7, 3));
    QCOMPARE(summary.sent, 7);
    QCOMPARE(summary.answered, 0);
    QCOMPARE(summary.failed, 7);
    const QString text =
        QStringLiteral("connection refused by 127.0.0.1:%1 (nothing is listening there)").arg(port);
    QCOMPARE(summary.failureCounts, (QMap<QString, int>{{text, 7}}));
    QVERIFY(!summary.isSuccess());
}

void TestLoadRunner::hostNotFound()
{
    // .invalid never resolves (RFC 6761).
    const LoadSummary summary =
        run(planFor(QUrl(QStringLiteral("http://no-such-host.invalid/vwo-webhook")), 3, 2));
    QCOMPARE(summary.failureCounts,
             (QMap<QString, int>{{QStringLiteral("host no-such-host.invalid not found (DNS lookup "
                                                 "failed)"),
                                  3}}));
}

void TestLoadRunner::tlsHandshakeFails()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    CountingServer plain; // speaks plain HTTP to a TLS client hello
    const LoadSummary summary = run(planFor(plain.url(QStringLiteral("https")), 4, 2));
    QCOMPARE(summary.failed, 4);
    QCOMPARE(summary.failureCounts.size(), 1);
    const QString prefix =
        QStringLiteral("TLS handshake with 127.0.0.1:%1 failed: ").arg(plain.tcp->serverPort());
    QVERIFY2(summary.failureCounts.firstKey().startsWith(prefix), qPrintable(failures(summary)));
    QCOMPARE(plain.requests, 0);
}

void TestLoadRunner::closedWithoutAnswer()
{
    // Closes every connection in the middle of its answer.
    ScriptedServer closing("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial",
                           ScriptedServer::CloseAfterAnswer);
    const LoadSummary summary = run(planFor(closing.url(), 4, 2));
    const QString text = QStringLiteral("127.0.0.1:%1 closed the connection in the middle of an "
                                        "answer")
                             .arg(closing.serverPort());
    QCOMPARE(summary.failureCounts, (QMap<QString, int>{{text, 4}}));
}

void TestLoadRunner::timesOut()
{
    ScriptedServer silent(""); // reads every request, never answers
    LoadPlan plan = planFor(silent.url(), 4, 2);
    plan.timeoutMs = 200;
    const LoadSummary summary = run(plan);
    QCOMPARE(summary.failureCounts,
             (QMap<QString, int>{{QStringLiteral("timed out after 200 ms"), 4}}));
    QCOMPARE(silent.requests, 4);
    QVERIFY(summary.elapsedSeconds >= 0.4); // two rounds of 200 ms on two connections
}

void TestLoadRunner::badPlan_data()
{
    QTest::addColumn<LoadPlan>("plan");
    QTest::addColumn<QString>("error");
    const QUrl url(QStringLiteral("http://127.0.0.1:1/vwo-webhook"));
    LoadPlan plan = planFor(QUrl(QStringLiteral("ftp://127.0.0.1/x")), 5, 2);
    QTest::addRow("ftp URL") << plan << QStringLiteral("URL: scheme must be http or https");
    plan = planFor(url, 5, 2);
    plan.request.headers.emplaceBack("Content-Length", "3");
    QTest::addRow("sender header")
        << plan << QStringLiteral("header 3: Content-Length is set by the sender; remove it");
    plan = planFor(url, 0, 2);
    QTest::addRow("count 0") << plan << QStringLiteral("Count: must be at least 1");
    plan = planFor(url, 5, 0);
    QTest::addRow("concurrency 0")
        << plan << QStringLiteral("Concurrency: must be between 1 and 1000");
    plan = planFor(url, 5, 1001);
    QTest::addRow("concurrency 1001")
        << plan << QStringLiteral("Concurrency: must be between 1 and 1000");
    plan = planFor(url, 5, 2);
    plan.ratePerSecond = -1;
    QTest::addRow("negative rate")
        << plan << QStringLiteral("Rate: must be 0 (as fast as possible) or a positive number");
}

void TestLoadRunner::badPlan()
{
    QFETCH(LoadPlan, plan);
    QFETCH(QString, error);
    CountingServer server;
    plan.request.url.setPort(
        plan.request.url.scheme() == QLatin1String("http") ? server.tcp->serverPort() : -1);
    QCOMPARE(plan.validate(), error);
    LoadRunner runner;
    QSignalSpy finished(&runner, &LoadRunner::finished);
    QVERIFY(runner.start(plan));
    QCOMPARE(finished.size(), 0); // from the event loop, like every other outcome
    QVERIFY(finished.wait(5000));
    const auto summary = finished.first().first().value<LoadSummary>();
    QCOMPARE(summary.error, error);
    QCOMPARE(summary.sent, 0);
    QTest::qWait(50);
    QCOMPARE(server.connections, 0);
    QVERIFY(!runner.isRunning());
}

void TestLoadRunner::fixedRateIsNotExceeded()
{
    CountingServer server;
    LoadPlan plan = planFor(server.url(), 6, 4);
    plan.ratePerSecond = 25; // request i starts at i / 25 s: the 6th at 200 ms
    QElapsedTimer clock;
    clock.start();
    const LoadSummary summary = run(plan);
    QCOMPARE(summary.answered, 6);
    QVERIFY2(clock.elapsed() >= 200, QByteArray::number(clock.elapsed()).constData());
    QVERIFY(summary.elapsedSeconds >= 0.2);
}

void TestLoadRunner::cancelStopsPromptly()
{
    ScriptedServer silent("");
    LoadRunner runner;
    QSignalSpy finished(&runner, &LoadRunner::finished);
    QVERIFY(runner.start(planFor(silent.url(), 100, 4)));
    QVERIFY(!runner.start(planFor(silent.url(), 100, 4))); // one run at a time
    QTRY_COMPARE(silent.requests, 4);
    runner.cancel();
    QCOMPARE(finished.size(), 1); // before cancel() returned
    const auto summary = finished.first().first().value<LoadSummary>();
    QVERIFY(summary.canceled);
    QCOMPARE(summary.sent, 4);
    QCOMPARE(summary.failureCounts, (QMap<QString, int>{{QStringLiteral("cancelled"), 4}}));
    QVERIFY(!runner.isRunning());
    QVERIFY(!summary.isSuccess());
}

void TestLoadRunner::cancelMidRunSendsNoMore()
{
    CountingServer server;
    LoadRunner runner;
    QSignalSpy finished(&runner, &LoadRunner::finished);
    connect(&runner, &LoadRunner::progressed, &runner, [&runner] { runner.cancel(); });
    QVERIFY(runner.start(planFor(server.url(), 1000000, 8)));
    QVERIFY(finished.wait(30000));
    const auto summary = finished.first().first().value<LoadSummary>();
    QVERIFY(summary.canceled);
    QVERIFY(summary.sent < 1000000);
    QCOMPARE(summary.answered + summary.failed, summary.sent);
    QTest::qWait(200); // requests already on the wire may still arrive
    const int arrived = server.requests;
    QVERIFY(arrived <= summary.sent);
    QTest::qWait(200);
    QCOMPARE(server.requests, arrived);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestLoadRunner)
#include "tst_loadrunner.moc"
