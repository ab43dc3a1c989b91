#include "events/eventschema.h"
#include "events/eventstore.h"
#include "eventstoresupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using namespace storetest;

// EventStore's forward columns (issue 8): pending on insert, the app's answer recorded later, and
// the schema step that added them.
class TestEventStoreForward : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    // The store on its own: pending on insert, done once recorded, and the signal carries what
    // VWO got.
    void storeRecordsForward()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        Event event = makeEvent(1);
        event.status = 0;
        event.forwardState = ForwardState::Pending;
        event.forward.url = QStringLiteral("http://127.0.0.1:3000/hook");
        event.forward.followed = true;
        store.append({event});
        Event read = store.latest(1).value(0);
        QCOMPARE(read.forwardState, ForwardState::Pending);
        QCOMPARE(read.forward.url, event.forward.url);
        QVERIFY(read.forward.followed);
        QVERIFY(read.toJsonLine().contains("\"forward\":{\"url\":\"http://127.0.0.1:3000/"
                                           "hook\",\"follow\":true,\"state\":\"pending\"}"));

        ForwardResult result;
        result.url = event.forward.url;
        result.followed = true;
        result.status = 500;
        result.headers = {{"Content-Type", "text/plain"}};
        result.body = QByteArray("\xff\x00", 2); // bytes, not text
        result.elapsedMs = 12;
        QSignalSpy recorded(&store, &EventStore::forwardRecorded);
        store.recordForward(read.id, result, 500);
        QCOMPARE(recorded.size(), 1);
        result.answeredStatus = 500;
        QCOMPARE(recorded.first().at(1).value<ForwardResult>(), result);
        read = store.latest(1).value(0);
        QCOMPARE(read.status, 500);
        QCOMPARE(read.forwardState, ForwardState::Done);
        QCOMPARE(read.forward, result);
        store.recordForward(999, result, 500); // a deleted row: nothing to update, no error
        QCOMPARE(recorded.size(), 2);
    }

    // A process that stopped mid-forward leaves the row pending: the next open closes it once
    // no forward can still be running, and leaves a recent one (maybe another receiver's) alone.
    void forwardsLeftPendingAreClosedOnOpen()
    {
        {
            EventStore store;
            QCOMPARE(store.open(dbPath()), QString());
            Event old = makeEvent(1); // received in 2020
            Event recent = makeEvent(2);
            recent.receivedAt = QDateTime::currentDateTimeUtc();
            for (Event *event : {&old, &recent}) {
                event->forwardState = ForwardState::Pending;
                event->forward.url = QStringLiteral("http://127.0.0.1:3000/hook");
            }
            store.append({old, recent});
            QCOMPARE(store.latest(2).value(1).forwardState, ForwardState::Pending);
        }
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        const QList<Event> events = store.latest(2);
        QCOMPARE(events.size(), 2);
        const Event &recent = events.at(0);
        const Event &old = events.at(1);
        QCOMPARE(old.forwardState, ForwardState::Done);
        QCOMPARE(old.forward.status, 0);
        QCOMPARE(old.forward.error,
                 QStringLiteral("no answer recorded: Hookbench stopped before the app answered"));
        QCOMPARE(recent.forwardState, ForwardState::Pending);
    }

    // v3 as released: rows come through unforwarded, and forwarding works on the upgraded file.
    void migratesFromV3()
    {
        {
            RawConnection raw(dbPath());
            for (int from = 0; from < 3; ++from) { // earlier steps never change
                for (const QString &sql : eventSchemaMigration(from))
                    QVERIFY(raw.exec(sql));
            }
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO events (id, endpoint, received_at, method, path, status, auth, valid,"
                " starred) VALUES (1, 'default', 1606482285000, 'POST', '/vwo-webhook', 200, 'ok',"
                " 1, 1)")));
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 3);
        }
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QCOMPARE(store.schemaVersion(), 4);
        const Event old = store.latest(1).value(0);
        QCOMPARE(old.id, 1);
        QCOMPARE(old.status, 200);
        QVERIFY(old.starred);
        QCOMPARE(old.forwardState, ForwardState::None);
        QVERIFY(!old.toJsonLine().contains("\"forward\""));

        Event event = makeEvent(2);
        event.forwardState = ForwardState::Pending;
        event.forward.url = QStringLiteral("http://127.0.0.1:3000/");
        store.append({event});
        ForwardResult result;
        result.url = event.forward.url;
        result.error = QStringLiteral("no answer within 300 ms");
        store.recordForward(2, result, 200);
        const Event forwarded = store.latest(1).value(0);
        QCOMPARE(forwarded.id, 2);
        QCOMPARE(forwarded.forwardState, ForwardState::Done);
        QCOMPARE(forwarded.forward.error, result.error);
    }
};

QTEST_GUILESS_MAIN(TestEventStoreForward)
#include "tst_eventstoreforward.moc"
