#include "events/eventrows.h"
#include "settingsstoresupport.h"

#include <QSignalSpy>
#include <QSqlQuery>

using namespace hookbench;
using namespace storetest;

// Event::settingsFetch as the event store reads it: from the settings history's tables when the
// file has them (also when they came after the store opened), never stored with the event.
class TestEventStoreFetchState : public StoreTestCase
{
    Q_OBJECT

private:
    // The store's events by id.
    QHash<qint64, Event> byId()
    {
        QHash<qint64, Event> events;
        for (const Event &event : m_store->latest(0))
            events.insert(event.id, event);
        return events;
    }

    // Ids 1..5 ask for a fetch; 6 is invalid, 7 failed x-vwo-auth: they ask for none.
    void fillWebhooks()
    {
        QList<Event> batch = makeBatch(7);
        batch[4].auth = AuthOutcome::NotRequired;
        batch[5].valid = false;
        batch[5].error = QStringLiteral("not a VWO webhook");
        batch[6].auth = AuthOutcome::Failed;
        QSignalSpy committed(m_store.get(), &EventStore::committed);
        m_store->append(batch);
        QCOMPARE(committed.size(), 1);
        // Committed events say so already: the GUI shows them without a read.
        const QList<Event> stored = committed.at(0).at(0).value<QList<Event>>();
        QCOMPARE(stored.at(0).settingsFetch, SettingsFetchState::None);
        QCOMPARE(stored.at(4).settingsFetch, SettingsFetchState::None);
        QCOMPARE(stored.at(5).settingsFetch, SettingsFetchState::NotApplicable);
        QCOMPARE(stored.at(6).settingsFetch, SettingsFetchState::NotApplicable);
    }

    // Records fetches through the settings history, on a connection of its own.
    void record(const QList<FetchRecord> &fetches)
    {
        SettingsVersionStore history;
        QCOMPARE(history.open(dbPath()), QString());
        for (const FetchRecord &fetch : fetches) {
            const QByteArray body = fetch.error.isEmpty() ? fixture("feature-rollout.json") : "";
            QCOMPARE(history.recordFetch(fetch, body), QString());
        }
    }

