#include "endpoints/endpointroutes.h"
#include "events/eventstore.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

// GET /healthz (issue 9): answered at once, never recorded; 503 while the store cannot commit
// (here: another connection holds the write lock past the store's busy timeout).
class TestReceiverHealth : public QObject
{
    Q_OBJECT

private:
    bool start(const ReceiverConfig &base = {})
    {
        ReceiverConfig config = base;
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        m_service = std::make_unique<ReceiverService>();
        return m_service->start(config);
    }
    RawResponse request(const QByteArray &method, const QByteArray &target,
                        const QByteArray &body = {})
    {
        RawHttpClient client(m_service->port());
        if (method == "POST")
            client.send(RawHttpClient::post(target, body));
        else
            client.send(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return client.read(10000);
    }
    static QJsonObject json(const RawResponse &response)
    {
        return QJsonDocument::fromJson(response.body).object();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void answeredAndNotRecorded()
    {
        QVERIFY(start());
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        const RawResponse health = request("GET", "/healthz?probe=1");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(json(health).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(json(health).value(QStringLiteral("endpoints")).toInt(), 1);

        // Not a webhook: the next stored request is the first event.
        const RawResponse webhook = request("POST", "/vwo-webhook", vwoPayload());
        QCOMPARE(webhook.status, 200);
        QVERIFY(committed.wait(5000));
        QCOMPARE(committed.size(), 1);
        QCOMPARE(committed.first().at(0).value<QList<Event>>().first().id, 1);
    }

    void onlyGetOnTheReceiversPathIsTheHealthCheck()
    {
        QVERIFY(start());
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        const RawResponse post = request("POST", "/healthz", vwoPayload());
        QCOMPARE(post.status, 404); // recorded like any stray request
        QVERIFY(committed.wait(5000));
        QCOMPARE(committed.first().at(0).value<QList<Event>>().first().path,
                 QByteArray("/healthz"));
    }

    void anEndpointAtTheSamePathWins()
    {
        ReceiverConfig config;
        EndpointRoute route;
        route.name = QStringLiteral("probe");
        route.path = QStringLiteral("/healthz");
        config.otherEndpoints = {route};
        QVERIFY(start(config));
        const RawResponse get = request("GET", "/healthz");
        QCOMPARE(get.status, 405); // the endpoint's answer to a GET
    }

    void failingStoreMakesItUnhealthyUntilACommitSucceeds()
    {
        QVERIFY(start());
        const RawResponse first = request("POST", "/vwo-webhook", vwoPayload());
        QCOMPARE(first.status, 200);
        {
            QSqlDatabase locker =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            locker.setDatabaseName(m_dir->filePath(QStringLiteral("events.sqlite")));
            QVERIFY(locker.open());
            QSqlQuery lock(locker);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE"))); // the write lock, held

            const RawResponse refused = request("POST", "/vwo-webhook", vwoPayload(1606482286));
            QCOMPARE(refused.status, 503);
            const RawResponse sick = request("GET", "/healthz");
            QCOMPARE(sick.status, 503);
            QCOMPARE(json(sick).value(QStringLiteral("status")).toString(),
                     QStringLiteral("failing"));
            QVERIFY2(json(sick)
                         .value(QStringLiteral("error"))
                         .toString()
                         .startsWith(QStringLiteral("could not store requests: ")),
                     sick.body.constData());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        const RawResponse again = request("POST", "/vwo-webhook", vwoPayload(1606482287));
        QCOMPARE(again.status, 200);
        QCOMPARE(request("GET", "/healthz").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestReceiverHealth)
#include "tst_receiverhealth.moc"
