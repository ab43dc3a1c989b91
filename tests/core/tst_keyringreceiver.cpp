#include "events/eventstore.h"
#include "export/curlexport.h"
#include "export/harexport.h"
#include "keyringsupport.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"

#include <QSignalSpy>

using namespace hookbench;
using namespace keyringtest;

// The key ring behind a running ReceiverService, over real loopback HTTP: every change applies
// to the very next request, without a restart, and each event names the key that matched.
class TestKeyRingReceiver : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        int status = 0;
        Event event;
    };

    Answer post(const QByteArray &key, qint64 timestamp)
    {
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        RawHttpClient client(m_service->port());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isNull())
            headers.append({"x-vwo-auth", key});
        client.send(RawHttpClient::post("/vwo-webhook", vwoPayload(timestamp), headers));
        Answer answer;
        answer.status = client.read().status;
        if (!committed.isEmpty() || committed.wait(5000))
            answer.event = committed.first().first().value<QList<Event>>().first();
        return answer;
    }

    bool start()
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = m_f->dbPath();
        config.verifier = m_f->ring->verifier(config.endpoint);
        m_service = std::make_unique<ReceiverService>();
        return m_service->start(config);
    }

    std::unique_ptr<Fixture> m_f;
    std::unique_ptr<ReceiverService> m_service;

private Q_SLOTS:
    void init()
    {
        m_f = std::make_unique<Fixture>();
        QVERIFY(!QTest::currentTestFailed());
    }
    void cleanup()
    {
        m_service.reset();
        m_f.reset();
    }

    void everyChangeAppliesToTheNextRequest()
    {
        QVERIFY2(start(), qPrintable(m_service->errorString()));
        // No key yet: the endpoint accepts without authentication.
        QCOMPARE(post({}, 1).status, 200);
        QCOMPARE(post({}, 1).event.auth, AuthOutcome::NotRequired);

        const KeyRing::Result first = m_f->ring->generateSync(QStringLiteral("default"), {});
        Answer answer = post(first.secret, 2);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.event.auth, AuthOutcome::Ok);
        QCOMPARE(answer.event.keyId, first.key.id);
        QCOMPARE(answer.event.headerValue("x-vwo-auth"),
                 "[redacted; fingerprint " + first.key.id.toLatin1() + ']');
        QCOMPARE(post({}, 3).event.auth, AuthOutcome::Missing);
        QCOMPARE(post({}, 3).status, 401);

        const KeyRing::Result second =
            m_f->ring->rotateSync(QStringLiteral("default"), {}, std::chrono::minutes(5));
        answer = post(first.secret, 4); // in grace
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.event.keyId, first.key.id);
        answer = post(second.secret, 5);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.event.keyId, second.key.id);

        m_f->clock.advanceSecs(5 * 60); // the grace period is over
        answer = post(first.secret, 6);
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.event.auth, AuthOutcome::Failed);
        QVERIFY(answer.event.keyId.isEmpty());

        QVERIFY(m_f->ring->revokeSync(second.key.id).error.isEmpty());
        answer = post(second.secret, 7); // the very next request
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.event.auth, AuthOutcome::Failed);
        // The log tells which (revoked) key was sent, by its id only.
        QCOMPARE(answer.event.headerValue("x-vwo-auth"),
                 "[redacted; fingerprint " + second.key.id.toLatin1() + ']');

        // Usage reached the key ring and the database.
        m_f->ring->flushUsage();
        QCOMPARE(m_f->ring->key(first.key.id)->useCount, 2);
        QCOMPARE(m_f->ring->key(second.key.id)->useCount, 1);
        QCOMPARE(m_f->ring->key(second.key.id)->lastUsed, m_f->clock.now().addSecs(-300));

        // Stored events and their exports keep the key id, never a secret.
        m_service.reset();
        m_f->ring->close();
        EventStore store;
        QVERIFY(store.open(m_f->dbPath()).isEmpty());
        const QList<Event> events = store.latest(0);
        QCOMPARE(events.size(), 9);
        HarWriter har({QString(), true}); // even when revealing: nothing to reveal
        QByteArray exported = har.begin();
        for (const Event &event : events) {
            exported += event.toJsonLine() + '\n';
            exported += har.entry(event);
            CurlOptions curl;
            curl.revealSecrets = true;
            exported += toCurl(event, curl).toUtf8();
        }
        exported += har.end();
        QVERIFY(exported.contains(first.key.id.toLatin1()));
        const QByteArray bytes = m_f->databaseBytes();
        for (const QByteArray &secret : {first.secret, second.secret}) {
            QVERIFY(!exported.contains(secret.left(24)));
            QVERIFY(!bytes.contains(secret.left(24)));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyRingReceiver)
#include "tst_keyringreceiver.moc"
