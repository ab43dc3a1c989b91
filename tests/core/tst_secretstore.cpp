// The secret store against a real Secret Service: gnome-keyring-daemon on a private session bus,
// started by with-private-bus.sh (see CMakeLists.txt). Without one this test fails; it never
// skips, and it refuses to run against a bus it was not given for the purpose.
#include "secrets/secretstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace hookbench;

namespace {

QByteArray everyByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

// Every message Qt logs while the store works, to make sure no secret is among them.
QStringList g_messages;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

// The "second instance": this executable again, in another process, reading one secret and
// printing it as hex (HOOKBENCH_SECRETSTORE_CHILD=service, HOOKBENCH_SECRETSTORE_NAME=name).
int childMain()
{
    SecretStore::Options options;
    options.service = qEnvironmentVariable("HOOKBENCH_SECRETSTORE_CHILD");
    options.fallbackPath = qEnvironmentVariable("HOOKBENCH_SECRETSTORE_FILE");
    SecretStore store(options);
    QByteArray secret;
    const QString error =
        store.readSync(qEnvironmentVariable("HOOKBENCH_SECRETSTORE_NAME"), &secret);
    if (store.backend() != SecretStore::Backend::Keychain) {
        std::fprintf(stderr, "child: not on the keychain: %s\n",
                     qPrintable(store.fallbackReason()));
        return 3;
    }
    if (!error.isEmpty()) {
        std::fprintf(stderr, "child: %s\n", qPrintable(error));
        return 1;
    }
    std::fputs(secret.toHex().constData(), stdout);
    return 0;
}

} // namespace

