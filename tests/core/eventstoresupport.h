#pragma once

#include "events/event.h"
#include "events/eventstore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

// Fixtures shared by the event store's tests.
namespace storetest {

using namespace hookbench;

// A second, independent connection to the same file: plays "another process".
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            qWarning("raw SQL failed: %s: %s", qPrintable(sql),
                     qPrintable(query.lastError().text()));
        return query.isActive();
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    QSqlDatabase m_db;
};

inline Event makeEvent(int i)
{
    Event event;
    event.endpoint = QStringLiteral("default");
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(1606482285000 + i, Qt::UTC);
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "n=" + QByteArray::number(i);
    event.headers = {{"Host", "127.0.0.1:4000"},
                     {"Content-Type", "application/json"},
                     {"x-vwo-auth", "0123456789abcdef0123456789abcdef"},
                     {"User-Agent", "VWO-Webhook"}};
    event.body = R"({"timestamp": 1606482285, "event": "settings_changed", )"
                 R"("action": "campaign_settings_changed", "triggered_by": "vwo"})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = quint16(40000 + i % 1000);
    event.size = 250 + event.body.size();
    event.status = 200;
    event.handlingMicros = 42 + i;
    event.auth = AuthOutcome::Ok;
    event.keyId = QStringLiteral("key-1");
    event.valid = true;
    return event;
}

inline QList<Event> makeBatch(int size, int first = 0)
{
    QList<Event> batch;
    for (int i = 0; i < size; ++i)
        batch.append(makeEvent(first + i));
    return batch;
}

// QCOMPARE inside: callers check QTest::currentTestFailed() when they go on.
inline void compareEvents(const Event &actual, const Event &expected)
{
    QCOMPARE(actual.endpoint, expected.endpoint);
    QCOMPARE(actual.receivedAt, expected.receivedAt);
    QCOMPARE(actual.receivedAt.timeSpec(), Qt::UTC);
    QCOMPARE(actual.method, expected.method);
    QCOMPARE(actual.path, expected.path);
    QCOMPARE(actual.query, expected.query);
    QCOMPARE(actual.headers, expected.headers);
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.remoteAddress, expected.remoteAddress);
    QCOMPARE(actual.remotePort, expected.remotePort);
    QCOMPARE(actual.size, expected.size);
    QCOMPARE(actual.status, expected.status);
    QCOMPARE(actual.handlingMicros, expected.handlingMicros);
    QCOMPARE(actual.auth, expected.auth);
    QCOMPARE(actual.keyId, expected.keyId);
    QCOMPARE(actual.valid, expected.valid);
    QCOMPARE(actual.error, expected.error);
    QCOMPARE(actual.deliveryOf, expected.deliveryOf);
    QCOMPARE(actual.starred, expected.starred);
}

// Base of test classes that need a fresh store (retention off) in its own temporary folder for
// every test function: call openFreshStore() from init() and closeStore() from cleanup().
class StoreTestCase : public QObject
{
protected:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }

    void openFreshStore()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<EventStore>();
        m_store->setRetention(0);
        QCOMPARE(m_store->open(dbPath()), QString());
    }
    void closeStore() { m_store.reset(); }

    // Every third event is a 401; ids 1..count.
    void fill(int count)
    {
        QList<Event> batch = makeBatch(count);
        for (int i = 0; i < count; ++i)
            batch[i].status = i % 3 == 0 ? 401 : 200;
        m_store->append(batch);
        QCOMPARE(m_store->count(), count);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventStore> m_store;
};

// A second writer (think: another process) appending batches to the same file on its own
// thread until stopped, so tests can check that reads and deletes coexist with it (WAL).
class ConcurrentAppender
{
public:
    ConcurrentAppender(const QString &path, int batchSize, int firstMarker)
        : m_thread(QThread::create([this, path, batchSize, firstMarker] {
            EventStore store;
            store.setRetention(0);
            if (!store.open(path).isEmpty())
                return;
            for (int i = 0; !m_stop; ++i) {
                store.append(makeBatch(batchSize, firstMarker + i * batchSize));
                m_appended += batchSize;
            }
        }))
    {
        m_thread->start();
    }
    ~ConcurrentAppender() { stop(); }
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    int appended() const { return m_appended; }

private:
    std::atomic_bool m_stop{false};
    std::atomic_int m_appended{0};
    std::unique_ptr<QThread> m_thread;
};

} // namespace storetest
