// `hookbench-cli settings fetch|history|show|fetches|import` against SettingsServer: outcomes and
// retries, the history, redacted and original bytes, imports; the SDK key never in any output
// or database file.
#include "clisettingssupport.h"

#include <QDateTime>

using namespace clitest;

class TestCliSettings : public SettingsCliTest
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

    void fetchNewUnchangedChanged()
    {
        CliRun run = fetch();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out,
                 QByteArray("new version 1 (1 campaign, " + QByteArray::number(fixture().size()) +
                            " bytes): first version: 1 campaign\n"));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QCOMPARE(m_server->requestCount(), 1);
        const SettingsServer::Request request = m_server->requests().constFirst();
        QCOMPARE(request.path, QStringLiteral("/server-side/settings"));
        QCOMPARE(request.param(QStringLiteral("a")), QLatin1String(AccountId));
        QCOMPARE(request.param(QStringLiteral("i")), QLatin1String(SdkKey));
        QCOMPARE(request.param(QStringLiteral("platform")), QStringLiteral("server"));

        run = fetch();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("unchanged: version 1\n"));

        m_server->enqueue(SettingsServer::Behaviour::answer(200, editedFixture(),
                                                            "application/json; charset=utf-8"));
        run = fetch();
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("new version 2 (1 campaign, " +
                                     QByteArray::number(editedFixture().size()) +
                                     " bytes): 1 campaign changed (DEV_TEST_1)\n"));
    }

    void wrongKeyIsNotRetried()
    {
        const QString wrong = writeFile(QStringLiteral("wrong.txt"), WrongSdkKey);
        const CliRun run = settings(QStringList{QStringLiteral("fetch")} + serverArgs(wrong));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("fetch failed: the server answered 403 Forbidden"),
                 run.out.constData());
        QVERIFY2(run.out.contains("check the SDK key"), run.out.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("hookbench-cli settings fetch: the server answered 403"),
                 run.err.constData());
        QCOMPARE(m_server->requestCount(), 1);
        const QList<QJsonObject> fetches = jsonList("fetches");
        QCOMPARE(fetches.size(), 1);
        QCOMPARE(fetches.first().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("failed"));
        QCOMPARE(fetches.first().value(QStringLiteral("http_status")).toInt(), 403);
        QVERIFY(fetches.first()
                    .value(QStringLiteral("source"))
                    .toString()
                    .contains(QStringLiteral("i=REDACTED")));
    }

    void serverErrorRetriedFiveTimes()
    {
        for (int i = 0; i < 5; ++i)
            m_server->enqueue(SettingsServer::Behaviour::answer(500, "oops"));
        const CliRun run = fetch({QStringLiteral("--backoff"), QStringLiteral("10ms,10ms,20ms,0")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("fetch failed after 5 attempts: the server answered 500 "
                                    "Internal Server Error"),
                 run.out.constData());
        QCOMPARE(run.out.count('\n'), 1);
        QCOMPARE(m_server->requestCount(), 5);
        const QList<QByteArray> lines = run.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.at(0).endsWith("(attempt 1 of 5); next attempt in 10ms"),
                 lines.at(0).constData());
        QVERIFY2(lines.at(3).endsWith("(attempt 4 of 5); next attempt in 0ms"),
                 lines.at(3).constData());
        QVERIFY2(lines.at(4).endsWith("(attempt 5 of 5)"), lines.at(4).constData());
        QCOMPARE(jsonList("fetches").first().value(QStringLiteral("attempts")).toInt(), 5);
    }

    void connectionRefused()
    {
        const quint16 port = SettingsServer::refusingPort();
        QVERIFY(port != 0);
        const CliRun run =
            settings({QStringLiteral("fetch"), QStringLiteral("--account-id"),
                      QLatin1String(AccountId), QStringLiteral("--sdk-key-file"), m_keyFile,
                      QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                      QStringLiteral("--backoff"), QStringLiteral("none")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QStringLiteral("fetch failed: connection refused by 127.0.0.1:%1\n")
                              .arg(port)
                              .toUtf8());
        QCOMPARE(run.err.count('\n'), 1);
    }

    void truncatedJsonKeepsLastGoodVersion()
    {
        QCOMPARE(fetch().exitCode, 0);
        m_server->enqueue(SettingsServer::Behaviour::truncatedJson());
        const CliRun run = fetch();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("fetch failed: the answer is not a valid settings file: "
                                    "malformed JSON at line "),
                 run.out.constData());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains("malformed JSON at line"), run.err.constData());

        const QList<QJsonObject> versions = jsonList("history");
        QCOMPARE(versions.size(), 1);
        QCOMPARE(versions.first().value(QStringLiteral("id")).toInt(), 1);
        const QList<QJsonObject> fetches = jsonList("fetches");
        QCOMPARE(fetches.size(), 2);
        QCOMPARE(fetches.first().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("failed"));
        QVERIFY(fetches.first().value(QStringLiteral("version")).isNull());
        QCOMPARE(fetches.first().value(QStringLiteral("http_status")).toInt(), 200);
        QCOMPARE(settings({QStringLiteral("show"), QStringLiteral("latest")}).out,
                 redactedFixture());
    }

    void viaWebhookPulls()
    {
        const CliRun run = fetch({QStringLiteral("--via-webhook")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().constFirst().path, QStringLiteral("/server-side/pull"));
        const QJsonObject fetched = jsonList("fetches").constFirst();
        QCOMPARE(fetched.value(QStringLiteral("trigger")).toString(), QStringLiteral("webhook"));
        QVERIFY(fetched.value(QStringLiteral("source"))
                    .toString()
                    .contains(QStringLiteral("/server-side/pull?")));
    }

    void history()
    {
        CliRun run = settings({QStringLiteral("history")});
        QCOMPARE(run.exitCode, 2); // no database yet, and none made
        QVERIFY(!QFile::exists(dbPath()));
        QCOMPARE(fetch().exitCode, 0);
        m_server->enqueue(
            SettingsServer::Behaviour::answer(200, editedFixture(), "application/json"));
        QCOMPARE(fetch().exitCode, 0);

        run = settings({QStringLiteral("history")});
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith("ID  TIME"), lines.at(0).constData());
        QVERIFY2(lines.at(1).startsWith("2   "), lines.at(1).constData());
        for (const char *text :
             {"manual", "888888", "731 bytes", "1 campaign changed (DEV_TEST_1)"})
            QVERIFY2(lines.at(1).contains(text), text);
        QVERIFY(lines.at(2).contains("first version: 1 campaign"));

        const QList<QJsonObject> versions = jsonList("history");
        QCOMPARE(versions.size(), 2);
        const QJsonObject newest = versions.first();
        QCOMPARE(newest.value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(newest.value(QStringLiteral("trigger")).toString(), QStringLiteral("manual"));
        QCOMPARE(newest.value(QStringLiteral("account_id")).toString(), QLatin1String(AccountId));
        QCOMPARE(newest.value(QStringLiteral("campaigns")).toInt(), 1);
        QCOMPARE(newest.value(QStringLiteral("size")).toInteger(), editedFixture().size());
        QCOMPARE(newest.value(QStringLiteral("summary")).toString(),
                 QStringLiteral("1 campaign changed (DEV_TEST_1)"));
        const QDateTime created = QDateTime::fromString(
            newest.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
        QVERIFY(created.isValid());
        QCOMPARE(created.timeSpec(), Qt::UTC);
        QCOMPARE(versions.at(1).value(QStringLiteral("id")).toInt(), 1);

        run = settings({QStringLiteral("history"), QStringLiteral("--format"),
                        QStringLiteral("json"), QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(parseJsonLines(run.out).size(), 1);
    }

    void showRedactedAndOriginal()
    {
        QCOMPARE(fetch().exitCode, 0);
        CliRun run = settings({QStringLiteral("show"), QStringLiteral("latest")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, redactedFixture());
        QCOMPARE(settings({QStringLiteral("show"), QStringLiteral("1")}).out, redactedFixture());

        run = settings({QStringLiteral("show"), QStringLiteral("latest"),
                        QStringLiteral("--original"), QStringLiteral("--sdk-key-file"), m_keyFile},
                       {}, true);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, fixture());
        QVERIFY(run.err.isEmpty());

        const QString wrong =
            writeFile(QStringLiteral("wrong.txt"), QByteArray(WrongSdkKey) + '\n');
        run = settings({QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--original"),
                        QStringLiteral("--sdk-key-file"), wrong});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("is not the one settings version 1 held"), run.err.constData());

        run = settings({QStringLiteral("show"), QStringLiteral("99")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err,
                 QByteArray("hookbench-cli settings show: no settings version with id 99\n"));
    }

    void import()
    {
        const QByteArray rollout = m_server->fixture(QStringLiteral("feature-rollout.json"));
        QVERIFY(rollout.contains(SdkKey));
        const QString good = writeFile(QStringLiteral("feature-rollout.json"), rollout);
        CliRun run = settings({QStringLiteral("import"), good});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("new version 1 (1 campaign, "), run.out.constData());
        QCOMPARE(settings({QStringLiteral("import"), good}).out,
                 QByteArray("unchanged: version 1\n"));
        const QJsonObject version = jsonList("history").constFirst();
        QCOMPARE(version.value(QStringLiteral("trigger")).toString(), QStringLiteral("file"));
        QCOMPARE(version.value(QStringLiteral("source")).toString(),
                 QStringLiteral("feature-rollout.json"));

        const QString bad = writeFile(QStringLiteral("bad.json"), "{\n  \"version\": 1,\n  x\n}\n");
        run = settings({QStringLiteral("import"), bad});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("hookbench-cli settings import: bad.json: malformed JSON at "
                                    "line 3, column 4"),
                 run.err.constData());
        const QJsonObject failed = jsonList("fetches").constFirst();
        QCOMPARE(failed.value(QStringLiteral("outcome")).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.value(QStringLiteral("trigger")).toString(), QStringLiteral("file"));
        QCOMPARE(jsonList("history").size(), 1);

        run = settings({QStringLiteral("import"), m_home->filePath(QStringLiteral("none.json"))});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("cannot read "), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliSettings)

#include "tst_clisettings.moc"
