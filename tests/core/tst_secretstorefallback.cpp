// The secret store where no keychain answers: no session bus (set below, before anything
// touches D-Bus, so the test never reaches a real desktop's keychain), and the file backend.
#include "secrets/secretstore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace hookbench;

namespace {

const QByteArray Unusable = QByteArrayLiteral("unix:path=/nonexistent/hookbench-no-bus");

uint modeOf(const QString &path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

QByteArray everyByte()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeRaw(const QString &path, const QByteArray &content, QFile::Permissions permissions)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.setPermissions(permissions));
    QCOMPARE(file.write(content), content.size());
}

// Every message Qt logs while the store works, to make sure no secret is among them.
QStringList g_messages;
void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

} // namespace

class TestSecretStoreFallback : public QObject
{
    Q_OBJECT

private:
    SecretStore::Options options(const QString &path, bool useKeychain = true) const
    {
        SecretStore::Options o;
        o.service = QStringLiteral("hookbench-test-fallback");
        o.fallbackPath = path;
        o.useKeychain = useKeychain;
        return o;
    }

    QTemporaryDir m_dir;
    int m_count = 0;
    QString freshPath()
    {
        return m_dir.filePath(QStringLiteral("s%1/secrets.json").arg(++m_count));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", Unusable);
        qunsetenv("DISPLAY"); // or D-Bus could find a desktop's bus through X11 (autolaunch)
        QVERIFY(m_dir.isValid());
    }

    void fallsBackAtOnceWithoutSessionBus_data()
    {
        QTest::addColumn<QByteArray>("address");
        QTest::addRow("unusable address") << Unusable;
        QTest::addRow("no address") << QByteArray();
    }

