// A full disk, simulated with the event database's size cap (SQLite max_page_count) (issue 10):
// requests that cannot be stored get 503 (so VWO retries) and nothing of them is kept, every
// request answered before is in the database, the file stays intact, /healthz says why, and once
// space returns (events deleted by another connection) requests are stored again without a
// restart.
#include "eventstoresupport.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

// A valid VWO payload padded to about `bytes`, so the database fills in a few dozen requests.
QByteArray paddedPayload(int index, int bytes)
{
    QJsonObject payload = QJsonDocument::fromJson(vwoPayload(1606482285 + index)).object();
    payload.insert(QStringLiteral("padding"), QString(bytes, QLatin1Char('x')));
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}

} // namespace

class TestStoreFull : public QObject
{
    Q_OBJECT

private:
    RawResponse post(int index)
    {
        RawHttpClient client(m_service->port());
        client.send(RawHttpClient::post("/vwo-webhook", paddedPayload(index, 40 * 1024)));
        return client.read(10000);
    }
    RawResponse health()
    {
        RawHttpClient client(m_service->port());
        client.send("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return client.read(10000);
    }
    QString dbPath() const { return m_dir.filePath(QStringLiteral("events.sqlite")); }

    QTemporaryDir m_dir;
    std::unique_ptr<ReceiverService> m_service;

private Q_SLOTS:
    void fullDatabaseAnswers503KeepsWhatItAnsweredAndRecovers()
    {
        QVERIFY(m_dir.isValid());
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = dbPath();
        config.retention = 0; // nothing pruned behind the test's back
        config.maxDatabaseBytes = 1024 * 1024;
        m_service = std::make_unique<ReceiverService>();
        QVERIFY2(m_service->start(config), qPrintable(m_service->errorString()));

        // Fill it: every answer is 200 until the cap, then 503 with the reason.
        QSet<QByteArray> answered;
        RawResponse refused;
        for (int i = 0; i < 200 && refused.status == 0; ++i) {
            const RawResponse answer = post(i);
            if (answer.status == 200)
                answered.insert(QByteArray::number(1606482285 + i));
            else if (answer.status == 503)
                refused = answer;
            else
                QFAIL(
                    qPrintable(QStringLiteral("request %1: status %2").arg(i).arg(answer.status)));
        }
        QCOMPARE(refused.status, 503);
        QVERIFY2(answered.size() >= 10, qPrintable(QString::number(answered.size())));
        QVERIFY2(refused.body.contains("full"), refused.body.constData());
        const RawResponse sick = health();
        QCOMPARE(sick.status, 503);
        QVERIFY2(sick.body.contains("full"), sick.body.constData());
        // Still full: refused again, nothing half-stored.
        QCOMPARE(post(1000).status, 503);

        // Every answered request is stored, and nothing else; the file is intact.
        {
            storetest::RawConnection raw(dbPath());
            QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")).toString(),
                     QStringLiteral("ok"));
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM events")).toInt(),
                     answered.size());
            // Space returns: the user deletes old events from another process.
            QVERIFY(raw.exec(
                QStringLiteral("DELETE FROM events WHERE id <= %1").arg(answered.size() / 2)));
        }

        // Stored again, without a restart; the health check agrees.
        QCOMPARE(post(2000).status, 200);
        QTRY_COMPARE(health().status, 200);
        storetest::RawConnection raw(dbPath());
        QCOMPARE(raw.value(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM events")).toInt(),
                 answered.size() - answered.size() / 2 + 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreFull)
#include "tst_storefull.moc"
