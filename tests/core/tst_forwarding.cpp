#include "auth/keyringverifier.h"
#include "events/eventstore.h"
#include "eventstoresupport.h"
#include "export/harexport.h"
#include "forwardtestapp.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace storetest;
using forwardtest::ForwardApp;

// Issue 8: an endpoint passes each webhook it accepts on to a forward URL (the user's app, here a
// loopback server of the test's own), records the app's answer on the event, and in follow mode
// answers VWO with it.
class TestForwarding : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }

    bool start(const ForwardTarget &forward, std::shared_ptr<const KeyVerifier> verifier = {},
               const ResponseOverride &response = {})
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = dbPath();
        config.forward = forward;
        config.verifier = std::move(verifier);
        config.response = response;
        m_service = std::make_unique<ReceiverService>();
        m_forwarded =
            std::make_unique<QSignalSpy>(m_service.get(), &ReceiverService::eventForwarded);
        return m_service->start(config);
    }
    static ForwardTarget target(const QUrl &url, bool follow, int timeoutMs = 5000)
    {
        ForwardTarget forward;
        forward.url = url;
        forward.followAnswer = follow;
        forward.timeoutMs = timeoutMs;
        return forward;
    }
    // The next eventForwarded(), or id 0 when none came.
    QPair<qint64, ForwardResult> nextForwarded()
    {
        if (m_forwarded->isEmpty() && !m_forwarded->wait(10000))
            return {};
        const QList<QVariant> arguments = m_forwarded->takeFirst();
        return {arguments.at(0).toLongLong(), arguments.at(1).value<ForwardResult>()};
    }
    Event stored(qint64 id)
    {
        EventStore store; // a second connection: WAL lets it read while the service writes
        if (!store.open(dbPath()).isEmpty())
            return {};
        for (const Event &event : store.latest(0)) {
            if (event.id == id)
                return event;
        }
        return {};
    }
    static qint64 idFrom(const RawResponse &response)
    {
        return QJsonDocument::fromJson(response.body)
            .object()
            .value(QStringLiteral("id"))
            .toInteger();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;
    std::unique_ptr<QSignalSpy> m_forwarded;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup()
    {
        m_forwarded.reset();
        m_service.reset();
    }

    // Own answer: VWO gets our 200 at once, while the app still holds its answer; the app's
    // answer is recorded on the event when it comes.
    void ownAnswerIsImmediateAndAppAnswerRecorded()
    {
        ForwardApp app;
        app.setMode(ForwardApp::Mode::Hold);
        app.setAnswer(201, "application/json", "{\"created\":true}");
        QVERIFY(start(target(app.url(), false)));

        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(1)));
        const RawResponse ours = vwo.read();
        QCOMPARE(ours.status, 200);
        const qint64 id = idFrom(ours);
        QVERIFY(id > 0);
        QTRY_COMPARE(app.requests().size(), 1); // it has the webhook, and holds its answer
        QCOMPARE(app.answered(), 0);
        QCOMPARE(stored(id).forwardState, ForwardState::Pending);
        QCOMPARE(stored(id).forward.url, app.url().toString());

        app.release();
        const auto [forwardedId, result] = nextForwarded();
        QCOMPARE(forwardedId, id);
        QCOMPARE(result.status, 201);
        QCOMPARE(result.body, QByteArray("{\"created\":true}"));
        QVERIFY(result.error.isEmpty());
        QVERIFY(!result.followed);
        QCOMPARE(result.answeredStatus, 200);
        QCOMPARE(result.url, app.url().toString());
        QVERIFY(result.elapsedMs >= 0);

        const Event event = stored(id);
        QCOMPARE(event.forwardState, ForwardState::Done);
        QCOMPARE(event.status, 200); // ours, as VWO got it
        QCOMPARE(event.forward, result);
    }

    // The override still plays our receiver in own-answer mode; the webhook goes on regardless.
    void ownAnswerKeepsOverride()
    {
        ForwardApp app;
        ResponseOverride response;
        response.status = 503;
        QVERIFY(start(target(app.url(), false), {}, response));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(2)));
        QCOMPARE(vwo.read().status, 503);
        const auto [id, result] = nextForwarded();
        QVERIFY(id > 0);
        QCOMPARE(result.status, 200);
        QCOMPARE(result.answeredStatus, 503);
        QCOMPARE(stored(id).status, 503);
    }

    void followCopiesAppAnswer_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("500") << 500 << QByteArray("text/plain") << QByteArray("boom");
        QTest::addRow("201") << 201 << QByteArray("application/json")
                             << QByteArray("{\"created\":1}");
    }
    void followCopiesAppAnswer()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        ForwardApp app;
        app.setAnswer(status, contentType, body);
        ResponseOverride ignored; // follow mode: the app answers, not the override
        ignored.status = 418;
        ignored.body = "override";
        QVERIFY(start(target(app.url(), true), {}, ignored));

        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(3)));
        const RawResponse answer = vwo.read();
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.body, body);
        QCOMPARE(answer.header("Content-Type"), contentType);
        QVERIFY(answer.header("X-App").isEmpty()); // only Content-Type is copied

        const auto [id, result] = nextForwarded();
        QVERIFY(id > 0);
        QVERIFY(result.followed);
        QCOMPARE(result.status, status);
        QCOMPARE(result.answeredStatus, status);
        const Event event = stored(id);
        QCOMPARE(event.status, status); // the status column is what VWO got
        QCOMPARE(event.forward.status, status);
        QCOMPARE(event.forward.body, body);
    }

    void followAnswers502WhenRefused()
    {
        QUrl url = QUrl(QStringLiteral("http://127.0.0.1/hook"));
        const quint16 closed = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        QVERIFY(closed != 0);
        url.setPort(closed);
        QVERIFY(start(target(url, true)));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(4)));
        const RawResponse answer = vwo.read();
        QCOMPARE(answer.status, 502);
        const QString error =
            QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toString();
        QVERIFY2(
            error.startsWith(
                QStringLiteral("forward to %1 failed: connection refused").arg(url.toString())),
            qPrintable(error));

        const auto [id, result] = nextForwarded();
        QCOMPARE(result.status, 0);
        QVERIFY2(result.error.contains(QStringLiteral("connection refused")),
                 qPrintable(result.error));
        QCOMPARE(result.answeredStatus, 502);
        QCOMPARE(stored(id).status, 502);
        QCOMPARE(stored(id).forward.error, result.error);
    }

    void followAnswers502OnTimeout()
    {
        ForwardApp app;
        app.setMode(ForwardApp::Mode::Silent);
        QVERIFY(start(target(app.url(), true, 300)));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(5)));
        const RawResponse answer = vwo.read(10000);
        QCOMPARE(answer.status, 502);
        QVERIFY2(answer.body.contains("no answer within 300 ms"), answer.body.constData());
        const auto [id, result] = nextForwarded();
        QCOMPARE(result.error, QStringLiteral("no answer within 300 ms"));
        QVERIFY(result.elapsedMs >= 300);
        QCOMPARE(stored(id).status, 502);
        QCOMPARE(app.requests().size(), 1);
    }

    void followPassesAtMostTheKeptBody()
    {
        ForwardApp app;
        app.setAnswer(200, "text/plain", QByteArray(ForwardResult::MaxBodyBytes + 5000, 'a'));
        QVERIFY(start(target(app.url(), true)));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(6)));
        const RawResponse answer = vwo.read();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.body.size(), ForwardResult::MaxBodyBytes);
        const auto [id, result] = nextForwarded();
        QVERIFY(result.bodyTruncated);
        QCOMPARE(stored(id).forward.bodyTruncated, true);
        QCOMPARE(stored(id).forward.body.size(), ForwardResult::MaxBodyBytes);
    }

    // Refused and invalid requests are ours alone: only accepted webhooks reach the app.
    void onlyAcceptedWebhooksAreForwarded()
    {
        ForwardApp app;
        auto verifier = std::make_shared<KeyRingVerifier>();
        verifier->setKeys(true, {{QStringLiteral("key-a"), "secret-a", {}}});
        QVERIFY(start(target(app.url(), true), verifier));
        RawHttpClient vwo(m_service->port());
        const QPair<QByteArray, QByteArray> key{"x-vwo-auth", "secret-a"};
        const QList<QPair<QByteArray, int>> refused = {
            {RawHttpClient::post("/vwo-webhook", "{\"not\":\"vwo\"}", {key}), 400},
            {RawHttpClient::post("/vwo-webhook", vwoPayload(7), {{"x-vwo-auth", "wrong"}}), 401},
            {RawHttpClient::post("/vwo-webhook", vwoPayload(8)), 401},
            {RawHttpClient::post("/elsewhere", vwoPayload(9), {key}), 404},
            {"GET /vwo-webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nx-vwo-auth: secret-a\r\n\r\n", 405},
        };
        for (const auto &[request, status] : refused) {
            vwo.send(request);
            QCOMPARE(vwo.read().status, status);
        }
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(10), {key}));
        QCOMPARE(vwo.read().status, 200);
        const auto [id, result] = nextForwarded();
        QCOMPARE(app.requests().size(), 1);
        QCOMPARE(app.requests().first().header("X-Hookbench-Event-Id"), QByteArray::number(id));
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        const QList<Event> events = store.latest(0);
        QCOMPARE(events.size(), 6);
        for (const Event &event : events)
            QCOMPARE(event.forwardState, event.id == id ? ForwardState::Done : ForwardState::None);
        QCOMPARE(m_forwarded->size(), 0);
    }

    // The app gets the request as VWO sent it: x-vwo-auth unredacted (the store keeps only a
    // fingerprint), hop-by-hop headers dropped, X-Forwarded-For and the event id added.
    void forwardsTheRequestAsSent()
    {
        ForwardApp app;
        auto verifier = std::make_shared<KeyRingVerifier>();
        verifier->setKeys(true, {{QStringLiteral("key-a"), "secret-a", {}}});
        QVERIFY(start(target(app.url(QStringLiteral("/app/hook")), false), verifier));
        RawHttpClient vwo(m_service->port());
        const QByteArray body = vwoPayload(11);
        vwo.send(RawHttpClient::post("/vwo-webhook?from=vwo", body,
                                     {{"x-vwo-auth", "secret-a"},
                                      {"User-Agent", "VWO-Webhook/1"},
                                      {"X-Forwarded-For", "203.0.113.9"},
                                      {"Connection", "keep-alive, X-Hop"},
                                      {"X-Hop", "drop me"},
                                      {"X-Custom", "kept"}}));
        const qint64 id = idFrom(vwo.read());
        QVERIFY(id > 0);
        QCOMPARE(nextForwarded().first, id);

        const forwardtest::AppRequest request = app.requests().value(0);
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/app/hook"));
        QCOMPARE(request.body, body);
        QCOMPARE(request.header("x-vwo-auth"), QByteArray("secret-a"));
        QCOMPARE(request.header("User-Agent"), QByteArray("VWO-Webhook/1"));
        QCOMPARE(request.header("X-Custom"), QByteArray("kept"));
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(request.header("X-Forwarded-For"), QByteArray("203.0.113.9, 127.0.0.1"));
        QCOMPARE(request.header("X-Hookbench-Event-Id"), QByteArray::number(id));
        QCOMPARE(request.header("Host"), "127.0.0.1:" + QByteArray::number(app.port()));
        QCOMPARE(request.count("Host"), 1);
        QCOMPARE(request.count("Content-Length"), 1);
        QCOMPARE(request.count("X-Hop"), 0);

        const QByteArray storedKey = stored(id).headerValue("x-vwo-auth");
        QVERIFY2(storedKey.startsWith("[redacted"), storedKey.constData());
    }

    // Forward fields survive a reopen and appear in the exports only for forwarded events.
    void forwardSurvivesReopenAndExports()
    {
        ForwardApp app;
        app.setAnswer(202, "application/json", "{\"queued\":true}");
        QVERIFY(start(target(app.url(), false)));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(12)));
        QCOMPARE(vwo.read().status, 200);
        const auto [id, result] = nextForwarded();
        m_service->stop();

        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        const Event event = store.latest(1).value(0);
        QCOMPARE(event.id, id);
        QCOMPARE(event.forwardState, ForwardState::Done);
        QCOMPARE(event.forward, result);

        const QJsonObject line = QJsonDocument::fromJson(event.toJsonLine()).object();
        const QJsonObject forward = line.value(QStringLiteral("forward")).toObject();
        QCOMPARE(forward.value(QStringLiteral("url")).toString(), app.url().toString());
        QCOMPARE(forward.value(QStringLiteral("follow")).toBool(true), false);
        QCOMPARE(forward.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(forward.value(QStringLiteral("status")).toInt(), 202);
        QCOMPARE(forward.value(QStringLiteral("body")).toString(),
                 QStringLiteral("{\"queued\":true}"));

        const QJsonObject har = HarWriter().entryObject(event);
        const QJsonObject harForward = har.value(QStringLiteral("_hookbench"))
                                           .toObject()
                                           .value(QStringLiteral("forward"))
                                           .toObject();
        QCOMPARE(harForward.value(QStringLiteral("status")).toInt(), 202);
        QCOMPARE(harForward.value(QStringLiteral("content"))
                     .toObject()
                     .value(QStringLiteral("text"))
                     .toString(),
                 QStringLiteral("{\"queued\":true}"));

        Event plain = makeEvent(1); // not forwarded: neither export mentions forwarding
        QVERIFY(!plain.toJsonLine().contains("\"forward\""));
        QVERIFY(!HarWriter()
                     .entryObject(plain)
                     .value(QStringLiteral("_hookbench"))
                     .toObject()
                     .contains(QStringLiteral("forward")));
    }

    // Stopping does not wait for a slow app beyond the shutdown grace, and says why on the event.
    void stopRecordsForwardsCutShort()
    {
        ForwardApp app;
        app.setMode(ForwardApp::Mode::Hold);
        QVERIFY(start(target(app.url(), false, 60000)));
        RawHttpClient vwo(m_service->port());
        vwo.send(RawHttpClient::post("/vwo-webhook", vwoPayload(13)));
        const qint64 id = idFrom(vwo.read());
        QVERIFY(id > 0);
        QTRY_COMPARE(app.requests().size(), 1);
        m_service->stop(); // waits its grace for the app, then gives up on it
        const Event event = stored(id);
        QCOMPARE(event.forwardState, ForwardState::Done);
        QCOMPARE(event.forward.status, 0);
        QCOMPARE(event.forward.error, QStringLiteral("Hookbench stopped before the app answered"));
        QCOMPARE(event.status, 200);
    }
};

QTEST_GUILESS_MAIN(TestForwarding)
#include "tst_forwarding.moc"
