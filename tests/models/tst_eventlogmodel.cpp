#include "eventlogmodel.h"

#include "events/eventstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

// Odd ids answer 401 (auth failed), even ones 200: half of the log matches status:401.
Event makeEvent(int n)
{
    Event event;
    event.receivedAt = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).addMSecs(n);
    event.method = QByteArrayLiteral("POST");
    event.path = "/vwo-webhook/" + QByteArray::number(n);
    event.body = R"({"n":)" + QByteArray::number(n) + '}';
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = 40000;
    event.size = 100 + n;
    event.handlingMicros = 420;
    const bool refused = n % 2 == 1;
    event.status = refused ? 401 : 200;
    event.auth = refused ? AuthOutcome::Failed : AuthOutcome::Ok;
    event.valid = !refused;
    return event;
}

QList<Event> makeBatch(int first, int count)
{
    QList<Event> batch;
    for (int n = first; n < first + count; ++n)
        batch.append(makeEvent(n));
    return batch;
}

// A valid VWO webhook; attempts with the same payload timestamp are one delivery.
Event makeAttempt(qint64 timestamp, int status)
{
    Event event = makeEvent(0);
    event.path = QByteArrayLiteral("/vwo-webhook");
    event.body = R"({"timestamp":)" + QByteArray::number(timestamp) +
                 R"(,"event":"settings_changed","action":"campaign_settings_changed",)"
                 R"("triggered_by":"vwo"})";
    event.valid = true;
    event.payloadTimestamp = timestamp;
    event.status = status;
    event.auth = status == 401 ? AuthOutcome::Failed : AuthOutcome::Ok;
    return event;
}

bool isPlaceholder(const QVariant &value)
{
    return value.toString() == EventLogDisplay::placeholderText();
}

} // namespace

class TestEventLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsAllRows();
    void readsPagesFarApart();
    void liveBatchInsertsOnce();
    void filterReloadsAndFiltersLive();
    void invalidFilterMatchesNothing();
    void liveDuringLoadNeitherLostNorDuplicated();
    void cacheStaysWithinLimit();
    void prunedRowsShowAsDeleted();
    void columnsAndDecoration();
    void loadsNewestFirst();
    void cancelKeepsRowsFound();
    void deliveriesGroupRetries();
    void deliveryFollowsLiveRetries();
    void deliveryShowsWhenAnyAttemptMatches();

private:
    // A store of `count` events (ids 1..count) in a fresh directory, and a model over it.
    void fill(int count);
    QList<Event> commit(const QList<Event> &batch); // through the store: ids filled in
    void openModel();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<EventLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_next = 0;
};

void TestEventLogModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<EventStore>();
    m_store->setRetention(0);
    QCOMPARE(m_store->open(m_dir->filePath(QStringLiteral("events.sqlite"))), QString());
    m_next = 0;
    m_model = std::make_unique<EventLogModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestEventLogModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_store.reset();
    m_dir.reset();
}

QList<Event> TestEventLogModel::commit(const QList<Event> &batch)
{
    QSignalSpy committed(m_store.get(), &EventStore::committed);
    m_store->append(batch);
    if (committed.size() != 1)
        return {};
    m_next += int(batch.size());
    return committed.at(0).at(0).value<QList<Event>>();
}

void TestEventLogModel::fill(int count)
{
    for (int done = 0; done < count; done += 500)
        QCOMPARE(commit(makeBatch(m_next, qMin(500, count - done))).size(),
                 qMin(500, count - done));
}

void TestEventLogModel::openModel()
{
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->setDatabase(m_store->path());
    QVERIFY(m_model->isLoading());
    QTRY_COMPARE(loaded.size(), 1);
    QVERIFY(!m_model->isLoading());
}

void TestEventLogModel::loadsAllRows()
{
    fill(3000);
    QSignalSpy loading(m_model.get(), &EventLogModel::loadingChanged);
    openModel();
    QCOMPARE(m_model->rowCount(), 3000);
    QCOMPARE(loading.size(), 2); // on, then off
    QCOMPARE(m_model->idAt(0), 1);
    QCOMPARE(m_model->idAt(2999), 3000);
    QCOMPARE(m_model->rowOfId(1234), 1233);
}

