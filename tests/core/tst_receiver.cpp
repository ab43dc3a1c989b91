#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

using namespace hookbench;

namespace {
const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
const QByteArray Path = QByteArrayLiteral("/vwo-webhook");
} // namespace

// The receiver end to end over real loopback sockets, with a real SQLite store.
class TestReceiver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void vwoRoute_data();
    void vwoRoute();
    void noKeysConfigured();
    void capturesEverything();
    void responseOverride();
    void responseBodyOverrideAlone();
    void delayedAnswerDoesNotStallOthers();
    void concurrentClients();
    void keepAlive();
    void pipelined();
    void oversizeDeclaredBody();
    void oversizeChunkedBody();
    void chunkedWithinLimit();
    void chunkFramingIsBounded();
    void expectContinue();
    void headTooLarge();
    void malformedRequest();
    void idleKeepAliveClosed();
    void slowHeadClosed();
    void evictsAtConnectionCap();
    void portInUse();
    void portZeroPicksFreePort();

private:
    bool start(ReceiverConfig config = {});
    QList<Event> waitForEvents(int count, int timeoutMs = 5000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;
    std::unique_ptr<QSignalSpy> m_spy;
    QList<Event> m_events;
};

void TestReceiver::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_events.clear();
}

void TestReceiver::cleanup()
{
    m_spy.reset();
    m_service.reset();
    m_dir.reset();
}

bool TestReceiver::start(ReceiverConfig config)
{
    config.port = 0;
    if (config.databasePath.isEmpty())
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
    m_service = std::make_unique<ReceiverService>();
    m_spy = std::make_unique<QSignalSpy>(m_service.get(), &ReceiverService::eventsCommitted);
    const bool ok = m_service->start(config);
    if (!ok)
        qWarning() << m_service->errorString();
    return ok;
}

QList<Event> TestReceiver::waitForEvents(int count, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (m_events.size() < count && timer.elapsed() < timeoutMs) {
        if (m_spy->isEmpty())
            m_spy->wait(50);
        while (!m_spy->isEmpty())
            m_events += m_spy->takeFirst().at(0).value<QList<Event>>();
    }
    return m_events;
}

void TestReceiver::vwoRoute_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("auth");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("error");

    using Headers = HeaderList;
    QTest::addRow("valid") << vwoPayload() << Headers{{"x-vwo-auth", Key}} << 200 << "ok" << true
                           << QString();
    QTest::addRow("header name case")
        << vwoPayload() << Headers{{"X-VWO-Auth", Key}} << 200 << "ok" << true << QString();
    QTest::addRow("wrong key") << vwoPayload() << Headers{{"x-vwo-auth", "nope"}} << 401 << "failed"
                               << true << "does not match";
    QTest::addRow("empty key") << vwoPayload() << Headers{{"x-vwo-auth", ""}} << 401 << "failed"
                               << true << "does not match";
    QTest::addRow("missing key") << vwoPayload() << Headers{} << 401 << "missing" << true
                                 << "missing";
    QTest::addRow("malformed json")
        << QByteArray("{\"timestamp\": 1,\n \"event\": }") << Headers{{"x-vwo-auth", Key}} << 400
        << "ok" << false << "line 2, column";
    QTest::addRow("wrong shape") << QByteArray("{\"timestamp\": \"soon\", \"event\": \"a\", "
                                               "\"action\": \"b\", \"triggered_by\": \"c\"}")
                                 << Headers{{"x-vwo-auth", Key}} << 400 << "ok" << false
                                 << "timestamp";
    QTest::addRow("empty body") << QByteArray() << Headers{{"x-vwo-auth", Key}} << 400 << "ok"
                                << false << "empty";
    QTest::addRow("unknown fields kept")
        << QByteArray("{\"timestamp\": 5, \"event\": \"a\", "
                      "\"action\": \"b\", \"triggered_by\": "
                      "\"vwo\", \"extra\": [1]}")
        << Headers{{"x-vwo-auth", Key}} << 200 << "ok" << true << QString();
}

