#include "auth/keyverifier.h"
#include "endpoints/endpointroutes.h"
#include "endpoints/endpointstore.h"
#include "events/eventstore.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

// One receiver serving several endpoints (issue 8): each on its path (or port of its own), with
// its own keys and answer; every event names the endpoint it came to.
class TestReceiverEndpoints : public QObject
{
    Q_OBJECT

private:
    static std::shared_ptr<const KeyVerifier> keys(const QList<QByteArray> &accepted)
    {
        return std::make_shared<StaticKeyVerifier>(accepted);
    }
    static EndpointRoute route(const QString &name, const QString &path, quint16 port = 0)
    {
        EndpointRoute route;
        route.name = name;
        route.path = path;
        route.port = port;
        return route;
    }
    bool start(ReceiverConfig config)
    {
        config.host = QHostAddress(QHostAddress::LocalHost);
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        m_service = std::make_unique<ReceiverService>();
        if (!m_service->start(config)) {
            qWarning() << m_service->errorString();
            return false;
        }
        return true;
    }
    // Posts a valid payload to path on port and returns the answer and the stored event.
    std::pair<RawResponse, Event> post(quint16 port, const QByteArray &path,
                                       const QByteArray &key = {})
    {
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        RawHttpClient client(port);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty())
            headers.append({QByteArrayLiteral("x-vwo-auth"), key});
        client.send(RawHttpClient::post(path, vwoPayload(++m_timestamp), headers));
        const RawResponse response = client.read();
        if (committed.isEmpty() && !committed.wait(5000))
            return {response, Event{}};
        return {response, committed.first().at(0).value<QList<Event>>().first()};
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;
    qint64 m_timestamp = 1606482285;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void keysOfOneEndpointAreRefusedByTheOther()
    {
        ReceiverConfig config;
        config.verifier = keys({"production-key-0123456789"});
        EndpointRoute staging = route(QStringLiteral("staging"), QStringLiteral("/vwo/staging"));
        staging.verifier = keys({"staging-key-0123456789"});
        config.otherEndpoints = {staging};
        QVERIFY(start(config));
        const quint16 port = m_service->port();

        auto [ok, okEvent] = post(port, "/vwo/staging", "staging-key-0123456789");
        QCOMPARE(ok.status, 200);
        QCOMPARE(okEvent.endpoint, QStringLiteral("staging"));
        QCOMPARE(okEvent.auth, AuthOutcome::Ok);

        auto [wrong, wrongEvent] = post(port, "/vwo/staging", "production-key-0123456789");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrongEvent.endpoint, QStringLiteral("staging"));
        QCOMPARE(wrongEvent.auth, AuthOutcome::Failed);

        auto [other, otherEvent] = post(port, "/vwo-webhook", "staging-key-0123456789");
        QCOMPARE(other.status, 401);
        QCOMPARE(otherEvent.endpoint, QStringLiteral("default"));