void TestEventLogModel::readsPagesFarApart()
{
    fill(3000);
    m_model->setCachePageLimit(4); // the model tester reads rows too: keep pages to re-read
    openModel();
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QList<Event> stored = m_store->latest(0); // newest first
    std::reverse(stored.begin(), stored.end());
    for (const int row : {2999, 0, 1500, 777}) {
        const QModelIndex time = m_model->index(row, EventLogDisplay::TimeColumn);
        const QModelIndex path = m_model->index(row, EventLogDisplay::PathColumn);
        QTRY_VERIFY(!isPlaceholder(time.data()));
        QCOMPARE(path.data().toString(), QString::fromUtf8(stored.at(row).path));
        const Event event = m_model->eventAt(row);
        QCOMPARE(event.id, stored.at(row).id);
        QCOMPARE(event.body, stored.at(row).body);
        QCOMPARE(m_model->index(row, 0).data(EventLogModel::EventRole).value<Event>().id,
                 stored.at(row).id);
    }
    QVERIFY(changed.size() >= 3); // a page read each: at most one of them was still cached
    QCOMPARE(m_model->index(5, EventLogDisplay::HandlingColumn).data().toString(),
             QStringLiteral("0.42 ms"));
}

void TestEventLogModel::liveBatchInsertsOnce()
{
    fill(1000);
    openModel();
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    connect(m_store.get(), &EventStore::committed, m_model.get(), &EventLogModel::appendEvents);
    for (const int size : {1, 7, 300})
        commit(makeBatch(m_next, size));
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 1008);
    QCOMPARE(inserted.at(2).at(2).toInt(), 1307);
    QCOMPARE(m_model->rowCount(), 1308);
    // Live rows come with their data: no read, no placeholder.
    QCOMPARE(m_model->eventAt(1307).id, 1308);
    QVERIFY(!isPlaceholder(m_model->index(1000, 0).data()));
}

void TestEventLogModel::filterReloadsAndFiltersLive()
{
    fill(2000);
    openModel();
    connect(m_store.get(), &EventStore::committed, m_model.get(), &EventLogModel::appendEvents);
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->setFilter(EventFilter::parse(u"status:401"));
    QVERIFY(m_model->isLoading());
    QCOMPARE(m_model->rowCount(), 0);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 1000);
    for (int row = 0; row < m_model->rowCount(); row += 97) {
        QCOMPARE(m_model->idAt(row) % 2, 0); // n odd -> id even
        const QModelIndex status = m_model->index(row, EventLogDisplay::StatusColumn);
        QTRY_VERIFY(!isPlaceholder(m_model->index(row, 0).data()));
        QCOMPARE(status.data().toInt(), 401);
    }
    commit(makeBatch(m_next, 10)); // five of them 401
    QCOMPARE(m_model->rowCount(), 1005);
    QCOMPARE(m_model->eventAt(1004).status, 401);

    m_model->setFilter(EventFilter());
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(m_model->rowCount(), 2010);
}

void TestEventLogModel::invalidFilterMatchesNothing()
{
    fill(100);
    openModel();
    const EventFilter filter = EventFilter::parse(u"status:(");
    QVERIFY(!filter.isValid());
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->setFilter(filter);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    m_model->appendEvents(commit(makeBatch(m_next, 3)));
    QCOMPARE(m_model->rowCount(), 0);
}

void TestEventLogModel::liveDuringLoadNeitherLostNorDuplicated()
{
    fill(2000);
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->setDatabase(m_store->path());
    QVERIFY(m_model->isLoading());
    // Committed before the reader's snapshot: the load sees them and so does appendEvents.
    m_model->appendEvents(commit(makeBatch(m_next, 50)));
    // Committed after the snapshot (simulated with ids beyond the store's): only live has them.
    QList<Event> later = makeBatch(m_next, 20);
    for (int i = 0; i < later.size(); ++i)
        later[i].id = 2051 + i;
    m_model->appendEvents(later);
    QCOMPARE(m_model->rowCount(), 0); // held, not shown under a loading filter
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 2070);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->idAt(row), row + 1);
    // Rows only live delivered are in the cache already: the store could not supply them.
    QCOMPARE(m_model->eventAt(2069).id, 2070);
}

void TestEventLogModel::cacheStaysWithinLimit()
{
    fill(3000); // 12 pages
    m_model->setCachePageLimit(4);
    openModel();
    for (int row = 0; row < 3000; row += EventLogModel::PageSize) {
        QTRY_VERIFY(!isPlaceholder(m_model->index(row, 0).data()));
        QVERIFY(m_model->cachedPageCount() <= 4);
    }
    QCOMPARE(m_model->cachedPageCount(), 4);
    // An evicted page is read again when wanted.
    QTRY_COMPARE(m_model->eventAt(0).id, 1);
    QVERIFY(m_model->cachedPageCount() <= 4);
}

