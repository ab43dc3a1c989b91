#include "keyedreceiversupport.h"
#include "receiver/receiverservice.h"
#include "sender/requestsender.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
const QByteArray Payload =
    QByteArrayLiteral(R"({"timestamp": 1606482285, "event": "settings_changed", )"
                      R"("action": "campaign_settings_changed", "triggered_by": "vwo"})");

// A loopback server that answers each request head with fixed bytes, or never (empty).
class ScriptedServer : public QTcpServer
{
public:
    explicit ScriptedServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_input += socket->readAll();
                    if (m_input.contains("\r\n\r\n") && !m_answer.isEmpty()) {
                        ++requests;
                        m_input.clear();
                        socket->write(m_answer);
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    int requests = 0;

private:
    QByteArray m_answer;
    QByteArray m_input;
};

QUrl local(quint16 port, const QString &path = {})
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(path);
    return url;
}

} // namespace

class TestRequestSender : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;

    void startReceiver(const ResponseOverride &response = {})
    {
        QString error;
        m_service = receivertest::startKeyedReceiver(
            m_dir->filePath(QStringLiteral("events.sqlite")), Key, response, &error);
        QVERIFY2(m_service, qPrintable(error));
    }
    static SendResult sendAndWait(RequestSender &sender, const OutgoingRequest &request,
                                  int timeoutMs = 5000)
    {
        QSignalSpy finished(&sender, &RequestSender::finished);
        if (!sender.send(request, timeoutMs) || !finished.wait(timeoutMs + 5000))
            return {};
        return finished.first().first().value<SendResult>();
    }
    static Event capturedWebhook()
    {
        Event event;
        event.method = "POST";
        event.path = "/vwo-webhook";
        event.query = "env=prod&note=a%20b";
        event.headers = {{"Host", "hooks.example.com"},
                         {"Content-Type", "application/json"},
                         {"Content-Length", QByteArray::number(Payload.size())},
                         {"x-vwo-auth", Key},
                         {"Connection", "keep-alive"},
                         {"X-Trace-Id", "abc-123"}};
        event.body = Payload;
        return event;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void fromEventDropsSenderHeaders()
    {
        Event event = capturedWebhook();
        event.headers << QPair<QByteArray, QByteArray>{"Transfer-Encoding", "chunked"}
                      << QPair<QByteArray, QByteArray>{"EXPECT", "100-continue"}
                      << QPair<QByteArray, QByteArray>{"keep-alive", "timeout=5"}
                      << QPair<QByteArray, QByteArray>{"TE", "trailers"}
                      << QPair<QByteArray, QByteArray>{"Upgrade", "h2c"}
                      << QPair<QByteArray, QByteArray>{"Proxy-Connection", "close"}
                      << QPair<QByteArray, QByteArray>{"Accept", "*/*"};
        const OutgoingRequest request = OutgoingRequest::fromEvent(event, local(4000));
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.body, Payload);
        const HeaderList expected = {{"Content-Type", "application/json"},
                                     {"x-vwo-auth", Key},
                                     {"X-Trace-Id", "abc-123"},
                                     {"Accept", "*/*"}};
        QCOMPARE(request.headers, expected);
        QCOMPARE(request.validate(), QString());
    }

    void fromEventAddressesTheTarget()
    {
        const Event event = capturedWebhook();
        // A bare origin keeps the event's raw path and query.
        QCOMPARE(OutgoingRequest::fromEvent(event, local(4000)).url.toEncoded(),
                 QByteArray("http://127.0.0.1:4000/vwo-webhook?env=prod&note=a%20b"));
        QCOMPARE(
            OutgoingRequest::fromEvent(event, local(4000, QStringLiteral("/"))).url.toEncoded(),
            QByteArray("http://127.0.0.1:4000/vwo-webhook?env=prod&note=a%20b"));
        // A full URL is used as it is.
        const QUrl prod(QStringLiteral("https://example.com/hooks/vwo?token=1"));
        QCOMPARE(OutgoingRequest::fromEvent(event, prod).url, prod);
    }

    void validate_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<HeaderList>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error");

        const QString ok = QStringLiteral("http://127.0.0.1:4000/vwo-webhook");
        const HeaderList good = {{"Content-Type", "application/json"}, {"x-vwo-auth", "k"}};
        const auto with = [&good](QByteArray name, QByteArray value) {
            HeaderList list = good;
            list.append({std::move(name), std::move(value)});
            return list;
        };
        QTest::addRow("valid") << QByteArray("POST") << ok << good << Payload << QString();
        QTest::addRow("custom method")
            << QByteArray("PURGE") << ok << good << QByteArray() << QString();
        QTest::addRow("empty method")
            << QByteArray() << ok << good << Payload << QStringLiteral("Method: empty");
        QTest::addRow("method with space") << QByteArray("PO ST") << ok << good << Payload
                                           << QStringLiteral("Method: contains a space");
        QTest::addRow("method with slash") << QByteArray("POST/1") << ok << good << Payload
                                           << QStringLiteral("Method: contains \"/\"");
        QTest::addRow("empty url")
            << QByteArray("POST") << QString() << good << Payload << QStringLiteral("URL: empty");
        QTest::addRow("ftp") << QByteArray("POST") << QStringLiteral("ftp://example.com/x") << good
                             << Payload << QStringLiteral("URL: scheme must be http or https");
        QTest::addRow("no scheme")
            << QByteArray("POST") << QStringLiteral("example.com/x") << good << Payload
            << QStringLiteral("URL: scheme must be http or https");
        QTest::addRow("no host") << QByteArray("POST") << QStringLiteral("http:///vwo-webhook")
                                 << good << Payload << QStringLiteral("URL: host is missing");
        QTest::addRow("bad port") << QByteArray("POST") << QStringLiteral("http://127.0.0.1:99999/")
                                  << good << Payload
                                  << QStringLiteral(
                                         "URL: invalid port or port number out of range");
        QTest::addRow("empty header name") << QByteArray("POST") << ok << with("", "x") << Payload
                                           << QStringLiteral("header 3: name is empty");
        QTest::addRow("header name with space")
            << QByteArray("POST") << ok << with("X Trace", "x") << Payload
            << QStringLiteral("header 3: name contains a space");
        QTest::addRow("header name with colon")
            << QByteArray("POST") << ok << with("X-Trace:", "x") << Payload
            << QStringLiteral("header 3: name contains \":\"");
        QTest::addRow("content-length")
            << QByteArray("POST") << ok << with("content-length", "2") << Payload
            << QStringLiteral("header 3: content-length is set by the sender; remove it");
        QTest::addRow("value with line break")
            << QByteArray("POST") << ok << with("X-Trace", "a\r\nX-Evil: 1") << Payload
            << QStringLiteral("header 3 (X-Trace): value contains a line break");
        QTest::addRow("value with NUL")
            << QByteArray("POST") << ok << with("X-Trace", QByteArray("a\0b", 3)) << Payload
            << QStringLiteral("header 3 (X-Trace): value contains a control character");
        QTest::addRow("HEAD with body")
            << QByteArray("HEAD") << ok << good << Payload
            << QStringLiteral("Body: a HEAD request cannot carry a body");
    }
    void validate()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(HeaderList, headers);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const OutgoingRequest request{method, QUrl(url), headers, body};
        QCOMPARE(request.validate(), error);
    }

    void replayReachesTheReceiver()
    {
        startReceiver();
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        const Event original = capturedWebhook();
        RequestSender sender;
        const SendResult result =
            sendAndWait(sender, OutgoingRequest::fromEvent(original, local(m_service->port())));
        QVERIFY2(result.answered(), qPrintable(result.error));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.reason, QByteArray("OK"));
        QVERIFY(result.isSuccess());
        QVERIFY(result.elapsedMs >= 0);
        QVERIFY(!result.headers.isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(!committed.isEmpty(), 5000); // may have come during the send
        const Event stored = committed.first().first().value<QList<Event>>().first();
        QCOMPARE(stored.method, original.method);
        QCOMPARE(stored.path, original.path);
        QCOMPARE(stored.query, original.query);
        QCOMPARE(stored.body, original.body);
        QCOMPARE(stored.auth, AuthOutcome::Ok);
        QCOMPARE(stored.status, 200);
        // Every header that was not the sender's own arrives, in the same order and spelling
        // (Qt may add its own, e.g. User-Agent, after them).
        qsizetype at = 0;
        for (const auto &header : original.headers) {
            if (OutgoingRequest::isSenderHeader(header.first))
                continue;
            while (at < stored.headers.size() && stored.headers.at(at) != header)
                ++at;
            QVERIFY2(at < stored.headers.size(), header.first.constData());
        }
        QCOMPARE(stored.headerValue("content-length"), QByteArray::number(Payload.size()));
    }

    void sendsRepeatedlyWithAnyMethod()
    {
        startReceiver();
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        RequestSender sender;
        OutgoingRequest request{"PURGE",
                                local(m_service->port(), QStringLiteral("/vwo-webhook")),
                                {{"x-vwo-auth", Key}},
                                {}};
        SendResult result = sendAndWait(sender, request);
        QCOMPARE(result.status, 405);
        QVERIFY(!result.isSuccess());
        QVERIFY(result.body.contains("use POST"));

        request.method = "GET";
        result = sendAndWait(sender, request);
        QCOMPARE(result.status, 405);

        QList<Event> stored;
        while (stored.size() < 2 && (!committed.isEmpty() || committed.wait(5000)))
            stored += committed.takeFirst().first().value<QList<Event>>();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).method, QByteArray("PURGE"));
        QCOMPARE(stored.at(1).method, QByteArray("GET"));
        QVERIFY(stored.at(1).headerValue("content-length").isEmpty()); // no body, no length
    }

    void timingMilestonesInOrder()
    {
        startReceiver();
        RequestSender sender;
        const OutgoingRequest request{"POST",
                                      local(m_service->port(), QStringLiteral("/vwo-webhook")),
                                      {{"x-vwo-auth", Key}, {"Content-Type", "application/json"}},
                                      Payload};
        SendResult first = sendAndWait(sender, request);
        QCOMPARE(first.status, 200);
        QVERIFY(first.connectStartedMs >= 0); // a new connection
        QCOMPARE(first.tlsReadyMs, -1);       // plain http
        QVERIFY(first.requestSentMs >= first.connectStartedMs);
        QVERIFY(first.headersMs >= first.requestSentMs);
        QVERIFY(first.elapsedMs >= first.headersMs);

        const SendResult second = sendAndWait(sender, request);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.connectStartedMs, -1); // the kept-alive connection was reused
        QVERIFY(second.requestSentMs >= 0 && second.headersMs >= second.requestSentMs);

        const quint16 port = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        const SendResult refused = sendAndWait(sender, {"POST", local(port), {}, Payload});
        QCOMPARE(refused.requestSentMs, -1);
        QCOMPARE(refused.headersMs, -1);
    }

    void connectionRefused()
    {
        const quint16 port = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        RequestSender sender;
        const SendResult result = sendAndWait(sender, {"POST", local(port), {}, Payload});
        QCOMPARE(result.failure, SendFailure::ConnectionRefused);
        QCOMPARE(result.status, 0);
        QCOMPARE(result.error, QStringLiteral("connection refused by 127.0.0.1:%1 (nothing is "
                                              "listening there)")
                                   .arg(port));
    }

    void timesOut()
    {
        ScriptedServer silent({}); // accepts, reads, never answers
        QVERIFY(silent.isListening());
        RequestSender sender;
        const SendResult result =
            sendAndWait(sender, {"POST", local(silent.serverPort()), {}, Payload}, 200);
        QCOMPARE(result.failure, SendFailure::Timeout);
        QCOMPARE(result.error, QStringLiteral("timed out after 200 ms"));
        QVERIFY2(result.elapsedMs >= 200 && result.elapsedMs < 3000,
                 QByteArray::number(result.elapsedMs).constData());
        QVERIFY(!sender.isBusy());
    }

    void oneAtATimeAndAbort()
    {
        ScriptedServer silent({});
        RequestSender sender;
        QSignalSpy finished(&sender, &RequestSender::finished);
        const OutgoingRequest request{"POST", local(silent.serverPort()), {}, Payload};
        QVERIFY(sender.send(request, 10000));
        QVERIFY(sender.isBusy());
        QVERIFY(!sender.send(request, 10000));
        sender.abort();
        QCOMPARE(finished.size(), 1);
        const auto result = finished.first().first().value<SendResult>();
        QCOMPARE(result.failure, SendFailure::Cancelled);
        QCOMPARE(result.error, QStringLiteral("cancelled"));
        QVERIFY(!sender.isBusy());
    }

    void invalidRequestIsReportedLater()
    {
        RequestSender sender;
        QSignalSpy finished(&sender, &RequestSender::finished);
        QVERIFY(sender.send({"POST", QUrl(QStringLiteral("ftp://x/")), {}, {}}, 1000));
        QCOMPARE(finished.size(), 0); // from the event loop, like every other outcome
        QVERIFY(finished.wait(1000));
        const auto result = finished.first().first().value<SendResult>();
        QCOMPARE(result.failure, SendFailure::InvalidRequest);
        QCOMPARE(result.error, QStringLiteral("URL: scheme must be http or https"));
    }

    void redirectsAreReportedNotFollowed()
    {
        ScriptedServer redirecting("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n"
                                   "Content-Length: 0\r\n\r\n");
        RequestSender sender;
        const SendResult result = sendAndWait(
            sender, {"POST", local(redirecting.serverPort(), QStringLiteral("/a")), {}, Payload});
        QCOMPARE(result.status, 302);
        QCOMPARE(result.redirectTarget,
                 local(redirecting.serverPort(), QStringLiteral("/elsewhere")));
        QCOMPARE(redirecting.requests, 1);
    }

    void largeAnswersAreCapped()
    {
        ResponseOverride response;
        response.body = QByteArray(RequestSender::MaxKeptBody + 512 * 1024, 'x');
        startReceiver(response);
        RequestSender sender;
        const SendResult result =
            sendAndWait(sender, {"POST",
                                 local(m_service->port(), QStringLiteral("/vwo-webhook")),
                                 {{"x-vwo-auth", Key}, {"Content-Type", "application/json"}},
                                 Payload});
        QCOMPARE(result.status, 200);
        QVERIFY(result.bodyTruncated);
        QCOMPARE(result.body.size(), RequestSender::MaxKeptBody);
        QCOMPARE(result.bodyBytes, response.body.size());
    }
};

QTEST_GUILESS_MAIN(TestRequestSender)
#include "tst_requestsender.moc"
