// The SDK key in a real Secret Service (gnome-keyring on a private bus, see
// tests/core/CMakeLists.txt): `settings profile` stores it there, `settings fetch` and `show
// --original` read it back, and `listen` reads it asynchronously before its first fetch.
#include "clisettingssupport.h"
#include "settingsserver.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace clitest;

class TestCliSettingsKeychain : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }
    CliRun settings(const QStringList &args, const QByteArray &input = {}, bool showsKey = false)
    {
        const CliRun run = runCliPumping(QStringList{QStringLiteral("settings")} + args +
                                             QStringList{QStringLiteral("--db"), dbPath()},
                                         m_env, input);
        if (!showsKey)
            m_output += run.out + run.err;
        return run;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SettingsServer> m_server;
    QProcessEnvironment m_env;
    QByteArray m_output;

private Q_SLOTS:
    void initTestCase()
    {
        // Never the user's own keychain: only on the bus with-private-bus.sh made.
        if (qEnvironmentVariable("HOOKBENCH_TEST_PRIVATE_BUS") != QLatin1String("keyring"))
            QSKIP("needs with-private-bus.sh keyring (run it through ctest)");
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_env = environment(m_home->path());
        m_env.remove(QStringLiteral("HOOKBENCH_SDK_KEY"));
        m_server = std::make_unique<SettingsServer>();
        m_server->setCredentials(QLatin1String(AccountId), QLatin1String(SdkKey));
        QVERIFY(m_server->listen());
    }

    void storedKeyServesFetchShowAndListen()
    {
        CliRun run = settings({QStringLiteral("profile"), QStringLiteral("--account-id"),
                               QLatin1String(AccountId), QStringLiteral("--base-url"),
                               m_server->baseUrl(), QStringLiteral("--sdk-key-stdin")},
                              QByteArray(SdkKey) + '\n');
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("SDK key:     stored in the keychain\n"), run.out.constData());
        QVERIFY2(!run.err.contains("warning"), run.err.constData());

        run = settings({QStringLiteral("fetch")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("new version 1 "), run.out.constData());
        QCOMPARE(m_server->requests().constFirst().param(QStringLiteral("i")),
                 QLatin1String(SdkKey));
        run = settings({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--original")},
                       {}, true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, m_server->fixture(QLatin1String(Fixture)));

        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start({QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--db"), dbPath()},
                                m_env, &why),
                 qPrintable(why));
        const HttpAnswer answer = httpRequest(
            listener.port(), "POST", "/vwo-webhook", {{"Content-Type", "application/json"}},
            "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", \"action\": "
            "\"campaign_settings_changed\", \"triggered_by\": \"vwo\"}");
        QCOMPARE(answer.status, 200);
        const qint64 eventId = listener.nextEvent().value(QStringLiteral("id")).toInteger();
        QVERIFY(eventId > 0);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         listener.pump();
                         return listener.err().contains("settings: unchanged: version 1\n");
                     },
                     15000),
                 listener.err().constData());
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        m_output += listener.out() + listener.err();
        run = settings(
            {QStringLiteral("fetches"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(parseJsonLines(run.out).constFirst().value(QStringLiteral("event_ids")).toArray(),
                 QJsonArray{eventId});

        // Neither output, nor the database, nor any file under HOME (no file fallback) has it.
        QByteArray bytes = m_output + databaseBytes(dbPath());
        QDirIterator files(m_home->path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY2(!bytes.contains(SdkKey), "the SDK key leaked");
    }
};

QTEST_GUILESS_MAIN(TestCliSettingsKeychain)

#include "tst_clisettingskeychain.moc"