void TestEventLogModel::prunedRowsShowAsDeleted()
{
    fill(2000);
    openModel();
    m_store->setRetention(1000);
    m_store->pruneNow();
    QCOMPARE(m_store->count(), 1000);
    // Rows read before the prune stay as read; evict them. The model tester reads the first
    // rows on every change, which would keep them cached.
    m_tester.reset();
    m_model->setCachePageLimit(4);
    for (const int row : {1999, 1700, 1400, 1100})
        QTRY_VERIFY(!isPlaceholder(m_model->index(row, 0).data()));
    const QModelIndex first = m_model->index(0, 0);
    QTRY_COMPARE(first.data().toString(), EventLogDisplay::deletedText());
    QCOMPARE(m_model->eventAt(0).id, 0);
    QTRY_VERIFY(!isPlaceholder(m_model->index(1999, 0).data()));
    QCOMPARE(m_model->eventAt(1999).id, 2000);
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->reload();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 1000);
}

void TestEventLogModel::columnsAndDecoration()
{
    fill(2);
    openModel();
    QCOMPARE(m_model->columnCount(), int(EventLogDisplay::ColumnCount));
    QCOMPARE(m_model->headerData(EventLogDisplay::HandlingColumn, Qt::Horizontal).toString(),
             QStringLiteral("Handling"));
    const QModelIndex ok = m_model->index(0, 0);
    const QModelIndex refused = m_model->index(1, 0);
    QTRY_VERIFY(!isPlaceholder(refused.data()));
    QVERIFY(!ok.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!refused.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!m_model->index(0, EventLogDisplay::StatusColumn).data(Qt::ForegroundRole).isValid());
    QVERIFY(m_model->index(1, EventLogDisplay::StatusColumn).data(Qt::ForegroundRole).isValid());
    QCOMPARE(EventLogDisplay::outcome(m_model->eventAt(1)), EventLogDisplay::Outcome::Refused);
}

void TestEventLogModel::loadsNewestFirst()
{
    fill(20000);
    QSignalSpy progress(m_model.get(), &EventLogModel::loadProgress);
    QList<qint64> newestAtFirstInsert;
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, [&] {
        if (newestAtFirstInsert.isEmpty())
            newestAtFirstInsert = {m_model->idAt(0), m_model->idAt(m_model->rowCount() - 1)};
    });
    openModel();
    // The first rows in are the newest; older ranges are put in front of them.
    QCOMPARE(newestAtFirstInsert.size(), 2);
    QCOMPARE(newestAtFirstInsert.at(1), 20000);
    QVERIFY(newestAtFirstInsert.at(0) > 1);
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.constLast().at(0).toLongLong(), 20000); // matched
    QCOMPARE(progress.constLast().at(1).toLongLong(), 20000); // scanned, of...
    QCOMPARE(progress.constLast().at(2).toLongLong(), 20000); // ...the span
    QVERIFY(m_model->isComplete());
    QCOMPARE(m_model->rowCount(), 20000);
    for (int row = 0; row < 20000; row += 1999)
        QCOMPARE(m_model->idAt(row), row + 1);
    // Rows read before the older ones came in still show the right events.
    QTRY_COMPARE(m_model->eventAt(19999).id, 20000);
    QTRY_COMPARE(m_model->eventAt(0).id, 1);
}

void TestEventLogModel::cancelKeepsRowsFound()
{
    fill(20000);
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    connect(m_model.get(), &EventLogModel::loadProgress, m_model.get(), &EventLogModel::cancelLoad);
    m_model->setDatabase(m_store->path());
    QTRY_VERIFY(!m_model->isLoading());
    QVERIFY(!m_model->isComplete());
    const int rows = m_model->rowCount();
    QVERIFY(rows > 0 && rows < 20000);
    QCOMPARE(m_model->matchedCount(), rows);
    QCOMPARE(m_model->idAt(rows - 1), 20000);
    QTest::qWait(200); // nothing more arrives once stopped
    QCOMPARE(m_model->rowCount(), rows);
    QCOMPARE(loaded.size(), 0);
    QTRY_COMPARE(m_model->eventAt(rows - 1).id, 20000); // pages still read
    // Live requests still come in.
    disconnect(m_model.get(), &EventLogModel::loadProgress, m_model.get(),
               &EventLogModel::cancelLoad);
    m_model->appendEvents(commit(makeBatch(m_next, 2)));
    QCOMPARE(m_model->rowCount(), rows + 2);
}

