// EndpointDirectory: the endpoint list that follows other processes, and rename/remove that move
// or delete the secrets named after an endpoint. Every test runs on the file secret store and,
// on the private bus with gnome-keyring (see tests/core/CMakeLists.txt), on a real keychain.
#include "auth/keyringstore.h"
#include "auth/keysecret.h"
#include "endpoints/endpointdirectory.h"
#include "secrets/secretstore.h"
#include "settings/accountprofile.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hookbench;

namespace {

Endpoint endpoint(const QString &name, const QString &path)
{
    Endpoint result;
    result.name = name;
    result.path = path;
    return result;
}

} // namespace

class TestEndpointDirectory : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<EndpointDirectory> m_directory;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }
    EndpointDirectory &directory() { return *m_directory; }
    SecretStore &secrets() { return *m_secrets; }

    // Opens everything on the backend the data row names; false (skipped) when unavailable.
    bool openOn(const QString &backend)
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return false;
        SecretStore::Options options;
        options.fallbackPath = m_dir->filePath(QStringLiteral("secrets.json"));
        // Every test gets a service of its own, so keychain entries never meet.
        options.service =
            QStringLiteral("Hookbench test %1").arg(QFileInfo(m_dir->path()).fileName());
        options.useKeychain = backend == QLatin1String("keychain");
        m_secrets = std::make_unique<SecretStore>(options);
        m_directory = std::make_unique<EndpointDirectory>(m_secrets.get());
        const QString error = directory().open(dbPath());
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return error.isEmpty();
    }

    // A key row (as the key ring writes it) and its value in the secret store.
    void addKey(const QString &endpoint, const QString &id, const QByteArray &secret)
    {
        KeyRingStore keys;
        QCOMPARE(keys.open(dbPath()), QString());
        KeyInfo key;
        key.id = id;
        key.endpoint = endpoint;
        key.created = QDateTime::currentDateTimeUtc();
        QString replaced;
        const QDateTime grace = QDateTime::currentDateTimeUtc().addDays(1);
        bool hasPrimary = false;
        QList<KeyInfo> all;
        QCOMPARE(keys.loadKeys(&all), QString());
        for (const KeyInfo &existing : std::as_const(all))
            hasPrimary = hasPrimary || existing.endpoint == endpoint;
        QCOMPARE(keys.addKey(key, hasPrimary ? grace : QDateTime(), &replaced), QString());
        QCOMPARE(secrets().writeSync(webhookkey::secretName(endpoint, id), secret), QString());
    }
    // The stored value, or a null array when there is none.
    QByteArray secret(const QString &name)
    {
        QByteArray value;
        const QString error = secrets().readSync(name, &value);
        return error.isEmpty() ? value : QByteArray();
    }
    void addBackendColumn()
    {
        QTest::addColumn<QString>("backend");
        QTest::addRow("file") << QStringLiteral("file");
        QTest::addRow("keychain") << QStringLiteral("keychain");
    }
    // QSKIPs in the caller when the backend is not there.
    bool start()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("keychain") &&
            qgetenv("HOOKBENCH_TEST_PRIVATE_BUS") != QByteArrayLiteral("keyring"))
            return false;
        return openOn(backend);
    }