    int settingsTables()
    {
        RawConnection raw(dbPath());
        return raw
            .value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                  "name LIKE 'settings_fetch%'"))
            .toInt();
    }

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void withoutSettingsTables()
    {
        fillWebhooks();
        QCOMPARE(settingsTables(), 0);
        const QHash<qint64, Event> events = byId();
        for (qint64 id = 1; id <= 5; ++id)
            QCOMPARE(events.value(id).settingsFetch, SettingsFetchState::None);
        QCOMPARE(events.value(6).settingsFetch, SettingsFetchState::NotApplicable);
        QCOMPARE(events.value(7).settingsFetch, SettingsFetchState::NotApplicable);
        // Filtered reads too.
        const QList<Event> paged = m_store->query(EventFilter::parse(u"status:200"), 2, 5);
        QCOMPARE(paged.size(), 2);
        QCOMPARE(paged.at(0).settingsFetch, SettingsFetchState::None);
    }

    void severalFetchesPerEvent()
    {
        fillWebhooks();
        QCOMPARE(byId().value(1).settingsFetch, SettingsFetchState::None);
        // The tables come while the store is open (SettingsSync opens them after the receiver).
        const QString timedOut = QStringLiteral("timed out");
        record({settingstest::fetch({1, 3, 4}, timedOut), settingstest::fetch({1, 2}),
                settingstest::fetch({3}, timedOut), settingstest::fetch({4}),
                settingstest::fetch({2}, timedOut), settingstest::fetch({6})});
        QCOMPARE(settingsTables(), 2);
        const QHash<qint64, Event> events = byId();
        QCOMPARE(events.value(1).settingsFetch, SettingsFetchState::Fetched); // failed, then new
        QCOMPARE(events.value(2).settingsFetch, SettingsFetchState::Fetched); // new, then failed
        QCOMPARE(events.value(3).settingsFetch, SettingsFetchState::Failed);  // only failures
        QCOMPARE(events.value(4).settingsFetch, SettingsFetchState::Fetched); // then unchanged
        QCOMPARE(events.value(5).settingsFetch, SettingsFetchState::None);
        QCOMPARE(events.value(6).settingsFetch, SettingsFetchState::NotApplicable);
        QCOMPARE(events.value(7).settingsFetch, SettingsFetchState::NotApplicable);

        // A store opened on a file that has the tables finds them at once.
        m_store->close();
        QCOMPARE(m_store->open(dbPath()), QString());
        QCOMPARE(m_store->query(EventFilter::parse(u""), 1, 4).value(0).settingsFetch,
                 SettingsFetchState::Failed);
    }

    void reusedIdIgnoresOldFetches()
    {
        fillWebhooks();
        record({settingstest::fetch({1, 8})}); // 8 does not exist yet
        // After a clear, ids start over; event 8 comes after the fetch that named an old 8.
        Event later = makeEvent(1000);
        QVERIFY(later.receivedAt > settingstest::fetch().finishedAt);
        m_store->append({later});
        const QHash<qint64, Event> events = byId();
        QCOMPARE(events.value(1).settingsFetch, SettingsFetchState::Fetched);
        QCOMPARE(events.value(8).settingsFetch, SettingsFetchState::None);
    }

    void deliveryScopeCountsRetries()
    {
        Event first = makeEvent(0);
        first.payloadTimestamp = 1606482285;
        first.status = 500;
        Event retry = first;
        retry.receivedAt = first.receivedAt.addMSecs(100);
        m_store->append({first, makeEvent(1)});
        m_store->append({retry});
        QCOMPARE(byId().value(3).deliveryOf, 1);
        record({settingstest::fetch({1}, QStringLiteral("HTTP 503")), settingstest::fetch({3})});

        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("delivery"));
        {
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            SettingsFetchColumn column;
            const auto read = [&](SettingsFetchColumn::Scope scope) {
                QSqlQuery query(db);
                [&] {
                    QVERIFY2(query.exec(QLatin1String("SELECT id, ") + EventColumns +
                                        column.sql(db, scope) +
                                        QLatin1String(" FROM events ORDER BY id")),
                             qPrintable(query.lastError().text()));
                }();
                QList<SettingsFetchState> states;
                while (query.next())
                    states.append(eventFromRow(query, true).settingsFetch);
                return states;
            };
            using S = SettingsFetchState;
            QCOMPARE(read(SettingsFetchColumn::Request),
                     (QList<S>{S::Failed, S::None, S::Fetched}));
            // The first attempt stands for its delivery: its retry brought the file.
            QCOMPARE(read(SettingsFetchColumn::Delivery),
                     (QList<S>{S::Fetched, S::None, S::Fetched}));
            // One index probe per row, never a scan of the links.
            QSqlQuery plan(db);
            QVERIFY(plan.exec(QLatin1String("EXPLAIN QUERY PLAN SELECT id") +
                              column.sql(db, SettingsFetchColumn::Delivery) +
                              QLatin1String(" FROM events WHERE id IN (1, 2, 3)")));
            QString steps;
            while (plan.next())
                steps += plan.value(3).toString() + QLatin1Char('\n');
            QVERIFY2(steps.contains(QLatin1String("settings_fetch_events_event (event_id=?)")),
                     qPrintable(steps));
            QVERIFY2(!steps.contains(QLatin1String("SCAN l")), qPrintable(steps));
            QVERIFY2(!steps.contains(QLatin1String("SCAN f")), qPrintable(steps));
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("delivery"));
    }

    void neverStoredNorExported()
    {
        fillWebhooks();
        record({settingstest::fetch({1})});
        const Event read = byId().value(1);
        QCOMPARE(read.settingsFetch, SettingsFetchState::Fetched);
        Event plain = read;
        plain.settingsFetch = SettingsFetchState::NotApplicable;
        QCOMPARE(read.toJsonLine(), plain.toJsonLine());
        RawConnection raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM pragma_table_info('events')"
                                          " WHERE name LIKE '%fetch%' OR name LIKE '%settings%'"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestEventStoreFetchState)
#include "tst_eventstorefetchstate.moc"