    void fallsBackAtOnceWithoutSessionBus()
    {
        QFETCH(QByteArray, address);
        const QByteArray runtime = qgetenv("XDG_RUNTIME_DIR");
        if (address.isEmpty()) {
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            // Without an address D-Bus looks for $XDG_RUNTIME_DIR/bus; make sure there is none.
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("run"))));
        }
        const QString path = freshPath();
        SecretStore store(options(path));
        QCOMPARE(store.backend(), SecretStore::Backend::Keychain);
        QVERIFY(store.fallbackReason().isEmpty());
        QCOMPARE(store.fallbackPath(), path);
        QSignalSpy changed(&store, &SecretStore::backendChanged);

        QElapsedTimer timer;
        timer.start();
        const QByteArray secret = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
        const QString error = store.writeSync(QStringLiteral("webhook-key/default/1a2b3c"), secret);
        const qint64 took = timer.elapsed();
        qputenv("DBUS_SESSION_BUS_ADDRESS", Unusable);
        qputenv("XDG_RUNTIME_DIR", runtime);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("fell back to the file in %lld ms", took);

        QCOMPARE(store.backend(), SecretStore::Backend::File);
        // The reason proves the store did not wait for its 5 s job timeout, which would read
        // "keychain did not answer within 5000 ms"; wall time is not asserted (shared machines).
        QVERIFY2(store.fallbackReason().contains(QStringLiteral("no session bus")),
                 qPrintable(store.fallbackReason()));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<SecretStore::Backend>(), SecretStore::Backend::File);
        QCOMPARE(changed.at(0).at(1).toString(), store.fallbackReason());

        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), 0700u);
        QVERIFY(!contentOf(path).contains(secret)); // base64, but still: not verbatim
        QByteArray back;
        QCOMPARE(store.readSync(QStringLiteral("webhook-key/default/1a2b3c"), &back), QString());
        QCOMPARE(back, secret);
        QCOMPARE(changed.count(), 1); // the switch is for the rest of the session
    }

    void readAndRemoveFallBackToo()
    {
        const QString path = freshPath();
        {
            SecretStore store(options(path));
            QByteArray secret;
            const QString error = store.readSync(QStringLiteral("sdk-key/123456"), &secret);
            QCOMPARE(error, QStringLiteral("no secret named \"sdk-key/123456\""));
            QCOMPARE(store.backend(), SecretStore::Backend::File);
        }
        SecretStore store(options(path));
        QCOMPARE(store.removeSync(QStringLiteral("sdk-key/123456")), QString());
        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QVERIFY(!QFileInfo::exists(path)); // nothing to remove, nothing written
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("secret");
        QTest::addRow("webhook key")
            << QStringLiteral("webhook-key/default/1a2b3c4d5e6f") << QByteArray(64, 'f');
        QTest::addRow("every byte") << QStringLiteral("sdk-key/123456") << everyByte();
        QTest::addRow("empty secret") << QStringLiteral("empty") << QByteArray();
        QTest::addRow("unicode name")
            << QStringLiteral("webhook-key/prod \u00e9\u4e2d/1") << QByteArray("x\0y", 3);
    }

    void roundTrip()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, secret);
        for (const bool useKeychain : {true, false}) {
            const QString path = freshPath();
            SecretStore store(options(path, useKeychain));
            QCOMPARE(store.writeSync(name, secret), QString());
            QCOMPARE(store.backend(), SecretStore::Backend::File);
            QByteArray back = "stale";
            QCOMPARE(store.readSync(name, &back), QString());
            QCOMPARE(back, secret);
            // Overwrite, then another store on the same file (the CLI beside the GUI) sees it.
            QCOMPARE(store.writeSync(name, secret + "2"), QString());
            SecretStore other(options(path, false));
            QCOMPARE(other.readSync(name, &back), QString());
            QCOMPARE(back, secret + "2");
            QCOMPARE(store.removeSync(name), QString());
            QCOMPARE(other.readSync(name, &back),
                     QStringLiteral("no secret named \"%1\"").arg(name));
            QVERIFY(back.isEmpty());
            QCOMPARE(store.removeSync(name), QString()); // removing a missing one is fine
            QCOMPARE(modeOf(path), 0600u);
        }
    }

    void noKeychainGoesStraightToFile()
    {
        const QString path = freshPath();
        SecretStore store(options(path, false));
        QSignalSpy changed(&store, &SecretStore::backendChanged);
        QCOMPARE(store.backend(), SecretStore::Backend::File);
        QVERIFY(!store.fallbackReason().isEmpty());
        QCOMPARE(store.writeSync(QStringLiteral("a"), "1"), QString());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.fallbackReason(), QStringLiteral("the keychain is turned off"));
    }

    void defaultPathIsInAppData()
    {
        SecretStore store;
        QVERIFY2(store.fallbackPath().endsWith(QStringLiteral("/secrets.json")),
                 qPrintable(store.fallbackPath()));
        QVERIFY(QFileInfo(store.fallbackPath()).isAbsolute());
    }

    void privateWhateverTheUmask()
    {
        const mode_t old = ::umask(0);
        const QString path = m_dir.filePath(QStringLiteral("umask/deeper/secrets.json"));
        SecretStore store(options(path, false));
        const QString error = store.writeSync(QStringLiteral("a"), "1");
        ::umask(old);
        QCOMPARE(error, QString());
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(QFileInfo(path).absolutePath()), 0700u);
        QCOMPARE(modeOf(m_dir.filePath(QStringLiteral("umask"))), 0700u);
        // Nothing else is left beside it (no temporary file, no lock).
        QCOMPARE(QDir(QFileInfo(path).absolutePath())
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{QStringLiteral("secrets.json")});
    }

    void refusesBadFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<uint>("mode");
        QTest::addColumn<QString>("expected"); // part of the error
        const QByteArray good = QByteArrayLiteral("{\"a\": \"MQ==\"}");
        QTest::addRow("mode 0644") << good << 0644u << QStringLiteral("has mode 0644");
        QTest::addRow("mode 0640") << good << 0640u << QStringLiteral("has mode 0640");
        QTest::addRow("mode 0400") << good << 0400u << QStringLiteral("has mode 0400");
        QTest::addRow("truncated JSON")
            << QByteArrayLiteral("{\n  \"a\": \"MQ==\",\n  \"b\": ") << 0600u
            << QStringLiteral("is not valid JSON (line 3, column");
        QTest::addRow("not an object") << QByteArrayLiteral("[\"MQ==\"]") << 0600u
                                       << QStringLiteral("must hold a JSON object");
        QTest::addRow("not a string") << QByteArrayLiteral("{\"a\": 1}") << 0600u
                                      << QStringLiteral("the entry \"a\" is not a base64 string");
        QTest::addRow("not base64") << QByteArrayLiteral("{\"a\": \"#$%\"}") << 0600u
                                    << QStringLiteral("the entry \"a\" is not a base64 string");
        QTest::addRow("empty file") << QByteArray() << 0600u << QStringLiteral("is not valid JSON");
    }

    void refusesBadFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(uint, mode);
        QFETCH(QString, expected);
        const QString path = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        writeRaw(path, content, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);

        for (const bool useKeychain : {false, true}) {
            SecretStore store(options(path, useKeychain));
            const QString writeError = store.writeSync(QStringLiteral("b"), "new");
            QVERIFY2(writeError.contains(expected), qPrintable(writeError));
            QVERIFY2(writeError.contains(path), qPrintable(writeError));
            QByteArray secret;
            const QString readError = store.readSync(QStringLiteral("a"), &secret);
            QVERIFY2(readError.contains(expected), qPrintable(readError));
            QVERIFY(secret.isEmpty());
            QVERIFY(store.removeSync(QStringLiteral("a")).contains(expected));
            // Never overwritten, never "repaired" behind the user's back.
            QCOMPARE(contentOf(path), content);
            QCOMPARE(modeOf(path), mode);
        }
    }

    void callbacksComeLaterExactlyOnce()
    {
        for (const bool useKeychain : {true, false}) {
            SecretStore store(options(freshPath(), useKeychain));
            int writes = 0;
            int reads = 0;
            int removes = 0;
            store.write(QStringLiteral("a"), "1", [&](const QString &error) {
                QVERIFY(error.isEmpty());
                ++writes;
            });
            store.read(QStringLiteral("a"), [&](const QByteArray &secret, const QString &error) {
                QVERIFY(error.isEmpty());
                QCOMPARE(secret, QByteArray("1"));
                ++reads;
            });
            store.remove(QStringLiteral("a"), [&](const QString &error) {
                QVERIFY(error.isEmpty());
                ++removes;
            });
            QCOMPARE(writes + reads + removes, 0); // never inside the call
            QTRY_COMPARE(removes, 1);
            QTest::qWait(50);
            QCOMPARE(writes, 1);
            QCOMPARE(reads, 1);
            QCOMPARE(removes, 1);
        }
    }

    void emptyNameIsAnError()
    {
        SecretStore store(options(freshPath(), false));
        QVERIFY(!store.writeSync(QString(), "1").isEmpty());
        QByteArray secret;
        QVERIFY(!store.readSync(QString(), &secret).isEmpty());
        QVERIFY(!store.removeSync(QString()).isEmpty());
    }

    void destroyingTheStoreDropsPendingCalls()
    {
        for (const bool useKeychain : {true, false}) {
            bool called = false;
            auto *store = new SecretStore(options(freshPath(), useKeychain));
            store->write(QStringLiteral("a"), "1", [&](const QString &) { called = true; });
            delete store;
            QTest::qWait(100);
            QVERIFY(!called);
        }
    }

    void secretsNeverLogged()
    {
        const QByteArray secret = QByteArrayLiteral("s3cr3t-never-in-logs-7f1e");
        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        QStringList errors;
        {
            SecretStore store(options(freshPath()));
            errors << store.writeSync(QStringLiteral("a"), secret);
            QByteArray back;
            errors << store.readSync(QStringLiteral("a"), &back);
            errors << store.readSync(QStringLiteral("missing"), &back);
            errors << store.fallbackReason();
        }
        const QString bad = freshPath();
        QVERIFY(QDir().mkpath(QFileInfo(bad).absolutePath()));
        writeRaw(bad, "{\"a\": \"" + secret.toBase64() + "\", oops",
                 QFile::ReadOwner | QFile::WriteOwner);
        {
            SecretStore store(options(bad, false));
            errors << store.writeSync(QStringLiteral("a"), secret);
        }
        qInstallMessageHandler(previous);
        const QString all = (g_messages + errors).join(QLatin1Char('\n'));
        QVERIFY(!all.contains(QString::fromLatin1(secret)));
        QVERIFY(!all.contains(QString::fromLatin1(secret.toBase64())));
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreFallback)
#include "tst_secretstorefallback.moc"
