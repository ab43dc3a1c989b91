#include "events/eventstore.h"
#include "eventstoresupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace hookbench;
using namespace storetest;

class TestEventStore : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
    static inline const QString CurrentIndexes =
        QStringLiteral("events_auth_problem,events_endpoint_id,events_forward_pending,"
                       "events_received_at,events_retries,events_starred,events_status_unusual");

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("Hookbench"));
        QCoreApplication::setApplicationName(QStringLiteral("hookbench"));
        QStandardPaths::setTestModeEnabled(true);
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QTest::failOnWarning(QRegularExpression(QStringLiteral("still in use|does not belong")));
    }

    void freshOpenCreatesCurrentSchema()
    {
        const QString path = m_dir->filePath(QStringLiteral("new/sub/events.sqlite"));
        EventStore store;
        QCOMPARE(store.open(path), QString());
        QVERIFY(store.isOpen());
        QCOMPARE(store.path(), path);
        QCOMPARE(store.schemaVersion(), EventStore::SchemaVersion);
        QCOMPARE(store.count(), 0);
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM pragma_table_info('events') "
                                          "WHERE name IN ('remote_port', 'key_id', "
                                          "'delivery_of', 'starred')"))
                     .toInt(),
                 4);
        QCOMPARE(raw.value(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM "
                                          "sqlite_master WHERE type = 'index' ORDER BY name)"))
                     .toString(),
                 CurrentIndexes);
    }

    void defaultPathIsInAppData()
    {
        QVERIFY(EventStore::defaultPath().endsWith(
            QStringLiteral("/Hookbench/hookbench/hookbench.sqlite")));
    }

    void roundTrip_data()
    {
        QTest::addColumn<Event>("event");
        QTest::addRow("typical") << makeEvent(1);
        Event binary = makeEvent(2);
        binary.body = QByteArray("\x00\x01\xff\xfe\r\n\"\\", 8) + QByteArray(70000, '\x80');
        binary.auth = AuthOutcome::Failed;
        binary.keyId.clear();
        binary.valid = false;
        binary.error = QStringLiteral("body is not JSON: unterminated object at line 1, column 3");
        QTest::addRow("binary body, invalid") << binary;
        Event odd = makeEvent(3);
        odd.method = "PURGE";
        odd.path = QByteArray("/caf\xc3\xa9/\xff\xfe", 9); // not UTF-8: must survive as bytes
        odd.query = "q=\xe2\x82\xac&x";
        odd.headers = {{"X-Quote", "a\"b\\c"},
                       {"X-Control", "tab\there\x01\x1f"},
                       {"X-Latin1", "\xe9\xff\x80"},
                       {"x-dup", "1"},
                       {"X-Dup", "2"},
                       {"X-Empty", ""}};
        odd.endpoint = QStringLiteral("staging \u00e9");
        odd.remoteAddress = QStringLiteral("::1");
        odd.remotePort = 65535;
        odd.auth = AuthOutcome::Missing;
        odd.status = 401;
        QTest::addRow("odd bytes and headers") << odd;
        Event empty;
        empty.receivedAt = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QTest::addRow("empty fields") << empty;
        Event retry = makeEvent(4); // no payload timestamp: stored as given, not regrouped
        retry.deliveryOf = 3;
        retry.starred = true;
        QTest::addRow("retry, starred") << retry;
    }
    void roundTrip()
    {
        QFETCH(Event, event);
        {
            EventStore store;
            QCOMPARE(store.open(dbPath()), QString());
            store.append({event});
            const QList<Event> events = store.latest(10);
            QCOMPARE(events.size(), 1);
            QCOMPARE(events.first().id, 1);
            compareEvents(events.first(), event);
        }
        EventStore reopened; // and it is really on disk
        QCOMPARE(reopened.open(dbPath()), QString());
        const QList<Event> events = reopened.latest(0);
        QCOMPARE(events.size(), 1);
        compareEvents(events.first(), event);
    }

    // The INSERT binds UTF-8 natively: text must stay TEXT (SQL can match it), non-UTF-8 bytes
    // and bodies BLOB, absent values NULL.
    void storesTextAsTextAndBytesAsBlobs()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        Event event = makeEvent(7);
        event.path = QByteArray("/\xff", 2);
        event.query = QByteArray();
        event.endpoint = QStringLiteral("caf\u00e9");
        store.append({event, makeEvent(8)});
        RawConnection raw(dbPath());
        QCOMPARE(
            raw.value(QStringLiteral("SELECT typeof(endpoint) || typeof(method) || typeof(path) || "
                                     "typeof(query) || typeof(headers) || typeof(body) || "
                                     "typeof(remote_address) || typeof(auth) || typeof(key_id) || "
                                     "typeof(error) FROM events WHERE id = 1"))
                .toString(),
            QStringLiteral("texttextblobnulltextblobtexttexttextnull"));
        QCOMPARE(
            raw.value(QStringLiteral("SELECT count(*) FROM events WHERE endpoint = 'caf\u00e9' "
                                     "AND method = 'POST' AND auth = 'ok' AND query IS NULL"))
                .toInt(),
            1);
        QCOMPARE(raw.value(QStringLiteral("SELECT query FROM events WHERE id = 2")).toString(),
                 QStringLiteral("n=8"));
        const QList<Event> events = store.latest(0);
        QCOMPARE(events.size(), 2);
        compareEvents(events.at(1), event);
    }

    void batchIdsAscendingInOrder()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QSignalSpy committed(&store, &EventStore::committed);
        const QList<Event> batch = makeBatch(100);
        store.append(batch);
        QCOMPARE(committed.size(), 1);
        const auto stored = committed.first().first().value<QList<Event>>();
        QCOMPARE(stored.size(), batch.size());
        for (int i = 0; i < stored.size(); ++i) {
            QCOMPARE(stored.at(i).id, i + 1);
            QCOMPARE(stored.at(i).query, batch.at(i).query);
        }
        const QList<Event> newest = store.latest(3);
        QCOMPARE(newest.size(), 3);
        QCOMPARE(newest.at(0).id, 100);
        QCOMPARE(newest.at(2).id, 98);
        QCOMPARE(newest.at(0).query, batch.last().query);
    }

    void committedOncePerBatch()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QSignalSpy committed(&store, &EventStore::committed);
        QSignalSpy failed(&store, &EventStore::failed);
        const QList<int> sizes{1, 5, 64};
        for (int size : sizes)
            store.append(makeBatch(size));
        store.append({}); // nothing to commit, nothing to report
        QCOMPARE(failed.size(), 0);
        QCOMPARE(committed.size(), sizes.size());
        qint64 nextId = 1;
        for (int i = 0; i < sizes.size(); ++i) {
            const auto events = committed.at(i).first().value<QList<Event>>();
            QCOMPARE(events.size(), sizes.at(i));
            for (const Event &event : events)
                QCOMPARE(event.id, nextId++);
        }
        QCOMPARE(store.count(), 70);
    }

    void migratesFromFirstRelease()
    {
        {
            RawConnection raw(dbPath());
            // Schema v1 exactly as released; never edit this.
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, endpoint TEXT NOT NULL, "
                "received_at INTEGER NOT NULL, method TEXT, path TEXT, query TEXT, headers TEXT, "
                "body BLOB, remote_address TEXT, size INTEGER, status INTEGER, handling_us "
                "INTEGER, auth TEXT, valid INTEGER, error TEXT)")));
            QVERIFY(raw.exec(
                QStringLiteral("CREATE INDEX events_endpoint_id ON events (endpoint, id)")));
            for (int i = 1; i <= 3; ++i) {
                QVERIFY(raw.exec(
                    QStringLiteral(
                        "INSERT INTO events VALUES (%1, 'default', %2, 'POST', '/vwo-webhook', '', "
                        "'[[\"Host\",\"h\"]]', x'7b7d', '10.0.0.%1', 120, 401, 7, 'missing', 0, "
                        "'no key')")
                        .arg(i)
                        .arg(1606482285000 + i)));
            }
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 1")));
        }
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QCOMPARE(store.schemaVersion(), EventStore::SchemaVersion);
        const QList<Event> events = store.latest(10);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events.first().id, 3);
        QCOMPARE(events.first().receivedAt, QDateTime::fromMSecsSinceEpoch(1606482285003, Qt::UTC));
        QCOMPARE(events.first().remoteAddress, QStringLiteral("10.0.0.3"));
        QCOMPARE(events.first().headers, HeaderList({{"Host", "h"}}));
        QCOMPARE(events.first().body, QByteArray("{}"));
        QCOMPARE(events.first().auth, AuthOutcome::Missing);
        QCOMPARE(events.first().error, QStringLiteral("no key"));
        QCOMPARE(events.first().remotePort, 0); // new columns defaulted
        QVERIFY(events.first().keyId.isNull());
        QCOMPARE(events.first().deliveryOf, 0);
        QCOMPARE(events.first().starred, false);
        store.append(makeBatch(2));
        QCOMPARE(store.latest(1).first().id, 5);
        QCOMPARE(store.latest(1).first().keyId, QStringLiteral("key-1"));
    }

    // v2 as released (v1 + remote_port, key_id, events_received_at): rows keep every value, the
    // delivery columns start empty, and grouping works on the upgraded file.
    void migratesFromV2()
    {
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, endpoint TEXT NOT NULL, "
                "received_at INTEGER NOT NULL, method TEXT, path TEXT, query TEXT, headers TEXT, "
                "body BLOB, remote_address TEXT, size INTEGER, status INTEGER, handling_us "
                "INTEGER, auth TEXT, valid INTEGER, error TEXT, remote_port INTEGER NOT NULL "
                "DEFAULT 0, key_id TEXT)")));
            QVERIFY(raw.exec(
                QStringLiteral("CREATE INDEX events_endpoint_id ON events (endpoint, id)")));
            QVERIFY(raw.exec(
                QStringLiteral("CREATE INDEX events_received_at ON events (received_at)")));
            for (int i = 1; i <= 3; ++i) {
                QVERIFY(raw.exec(
                    QStringLiteral("INSERT INTO events VALUES (%1, 'default', %2, 'POST', "
                                   "'/vwo-webhook', 'n=%1', '[[\"Host\",\"h\"]]', x'7b7d', "
                                   "'10.0.0.%1', 120, 200, 7, 'ok', 1, NULL, 4000%1, 'key-%1')")
                        .arg(i)
                        .arg(1606482285000 + i)));
            }
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 2")));
        }
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QCOMPARE(store.schemaVersion(), EventStore::SchemaVersion);
        const QList<Event> events = store.latest(10);
        QCOMPARE(events.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const Event &event = events.at(i);
            QCOMPARE(event.id, 3 - i);
            QCOMPARE(event.query, "n=" + QByteArray::number(3 - i));
            QCOMPARE(event.remotePort, 40000 + 3 - i);
            QCOMPARE(event.keyId, QStringLiteral("key-%1").arg(3 - i));
            QCOMPARE(event.status, 200);
            QVERIFY(event.valid);
            QCOMPARE(event.deliveryOf, 0);
            QCOMPARE(event.starred, false);
        }
        RawConnection raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM "
                                          "sqlite_master WHERE type = 'index' ORDER BY name)"))
                     .toString(),
                 CurrentIndexes);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM events WHERE delivery_of IS NULL "
                                          "AND starred = 0"))
                     .toInt(),
                 3);
        QList<Event> attempts = makeBatch(2);
        for (Event &attempt : attempts)
            attempt.payloadTimestamp = 1606482285;
        QSignalSpy committed(&store, &EventStore::committed);
        store.append(attempts);
        const auto stored = committed.first().first().value<QList<Event>>();
        QCOMPARE(stored.at(0).id, 4);
        QCOMPARE(stored.at(1).deliveryOf, 4);
        store.setStarred({2}, true);
        QCOMPARE(store.query(EventFilter::parse(u"is:starred"), 0).first().id, 2);
    }

    void rejectsNewerSchema()
    {
        const int newer = EventStore::SchemaVersion + 1;
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        }
        EventStore store;
        const QString error = store.open(dbPath());
        QVERIFY2(error.contains(dbPath()), qPrintable(error));
        QVERIFY2(error.contains(
                     QStringLiteral("was written by a newer Hookbench (schema %1)").arg(newer)),
                 qPrintable(error));
        QVERIFY(!store.isOpen());
        RawConnection raw(dbPath()); // left untouched
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), newer);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("delete"));
    }

    void rejectsForeignDatabase()
    {
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
        }
        EventStore store;
        const QString error = store.open(dbPath());
        QVERIFY2(error.contains(QStringLiteral("is not a Hookbench database")), qPrintable(error));
    }

    void rejectsCorruptFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("short text") << QByteArray("hello, this is not SQLite\n");
        QByteArray noise(4096, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &c : noise)
            c = char(generator.bounded(256));
        QTest::addRow("random 4 KiB") << noise;
        QTest::addRow("json") << QByteArray(R"({"version": 1, "campaigns": []})");
    }
    void rejectsCorruptFile()
    {
        QFETCH(QByteArray, content);
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        EventStore store;
        const QString error = store.open(dbPath());
        QVERIFY2(error.startsWith(dbPath()), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral(
                     "is not a Hookbench database or is corrupt: file is not a database")),
                 qPrintable(error));
        QVERIFY(!store.isOpen());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content); // the user's file is never touched
    }

    void reportsLockedDatabase_data()
    {
        QTest::addColumn<bool>("wal");
        QTest::addRow("hookbench database (WAL)") << true;
        QTest::addRow("rollback-journal database") << false;
    }
    void reportsLockedDatabase()
    {
        QFETCH(bool, wal);
        if (wal) {
            EventStore creator;
            QCOMPARE(creator.open(dbPath()), QString());
        }
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            EventStore store;
            store.setBusyTimeout(100);
            QElapsedTimer timer;
            timer.start();
            const QString error = store.open(dbPath());
            QVERIFY2(error.startsWith(dbPath()), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("is locked by another process")),
                     qPrintable(error));
            QVERIFY(timer.elapsed() < 1500);
            QVERIFY(!store.isOpen());
            QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
        }
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
    }

    void reportsUncreatablePath_data()
    {
        QTest::addColumn<QString>("relativePath");
        QTest::addColumn<QString>("expected");
        QTest::addRow("parent is a file") << "file/events.sqlite"
                                          << "cannot be created";
        QTest::addRow("ancestor is a file") << "file/a/b/events.sqlite"
                                            << "cannot be created";
        QTest::addRow("path is a directory") << "dir"
                                             << "is a directory";
    }
    void reportsUncreatablePath()
    {
        QFETCH(QString, relativePath);
        QFETCH(QString, expected);
        QFile file(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("dir")));
        const QString path = m_dir->filePath(relativePath);
        EventStore store;
        const QString error = store.open(path);
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!store.isOpen());
        QVERIFY(!store.open(QString()).isEmpty());
    }

    void retentionKeepsNewest_data()
    {
        QTest::addColumn<int>("retention");
        QTest::addColumn<int>("inserted");
        QTest::addRow("over") << 10 << 25;
        QTest::addRow("exact") << 10 << 10;
        QTest::addRow("under") << 10 << 3;
        QTest::addRow("keep one") << 1 << 5;
        QTest::addRow("unlimited") << 0 << 30;
        QTest::addRow("several chunks") << 7 << 45000;
    }
    void retentionKeepsNewest()
    {
        QFETCH(int, retention);
        QFETCH(int, inserted);
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        store.setRetention(retention);
        for (int done = 0; done < inserted; done += 500)
            store.append(makeBatch(std::min(500, inserted - done), done));
        store.pruneNow();
        const qint64 kept = retention > 0 ? std::min(retention, inserted) : inserted;
        QCOMPARE(store.count(), kept);
        const QList<Event> events = store.latest(0);
        QCOMPARE(events.size(), kept);
        for (int i = 0; i < events.size(); ++i)
            QCOMPARE(events.at(i).id, inserted - i);
    }

    void retentionPrunesOffTheHotPath()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        store.setRetention(10);
        for (int i = 0; i < 1500; i += 64)
            store.append(makeBatch(64, i));
        QCOMPARE(store.count(), 1536); // append itself never deletes
        QTRY_COMPARE(store.count(), 10);
        QCOMPARE(store.latest(1).first().id, 1536);
    }

    void failedBatchStoresNothing_data()
    {
        QTest::addColumn<QString>("blocker");
        QTest::addColumn<QString>("unblocker");
        QTest::addColumn<QString>("reason");
        QTest::addRow("third row rejected")
            << "CREATE TRIGGER reject BEFORE INSERT ON events WHEN NEW.query = 'n=2' "
               "BEGIN SELECT RAISE(ABORT, 'rejected by trigger'); END"
            << "DROP TRIGGER reject"
            << "rejected by trigger";
        QTest::addRow("another writer holds the lock") << "BEGIN IMMEDIATE"
                                                       << "ROLLBACK"
                                                       << "is locked by another process";
    }
    void failedBatchStoresNothing()
    {
        QFETCH(QString, blocker);
        QFETCH(QString, unblocker);
        QFETCH(QString, reason);
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        store.setBusyTimeout(100);
        store.append(makeBatch(1, 100));
        QSignalSpy committed(&store, &EventStore::committed);
        QSignalSpy failed(&store, &EventStore::failed);
        RawConnection raw(dbPath());
        QVERIFY(raw.exec(blocker));
        const QList<Event> batch = makeBatch(5);
        store.append(batch);
        QCOMPARE(committed.size(), 0);
        QCOMPARE(failed.size(), 1);
        const auto returned = failed.first().at(0).value<QList<Event>>();
        QCOMPARE(returned.size(), batch.size());
        QCOMPARE(returned.at(4).id, 0);
        QCOMPARE(returned.at(4).query, batch.at(4).query);
        const QString why = failed.first().at(1).toString();
        QVERIFY2(why.contains(reason), qPrintable(why));
        QVERIFY(raw.exec(unblocker));
        QCOMPARE(store.count(), 1); // nothing of the failed batch was kept
        store.append(batch);        // and the store recovers
        QCOMPARE(committed.size(), 1);
        QCOMPARE(store.count(), 6);
    }

    void closeReleasesEverything()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        store.append(makeBatch(3));
        QVERIFY(QFile::exists(dbPath() + QLatin1String("-wal")));
        store.close();
        QVERIFY(!store.isOpen());
        QVERIFY(QSqlDatabase::connectionNames().isEmpty());
        QVERIFY(!QFile::exists(dbPath() + QLatin1String("-wal"))); // checkpointed, clean close
        QCOMPARE(store.open(dbPath()), QString());                 // the same object opens again
        QCOMPARE(store.count(), 3);
    }

    void appendWhenClosedFails()
    {
        EventStore store;
        QSignalSpy failed(&store, &EventStore::failed);
        store.append(makeBatch(2));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(store.count(), -1);
        QVERIFY(store.latest(5).isEmpty());
    }

    void newFilesAreOwnerOnly()
    {
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        store.append(makeBatch(3));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::WriteOther | QFileDevice::ExeOther |
                                                QFileDevice::ExeOwner;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            const QString path = dbPath() + QLatin1String(suffix);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            const QFileDevice::Permissions permissions = QFile::permissions(path);
            QVERIFY(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
            QVERIFY2(!(permissions & others), qPrintable(path));
        }
    }

    void worksAcrossThreads()
    {
        QThread thread;
        auto *store = new EventStore;
        store->moveToThread(&thread);
        connect(&thread, &QThread::finished, store, &QObject::deleteLater);
        thread.start();
        QString error = QStringLiteral("not called");
        QMetaObject::invokeMethod(
            store, [&] { error = store->open(dbPath()); }, Qt::BlockingQueuedConnection);
        QCOMPARE(error, QString());
        QSignalSpy committed(store, &EventStore::committed);
        QMetaObject::invokeMethod(store, "append", Qt::QueuedConnection,
                                  Q_ARG(QList<hookbench::Event>, makeBatch(3)));
        QTRY_COMPARE(committed.size(), 1);
        QCOMPARE(committed.first().first().value<QList<Event>>().last().id, 3);
        QMetaObject::invokeMethod(
            store, [&] { store->close(); }, Qt::BlockingQueuedConnection);
        thread.quit();
        QVERIFY(thread.wait());
    }
};

QTEST_GUILESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
