#include "sender/sendhistory.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray Secret = QByteArrayLiteral("9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012345");

SendRecord sample(SendMode mode, int status)
{
    SendRecord record;
    record.mode = mode;
    record.url = QStringLiteral("http://127.0.0.1:4000/vwo-webhook");
    record.headers = {{"Content-Type", "application/json"}, {"X-VWO-Auth", Secret}};
    record.body = R"({"timestamp":1700000000,"event":"settings_changed"})";
    record.finalStatus = status;
    record.success = status == 200;
    record.outcome = QStringLiteral("%1 after 1 attempt").arg(status);
    record.detail = R"({"attempts":[{"status":)" + QByteArray::number(status) + "}]}";
    record.startedAt = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    record.finishedAt = record.startedAt.addMSecs(12);
    return record;
}

} // namespace

// The history of test sends and audits (issue 7): what it keeps, and what it never keeps.
class TestSendHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QCOMPARE(m_store.open(dbPath()), QString());
    }
    void cleanup() { m_store.close(); }

    void roundTripNewestFirst()
    {
        SendRecord first = sample(SendMode::Vwo, 500);
        SendRecord second = sample(SendMode::Once, 200);
        QCOMPARE(m_store.append(&first), QString());
        QCOMPARE(m_store.append(&second), QString());
        QVERIFY(first.id > 0 && second.id > first.id);

        QList<SendRecord> records;
        QCOMPARE(m_store.recent(0, &records), QString());
        QCOMPARE(records.size(), 2);
        const SendRecord &back = records.at(0);
        QCOMPARE(back.id, second.id);
        QCOMPARE(back.mode, SendMode::Once);
        QCOMPARE(back.method, QByteArray("POST"));
        QCOMPARE(back.url, second.url);
        QCOMPARE(back.body, second.body);
        QCOMPARE(back.finalStatus, 200);
        QVERIFY(back.success);
        QCOMPARE(back.outcome, second.outcome);
        QCOMPARE(back.detail, second.detail);
        QCOMPARE(back.startedAt, second.startedAt);
        QCOMPARE(back.finishedAt, second.finishedAt);
        QCOMPARE(back.headers.at(0),
                 (QPair<QByteArray, QByteArray>("Content-Type", "application/json")));
        QCOMPARE(records.at(1).mode, SendMode::Vwo);
        QVERIFY(!records.at(1).success);

        QCOMPARE(m_store.recent(1, &records), QString());
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).id, second.id);
    }

    void secretsNeverKept()
    {
        SendRecord record = sample(SendMode::Once, 200);
        record.url = QStringLiteral("http://user:%1@127.0.0.1:4000/vwo-webhook")
                         .arg(QString::fromLatin1(Secret));
        record.headers.append({"x-vwo-auth", Secret}); // any case, every occurrence
        QCOMPARE(m_store.append(&record), QString());
        QList<SendRecord> records;
        QCOMPARE(m_store.recent(0, &records), QString());
        QCOMPARE(records.at(0).headers.at(1).second, QByteArray("[redacted]"));
        QCOMPARE(records.at(0).headers.at(2).second, QByteArray("[redacted]"));
        QVERIFY(!records.at(0).url.contains(QString::fromLatin1(Secret)));
        QVERIFY2(records.at(0).url.contains(QLatin1String("user:")), qPrintable(records.at(0).url));
        m_store.close();
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                QVERIFY2(!file.readAll().contains(Secret), qPrintable(file.fileName()));
        }
    }

    void longBodiesAreCut()
    {
        SendRecord record = sample(SendMode::Load, 0);
        record.body = QByteArray(SendHistoryStore::MaxKeptBody + 10, 'x');
        QCOMPARE(m_store.append(&record), QString());
        QList<SendRecord> records;
        QCOMPARE(m_store.recent(0, &records), QString());
        QCOMPARE(records.at(0).body.size(), SendHistoryStore::MaxKeptBody);
    }

    void removeAndClear()
    {
        SendRecord a = sample(SendMode::Audit, 0);
        SendRecord b = sample(SendMode::Once, 404);
        QCOMPARE(m_store.append(&a), QString());
        QCOMPARE(m_store.append(&b), QString());
        QCOMPARE(m_store.remove(a.id), QString());
        QCOMPARE(m_store.remove(a.id), QStringLiteral("no send #%1 in the history").arg(a.id));
        QList<SendRecord> records;
        QCOMPARE(m_store.recent(0, &records), QString());
        QCOMPARE(records.size(), 1);
        QCOMPARE(m_store.clear(), QString());
        QCOMPARE(m_store.recent(0, &records), QString());
        QVERIFY(records.isEmpty());
    }

    void notOpenIsAnError()
    {
        SendHistoryStore closed;
        SendRecord record = sample(SendMode::Once, 200);
        QCOMPARE(closed.append(&record), QStringLiteral("the send history is not open"));
        QList<SendRecord> records;
        QCOMPARE(closed.recent(0, &records), QStringLiteral("the send history is not open"));
    }

    void newerSchemaIsRefused()
    {
        m_store.close();
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "UPDATE hookbench_meta SET value = 99 WHERE name = 'send_history_schema'")));
            QCOMPARE(query.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        const QString error = m_store.open(dbPath());
        QVERIFY2(error.contains(QLatin1String("newer Hookbench")), qPrintable(error));
        QVERIFY(!m_store.isOpen());
    }

    void modeNames()
    {
        for (SendMode mode : {SendMode::Once, SendMode::Vwo, SendMode::Load, SendMode::Audit}) {
            SendMode back = SendMode::Once;
            QVERIFY(sendModeFromName(sendModeName(mode), &back));
            QCOMPARE(back, mode);
        }
        SendMode unchanged = SendMode::Load;
        QVERIFY(!sendModeFromName(QStringLiteral("burst"), &unchanged));
        QCOMPARE(unchanged, SendMode::Load);
    }

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.db")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    SendHistoryStore m_store;
};

QTEST_GUILESS_MAIN(TestSendHistory)
#include "tst_sendhistory.moc"
