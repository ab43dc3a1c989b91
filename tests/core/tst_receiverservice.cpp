#include "events/eventstore.h"
#include "eventstoresupport.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace storetest;

// ReceiverService's user deletes: queued to the store thread, while running and while stopped.
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
    bool start()
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = dbPath();
        m_service = std::make_unique<ReceiverService>();
        return m_service->start(config);
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
