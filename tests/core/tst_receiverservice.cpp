#include "events/eventstore.h"
#include "eventstoresupport.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace storetest;

// ReceiverService's user deletes and stars: queued to the store thread, while running and while
// stopped; and VWO's retries stored as one delivery.
class TestReceiverService : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    qint64 storedCount()
    {
        EventStore store; // a reader on the test thread; WAL lets it read while the service writes
        if (!store.open(dbPath()).isEmpty())
            return -1;
        return store.count();
    }
    bool start(int respondStatus = 0)
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = dbPath();
        config.response.status = respondStatus;
        m_service = std::make_unique<ReceiverService>();
        return m_service->start(config);
    }
    QList<Event> stored()
    {
        EventStore store;
        if (!store.open(dbPath()).isEmpty())
            return {};
        return store.latest(0);
    }
    QList<Event> post(int count)
    {
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        RawHttpClient client(m_service->port());
        for (int i = 0; i < count; ++i) {
            client.send(RawHttpClient::post("/vwo-webhook", vwoPayload(i)));
            if (client.read().status != 200)
                return {};
        }
        QList<Event> events;
        while (events.size() < count && (!committed.isEmpty() || committed.wait(5000)))
            events += committed.takeFirst().at(0).value<QList<Event>>();
        return events;
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

    void removeAndClearWhileRunning()
    {
        QVERIFY(start());
        const QList<Event> events = post(10);
        QCOMPARE(events.size(), 10);
        QSignalSpy removed(m_service.get(), &ReceiverService::eventsRemoved);
        QSignalSpy cleared(m_service.get(), &ReceiverService::eventsCleared);
        m_service->removeEvents({events.at(3).id, events.at(1).id});
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.first().first().value<QList<qint64>>(),
                 (QList<qint64>{events.at(1).id, events.at(3).id}));
        QCOMPARE(storedCount(), 8);

        // Appends go on after the delete, on the same writer.
        QCOMPARE(post(5).size(), 5);
        QCOMPARE(storedCount(), 13);
        m_service->clearEvents();
        QVERIFY(cleared.wait(5000));
        QCOMPARE(storedCount(), 0);
        QCOMPARE(post(2).size(), 2);
        QCOMPARE(storedCount(), 2);
    }

    void deletesInterleaveWithTraffic()
    {
        QVERIFY(start());
        QSignalSpy removed(m_service.get(), &ReceiverService::eventsRemoved);
        QList<qint64> doomed;
        for (int round = 0; round < 5; ++round) {
            const QList<Event> events = post(20);
            QCOMPARE(events.size(), 20);
            doomed.clear();
            for (int i = 0; i < 20; i += 2)
                doomed << events.at(i).id;
            m_service->removeEvents(doomed); // returns at once; runs between appends
        }
        QTRY_COMPARE(removed.size(), 5);
        QCOMPARE(storedCount(), 50);
    }

    void removeAndClearWhileStopped()
    {
        {
            EventStore store;
            QCOMPARE(store.open(dbPath()), QString());
            store.append(makeBatch(5));
        }
        QVERIFY(start());
        m_service->stop();
        QSignalSpy removed(m_service.get(), &ReceiverService::eventsRemoved);
        QSignalSpy cleared(m_service.get(), &ReceiverService::eventsCleared);
        m_service->removeEvents({2, 4});
        QVERIFY(removed.wait(5000));
        QCOMPARE(storedCount(), 3);
        m_service->clearEvents();
        m_service->stop(); // waits for the queued clear
        QTRY_COMPARE(cleared.size(), 1);
        QCOMPARE(storedCount(), 0);
    }

    // A receiver that answers 500 gets VWO's retries: the same payload again and again, each
    // attempt its own event, grouped as one delivery.
    void retriesAreStoredAsOneDelivery()
    {
        QVERIFY(start(500));
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        RawHttpClient client(m_service->port());
        const QList<qint64> timestamps = {1606482285, 1606482285, 1606482290, 1606482285};
        for (qint64 timestamp : timestamps) {
            client.send(RawHttpClient::post("/vwo-webhook", vwoPayload(timestamp)));
            QCOMPARE(client.read().status, 500);
        }
        QList<Event> events;
        while (events.size() < timestamps.size() && (!committed.isEmpty() || committed.wait(5000)))
            events += committed.takeFirst().at(0).value<QList<Event>>();
        QCOMPARE(events.size(), timestamps.size());
        const qint64 first = events.at(0).id;
        QCOMPARE(events.at(0).deliveryOf, 0);
        QCOMPARE(events.at(1).deliveryOf, first);
        QCOMPARE(events.at(2).deliveryOf, 0); // another delivery
        QCOMPARE(events.at(3).deliveryOf, first);
        QCOMPARE(events.at(0).payloadTimestamp, 1606482285);
        // Stored so: a second reader sees the same grouping.
        const QList<Event> rows = stored();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).deliveryOf, first); // newest first
        QCOMPARE(rows.at(1).deliveryOf, 0);
        QCOMPARE(rows.at(2).deliveryOf, first);
        QCOMPARE(rows.at(3).deliveryOf, 0);
        QCOMPARE(rows.at(3).id, first);
        // An invalid payload with the same timestamp is no attempt of it.
        client.send(RawHttpClient::post("/vwo-webhook", R"({"timestamp": 1606482285})"));
        QCOMPARE(client.read().status, 500);
        QVERIFY(committed.wait(5000));
        const auto invalid = committed.takeFirst().at(0).value<QList<Event>>();
        QCOMPARE(invalid.size(), 1);
        QVERIFY(!invalid.first().valid);
        QCOMPARE(invalid.first().deliveryOf, 0);
    }

    void starWhileRunningAndStopped()
    {
        QVERIFY(start());
        const QList<Event> events = post(4);
        QCOMPARE(events.size(), 4);
        QSignalSpy starred(m_service.get(), &ReceiverService::eventsStarred);
        m_service->setStarred({events.at(2).id, events.at(0).id}, true);
        QVERIFY(starred.wait(5000));
        QCOMPARE(starred.first().at(0).value<QList<qint64>>(),
                 (QList<qint64>{events.at(0).id, events.at(2).id}));
        QCOMPARE(starred.first().at(1).toBool(), true);
        QCOMPARE(post(1).size(), 1); // appends go on after it
        m_service->stop();
        m_service->setStarred({events.at(0).id}, false);
        QVERIFY(starred.wait(5000));
        QCOMPARE(starred.last().at(1).toBool(), false);
        m_service->stop(); // waits for the store opened just for it
        int count = 0;
        for (const Event &event : stored())
            count += event.starred ? 1 : 0;
        QCOMPARE(count, 1);
        m_service->setStarred({}, true); // nothing to do
        m_service->stop();
        QCOMPARE(starred.size(), 2);
    }

    void errorsAreReported()
    {
        ReceiverConfig config;
        config.databasePath = m_dir->path(); // a directory: cannot be opened as a store
        m_service = std::make_unique<ReceiverService>();
        QVERIFY(!m_service->start(config));
        QSignalSpy errors(m_service.get(), &ReceiverService::storeError);
        m_service->clearEvents();
        QVERIFY(errors.wait(5000));
        QVERIFY(!errors.first().first().toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReceiverService)
#include "tst_receiverservice.moc"
