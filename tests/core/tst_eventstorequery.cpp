#include "events/eventstore.h"
#include "eventstoresupport.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace hookbench;
using namespace storetest;

// EventStore's filtered reads: paging newest first, chunked counts, cancelling.
class TestEventStoreQuery : public StoreTestCase
{
    Q_OBJECT

private:
    // Ids spread thinly over a wide span, so one count takes several chunks.
    void fillSparse(int rows, qint64 step)
    {
        m_store->close();
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(
                QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                               "WHERE i < %1) INSERT INTO events (id, endpoint, received_at, "
                               "status, auth) SELECT i * %2, 'default', i, "
                               "CASE WHEN i % 2 THEN 401 ELSE 200 END, 'ok' FROM n")
                    .arg(rows)
                    .arg(step)));
        }
        QCOMPARE(m_store->open(dbPath()), QString());
    }

    // SQLite's plan for the compiled filter, one line per step.
    QString plan(const QString &select)
    {
        QString steps;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plan"));
            db.setDatabaseName(dbPath());
            db.open();
            QSqlQuery query(db);
            if (!query.exec(QLatin1String("EXPLAIN QUERY PLAN ") + select))
                steps = query.lastError().text();
            while (query.next())
                steps += query.value(3).toString() + QLatin1Char('\n');
        }
        QSqlDatabase::removeDatabase(QStringLiteral("plan"));
        return steps;
    }

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void pagesBackwardsNewestFirst()
    {
        fill(250); // 401s: ids 1, 4, ..., 250 (84 of them)
        const EventFilter filter = EventFilter::parse(u"status:401");
        QList<qint64> seen;
        qint64 before = 0;
        for (int page = 0; page < 10; ++page) {
            const QList<Event> events = m_store->query(filter, 30, before);
            if (events.isEmpty())
                break;
            QVERIFY(events.size() <= 30);
            for (const Event &event : events) {
                QCOMPARE(event.status, 401);
                seen.append(event.id);
            }
            before = events.last().id;
        }
        QCOMPARE(seen.size(), 84);
        QCOMPARE(seen.first(), 250);
        QCOMPARE(seen.last(), 1);
        QVERIFY(std::is_sorted(seen.rbegin(), seen.rend()));
        QCOMPARE(m_store->query(filter, 30, 1).size(), 0);
    }

    void emptyFilterIsLatest()
    {
        fill(40);
        const QList<Event> all = m_store->query(EventFilter(), 10);
        const QList<Event> latest = m_store->latest(10);
        QCOMPARE(all.size(), 10);
        for (int i = 0; i < 10; ++i)
            compareEvents(all[i], latest[i]);
        QCOMPARE(m_store->query(EventFilter::parse(u"  "), 0).size(), 40);
        QCOMPARE(m_store->countMatching(EventFilter()), 40);
    }

    void invalidFilterFindsNothing()
    {
        fill(10);
        const EventFilter bad = EventFilter::parse(u"status:");
        QVERIFY(!bad.isValid());
        QCOMPARE(m_store->query(bad, 10).size(), 0);
        QCOMPARE(m_store->countMatching(bad), -1);
    }

    void sinceUsesTheGivenClock()
    {
        fill(10); // received 1606482285000 + i ms
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1606482285000 + 9 + 1000, Qt::UTC);
        const EventFilter filter = EventFilter::parse(u"since:1s");
        QCOMPARE(m_store->query(filter, 0, 0, now).size(), 1);
        QCOMPARE(m_store->countMatching(filter, nullptr, {}, now), 1);
        QCOMPARE(m_store->query(filter, 0).size(), 0); // by the real clock: long ago
    }

    // SQLite uses a partial index only when the query's WHERE implies the index's: the compiler
    // writes those terms. Whether it then picks one is the planner's call (`is:retry` newest
    // first walks the table; its index serves counts and the store's delivery bookkeeping).
    void filtersUseThePartialIndexes_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("index"); // expected in the plan; "-name": must not be
        QTest::addColumn<bool>("newestFirst");
        QTest::addRow("is:starred") << "is:starred"
                                    << "events_starred" << true;
        QTest::addRow("is:starred count") << "is:starred"
                                          << "events_starred" << false;
        QTest::addRow("is:retry count") << "is:retry"
                                        << "events_retries" << false;
        QTest::addRow("status:401") << "status:401"
                                    << "events_status_unusual" << true;
        QTest::addRow("status:401 count") << "status:401"
                                          << "events_status_unusual" << false;
        QTest::addRow("status:500 auth:ok") << "status:500 auth:ok"
                                            << "events_status_unusual" << true;
        QTest::addRow("auth:failed") << "auth:failed"
                                     << "events_auth_problem" << true;
        QTest::addRow("auth:missing count") << "auth:missing"
                                            << "events_auth_problem" << false;
        // A range's index rows need sorting: slower than walking the table when common.
        QTest::addRow("status:4xx") << "status:4xx"
                                    << "-events_status_unusual" << true;
        QTest::addRow("status:200") << "status:200"
                                    << "-events_status_unusual" << false;
        QTest::addRow("auth:ok") << "auth:ok"
                                 << "-events_auth_problem" << false;
    }
    void filtersUseThePartialIndexes()
    {
        QFETCH(QString, filter);
        QFETCH(QString, index);
        QFETCH(bool, newestFirst);
        fill(10);
        const EventFilter::Sql sql = EventFilter::parse(filter).compile(QDateTime());
        QString select = QLatin1String(newestFirst ? "SELECT * FROM events WHERE ("
                                                   : "SELECT count(*) FROM events WHERE (") +
                         sql.where +
                         QLatin1String(newestFirst ? ") ORDER BY id DESC LIMIT 50" : ")");
        for (const QVariant &value : sql.values) // values inline, for EXPLAIN only
            select.replace(select.indexOf(QLatin1Char('?')), 1,
                           value.typeId() == QMetaType::QString
                               ? QLatin1Char('\'') + value.toString() + QLatin1Char('\'')
                               : value.toString());
        const QString steps = plan(select);
        if (index.startsWith(QLatin1Char('-')))
            QVERIFY2(!steps.contains(index.mid(1)), qPrintable(steps));
        else
            QVERIFY2(steps.contains(index), qPrintable(steps));
        // Whatever the plan, the answer is the same (every third of fill()'s events is a 401).
        const EventFilter parsed = EventFilter::parse(filter);
        QCOMPARE(m_store->countMatching(parsed), qint64(m_store->query(parsed, 0).size()));
    }

    void countsInChunksWithProgress()
    {
        fillSparse(400, 1000); // ids 1000..400000: 8 chunks of 50,000 ids
        QList<EventStore::CountProgress> steps;
        const qint64 count = m_store->countMatching(
            EventFilter::parse(u"status:401"), nullptr,
            [&](const EventStore::CountProgress &step) { steps.append(step); });
        QCOMPARE(count, 200);
        QCOMPARE(steps.size(), 8);
        QCOMPARE(steps.last().matched, 200);
        QCOMPARE(steps.last().scanned, steps.last().total);
        QCOMPARE(steps.last().total, 399001);
        for (qsizetype i = 1; i < steps.size(); ++i) {
            QVERIFY(steps[i].matched >= steps[i - 1].matched);
            QVERIFY(steps[i].scanned > steps[i - 1].scanned);
        }
        QCOMPARE(steps.first().matched, 25); // the newest 50,000 ids come first
        QCOMPARE(m_store->countMatching(EventFilter::parse(u"auth:failed")), 0);
    }

    void countCanBeCancelled()
    {
        fillSparse(400, 1000);
        std::atomic_bool cancel{false};
        int steps = 0;
        const qint64 count = m_store->countMatching(EventFilter::parse(u"status:401"), &cancel,
                                                    [&](const EventStore::CountProgress &) {
                                                        ++steps;
                                                        cancel = true; // e.g. the user typed on
                                                    });
        QCOMPARE(count, -1);
        QCOMPARE(steps, 1);
        steps = 0;
        QCOMPARE(m_store->countMatching(EventFilter(), &cancel,
                                        [&](const EventStore::CountProgress &) { ++steps; }),
                 -1);
        QCOMPARE(steps, 0);
        cancel = false;
        QCOMPARE(m_store->countMatching(EventFilter(), &cancel), 400);
    }

    void countsAnEmptyStore()
    {
        int steps = 0;
        QCOMPARE(m_store->countMatching(EventFilter::parse(u"status:401"), nullptr,
                                        [&](const EventStore::CountProgress &) { ++steps; }),
                 0);
        QCOMPARE(steps, 0);
    }

    void closedStoreAnswersNothing()
    {
        m_store->close();
        QCOMPARE(m_store->query(EventFilter(), 10).size(), 0);
        QCOMPARE(m_store->countMatching(EventFilter()), -1);
    }

    void removesIdsInOneTransaction()
    {
        fill(100);
        QSignalSpy removed(m_store.get(), &EventStore::removed);
        QSignalSpy errors(m_store.get(), &EventStore::error);
        QList<qint64> ids{50, 3, 3, 7, 1000};
        for (qint64 id = 60; id < 1260; ++id) // more ids than one IN chunk
            ids << id;
        m_store->removeEvents(ids);
        QCOMPARE(errors.size(), 0);
        QCOMPARE(removed.size(), 1);
        const QList<qint64> reported = removed.first().first().value<QList<qint64>>();
        QCOMPARE(reported.mid(0, 4), (QList<qint64>{3, 7, 50, 60}));
        QCOMPARE(reported.size(), 1203);
        QCOMPARE(m_store->count(), 100 - 3 - 41);
        const QList<Event> left = m_store->latest(0);
        for (const Event &event : left)
            QVERIFY(event.id != 3 && event.id != 7 && event.id != 50 && event.id < 60);
        m_store->removeEvents({});
        QCOMPARE(removed.size(), 1); // nothing asked, nothing done
    }

    void clearEmptiesTheStore()
    {
        fill(300);
        QSignalSpy cleared(m_store.get(), &EventStore::cleared);
        m_store->clearEvents();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(m_store->count(), 0);
        m_store->append(makeBatch(2));
        QCOMPARE(m_store->count(), 2);
    }

    void removeWhileAnotherWriterAppends()
    {
        fill(500);
        ConcurrentAppender writer(dbPath(), 20, 1000);
        QTRY_VERIFY(writer.appended() > 0);
        QSignalSpy removed(m_store.get(), &EventStore::removed);
        QSignalSpy errors(m_store.get(), &EventStore::error);
        for (qint64 id = 1; id <= 500; id += 50)
            m_store->removeEvents({id, id + 1});
        writer.stop();
        QCOMPARE(errors.size(), 0);
        QCOMPARE(removed.size(), 10);
        QCOMPARE(m_store->count(), 500 - 20 + writer.appended());
    }

    void deletesOnAClosedStoreReportErrors()
    {
        m_store->close();
        QSignalSpy errors(m_store.get(), &EventStore::error);
        m_store->removeEvents({1});
        m_store->clearEvents();
        QCOMPARE(errors.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestEventStoreQuery)
#include "tst_eventstorequery.moc"
