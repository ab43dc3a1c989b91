// A Secret Service that never answers (as a locked collection waiting on a prompt nobody can
// see): on a private session bus (with-private-bus.sh bare, see CMakeLists.txt) this test owns
// org.freedesktop.secrets itself and swallows every call without a reply.
#include "secrets/secretstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace hookbench;

namespace {

const QString Fake = QStringLiteral("hookbench-silent-secret-service");

class SilentService : public QDBusVirtualObject
{
public:
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override
    {
        ++calls;
        return true; // "handled": QtDBus sends no error reply, the caller waits
    }
    QString introspect(const QString &) const override { return {}; }

    std::atomic<int> calls{0};
};

} // namespace

class TestSecretStoreTimeout : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SilentService m_silent;

    SecretStore::Options options(int timeoutMs) const
    {
        SecretStore::Options o;
        o.service = QStringLiteral("hookbench-test-timeout");
        o.fallbackPath = m_dir.filePath(QStringLiteral("secrets.json"));
        o.timeoutMs = timeoutMs;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qgetenv("HOOKBENCH_TEST_PRIVATE_BUS") == "bare",
                 "run through ctest, or: sh <build>/tests/core/with-private-bus.sh bare "
                 "<this test>: it takes over org.freedesktop.secrets on its bus");
        QVERIFY(m_dir.isValid());
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, Fake);
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        QVERIFY(
            bus.registerVirtualObject(QStringLiteral("/"), &m_silent, QDBusConnection::SubPath));
        QVERIFY2(bus.registerService(QStringLiteral("org.freedesktop.secrets")),
                 qPrintable(bus.lastError().message()));
    }

    void timesOutThenUsesTheFile()
    {
        SecretStore store(options(300));
        QSignalSpy changed(&store, &SecretStore::backendChanged);
        QElapsedTimer timer;
        timer.start();
        bool finished = false;
        qint64 took = -1;
        QString error = QStringLiteral("not called");
        store.write(QStringLiteral("webhook-key/default/slow"), "completed through the file",
                    [&](const QString &e) {
                        finished = true;
                        took = timer.elapsed();
                        error = e;
                    });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 5000);
        qInfo("write gave up on the keychain and completed through the file in %lld ms", took);
        QCOMPARE(error, QString());
        QVERIFY2(took >= 300, qPrintable(QString::number(took))); // the reason below: our timer
        QVERIFY(m_silent.calls > 0); // the wait really was on the (silent) Secret Service

        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QCOMPARE(store.fallbackReason(), QStringLiteral("keychain did not answer within 300 ms"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(1).toString(), store.fallbackReason());

        // The rest of the session goes straight to the file.
        const int callsBefore = m_silent.calls;
        QByteArray back;
        QCOMPARE(store.readSync(QStringLiteral("webhook-key/default/slow"), &back), QString());
        QCOMPARE(back, QByteArray("completed through the file"));
        QCOMPARE(store.removeSync(QStringLiteral("webhook-key/default/slow")), QString());
        QCOMPARE(m_silent.calls, callsBefore); // the keychain was not asked again
        QCOMPARE(changed.count(), 1);
    }

    void readTimesOutToo()
    {
        SecretStore store(options(200));
        QByteArray back;
        QElapsedTimer timer;
        timer.start();
        // QtKeychain runs one job at a time: this one waits behind the first test's abandoned
        // job, which is just as stuck, and times out the same way.
        QCOMPARE(store.readSync(QStringLiteral("nothing"), &back),
                 QStringLiteral("no secret named \"nothing\""));
        QVERIFY(timer.elapsed() >= 200);
        QCOMPARE(store.fallbackReason(), QStringLiteral("keychain did not answer within 200 ms"));
    }

    void abandonedJobsFinishHarmlessly()
    {
        // The stores that gave up on them are gone; now the silent service leaves the bus, the
        // bus fails the calls it held, and the abandoned jobs finish (and delete themselves)
        // with nobody listening. Under ASan this is where a dangling callback would show.
        const int before = m_silent.calls;
        QVERIFY(before > 0);
        QDBusConnection::disconnectFromBus(Fake);

        // A new store's job can only run once those have finished (one job at a time): it is
        // answered at once, that nobody owns org.freedesktop.secrets now.
        SecretStore store(options(5000));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store.writeSync(QStringLiteral("after"), "1"), QString());
        qInfo("after the silent service left: fell back in %lld ms", timer.elapsed());
        // "no Secret Service", not "did not answer within 5000 ms": answered, not timed out.
        QVERIFY2(store.fallbackReason().startsWith(QStringLiteral("no Secret Service")),
                 qPrintable(store.fallbackReason()));
        QCOMPARE(m_silent.calls, before);
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreTimeout)
#include "tst_secretstoretimeout.moc"