void TestEventLogModel::deliveriesGroupRetries()
{
    // A lone request, then a delivery refused twice and accepted on the third attempt.
    commit({makeEvent(0)});
    const QList<Event> attempts = commit(
        {makeAttempt(1700000000, 401), makeAttempt(1700000000, 401), makeAttempt(1700000000, 200)});
    QCOMPARE(attempts.size(), 3);
    QCOMPARE(attempts.at(1).deliveryOf, attempts.at(0).id);
    openModel();
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->attemptCount(0), 1);
    QCOMPARE(m_model->attemptCount(1), 3);
    QCOMPARE(m_model->idAt(1), attempts.at(0).id);
    QCOMPARE(m_model->idsAt(1),
             (QList<qint64>{attempts.at(0).id, attempts.at(1).id, attempts.at(2).id}));
    const QModelIndex status = m_model->index(1, EventLogDisplay::StatusColumn);
    QTRY_COMPARE(status.data().toInt(), 200); // the final outcome
    QCOMPARE(m_model->index(1, EventLogDisplay::AttemptsColumn).data().toString(),
             EventLogDisplay::deliveryText(3, false));
    QTRY_COMPARE(m_model->eventAt(1).id, attempts.at(2).id); // the detail shows the final one
    QVERIFY(m_model->index(0, EventLogDisplay::AttemptsColumn).data().toString().isEmpty());

    m_model->setExpanded(1, true);
    QVERIFY(m_model->isExpanded(1));
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(m_model->index(1, EventLogDisplay::AttemptsColumn).data().toString(),
             EventLogDisplay::deliveryText(3, true));
    for (int i = 0; i < 3; ++i) {
        const int row = 2 + i;
        QVERIFY(m_model->isAttemptRow(row));
        QCOMPARE(m_model->idAt(row), attempts.at(i).id);
        // The first attempt's id stands for its delivery.
        QCOMPARE(m_model->rowOfId(attempts.at(i).id), i == 0 ? 1 : row);
        QCOMPARE(m_model->index(row, EventLogDisplay::AttemptsColumn).data().toString(),
                 EventLogDisplay::attemptText(i + 1));
        QTRY_COMPARE(m_model->index(row, EventLogDisplay::StatusColumn).data().toInt(),
                     attempts.at(i).status);
    }
    m_model->setExpanded(2, true); // an attempt row does not expand
    QCOMPARE(m_model->rowCount(), 5);
    m_model->setExpanded(1, false);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOfId(attempts.at(2).id), 1); // collapsed: its delivery
    m_model->setExpanded(0, true);                    // a lone request has nothing to list
    QCOMPARE(m_model->rowCount(), 2);
}

void TestEventLogModel::deliveryFollowsLiveRetries()
{
    const QList<Event> first = commit({makeAttempt(1700000100, 500)});
    openModel();
    connect(m_store.get(), &EventStore::committed, m_model.get(), &EventLogModel::appendEvents);
    QSignalSpy live(m_model.get(), &EventLogModel::liveRowsAppended);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const QList<Event> retry = commit({makeAttempt(1700000100, 500)});
    QCOMPARE(m_model->rowCount(), 1); // no new row: the delivery has two attempts now
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(live.size(), 0);
    QCOMPARE(m_model->attemptCount(0), 2);
    m_model->setExpanded(0, true);
    QCOMPARE(m_model->rowCount(), 3);
    const QList<Event> accepted = commit({makeAttempt(1700000100, 200)});
    QCOMPARE(m_model->rowCount(), 4); // listed under the open delivery at once
    QCOMPARE(m_model->idAt(3), accepted.at(0).id);
    QCOMPARE(m_model->eventAt(3).status, 200); // live attempts need no read
    // The delivery row also needs its first attempt, read from the store on demand.
    QTRY_COMPARE(m_model->index(0, EventLogDisplay::StatusColumn).data().toInt(), 200);
    QCOMPARE(live.size(), 0);
    commit({makeAttempt(1700000200, 200)}); // another delivery: a new row at the end
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(live.size(), 1);
    QCOMPARE(m_model->attemptCount(4), 1);
    Q_UNUSED(first);
    Q_UNUSED(retry);
}

void TestEventLogModel::deliveryShowsWhenAnyAttemptMatches()
{
    commit({makeEvent(0)}); // 200, not part of a delivery
    const QList<Event> attempts =
        commit({makeAttempt(1700000300, 401), makeAttempt(1700000300, 200)});
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->setDatabase(m_store->path());
    m_model->setFilter(EventFilter::parse(u"status:401"));
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->idAt(0), attempts.at(0).id);
    QCOMPARE(m_model->matchedCount(), 1);
    QCOMPARE(m_model->attemptCount(0), 2); // every attempt, for context
    // A delivery whose first attempt does not match still shows at its place.
    m_model->setFilter(EventFilter::parse(u"status:200"));
    QTRY_COMPARE(loaded.size(), 2);
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->idAt(1), attempts.at(0).id);
    QCOMPARE(m_model->matchedCount(), 2);
}

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