// A macro, so that a failure ends the test function.
#define VERIFY_ON_KEYCHAIN(store)                                                                  \
    do {                                                                                           \
        QVERIFY2(                                                                                  \
            (store).backend() == SecretStore::Backend::Keychain,                                   \
            qPrintable(QStringLiteral("fell back to the file: ") + (store).fallbackReason()));     \
        QVERIFY((store).fallbackReason().isEmpty());                                               \
    } while (false)

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    // Unique per run, so runs (and a crashed run's leftovers) never collide.
    const QString m_service =
        QStringLiteral("hookbench-test-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    QTemporaryDir m_dir;

    SecretStore::Options options(bool useKeychain = true) const
    {
        SecretStore::Options o;
        o.service = m_service;
        o.fallbackPath = m_dir.filePath(QStringLiteral("data/secrets.json"));
        o.useKeychain = useKeychain;
        return o;
    }

    QString readInAnotherProcess(const QString &name, QByteArray *secret)
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOOKBENCH_SECRETSTORE_CHILD"), m_service);
        env.insert(QStringLiteral("HOOKBENCH_SECRETSTORE_NAME"), name);
        env.insert(QStringLiteral("HOOKBENCH_SECRETSTORE_FILE"), options().fallbackPath);
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        if (!child.waitForFinished(30000))
            return QStringLiteral("child did not finish");
        *secret = QByteArray::fromHex(child.readAllStandardOutput());
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            return QString::fromLocal8Bit(child.readAllStandardError());
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qgetenv("HOOKBENCH_TEST_PRIVATE_BUS") == "keyring",
                 "run through ctest, or: sh <build>/tests/core/with-private-bus.sh keyring "
                 "<this test>: it needs a private Secret Service, not the desktop's keychain");
        QVERIFY(m_dir.isValid());
    }

    void reportsTheKeychain()
    {
        SecretStore store(options());
        QSignalSpy changed(&store, &SecretStore::backendChanged);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(store.writeSync(QStringLiteral("probe"), "1"), QString());
        qInfo("first write: %lld ms", timer.restart());
        VERIFY_ON_KEYCHAIN(store);
        QByteArray back;
        QCOMPARE(store.readSync(QStringLiteral("probe"), &back), QString());
        qInfo("read: %lld ms", timer.restart());
        QCOMPARE(back, QByteArray("1"));
        QCOMPARE(store.removeSync(QStringLiteral("probe")), QString());
        qInfo("remove: %lld ms", timer.elapsed());
        QCOMPARE(changed.count(), 0);
        VERIFY_ON_KEYCHAIN(store);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("secret");
        QTest::addRow("webhook key") << QStringLiteral("webhook-key/default/1a2b3c4d5e6f")
                                     << QByteArray("9f86d081884c7d659a2feaa0c55ad015"
                                                   "a3bf4f1b2b0b822cd15d6c15b0f00a08");
        QTest::addRow("sdk key") << QStringLiteral("sdk-key/123456")
                                 << QByteArray("abcdef0123456789abcdef0123456789");
        QTest::addRow("every byte") << QStringLiteral("binary/every/byte") << everyByte();
        QTest::addRow("NUL only") << QStringLiteral("nul") << QByteArray(3, '\0');
        QTest::addRow("16 KiB") << QStringLiteral("large") << QByteArray(16 * 1024, '\xa5');
        QTest::addRow("unicode name")
            << QStringLiteral("webhook-key/prod \u00e9\u4e2d/1") << QByteArray("x\ny\r\"z\\");
    }

    void roundTrip()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, secret);
        SecretStore store(options());
        QCOMPARE(store.writeSync(name, secret), QString());
        QByteArray back;
        QCOMPARE(store.readSync(name, &back), QString());
        QCOMPARE(back, secret);

        QCOMPARE(store.writeSync(name, secret + "-2"), QString()); // overwrite
        QCOMPARE(store.readSync(name, &back), QString());
        QCOMPARE(back, secret + "-2");

        QCOMPARE(store.removeSync(name), QString());
        QCOMPARE(store.readSync(name, &back), QStringLiteral("no secret named \"%1\"").arg(name));
        QVERIFY(back.isEmpty());
        QCOMPARE(store.removeSync(name), QString()); // removing a missing one is fine
        VERIFY_ON_KEYCHAIN(store);
        // The secret never went to the fallback file.
        QVERIFY(!QFileInfo::exists(store.fallbackPath()));
    }

    void readMissing()
    {
        SecretStore store(options());
        QByteArray back = "stale";
        QCOMPARE(store.readSync(QStringLiteral("never/written"), &back),
                 QStringLiteral("no secret named \"never/written\""));
        QVERIFY(back.isEmpty());
        VERIFY_ON_KEYCHAIN(store);
    }

    void namesAreSeparate()
    {
        // Names that share prefixes or differ only after a slash are different secrets.
        SecretStore store(options());
        const QStringList names{
            QStringLiteral("webhook-key/default/a"), QStringLiteral("webhook-key/default/ab"),
            QStringLiteral("webhook-key/default"), QStringLiteral("webhook-key/other/a")};
        for (const QString &name : names)
            QCOMPARE(store.writeSync(name, name.toUtf8() + "-secret"), QString());
        for (const QString &name : names) {
            QByteArray back;
            QCOMPARE(store.readSync(name, &back), QString());
            QCOMPARE(back, name.toUtf8() + "-secret");
        }
        QCOMPARE(store.removeSync(names.at(0)), QString());
        QByteArray back;
        QCOMPARE(store.readSync(names.at(1), &back), QString());
        for (const QString &name : names)
            QCOMPARE(store.removeSync(name), QString());
    }

    void otherServiceDoesNotSee()
    {
        SecretStore store(options());
        QCOMPARE(store.writeSync(QStringLiteral("shared-name"), "mine"), QString());
        SecretStore::Options other = options();
        other.service = m_service + QStringLiteral("-other");
        SecretStore elsewhere(other);
        QByteArray back;
        QCOMPARE(elsewhere.readSync(QStringLiteral("shared-name"), &back),
                 QStringLiteral("no secret named \"shared-name\""));
        QCOMPARE(store.removeSync(QStringLiteral("shared-name")), QString());
    }

    void anotherProcessSeesIt()
    {
        const QString name = QStringLiteral("webhook-key/default/persisted");
        const QByteArray secret = everyByte() + "persisted";
        {
            SecretStore store(options());
            QCOMPARE(store.writeSync(name, secret), QString());
        }
        QByteArray back;
        QCOMPARE(readInAnotherProcess(name, &back), QString());
        QCOMPARE(back, secret);
        SecretStore store(options());
        QCOMPARE(store.removeSync(name), QString());
        QVERIFY(!readInAnotherProcess(name, &back).isEmpty());
    }

    void fileCopyStaysReadableAndMovesIn()
    {
        // Written while the keychain was away: the file has it, the keychain does not.
        const QString name = QStringLiteral("sdk-key/written-offline");
        SecretStore offline(options(false));
        QCOMPARE(offline.writeSync(name, "offline"), QString());
        QCOMPARE(offline.writeSync(QStringLiteral("other"), "stays"), QString());

        SecretStore store(options());
        QByteArray back;
        QCOMPARE(store.readSync(name, &back), QString());
        QCOMPARE(back, QByteArray("offline"));
        VERIFY_ON_KEYCHAIN(store);

        // A new value goes to the keychain and the file's copy goes away.
        QCOMPARE(store.writeSync(name, "online"), QString());
        QCOMPARE(offline.readSync(name, &back), QStringLiteral("no secret named \"%1\"").arg(name));
        QCOMPARE(store.readSync(name, &back), QString());
        QCOMPARE(back, QByteArray("online"));

        // Removing takes it out of both places.
        QCOMPARE(offline.writeSync(name, "offline again"), QString());
        QCOMPARE(store.removeSync(name), QString());
        QCOMPARE(store.readSync(name, &back), QStringLiteral("no secret named \"%1\"").arg(name));
        QCOMPARE(offline.readSync(QStringLiteral("other"), &back), QString());
        QCOMPARE(back, QByteArray("stays"));
        QCOMPARE(offline.removeSync(QStringLiteral("other")), QString());
    }

    void manyCallsInFlight()
    {
        SecretStore store(options());
        const int count = 20;
        int written = 0;
        for (int i = 0; i < count; ++i) {
            store.write(QStringLiteral("many/%1").arg(i), QByteArray::number(i * 7),
                        [&](const QString &error) {
                            QVERIFY2(error.isEmpty(), qPrintable(error));
                            ++written;
                        });
        }
        QCOMPARE(written, 0); // never inside the call
        QTRY_COMPARE_WITH_TIMEOUT(written, count, 20000);
        int checked = 0;
        for (int i = 0; i < count; ++i) {
            store.read(QStringLiteral("many/%1").arg(i),
                       [&, i](const QByteArray &secret, const QString &error) {
                           QVERIFY2(error.isEmpty(), qPrintable(error));
                           QCOMPARE(secret, QByteArray::number(i * 7));
                           ++checked;
                       });
        }
        QTRY_COMPARE_WITH_TIMEOUT(checked, count, 20000);
        for (int i = 0; i < count; ++i)
            QCOMPARE(store.removeSync(QStringLiteral("many/%1").arg(i)), QString());
        VERIFY_ON_KEYCHAIN(store);
    }

    void destroyingTheStoreWhileAJobRuns()
    {
        // The job goes on without the store and deletes itself; the callback is dropped.
        bool called = false;
        auto *store = new SecretStore(options());
        store->write(QStringLiteral("orphan"), "x", [&](const QString &) { called = true; });
        QTest::qWait(0);
        delete store;
        SecretStore next(options()); // its job waits in QtKeychain's queue behind the orphan
        QCOMPARE(next.removeSync(QStringLiteral("orphan")), QString());
        QVERIFY(!called);
        VERIFY_ON_KEYCHAIN(next);
    }

    void secretsNeverLogged()
    {
        const QByteArray secret = QByteArrayLiteral("s3cr3t-never-in-logs-c0ffee");
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        QStringList errors;
        {
            SecretStore store(options());
            errors << store.writeSync(QStringLiteral("logged?"), secret);
            QByteArray back;
            errors << store.readSync(QStringLiteral("logged?"), &back);
            errors << store.removeSync(QStringLiteral("logged?"));
            errors << store.readSync(QStringLiteral("logged?"), &back);
        }
        qInstallMessageHandler(previous);
        const QString all = (g_messages + errors).join(QLatin1Char('\n'));
        QVERIFY(!all.contains(QString::fromLatin1(secret)));
        QVERIFY(!all.contains(QString::fromLatin1(secret.toBase64())));
    }

    // Last: the collection stays locked (unlocking needs a prompt). A locked keychain is the
    // user's choice, so nothing falls back to the file; both directions say what to do.
    void lockedKeychainIsNamed()
    {
        SecretStore store(options());
        QCOMPARE(store.writeSync(QStringLiteral("locked?"), "kept"), QString());
        QDBusMessage lock = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath>{
            QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/aliases/default"))});
        const QDBusMessage locked = QDBusConnection::sessionBus().call(lock);
        QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));

        QByteArray back;
        const QString readError = store.readSync(QStringLiteral("locked?"), &back);
        QVERIFY2(readError.contains(QLatin1String("keychain is locked")), qPrintable(readError));
        QVERIFY(readError.contains(QLatin1String("locked?")));
        QVERIFY(back.isEmpty());
        const QString writeError = store.writeSync(QStringLiteral("new"), "value");
        QVERIFY2(writeError.contains(QLatin1String("locked")), qPrintable(writeError));
        QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
        SecretStore file(options(false));
        QVERIFY(!file.readSync(QStringLiteral("new"), &back).isEmpty()); // not written there
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet("HOOKBENCH_SECRETSTORE_CHILD"))
        return childMain();
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
