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
    QVERIFY(changed.size() >= 4); // one per page read
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
    QCOMPARE(inserted.size(), 0); // merged into the load's reset
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
    fill(1000);
    openModel();
    m_store->setRetention(500);
    m_store->pruneNow();
    QCOMPARE(m_store->count(), 500);
    const QModelIndex first = m_model->index(0, 0);
    QTRY_COMPARE(first.data().toString(), EventLogDisplay::deletedText());
    QCOMPARE(m_model->eventAt(0).id, 0);
    QTRY_VERIFY(!isPlaceholder(m_model->index(999, 0).data()));
    QCOMPARE(m_model->eventAt(999).id, 1000);
    QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
    m_model->reload();
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(m_model->rowCount(), 500);
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

QTEST_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