void TestReceiver::vwoRoute()
{
    QFETCH(QByteArray, body);
    QFETCH(HeaderList, headers);
    QFETCH(int, status);
    QFETCH(QString, auth);
    QFETCH(bool, valid);
    QFETCH(QString, error);

    ReceiverConfig config;
    config.keys = {Key, QByteArrayLiteral("another-key-that-is-long")};
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, body, headers));
    const RawResponse response = client.read();
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("content-type"), QByteArray("application/json"));

    const QList<Event> events = waitForEvents(1);
    QCOMPARE(events.size(), 1);
    const Event &event = events.first();
    QVERIFY(event.id > 0);
    QCOMPARE(event.status, status);
    QCOMPARE(authOutcomeName(event.auth), auth);
    QCOMPARE(event.valid, valid);
    QCOMPARE(event.body, body);
    QCOMPARE(event.method, QByteArray("POST"));
    QCOMPARE(event.path, Path);
    QCOMPARE(event.endpoint, QStringLiteral("default"));
    QVERIFY2(error.isEmpty() ? event.error.isEmpty() : event.error.contains(error),
             qPrintable(event.error));
    if (status == 200) {
        QVERIFY(response.body.contains(QByteArray("\"id\":" + QByteArray::number(event.id))));
        QCOMPARE(event.keyId.size(), 12);
    } else {
        QVERIFY(response.body.contains("error"));
    }
}

void TestReceiver::noKeysConfigured()
{
    QVERIFY(start());
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, vwoPayload()));
    QCOMPARE(client.read().status, 200);
    QCOMPARE(waitForEvents(1).first().auth, AuthOutcome::NotRequired);
}

void TestReceiver::capturesEverything()
{
    ReceiverConfig config;
    config.keys = {Key};
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send("GET /vwo-webhook?probe=1 HTTP/1.1\r\nHost: a\r\nX-Custom: yes\r\n\r\n");
    const RawResponse wrongMethod = client.read();
    QCOMPARE(wrongMethod.status, 405);
    QCOMPARE(wrongMethod.header("allow"), QByteArray("POST"));
    client.send("PROPFIND /elsewhere/deep HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    QCOMPARE(client.read().status, 404);

    const QList<Event> events = waitForEvents(2);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].method, QByteArray("GET"));
    QCOMPARE(events[0].query, QByteArray("probe=1"));
    QCOMPARE(events[0].headerValue("x-custom"), QByteArray("yes"));
    QCOMPARE(events[0].remoteAddress, QStringLiteral("127.0.0.1"));
    QVERIFY(events[0].remotePort > 0);
    QVERIFY(events[0].size > 0);
    QVERIFY(events[0].receivedAt.isValid());
    QCOMPARE(events[1].method, QByteArray("PROPFIND"));
    QCOMPARE(events[1].path, QByteArray("/elsewhere/deep"));
    QCOMPARE(events[1].body, QByteArray("abc"));
    QCOMPARE(events[1].status, 404);
}

void TestReceiver::responseOverride()
{
    ReceiverConfig config;
    config.keys = {Key};
    config.response.status = 503;
    config.response.body = "down for maintenance";
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, vwoPayload(), {{"x-vwo-auth", Key}}));
    RawResponse response = client.read();
    QCOMPARE(response.status, 503);
    QCOMPARE(response.body, QByteArray("down for maintenance"));
    // A refused key stays refused: the override never turns it into a success.
    client.send(RawHttpClient::post(Path, vwoPayload(), {{"x-vwo-auth", "bad"}}));
    QCOMPARE(client.read().status, 401);
    QCOMPARE(waitForEvents(2).first().status, 503);
}

void TestReceiver::responseBodyOverrideAlone()
{
    // Only a body: it replaces the normal 200's body, never an error answer.
    ReceiverConfig config;
    config.response.body = "custom ok";
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, vwoPayload()));
    RawResponse response = client.read();
    QCOMPARE(response.status, 200);
    QCOMPARE(response.body, QByteArray("custom ok"));
    QVERIFY(response.header("content-type").startsWith("text/plain"));
    client.send(RawHttpClient::post(Path, "{"));
    response = client.read();
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.contains("malformed JSON"));
}

void TestReceiver::delayedAnswerDoesNotStallOthers()
{
    ReceiverConfig config;
    config.response.status = 200;
    config.response.delayMs = 3000;
    QVERIFY(start(config));
    RawHttpClient slow(m_service->port());
    slow.send(RawHttpClient::post(Path, vwoPayload()));
    QVERIFY(waitForEvents(1).size() == 1); // the slow request is in, its answer held back
    QElapsedTimer timer;
    timer.start();
    RawHttpClient other(m_service->port());
    other.send("GET /health HTTP/1.1\r\n\r\n");
    QCOMPARE(other.read().status, 404);
    // Ordering, not wall time: the other connection was answered while the slow one still waits.
    QCOMPARE(slow.socket().bytesAvailable(), 0);
    QVERIFY2(!slow.socket().waitForReadyRead(0), "the delayed answer came before the other one");
    QCOMPARE(slow.read(10000).status, 200);
    QVERIFY(timer.elapsed() >= 1000); // held back, not answered at once
}

