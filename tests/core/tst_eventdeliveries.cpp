#include "events/deliverytracker.h"
#include "events/eventstore.h"
#include "eventstoresupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace hookbench;
using namespace storetest;

namespace {

constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Window = DeliveryTracker::WindowMs;
const QDateTime Start = QDateTime::fromMSecsSinceEpoch(1606482285000, Qt::UTC);

// One attempt of a VWO delivery as the receiver hands it over: a valid payload with its timestamp.
Event attempt(qint64 timestamp, qint64 afterMs, const QString &endpoint = QStringLiteral("default"))
{
    Event event = makeEvent(0);
    event.endpoint = endpoint;
    event.receivedAt = Start.addMSecs(afterMs);
    event.payloadTimestamp = timestamp;
    event.body = R"({"timestamp": )" + QByteArray::number(timestamp) +
                 R"(, "event": "settings_changed", "action": "a", "triggered_by": "vwo"})";
    return event;
}

} // namespace

// Delivery grouping (VWO retries) and starring in the event store, on real SQLite files.
class TestEventDeliveries : public StoreTestCase
{
    Q_OBJECT

private:
    // Appends and returns the committed events (ids and deliveryOf filled).
    QList<Event> append(const QList<Event> &batch)
    {
        QSignalSpy committed(m_store.get(), &EventStore::committed);
        m_store->append(batch);
        if (committed.size() != 1)
            return {};
        return committed.first().first().value<QList<Event>>();
    }
    qint64 appendOne(const Event &event)
    {
        const QList<Event> stored = append({event});
        return stored.isEmpty() ? -1 : stored.first().deliveryOf;
    }
    // id -> delivery_of as stored, oldest first.
    QList<QPair<qint64, qint64>> stored()
    {
        QList<QPair<qint64, qint64>> rows;
        const QList<Event> events = m_store->latest(0);
        for (auto it = events.rbegin(); it != events.rend(); ++it)
            rows.append({it->id, it->deliveryOf});
        return rows;
    }
    void reopen()
    {
        m_store = std::make_unique<EventStore>();
        m_store->setRetention(0);
        QCOMPARE(m_store->open(dbPath()), QString());
    }

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void groupsAttemptsOfOneDelivery()
    {
        const QList<Event> events = append({
            attempt(100, 0),                            // 1: first attempt
            attempt(100, 1500),                         // 2: retry of 1 (same batch)
            attempt(100, 0, QStringLiteral("staging")), // 3: other endpoint: new delivery
            attempt(101, 2000),                         // 4: other timestamp: new delivery
            attempt(0, 2500),                           // 5: no timestamp: never grouped
            attempt(0, 2600),                           // 6
        });
        QCOMPARE(events.size(), 6);
        const QList<qint64> expected = {0, 1, 0, 0, 0, 0};
        for (int i = 0; i < events.size(); ++i) {
            QCOMPARE(events.at(i).id, i + 1);
            QCOMPARE(events.at(i).deliveryOf, expected.at(i));
        }
        // Later batches join the same deliveries; the store holds what committed() said.
        QCOMPARE(appendOne(attempt(100, 3000)), 1);
        QCOMPARE(appendOne(attempt(100, 3000, QStringLiteral("staging"))), 3);
        QCOMPARE(appendOne(attempt(101, 4000)), 4);
        QCOMPARE(stored(),
                 (QList<QPair<qint64, qint64>>{
                     {1, 0}, {2, 1}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 1}, {8, 3}, {9, 4}}));
    }

    void invalidPayloadsAreNeverGrouped()
    {
        QCOMPARE(appendOne(attempt(100, 0)), 0);
        Event invalid = attempt(100, 1000);
        invalid.valid = false; // even with a timestamp set
        invalid.status = 400;
        QCOMPARE(appendOne(invalid), 0);
        QCOMPARE(appendOne(invalid), 0); // and never a first attempt either
        QCOMPARE(appendOne(attempt(100, 2000)), 1);
        Event unauthenticated = attempt(100, 3000); // VWO retries a 401 too
        unauthenticated.auth = AuthOutcome::Failed;
        unauthenticated.status = 401;
        QCOMPARE(appendOne(unauthenticated), 1);
    }

    void deliveryEndsAfterTheWindow()
    {
        QCOMPARE(appendOne(attempt(100, 0)), 0);               // 1
        QCOMPARE(appendOne(attempt(100, Window)), 1);          // 2: the last minute still counts
        QCOMPARE(appendOne(attempt(100, Window + 1)), 0);      // 3: too late: a new delivery
        QCOMPARE(appendOne(attempt(100, Window + 2000)), 3);   // 4
        QCOMPARE(appendOne(attempt(100, Window - Minute)), 3); // 5: a clock stepped back
        QCOMPARE(appendOne(attempt(100, 3 * Window)), 0);      // 6
    }

    void ungroupedEventsKeepTheirFields()
    {
        Event imported = makeEvent(1); // no payload timestamp: stored as given
        imported.deliveryOf = 42;
        imported.starred = true;
        const QList<Event> events = append({imported});
        QCOMPARE(events.first().deliveryOf, 42);
        compareEvents(m_store->latest(1).first(), imported);
    }

    void rebuildsAfterReopen()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto at = [&](qint64 timestamp, qint64 agoMs) {
            Event event = attempt(timestamp, 0);
            event.receivedAt = QDateTime::fromMSecsSinceEpoch(now - agoMs, Qt::UTC);
            return event;
        };
        Event binary = at(0, 10 * Minute); // valid = 1 but a body SQL cannot read as JSON
        binary.body = QByteArray("\xff\x00{\"timestamp\": 300}", 19);
        Event exponent = at(0, 10 * Minute); // written as a double; the receiver read 400
        exponent.body = R"({"timestamp": 4.0e2, "event": "e", "action": "a", "triggered_by": "v"})";
        const QList<Event> events = append({
            at(100, 70 * Minute), // 1: older than the window
            at(200, 30 * Minute), // 2: first attempt
            at(200, 29 * Minute), // 3: retry of 2
            binary,               // 4
            exponent,             // 5
            at(600, 20 * Minute), // 6
        });
        QCOMPARE(events.size(), 6);
        m_store->removeEvents({6}); // the newest: its id comes back, the map must not
        reopen();
        QCOMPARE(appendOne(at(200, 0)), 2);
        QCOMPARE(appendOne(at(100, 0)), 0); // 7: expired: a new delivery
        QCOMPARE(appendOne(at(100, 0)), 7);
        QCOMPARE(appendOne(at(400, 0)), 5); // the double reads as the same integer
        QCOMPARE(appendOne(at(300, 0)), 0); // the binary body was not read
        QCOMPARE(appendOne(at(600, 0)), 0); // the removed first attempt is not remembered
    }

    // After a reopen the store groups as it did before closing, whatever the clock says: the
    // window counts from now or, when the newest row is older, from that row.
    void rebuildDoesNotDependOnTheClock()
    {
        append({attempt(100, 0)}); // 2020
        reopen();
        QCOMPARE(appendOne(attempt(100, 2000)), 1);
        Event ahead = attempt(200, 0); // a clock far ahead of this one
        ahead.receivedAt = QDateTime::currentDateTimeUtc().addMSecs(2 * Window);
        QCOMPARE(append({ahead}).first().id, 3);
        reopen();
        Event retry = ahead;
        retry.receivedAt = retry.receivedAt.addSecs(2);
        QCOMPARE(appendOne(retry), 3);
    }

    void promotesWhenTheFirstAttemptIsRemoved()
    {
        append({attempt(100, 0), attempt(100, 1000), attempt(100, 2000), attempt(100, 3000),
                attempt(200, 3500)});
        QSignalSpy removed(m_store.get(), &EventStore::removed);
        m_store->removeEvents({1});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{2, 0}, {3, 2}, {4, 2}, {5, 0}}));
        QCOMPARE(appendOne(attempt(100, 4000)), 2); // 6
        m_store->removeEvents({4});                 // a retry: nothing else changes
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{2, 0}, {3, 2}, {5, 0}, {6, 2}}));
        m_store->removeEvents({2, 3, 5}); // the promoted one is one that stays
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{6, 0}}));
        QCOMPARE(appendOne(attempt(100, 5000)), 6);
        m_store->removeEvents({6, 7}); // the whole delivery: forgotten
        QCOMPARE(appendOne(attempt(100, 6000)), 0);
        QCOMPARE(m_store->count(), 1);
    }

    void promotesAfterPrune()
    {
        QList<Event> batch;
        for (int i = 0; i < 6; ++i)
            batch.append(attempt(100, i * 1000)); // 1 first, 2..6 retries
        batch.append(attempt(200, 7000));         // 7
        append(batch);
        m_store->setRetention(4);
        m_store->pruneNow(); // deletes 1..3
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{4, 0}, {5, 4}, {6, 4}, {7, 0}}));
        QCOMPARE(appendOne(attempt(100, 8000)), 4);
        QCOMPARE(appendOne(attempt(200, 8000)), 7);
        m_store->setRetention(1);
        m_store->pruneNow();
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{9, 0}}));
        QCOMPARE(appendOne(attempt(200, 9000)), 9);
        QCOMPARE(appendOne(attempt(100, 9000)), 0);
    }

    void clearForgetsDeliveries()
    {
        append({attempt(100, 0), attempt(100, 1000)});
        m_store->clearEvents();
        QCOMPARE(appendOne(attempt(200, 2000)), 0); // takes id 1 again
        QCOMPARE(appendOne(attempt(100, 3000)), 0); // so this must not point to it
        QCOMPARE(appendOne(attempt(100, 4000)), 2);
    }

    void failedBatchForgetsItsFirstAttempts()
    {
        RawConnection raw(dbPath());
        QVERIFY(
            raw.exec(QStringLiteral(
                         "CREATE TRIGGER reject BEFORE INSERT ON events WHEN NEW.received_at = %1 "
                         "BEGIN SELECT RAISE(ABORT, 'rejected by trigger'); END")
                         .arg(Start.toMSecsSinceEpoch() + 999)));
        QSignalSpy failed(m_store.get(), &EventStore::failed);
        m_store->append({attempt(100, 0), attempt(100, 999)});
        QCOMPARE(failed.size(), 1);
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER reject")));
        QCOMPARE(appendOne(attempt(200, 1000)), 0); // takes the rolled-back id 1
        QCOMPARE(appendOne(attempt(100, 2000)), 0);
    }

    void deletesAreOneTransaction()
    {
        append({attempt(100, 0), attempt(100, 1000)});
        RawConnection raw(dbPath());
        // The promotion's UPDATE fails: the delete must not stay behind without it.
        QVERIFY(raw.exec(QStringLiteral("CREATE TRIGGER reject BEFORE UPDATE OF delivery_of ON "
                                        "events BEGIN SELECT RAISE(ABORT, 'no promotion'); END")));
        QSignalSpy errors(m_store.get(), &EventStore::error);
        QSignalSpy removed(m_store.get(), &EventStore::removed);
        m_store->removeEvents({1});
        QCOMPARE(removed.size(), 0);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QLatin1String("no promotion")),
                 qPrintable(errors.first().first().toString()));
        QCOMPARE(stored(), (QList<QPair<qint64, qint64>>{{1, 0}, {2, 1}}));
        QCOMPARE(appendOne(attempt(100, 2000)), 1); // the map was left alone too
    }

    void starsAndUnstars()
    {
        fill(5);
        QSignalSpy starred(m_store.get(), &EventStore::starredChanged);
        QSignalSpy errors(m_store.get(), &EventStore::error);
        m_store->setStarred({4, 2, 4, 99}, true);
        QCOMPARE(starred.size(), 1);
        QCOMPARE(starred.first().at(0).value<QList<qint64>>(), (QList<qint64>{2, 4, 99}));
        QCOMPARE(starred.first().at(1).toBool(), true);
        const EventFilter isStarred = EventFilter::parse(u"is:starred");
        QList<qint64> ids;
        for (const Event &event : m_store->query(isStarred, 0))
            ids.append(event.id);
        QCOMPARE(ids, (QList<qint64>{4, 2}));
        QVERIFY(m_store->latest(0).at(0).starred == false);
        m_store->setStarred({4}, false);
        QCOMPARE(starred.size(), 2);
        QCOMPARE(starred.last().at(1).toBool(), false);
        QCOMPARE(m_store->countMatching(isStarred), 1);
        m_store->setStarred({}, true); // nothing to do, nothing to report
        QCOMPARE(starred.size(), 2);
        QCOMPARE(errors.size(), 0);
        // Starring survives a reopen (stored, not in memory).
        reopen();
        QCOMPARE(m_store->countMatching(isStarred), 1);
        QCOMPARE(m_store->latest(0).at(3).starred, true);
    }

    void starringReportsErrors()
    {
        fill(3);
        m_store->setBusyTimeout(100);
        QSignalSpy starred(m_store.get(), &EventStore::starredChanged);
        QSignalSpy errors(m_store.get(), &EventStore::error);
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("BEGIN IMMEDIATE")));
            m_store->setStarred({1, 2}, true);
            QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
        }
        QCOMPARE(starred.size(), 0);
        QCOMPARE(errors.size(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.startsWith(QLatin1String("Could not star 2 event(s): ")),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("is locked by another process")),
                 qPrintable(message));
        QCOMPARE(m_store->countMatching(EventFilter::parse(u"is:starred")), 0);
        m_store->close();
        m_store->setStarred({1}, false);
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.last().first().toString(),
                 QStringLiteral("Could not unstar 1 event(s): the event store is not open"));
    }

    // The in-memory part alone: expiry, the size bound and deletes.
    void trackerExpiresOldFirstAttempts()
    {
        DeliveryTracker tracker;
        const QString endpoint = QStringLiteral("default");
        tracker.recordFirst(endpoint, 1, {1, 0});
        tracker.recordFirst(endpoint, 2, {2, 1000});
        QCOMPARE(tracker.firstAttempt(endpoint, 1, Window), 1);
        QCOMPARE(tracker.firstAttempt(endpoint, 1, Window + 1), 0);
        QCOMPARE(tracker.firstAttempt(endpoint, 3, 0), 0);
        tracker.recordFirst(endpoint, 3, {3, Window + 500}); // 1 is now out of every window
        QCOMPARE(tracker.size(), 2);
        QCOMPARE(tracker.firstAttempt(endpoint, 2, Window + 500), 2);
        tracker.recordFirst(endpoint, 2, {4, 3 * Window}); // replaces 2, expires 3
        QCOMPARE(tracker.size(), 1);
        QCOMPARE(tracker.firstAttempt(endpoint, 2, 3 * Window), 4);
    }

    void trackerStaysBounded()
    {
        DeliveryTracker tracker;
        const qsizetype total = DeliveryTracker::MaxEntries + 100;
        for (qsizetype i = 1; i <= total; ++i)
            tracker.recordFirst(QStringLiteral("default"), i, {i, i});
        QCOMPARE(tracker.size(), DeliveryTracker::MaxEntries);
        QCOMPARE(tracker.firstAttempt(QStringLiteral("default"), 1, total), 0); // the oldest went
        QCOMPARE(tracker.firstAttempt(QStringLiteral("default"), total, total), total);
    }

    void trackerFollowsDeletes()
    {
        DeliveryTracker tracker;
        const QString endpoint = QStringLiteral("default");
        tracker.recordFirst(endpoint, 1, {1, 0});
        tracker.recordFirst(endpoint, 2, {2, 0});
        tracker.recordFirst(endpoint, 3, {3, 0});
        tracker.applyDeletes([](qint64 id) { return id <= 2; }, {{1, {5, 10}}});
        QCOMPARE(tracker.firstAttempt(endpoint, 1, 10), 5);
        QCOMPARE(tracker.firstAttempt(endpoint, 2, 0), 0);
        QCOMPARE(tracker.firstAttempt(endpoint, 3, 0), 3);
        QCOMPARE(tracker.size(), 2);
        tracker.clear();
        QCOMPARE(tracker.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventDeliveries)
#include "tst_eventdeliveries.moc"
