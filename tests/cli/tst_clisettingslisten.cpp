// `hookbench-cli listen` with an account profile: a valid webhook fetches the settings file
// (/server-side/pull), recorded with the webhook's event id; --no-settings-fetch turns that off;
// SIGTERM abandons a fetch in flight cleanly.
#include "clisettingssupport.h"
#include "settingsserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <csignal>

using namespace clitest;

namespace {

const QByteArray Webhook = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                           "\"action\": \"campaign_settings_changed\", \"triggered_by\": \"vwo\"}";

} // namespace

class TestCliSettingsListen : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }
    CliRun settings(const QStringList &args, const QByteArray &input = {})
    {
        const CliRun run = runCliPumping(QStringList{QStringLiteral("settings")} + args +
                                             QStringList{QStringLiteral("--db"), dbPath()},
                                         m_env, input);
        m_output += run.out + run.err;
        return run;
    }
    void saveProfile()
    {
        const CliRun run = settings({QStringLiteral("profile"), QStringLiteral("--account-id"),
                                     QLatin1String(AccountId), QStringLiteral("--base-url"),
                                     m_server->baseUrl(), QStringLiteral("--timeout"),
                                     QStringLiteral("20s"), QStringLiteral("--sdk-key-stdin")},
                                    QByteArray(SdkKey) + '\n');
        QCOMPARE(run.exitCode, 0);
    }
    bool startListening(ListenProcess *listener, const QStringList &extra = {})
    {
        QString why;
        const bool ok = listener->start(QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                                    QStringLiteral("--db"), dbPath()} +
                                            extra,
                                        m_env, &why);
        if (!ok)
            qWarning("%s", qPrintable(why));
        return ok;
    }
    // Posts a valid webhook; its event id (0 on failure).
    qint64 postWebhook(ListenProcess *listener)
    {
        const HttpAnswer answer = httpRequest(listener->port(), "POST", "/vwo-webhook",
                                              {{"Content-Type", "application/json"}}, Webhook);
        if (answer.status != 200)
            return 0;
        return listener->nextEvent().value(QStringLiteral("id")).toInteger();
    }
    QList<QJsonObject> fetches()
    {
        const CliRun run = settings(
            {QStringLiteral("fetches"), QStringLiteral("--format"), QStringLiteral("json")});
        return parseJsonLines(run.out);
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SettingsServer> m_server;
    QProcessEnvironment m_env;
    QByteArray m_output; // every run's stdout and stderr, for the leak check

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
    }
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_env = environment(m_home->path());
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     m_home->filePath(QStringLiteral("secrets.json")));
        m_env.remove(QStringLiteral("HOOKBENCH_SDK_KEY"));
        m_server = std::make_unique<SettingsServer>();
        m_server->setCredentials(QLatin1String(AccountId), QLatin1String(SdkKey));
        QVERIFY(m_server->listen());
        m_output.clear();
    }
    void cleanup()
    {
        QVERIFY2(!QByteArray(m_output + databaseBytes(dbPath())).contains(SdkKey),
                 "the SDK key leaked");
        m_server.reset();
    }

    void webhookFetchesSettings()
    {
        saveProfile();
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        const qint64 eventId = postWebhook(&listener);
        QVERIFY(eventId > 0);
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         listener.pump();
                         return listener.err().contains("settings: new version 1 ");
                     },
                     15000),
                 listener.err().constData());
        QVERIFY2(listener.err().contains("settings: fetching the settings file of account 888888 "
                                         "after every valid webhook\n"),
                 listener.err().constData());
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().constFirst().path, QStringLiteral("/server-side/pull"));

        // A second webhook: the same file again.
        QVERIFY(postWebhook(&listener) > eventId);
        QVERIFY(QTest::qWaitFor(
            [&] {
                listener.pump();
                return listener.err().contains("settings: unchanged: version 1\n");
            },
            15000));
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        QCOMPARE(listener.process().exitCode(), 0);
        m_output += listener.out() + listener.err();

        const QList<QJsonObject> log = fetches();
        QCOMPARE(log.size(), 2);
        const QJsonObject first = log.at(1);
        QCOMPARE(first.value(QStringLiteral("trigger")).toString(), QStringLiteral("webhook"));
        QCOMPARE(first.value(QStringLiteral("outcome")).toString(), QStringLiteral("new"));
        QCOMPARE(first.value(QStringLiteral("event_ids")).toArray(), QJsonArray{eventId});
        QCOMPARE(log.at(0).value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("unchanged"));
    }

    void noSettingsFetch()
    {
        saveProfile();
        ListenProcess listener;
        QVERIFY(startListening(&listener, {QStringLiteral("--no-settings-fetch")}));
        QVERIFY(postWebhook(&listener) > 0);
        QTest::qWait(500);
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        m_output += listener.out() + listener.err();
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY2(!listener.err().contains("settings:"), listener.err().constData());
        QVERIFY(fetches().isEmpty());
    }

    void autoFetchOff()
    {
        saveProfile();
        QCOMPARE(settings({QStringLiteral("profile"), QStringLiteral("--auto-fetch"),
                           QStringLiteral("off")})
                     .exitCode,
                 0);
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        QVERIFY(postWebhook(&listener) > 0);
        QTest::qWait(500);
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        m_output += listener.out() + listener.err();
        QCOMPARE(m_server->requestCount(), 0);
    }

    void shutdownAbandonsFetchInFlight()
    {
        saveProfile();
        m_server->setDefaultBehaviour(SettingsServer::Behaviour::serveFixture().delayed(15000));
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        const qint64 eventId = postWebhook(&listener);
        QVERIFY(eventId > 0);
        QVERIFY(QTest::qWaitFor([&] { return m_server->requestCount() == 1; }, 10000));
        ::kill(pid_t(listener.process().processId()), SIGTERM);
        // The answer is held back 15 s: exiting within 10 s means the fetch did not hold it up.
        QVERIFY2(listener.waitForExit(10000), "the fetch in flight held up the shutdown");
        QCOMPARE(listener.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(listener.process().exitCode(), 0);
        m_output += listener.out() + listener.err();
        QVERIFY2(listener.err().contains("settings: fetch abandoned: shutting down\n"),
                 listener.err().constData());

        const QList<QJsonObject> log = fetches();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(log.first().value(QStringLiteral("error")).toString(),
                 QStringLiteral("cancelled"));
        QCOMPARE(log.first().value(QStringLiteral("event_ids")).toArray(), QJsonArray{eventId});
    }
};

QTEST_GUILESS_MAIN(TestCliSettingsListen)

#include "tst_clisettingslisten.moc"