void TestReceiver::concurrentClients()
{
    QVERIFY(start());
    constexpr int Clients = 16;
    constexpr int PerClient = 10;
    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < Clients; ++i)
        clients.push_back(std::make_unique<RawHttpClient>(m_service->port()));
    for (int round = 0; round < PerClient; ++round) {
        for (auto &client : clients)
            client->socket().write(RawHttpClient::post(Path, vwoPayload(round)));
        for (auto &client : clients) {
            client->socket().flush();
            QCOMPARE(client->read().status, 200);
        }
    }
    QCOMPARE(waitForEvents(Clients * PerClient).size(), Clients * PerClient);
}

void TestReceiver::keepAlive()
{
    QVERIFY(start());
    RawHttpClient client(m_service->port());
    for (int i = 0; i < 5; ++i) {
        client.send(RawHttpClient::post(Path, vwoPayload(i)));
        QCOMPARE(client.read().status, 200);
        QVERIFY(client.isConnected());
    }
    client.send("POST /vwo-webhook HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    const RawResponse last = client.read();
    QCOMPARE(last.status, 400);
    QCOMPARE(last.header("connection"), QByteArray("close"));
    QVERIFY(client.waitForClose(2000));
    QCOMPARE(m_service->gateStats().evictions, 0);
}

void TestReceiver::pipelined()
{
    QVERIFY(start());
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, vwoPayload(1)) + "GET /second HTTP/1.1\r\n\r\n" +
                RawHttpClient::post(Path, "not json"));
    QCOMPARE(client.read().status, 200);
    QCOMPARE(client.read().status, 404);
    QCOMPARE(client.read().status, 400);
    const QList<Event> events = waitForEvents(3);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[1].path, QByteArray("/second"));
    QVERIFY(events[0].id < events[1].id && events[1].id < events[2].id);
}

void TestReceiver::oversizeDeclaredBody()
{
    ReceiverConfig config;
    config.limits.maxBodyBytes = 64 * 1024;
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send("POST /vwo-webhook HTTP/1.1\r\nContent-Length: 10000000\r\n\r\n");
    // Keep sending like a client that does not read: the answer must still arrive.
    const QByteArray chunk(256 * 1024, 'x');
    for (int i = 0; i < 8 && client.isConnected(); ++i)
        client.socket().write(chunk);
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QCOMPARE(response.header("connection"), QByteArray("close"));
    QVERIFY(response.body.contains("10000000"));
    QVERIFY(m_service->gateStats().peakBufferedBytes <= config.limits.maxBodyBytes + 64 * 1024);
    const QList<Event> events = waitForEvents(1);
    QCOMPARE(events.first().status, 413);
    QVERIFY(events.first().body.isEmpty());
}