        auto [def, defEvent] = post(port, "/vwo-webhook", "production-key-0123456789");
        QCOMPARE(def.status, 200);
        QCOMPARE(defEvent.endpoint, QStringLiteral("default"));
    }

    void endpointWithoutKeysAcceptsAnySender()
    {
        ReceiverConfig config;
        config.verifier = keys({"production-key-0123456789"});
        config.otherEndpoints = {route(QStringLiteral("dev"), QStringLiteral("/vwo/dev"))};
        QVERIFY(start(config));
        auto [answer, event] = post(m_service->port(), "/vwo/dev");
        QCOMPARE(answer.status, 200);
        QCOMPARE(event.auth, AuthOutcome::NotRequired);
        QCOMPARE(event.endpoint, QStringLiteral("dev"));
    }

    void responseOverridesArePerEndpoint()
    {
        ReceiverConfig config;
        EndpointRoute down = route(QStringLiteral("down"), QStringLiteral("/vwo/down"));
        down.response.status = 503;
        down.response.body = "maintenance";
        EndpointRoute odd = route(QStringLiteral("odd"), QStringLiteral("/vwo/odd"));
        odd.response.body = "accepted, thanks";
        config.otherEndpoints = {down, odd};
        QVERIFY(start(config));
        const quint16 port = m_service->port();

        auto [downAnswer, downEvent] = post(port, "/vwo/down");
        QCOMPARE(downAnswer.status, 503);
        QCOMPARE(downAnswer.body, QByteArray("maintenance"));
        QCOMPARE(downEvent.status, 503);
        auto [oddAnswer, oddEvent] = post(port, "/vwo/odd");
        QCOMPARE(oddAnswer.status, 200);
        QCOMPARE(oddAnswer.body, QByteArray("accepted, thanks"));
        auto [plain, plainEvent] = post(port, "/vwo-webhook");
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.body.startsWith("{\"ok\":true"));
        QCOMPARE(plainEvent.endpoint, QStringLiteral("default"));
    }

    void unknownPathIsRecordedUnderTheListenersFirstEndpoint()
    {
        ReceiverConfig config;
        config.otherEndpoints = {route(QStringLiteral("staging"), QStringLiteral("/vwo/staging"))};
        QVERIFY(start(config));
        auto [answer, event] = post(m_service->port(), "/vwo/nowhere");
        QCOMPARE(answer.status, 404);
        QCOMPARE(event.endpoint, QStringLiteral("default"));
        QCOMPARE(event.error, QStringLiteral("no endpoint at /vwo/nowhere"));
    }

    void endpointOnAPortOfItsOwn()
    {
        const quint16 own = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        QVERIFY(own != 0);
        ReceiverConfig config;
        config.otherEndpoints = {route(QStringLiteral("qa"), QStringLiteral("/vwo-webhook"), own),
                                 route(QStringLiteral("qa2"), QStringLiteral("/second"), own)};
        QVERIFY(start(config));
        QCOMPARE(m_service->endpointUrl(QStringLiteral("qa")).port(), int(own));
        QCOMPARE(m_service->endpointUrl(QStringLiteral("qa2")).path(), QStringLiteral("/second"));
        QCOMPARE(m_service->endpointUrl(QStringLiteral("default")), m_service->url());
        QVERIFY(m_service->endpointUrl(QStringLiteral("nonesuch")).isEmpty());

        // The same path on two ports: two endpoints.
        auto [ownAnswer, ownEvent] = post(own, "/vwo-webhook");
        QCOMPARE(ownAnswer.status, 200);
        QCOMPARE(ownEvent.endpoint, QStringLiteral("qa"));
        auto [mainAnswer, mainEvent] = post(m_service->port(), "/vwo-webhook");
        QCOMPARE(mainEvent.endpoint, QStringLiteral("default"));
        auto [second, secondEvent] = post(own, "/second");
        QCOMPARE(secondEvent.endpoint, QStringLiteral("qa2"));
        // Served only on its own port.
        auto [missing, missingEvent] = post(m_service->port(), "/second");
        QCOMPARE(missing.status, 404);
        auto [missingOwn, missingOwnEvent] = post(own, "/elsewhere");
        QCOMPARE(missingOwn.status, 404);
        QCOMPARE(missingOwnEvent.endpoint, QStringLiteral("qa"));
    }

    void takenPortOfAnEndpointNamesIt()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ReceiverConfig config;
        config.otherEndpoints = {route(QStringLiteral("staging"), QStringLiteral("/vwo/staging"),
                                       squatter.serverPort())};
        config.host = QHostAddress(QHostAddress::LocalHost);
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        ReceiverService service;
        QVERIFY(!service.start(config));
        QVERIFY2(service.errorString().startsWith(
                     QStringLiteral("endpoint staging: port %1").arg(squatter.serverPort())),
                 qPrintable(service.errorString()));
        QVERIFY(service.addressInUse());
        QVERIFY(!service.isRunning());
    }

    void endpointsChangeWhileServing()
    {
        ReceiverConfig config;
        config.otherEndpoints = {route(QStringLiteral("staging"), QStringLiteral("/vwo/staging"))};
        QVERIFY(start(config));
        const quint16 port = m_service->port();
        const quint16 own = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        QVERIFY(own != 0);

        // staging goes, qa comes on a port of its own, the default moves, with keys now.
        ReceiverConfig changed = m_service->config();
        changed.path = QStringLiteral("/hooks/prod");
        changed.verifier = keys({"production-key-0123456789"});
        EndpointRoute qa = route(QStringLiteral("qa"), QStringLiteral("/vwo/qa"), own);
        qa.response.status = 202;
        changed.otherEndpoints = {qa};
        QString error;
        QVERIFY2(m_service->updateEndpoints(changed, &error), qPrintable(error));
        QCOMPARE(m_service->port(), port);
        QCOMPARE(m_service->endpointUrl(QStringLiteral("qa")).port(), int(own));
        QVERIFY(m_service->endpointUrl(QStringLiteral("staging")).isEmpty());

        auto [gone, goneEvent] = post(port, "/vwo/staging");
        QCOMPARE(gone.status, 404);
        QCOMPARE(goneEvent.endpoint, QStringLiteral("default"));
        auto [qaAnswer, qaEvent] = post(own, "/vwo/qa");
        QCOMPARE(qaAnswer.status, 202);
        QCOMPARE(qaEvent.endpoint, QStringLiteral("qa"));
        auto [refused, refusedEvent] = post(port, "/hooks/prod", "wrong-key-0123456789");
        QCOMPARE(refused.status, 401);
        auto [prod, prodEvent] = post(port, "/hooks/prod", "production-key-0123456789");
        QCOMPARE(prod.status, 200);
        QCOMPARE(prodEvent.endpoint, QStringLiteral("default"));

        // qa goes too: its port closes.
        changed.otherEndpoints.clear();
        QVERIFY2(m_service->updateEndpoints(changed, &error), qPrintable(error));
        QTcpSocket probe;
        probe.connectToHost(QHostAddress(QHostAddress::LocalHost), own);
        QVERIFY(!probe.waitForConnected(2000));
        QCOMPARE(probe.error(), QAbstractSocket::ConnectionRefusedError);

        // What needs a restart is refused and changes nothing.
        ReceiverConfig moved = changed;
        moved.retention = 5;
        QVERIFY(!m_service->updateEndpoints(moved, &error));
        QCOMPARE(error, QStringLiteral("the receiver must restart for this change"));
        QCOMPARE(m_service->config().retention, changed.retention);
    }

    void takenPortOfANewEndpointKeepsTheOthers()
    {
        ReceiverConfig config;
        config.otherEndpoints = {route(QStringLiteral("staging"), QStringLiteral("/vwo/staging"))};
        QVERIFY(start(config));
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        ReceiverConfig changed = m_service->config();
        changed.otherEndpoints.append(
            route(QStringLiteral("qa"), QStringLiteral("/vwo/qa"), squatter.serverPort()));
        QString error;
        QVERIFY(!m_service->updateEndpoints(changed, &error));
        QVERIFY2(
            error.startsWith(QStringLiteral("endpoint qa: port %1").arg(squatter.serverPort())),
            qPrintable(error));
        auto [answer, event] = post(m_service->port(), "/vwo/staging");
        QCOMPARE(answer.status, 200);
        QCOMPARE(event.endpoint, QStringLiteral("staging"));
    }

    void storedEndpointsBecomeRoutes()
    {
        EndpointStore store;
        QCOMPARE(store.open(m_dir->filePath(QStringLiteral("events.sqlite"))), QString());
        Endpoint staging;
        staging.name = QStringLiteral("staging");
        staging.path = QStringLiteral("/vwo/staging");
        staging.response.status = 500;
        QCOMPARE(store.add(staging), QString());
        Endpoint def;
        QCOMPARE(store.find(QStringLiteral("default"), &def), QString());
        def.path = QStringLiteral("/hooks/prod");
        QCOMPARE(store.update(def), QString());
        QList<Endpoint> endpoints;
        QCOMPARE(store.load(&endpoints), QString());

        ReceiverConfig config;
        routeEndpoints(
            endpoints,
            [](const QString &name) { return keys({name.toUtf8() + "-key-0123456789"}); }, &config);
        QCOMPARE(config.path, QStringLiteral("/hooks/prod"));
        QCOMPARE(config.otherEndpoints.size(), 1);
        QVERIFY(start(config));
        auto [answer, event] = post(m_service->port(), "/vwo/staging", "staging-key-0123456789");
        QCOMPARE(answer.status, 500);
        QCOMPARE(event.endpoint, QStringLiteral("staging"));
        QCOMPARE(event.auth, AuthOutcome::Ok);
        auto [prod, prodEvent] = post(m_service->port(), "/hooks/prod", "default-key-0123456789");
        QCOMPARE(prod.status, 200);
        QCOMPARE(prodEvent.endpoint, QStringLiteral("default"));
    }
};

QTEST_GUILESS_MAIN(TestReceiverEndpoints)
#include "tst_receiverendpoints.moc"
