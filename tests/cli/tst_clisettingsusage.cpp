// `hookbench-cli settings profile`, where the SDK key comes from, and usage errors: each exits 2
// with one exact stderr line and makes no database; the SDK key is never shown.
#include "clisettingssupport.h"

using namespace clitest;

class TestCliSettingsUsage : public SettingsCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
    }
    void init()
    {
        const QString problem = setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // The SDK key in no output (but show --original's) and in no database file.
    void cleanup()
    {
        QVERIFY2(!leakedKey(), "the SDK key leaked");
        m_server.reset();
    }

    void profile()
    {
        CliRun run = settings({QStringLiteral("profile")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("Account id:  not set\n"), run.out.constData());
        QVERIFY(run.out.contains("SDK key:     not set\n"));
        QVERIFY(!QFile::exists(dbPath())); // showing makes no database

        run = settings({QStringLiteral("profile"), QStringLiteral("--account-id"),
                        QLatin1String(AccountId), QStringLiteral("--base-url"), m_server->baseUrl(),
                        QStringLiteral("--sdk-key-stdin")},
                       QByteArray(SdkKey) + '\n');
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("Saved the account profile of endpoint 'default'."),
                 run.err.constData());
        run = settings({QStringLiteral("profile")});
        QCOMPARE(run.exitCode, 0);
        for (const QString &line :
             {QStringLiteral("Endpoint:    default\n"), QStringLiteral("Account id:  888888\n"),
              QStringLiteral("Base URL:    %1\n").arg(m_server->baseUrl()),
              QStringLiteral("Auto-fetch:  on (after every valid, authenticated webhook)\n"),
              QStringLiteral("Timeout:     30s per attempt\n"),
              QStringLiteral("SDK key:     stored in ")})
            QVERIFY2(QString::fromUtf8(run.out).contains(line), qPrintable(line));

        run = settings({QStringLiteral("profile"), QStringLiteral("--auto-fetch"),
                        QStringLiteral("off"), QStringLiteral("--timeout"), QStringLiteral("5s")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Account id:  888888\n"));
        QVERIFY(run.out.contains("Auto-fetch:  off\n"));
        QVERIFY(run.out.contains("Timeout:     5s per attempt\n"));
        QVERIFY(run.out.contains("SDK key:     stored in "));

        // The stored profile and key serve fetch and show --original.
        run = settings({QStringLiteral("fetch")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("new version 1 "), run.out.constData());
        QCOMPARE(m_server->requests().constFirst().param(QStringLiteral("i")),
                 QLatin1String(SdkKey));
        run = settings(
            {QStringLiteral("show"), QStringLiteral("latest"), QStringLiteral("--original")}, {},
            true);
        QCOMPARE(run.out, fixture());
    }

    void sdkKeyPrecedence()
    {
        const QString wrong =
            writeFile(QStringLiteral("wrong.txt"), QByteArray(WrongSdkKey) + '\n');
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("HOOKBENCH_SDK_KEY"), QLatin1String(SdkKey));
        const QStringList base{QStringLiteral("fetch"),  QStringLiteral("--account-id"),
                               QLatin1String(AccountId), QStringLiteral("--base-url"),
                               m_server->baseUrl(),      QStringLiteral("--backoff"),
                               QStringLiteral("none")};
        // The environment beats --sdk-key; --sdk-key-file beats the environment.
        CliRun run =
            settings(base + QStringList{QStringLiteral("--sdk-key"), QLatin1String(WrongSdkKey)},
                     {}, false, &env);
        QCOMPARE(run.exitCode, 0);
        run =
            settings(base + QStringList{QStringLiteral("--sdk-key-file"), wrong}, {}, false, &env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains("403"));
        run = settings(base + QStringList{QStringLiteral("--sdk-key"), QLatin1String(SdkKey)});
        m_runs.removeLast(); // its command line held the key, its output must not
        QVERIFY(!run.out.contains(SdkKey) && !run.err.contains(SdkKey));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("unchanged: version 1\n"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // the whole stderr; %KEYFILE% is m_keyFile
        const QString prefix = QStringLiteral("hookbench-cli settings fetch: ");
        auto row = [](const char *name, const QStringList &args, const QString &expected) {
            QTest::addRow("%s", name) << args << expected + QLatin1Char('\n');
        };
        const QString fetch = QStringLiteral("fetch");
        const QString keyFile = QStringLiteral("--sdk-key-file=%KEYFILE%");
        row("missing account id", {fetch, keyFile},
            prefix + QStringLiteral("no account id for endpoint 'default': give --account-id ID, "
                                    "or save one with 'hookbench-cli settings profile "
                                    "--account-id ID'"));
        row("bad account id", {fetch, QStringLiteral("--account-id"), QStringLiteral("x1")},
            prefix + QStringLiteral("--account-id: 'x1' is not a VWO account id (digits only)"));
        row("both key options",
            {fetch, QStringLiteral("--account-id=1"), QStringLiteral("--sdk-key=abc"), keyFile},
            prefix + QStringLiteral("--sdk-key and --sdk-key-file cannot be combined; give one"));
        row("no sdk key", {fetch, QStringLiteral("--account-id=888888")},
            prefix + QStringLiteral("no SDK key for endpoint 'default': give --sdk-key-file FILE "
                                    "or HOOKBENCH_SDK_KEY, or store one with 'hookbench-cli "
                                    "settings profile --sdk-key-file FILE'"));
        row("bad base url", {fetch, QStringLiteral("--base-url=ftp://x")},
            prefix + QStringLiteral("--base-url: 'ftp://x': the base URL must start with "
                                    "https:// or http://"));
        row("bad backoff", {fetch, QStringLiteral("--backoff=1s,x")},
            prefix + QStringLiteral("--backoff: 'x' is not a duration from 0ms to 10m (e.g. "
                                    "500ms, 30s, 2m)"));
        row("bad timeout", {fetch, QStringLiteral("--timeout=50ms")},
            prefix + QStringLiteral("--timeout: '50ms' is not a duration from 100ms to 10m (e.g. "
                                    "500ms, 30s, 2m)"));
        row("unknown option", {fetch, QStringLiteral("--frob")},
            prefix + QStringLiteral("unknown option '--frob' (see 'hookbench-cli settings fetch "
                                    "--help')"));
        row("unknown subcommand", {QStringLiteral("frob")},
            QStringLiteral("hookbench-cli settings: unknown subcommand 'frob' (expected: fetch, "
                           "profile, history, show, fetches, import, diff)"));
        row("show not a number", {QStringLiteral("show"), QStringLiteral("abc")},
            QStringLiteral("hookbench-cli settings show: VERSION: 'abc' is not a version id (a "
                           "positive number) or 'latest'"));
        row("show without version", {QStringLiteral("show")},
            QStringLiteral("hookbench-cli settings show: missing VERSION (see 'hookbench-cli "
                           "settings show --help')"));
        row("history format", {QStringLiteral("history"), QStringLiteral("--format=xml")},
            QStringLiteral("hookbench-cli settings history: unknown --format 'xml' (expected: "
                           "text, json)"));
        row("profile auto-fetch", {QStringLiteral("profile"), QStringLiteral("--auto-fetch=yes")},
            QStringLiteral("hookbench-cli settings profile: --auto-fetch: 'yes' is not on or off"));
        row("profile needs account id", {QStringLiteral("profile"), keyFile},
            QStringLiteral("hookbench-cli settings profile: endpoint 'default' has no account "
                           "profile yet: --account-id is required"));
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        args.replaceInStrings(QStringLiteral("%KEYFILE%"), m_keyFile);
        const CliRun run = settings(args);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err), expected);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(dbPath())); // a usage error makes no database
        QCOMPARE(m_server->requestCount(), 0);
    }

    void keyFileProblemsHideTheKey()
    {
        const QString spaced = writeFile(QStringLiteral("spaced.txt"), "wrong-sdk key-42\n");
        const CliRun run = settings(QStringList{QStringLiteral("fetch")} + serverArgs(spaced));
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err),
                 QStringLiteral("hookbench-cli settings fetch: --sdk-key-file %1: the SDK key "
                                "contains whitespace (character 10)\n")
                     .arg(spaced));
    }
};

QTEST_GUILESS_MAIN(TestCliSettingsUsage)

#include "tst_clisettingsusage.moc"
