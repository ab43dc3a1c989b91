#include "events/eventstore.h"
#include "eventstoresupport.h"
#include "keyringsupport.h"

using namespace hookbench;
using namespace keyringtest;

// Where the key ring keeps its data: metadata in the event database (never a secret value),
// schema versioning next to the event store's, and what happens when it cannot open.
class TestKeyRingStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Fixture> m_f;

    KeyRing &ring() { return *m_f->ring; }
    AuthOutcome check(const QByteArray &key)
    {
        return ring().verifier(QStringLiteral("default"))->verify(key, true).outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_f = std::make_unique<Fixture>();
        QVERIFY(!QTest::currentTestFailed());
    }
    void cleanup() { m_f.reset(); }

    void secretNeverInDatabase()
    {
        const KeyRing::Result first =
            ring().generateSync(QStringLiteral("default"), QStringLiteral("label-1"));
        const QByteArray imported = "ImportedVwoKey-abcdefghijklmnop";
        QVERIFY(ring().importSync(QStringLiteral("staging"), {}, imported).error.isEmpty());
        const KeyRing::Result second = ring().rotateSync(QStringLiteral("default"), {}, {});
        QVERIFY(check(second.secret) == AuthOutcome::Ok);
        await([&](KeyRing::Done done) { ring().reveal(second.key.id, std::move(done)); });
        await([&](KeyRing::Done done) { ring().noteCopied(second.key.id, std::move(done)); });
        ring().flushUsage();
        QVERIFY(ring().revokeSync(first.key.id).error.isEmpty());
        ring().close();

        const QByteArray bytes = m_f->databaseBytes();
        QVERIFY(bytes.contains(second.key.id.toLatin1())); // the right file, with the keys in it
        QVERIFY(bytes.contains("label-1"));
        for (const QByteArray &secret : {first.secret, second.secret, imported}) {
            QVERIFY2(!bytes.contains(secret), secret.left(8).constData());
            QVERIFY(!bytes.contains(secret.toBase64()));
            QVERIFY(!bytes.contains(QByteArray::fromHex(secret))); // the raw 32 bytes
            QVERIFY(!bytes.contains(secret.left(24)));             // nor a good part of it
        }
    }

    void sharesTheEventDatabase()
    {
        // The key ring made the file: the event store opens it as its own.
        EventStore store;
        QVERIFY(store.open(m_f->dbPath()).isEmpty());
        QCOMPARE(store.schemaVersion(), EventStore::SchemaVersion);
        store.close();
        // A ring opened on an existing event database keeps the events.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        QVERIFY(store.open(path).isEmpty());
        store.append(storetest::makeBatch(3));
        QCOMPARE(store.count(), 3);
        store.close();
        KeyRing second(m_f->secrets.get());
        QVERIFY(second.open(path).isEmpty());
        QVERIFY(second.generateSync(QStringLiteral("default"), {}).error.isEmpty());
        second.close();
        QVERIFY(store.open(path).isEmpty());
        QCOMPARE(store.count(), 3);
    }

    void refusesNewerKeyRingSchema()
    {
        ring().close();
        {
            storetest::RawConnection raw(m_f->dbPath());
            QVERIFY(raw.exec(QStringLiteral(
                "UPDATE hookbench_meta SET value = 99 WHERE name = 'keyring_schema'")));
        }
        const QString error = ring().open(m_f->dbPath());
        QVERIFY2(error.contains(QLatin1String("newer Hookbench")), qPrintable(error));
        QVERIFY(!ring().isOpen());
        const KeyRing::Result result = ring().generateSync(QStringLiteral("default"), {});
        QCOMPARE(result.error, QStringLiteral("the key ring is not open"));
    }

    void refusesForeignDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            storetest::RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
        }
        KeyRing other(m_f->secrets.get());
        const QString error = other.open(path);
        QVERIFY2(error.contains(QLatin1String("not a Hookbench database")), qPrintable(error));
    }

    void unopenedRingRefusesEverything()
    {
        // A receiver handed the verifier of a ring that could not be opened must not fall back
        // to "no authentication".
        KeyRing closed(m_f->secrets.get());
        QVERIFY(!closed.open(m_f->dir.path()).isEmpty()); // a folder, not a database
        const std::shared_ptr<KeyRingVerifier> verifier =
            closed.verifier(QStringLiteral("default"));
        QVERIFY(verifier->authRequired());
        QCOMPARE(verifier->verify("any-key-at-all-1234", true).outcome, AuthOutcome::Failed);
        QCOMPARE(verifier->verify({}, false).outcome, AuthOutcome::Missing);
    }
};

QTEST_GUILESS_MAIN(TestKeyRingStore)
#include "tst_keyringstore.moc"