void TestReceiver::oversizeChunkedBody()
{
    ReceiverConfig config;
    config.limits.maxBodyBytes = 64 * 1024;
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send("POST /vwo-webhook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    const QByteArray chunk = "8000\r\n" + QByteArray(0x8000, 'y') + "\r\n";
    for (int i = 0; i < 4; ++i)
        client.socket().write(chunk);
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QVERIFY(m_service->gateStats().peakBufferedBytes <= config.limits.maxBodyBytes + 64 * 1024);
}

void TestReceiver::chunkedWithinLimit()
{
    QVERIFY(start());
    const QByteArray payload = vwoPayload(7);
    RawHttpClient client(m_service->port());
    client.send("POST /vwo-webhook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
                QByteArray::number(10, 16) + "\r\n" + payload.left(10) + "\r\n" +
                QByteArray::number(payload.size() - 10, 16) + "\r\n" + payload.mid(10) +
                "\r\n0\r\n\r\n");
    QCOMPARE(client.read().status, 200);
    QCOMPARE(waitForEvents(1).first().body, payload);
}

void TestReceiver::chunkFramingIsBounded()
{
    // 1-byte chunks: the decoded body stays small but the framing does not.
    ReceiverConfig config;
    config.limits.maxBodyBytes = 64 * 1024;
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    QByteArray chunks;
    for (int i = 0; i < 40000; ++i)
        chunks += "1\r\nz\r\n";
    client.send("POST /vwo-webhook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    client.socket().write(chunks);
    const RawResponse response = client.read();
    QCOMPARE(response.status, 413);
    QVERIFY(response.body.contains("framing"));
    QVERIFY(m_service->gateStats().peakBufferedBytes <= config.limits.maxBodyBytes + 64 * 1024);
}

void TestReceiver::expectContinue()
{
    QVERIFY(start());
    const QByteArray payload = vwoPayload();
    RawHttpClient client(m_service->port());
    client.send("POST /vwo-webhook HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: " +
                QByteArray::number(payload.size()) + "\r\n\r\n");
    QVERIFY(client.socket().waitForReadyRead(2000));
    QVERIFY(client.socket().peek(64).startsWith("HTTP/1.1 100 Continue\r\n\r\n"));
    client.send(payload);
    QCOMPARE(client.read().status, 200);
}

void TestReceiver::headTooLarge()
{
    QVERIFY(start());
    RawHttpClient client(m_service->port());
    client.send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(17 * 1024, 'h') + "\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 431);
    QVERIFY(client.waitForClose(3000));
    QCOMPARE(waitForEvents(1).first().status, 431);
}

void TestReceiver::malformedRequest()
{
    QVERIFY(start());
    RawHttpClient client(m_service->port());
    client.send("THIS IS NOT HTTP\r\n\r\n");
    const RawResponse response = client.read();
    QCOMPARE(response.status, 400);
    QVERIFY(response.body.contains("malformed HTTP request"));
    QVERIFY(client.waitForClose(3000));
    const Event event = waitForEvents(1).first();
    QCOMPARE(event.status, 400);
    QVERIFY(event.error.contains(QStringLiteral("request line")));
}

void TestReceiver::idleKeepAliveClosed()
{
    ReceiverConfig config;
    config.limits.idleTimeoutMs = 300;
    QVERIFY(start(config));
    RawHttpClient client(m_service->port());
    client.send(RawHttpClient::post(Path, vwoPayload()));
    QCOMPARE(client.read().status, 200);
    QVERIFY(!client.waitForClose(100));
    QVERIFY(client.waitForClose(2000));
}

void TestReceiver::slowHeadClosed()
{
    ReceiverConfig config;
    config.limits.headTimeoutMs = 300;
    QVERIFY(start(config));
    RawHttpClient silent(m_service->port()); // never sends a byte
    RawHttpClient slow(m_service->port());
    slow.send("POST /vwo-webhook HTTP/1.1\r\nHost: slo");
    const RawResponse response = slow.read(3000);
    QCOMPARE(response.status, 408);
    QVERIFY(slow.waitForClose(2000));
    QVERIFY(silent.waitForClose(2000));
}

void TestReceiver::evictsAtConnectionCap()
{
    ReceiverConfig config;
    config.limits.maxConnections = 8;
    config.limits.headTimeoutMs = 60000;
    QVERIFY(start(config));
    std::vector<std::unique_ptr<RawHttpClient>> idle;
    for (int i = 0; i < 8; ++i) {
        idle.push_back(std::make_unique<RawHttpClient>(m_service->port()));
        idle.back()->send("GET / HTTP/1.1\r\nX-Slow: "); // a slow head
        QThread::msleep(20);
    }
    QTRY_COMPARE(m_service->gateStats().openConnections, 8);
    RawHttpClient valid(m_service->port());
    valid.send(RawHttpClient::post(Path, vwoPayload()));
    QCOMPARE(valid.read().status, 200);
    QCOMPARE(m_service->gateStats().evictions, 1);
    QVERIFY(idle.front()->waitForClose(2000)); // the one waiting longest went
    for (size_t i = 1; i < idle.size(); ++i)
        QVERIFY(idle[i]->isConnected());
}

void TestReceiver::portInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    ReceiverConfig config;
    config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
    config.port = occupier.serverPort();
    ReceiverService service;
    QVERIFY(!service.start(config));
    QVERIFY(service.addressInUse());
    QCOMPARE(service.errorString(),
             QStringLiteral("port %1 on 127.0.0.1 is already in use").arg(occupier.serverPort()));
    const quint16 free = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
    QVERIFY(free > 0 && free != occupier.serverPort());
}

void TestReceiver::portZeroPicksFreePort()
{
    QVERIFY(start());
    QVERIFY(m_service->port() > 0);
    QCOMPARE(m_service->url().toString(),
             QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(m_service->port()));
}

QTEST_GUILESS_MAIN(TestReceiver)
#include "tst_receiver.moc"