private Q_SLOTS:
    void cleanup()
    {
        m_directory.reset();
        m_secrets.reset();
        m_dir.reset();
    }

    void listsAndChanges_data() { addBackendColumn(); }
    void listsAndChanges()
    {
        if (!start())
            QSKIP("no keychain here: runs on the private bus with gnome-keyring");
        QCOMPARE(directory().endpoints(), QList<Endpoint>{Endpoint::defaultEndpoint()});
        QSignalSpy changed(&directory(), &EndpointDirectory::changed);
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        QCOMPARE(changed.size(), 1);
        QVERIFY(directory().endpoint(QStringLiteral("staging")).has_value());
        QVERIFY(!directory().endpoint(QStringLiteral("nope")).has_value());
        Endpoint staging = *directory().endpoint(QStringLiteral("staging"));
        staging.colour = QStringLiteral("#123456");
        QCOMPARE(directory().update(staging), QString());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(directory().endpoint(QStringLiteral("staging"))->colour,
                 QStringLiteral("#123456"));
        // Refused: no signal, the list stays.
        QVERIFY(!directory().add(endpoint(QStringLiteral("qa"), QStringLiteral("/s"))).isEmpty());
        QCOMPARE(changed.size(), 2);
        QCOMPARE(directory().endpoints().size(), 2);
        QString error;
        QCOMPARE(directory().eventCounts(&error), (QHash<QString, qint64>()));
        QCOMPARE(error, QString());
    }

    void followsOtherConnections_data() { addBackendColumn(); }
    void followsOtherConnections()
    {
        if (!start())
            QSKIP("no keychain here: runs on the private bus with gnome-keyring");
        QSignalSpy changed(&directory(), &EndpointDirectory::changed);
        EndpointStore other; // another process, e.g. hookbench-cli endpoints add
        QCOMPARE(other.open(dbPath()), QString());
        QCOMPARE(other.add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))), QString());
        QVERIFY(changed.wait(10000));
        QCOMPARE(directory().endpoints().size(), 2);
        QCOMPARE(directory().endpoints().last().name, QStringLiteral("staging"));
        QCOMPARE(other.remove(QStringLiteral("staging"), false), QString());
        QVERIFY(changed.wait(10000));
        QCOMPARE(directory().endpoints().size(), 1);
    }

    void renameMovesSecrets_data() { addBackendColumn(); }
    void renameMovesSecrets()
    {
        if (!start())
            QSKIP("no keychain here: runs on the private bus with gnome-keyring");
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        addKey(QStringLiteral("staging"), QStringLiteral("aaaaaaaaaaaa"), "first-staging-key-1234");
        addKey(QStringLiteral("staging"), QStringLiteral("bbbbbbbbbbbb"), "second-staging-key-123");
        addKey(QStringLiteral("default"), QStringLiteral("cccccccccccc"), "default-key-1234567890");
        QCOMPARE(secrets().writeSync(sdkKeySecretName(QStringLiteral("staging")), "sdk-staging"),
                 QString());
        QSignalSpy changed(&directory(), &EndpointDirectory::changed);

        QCOMPARE(directory().renameSync(QStringLiteral("staging"), QStringLiteral("preprod")),
                 QString());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!directory().endpoint(QStringLiteral("staging")));
        QVERIFY(directory().endpoint(QStringLiteral("preprod")));
        const QString old = QStringLiteral("staging");
        const QString renamed = QStringLiteral("preprod");
        for (const char *id : {"aaaaaaaaaaaa", "bbbbbbbbbbbb"}) {
            QVERIFY(secret(webhookkey::secretName(old, QLatin1String(id))).isNull());
        }
        QCOMPARE(secret(webhookkey::secretName(renamed, QStringLiteral("aaaaaaaaaaaa"))),
                 QByteArray("first-staging-key-1234"));
        QCOMPARE(secret(webhookkey::secretName(renamed, QStringLiteral("bbbbbbbbbbbb"))),
                 QByteArray("second-staging-key-123"));
        QVERIFY(secret(sdkKeySecretName(old)).isNull());
        QCOMPARE(secret(sdkKeySecretName(renamed)), QByteArray("sdk-staging"));
        // Other endpoints' secrets stay where they are.
        QCOMPARE(secret(webhookkey::secretName(QStringLiteral("default"),
                                               QStringLiteral("cccccccccccc"))),
                 QByteArray("default-key-1234567890"));
        KeyRingStore keys;
        QCOMPARE(keys.open(dbPath()), QString());
        QList<KeyInfo> all;
        QCOMPARE(keys.loadKeys(&all), QString());
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).endpoint, renamed);
        QCOMPARE(all.at(1).endpoint, renamed);
    }

    void renameWithoutSecrets()
    {
        QVERIFY(openOn(QStringLiteral("file")));
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        QCOMPARE(directory().renameSync(QStringLiteral("staging"), QStringLiteral("qa")),
                 QString());
        QCOMPARE(directory().endpoints().last().name, QStringLiteral("qa"));
    }

    void refusedRenameTouchesNothing_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("message");
        QTest::addRow("default") << QStringLiteral("default") << QStringLiteral("prod")
                                 << QStringLiteral("the default endpoint cannot be renamed");
        QTest::addRow("taken") << QStringLiteral("staging") << QStringLiteral("default")
                               << QStringLiteral("an endpoint named 'default' exists already");
        QTest::addRow("bad name") << QStringLiteral("staging") << QStringLiteral("a/b")
                                  << QStringLiteral("new name: character 2");
        QTest::addRow("unknown") << QStringLiteral("nope") << QStringLiteral("x")
                                 << QStringLiteral("no endpoint named 'nope'");
    }
    void refusedRenameTouchesNothing()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, message);
        QVERIFY(openOn(QStringLiteral("file")));
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        addKey(QStringLiteral("staging"), QStringLiteral("aaaaaaaaaaaa"), "first-staging-key-1234");
        const QString error = directory().renameSync(from, to);
        QVERIFY2(error.startsWith(message), qPrintable(error));
        QCOMPARE(secret(webhookkey::secretName(QStringLiteral("staging"),
                                               QStringLiteral("aaaaaaaaaaaa"))),
                 QByteArray("first-staging-key-1234"));
        QVERIFY(secret(webhookkey::secretName(to, QStringLiteral("aaaaaaaaaaaa"))).isNull());
        QCOMPARE(directory().endpoints().size(), 2);
    }

    void failedRenameTakesCopiesBack()
    {
        QVERIFY(openOn(QStringLiteral("file")));
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        addKey(QStringLiteral("staging"), QStringLiteral("aaaaaaaaaaaa"), "first-staging-key-1234");
        // Another process takes the new name while the secrets are being copied: the database
        // refuses, and the copies go again.
        EndpointStore other;
        QCOMPARE(other.open(dbPath()), QString());
        bool finished = false;
        QString error;
        directory().rename(QStringLiteral("staging"), QStringLiteral("qa"),
                           [&](const QString &outcome) {
                               error = outcome;
                               finished = true;
                           });
        QCOMPARE(other.add(endpoint(QStringLiteral("qa"), QStringLiteral("/qa"))), QString());
        QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
        QCOMPARE(error, QStringLiteral("an endpoint named 'qa' exists already"));
        QVERIFY(secret(webhookkey::secretName(QStringLiteral("qa"), QStringLiteral("aaaaaaaaaaaa")))
                    .isNull());
        QCOMPARE(secret(webhookkey::secretName(QStringLiteral("staging"),
                                               QStringLiteral("aaaaaaaaaaaa"))),
                 QByteArray("first-staging-key-1234"));
    }

    void removeDeletesSecrets_data() { addBackendColumn(); }
    void removeDeletesSecrets()
    {
        if (!start())
            QSKIP("no keychain here: runs on the private bus with gnome-keyring");
        QCOMPARE(directory().add(endpoint(QStringLiteral("staging"), QStringLiteral("/s"))),
                 QString());
        addKey(QStringLiteral("staging"), QStringLiteral("aaaaaaaaaaaa"), "first-staging-key-1234");
        addKey(QStringLiteral("default"), QStringLiteral("cccccccccccc"), "default-key-1234567890");
        QCOMPARE(secrets().writeSync(sdkKeySecretName(QStringLiteral("staging")), "sdk-staging"),
                 QString());
        QCOMPARE(secrets().writeSync(sdkKeySecretName(QStringLiteral("default")), "sdk-default"),
                 QString());
        QSignalSpy changed(&directory(), &EndpointDirectory::changed);
        QCOMPARE(directory().removeSync(QStringLiteral("staging"), true), QString());
        QCOMPARE(changed.size(), 1);
        QCOMPARE(directory().endpoints(), QList<Endpoint>{Endpoint::defaultEndpoint()});
        QVERIFY(secret(webhookkey::secretName(QStringLiteral("staging"),
                                              QStringLiteral("aaaaaaaaaaaa")))
                    .isNull());
        QVERIFY(secret(sdkKeySecretName(QStringLiteral("staging"))).isNull());
        QCOMPARE(secret(sdkKeySecretName(QStringLiteral("default"))), QByteArray("sdk-default"));
        QCOMPARE(secret(webhookkey::secretName(QStringLiteral("default"),
                                               QStringLiteral("cccccccccccc"))),
                 QByteArray("default-key-1234567890"));

        QCOMPARE(directory().removeSync(QStringLiteral("default"), true),
                 QStringLiteral("the default endpoint cannot be removed"));
        QCOMPARE(secret(sdkKeySecretName(QStringLiteral("default"))), QByteArray("sdk-default"));
        QVERIFY(directory()
                    .removeSync(QStringLiteral("nope"), false)
                    .startsWith(QLatin1String("no endpoint named 'nope'")));
    }

    void closedDirectory()
    {
        QVERIFY(openOn(QStringLiteral("file")));
        QSignalSpy changed(&directory(), &EndpointDirectory::changed);
        directory().close();
        QCOMPARE(changed.size(), 1);
        QVERIFY(!directory().isOpen());
        QVERIFY(directory().endpoints().isEmpty());
        QVERIFY(!directory().add(endpoint(QStringLiteral("a"), QStringLiteral("/a"))).isEmpty());
        QVERIFY(!directory().renameSync(QStringLiteral("a"), QStringLiteral("b")).isEmpty());
        QVERIFY(!directory().removeSync(QStringLiteral("a"), true).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEndpointDirectory)
#include "tst_endpointdirectory.moc"
