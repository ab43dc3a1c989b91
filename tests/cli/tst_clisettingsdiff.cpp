// `hookbench-cli settings diff --endpoint A --against B`: the current settings files of two
// endpoints compared like `hookbench-cli diff` compares files (exit 0 same, 1 changed), and each
// bad input (unknown endpoint, no version yet, bad options) exits 2 with one clear stderr line.
#include "clisettingssupport.h"
#include "endpoints/endpointstore.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace clitest;
using namespace hookbench;

class TestCliSettingsDiff : public SettingsCliTest
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
    void cleanup()
    {
        QVERIFY2(!leakedKey(), "the SDK key leaked");
        m_server.reset();
    }

    void comparesTwoEndpoints()
    {
        setUpEndpoints();
        // default: fetched from the loopback host; staging: the same file, one campaign edited.
        CliRun run = fetch();
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("new version 1 "), run.out.constData());
        run = importAs(QStringLiteral("staging"), editedFixture());
        QCOMPARE(run.exitCode, 0);

        run = diff({QStringLiteral("--endpoint"), QStringLiteral("default"),
                    QStringLiteral("--against"), QStringLiteral("staging")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.out, QByteArray("campaign DEV_TEST_1: percentTraffic 50 \xe2\x86\x92 100\n"));
        QVERIFY2(run.err.startsWith("comparing default version 1 (account 888888, ") &&
                     run.err.contains(" with staging version 2 (account 888888, "),
                 run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);

        // --endpoint defaults to default; the other formats are diff's.
        run = diff({QStringLiteral("--against"), QStringLiteral("staging"),
                    QStringLiteral("--format"), QStringLiteral("json-patch")});
        QCOMPARE(run.exitCode, 1);
        const QJsonArray patch = QJsonDocument::fromJson(run.out).array();
        QCOMPARE(patch.size(), 1);
        QCOMPARE(patch.first().toObject().value(QLatin1String("op")).toString(),
                 QStringLiteral("replace"));
        QCOMPARE(patch.first().toObject().value(QLatin1String("value")).toInt(), 100);
        run = diff({QStringLiteral("--endpoint"), QStringLiteral("staging"),
                    QStringLiteral("--against"), QStringLiteral("default"),
                    QStringLiteral("--format"), QStringLiteral("unified"),
                    QStringLiteral("--context"), QStringLiteral("1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.startsWith("--- staging (version 2)\n+++ default (version 1)\n"),
                 run.out.constData());
        QVERIFY2(
            run.out.contains("\n-      \"percentTraffic\": 100,\n+      \"percentTraffic\": 50,\n"),
            run.out.constData());

        // The same file in another endpoint: no change, exit 0, nothing on stdout.
        run = importAs(QStringLiteral("production"), fixture());
        QCOMPARE(run.exitCode, 0);
        run = diff({QStringLiteral("--endpoint"), QStringLiteral("production"),
                    QStringLiteral("--against"), QStringLiteral("default")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
    }

    void badInputsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        const QString e = QStringLiteral("--endpoint");
        const QString a = QStringLiteral("--against");
        QTest::addRow("unknown --against")
            << QStringList{a, QStringLiteral("nowhere")}
            << QStringLiteral("--against: no endpoint named 'nowhere' (endpoints: default, "
                              "staging, production, qa)");
        QTest::addRow("unknown --endpoint")
            << QStringList{e, QStringLiteral("prod"), a, QStringLiteral("staging")}
            << QStringLiteral("--endpoint: no endpoint named 'prod' (endpoints: default, "
                              "staging, production, qa)");
        QTest::addRow("no version yet")
            << QStringList{a, QStringLiteral("qa")}
            << QStringLiteral("endpoint 'qa' has no settings version yet (fetch one with "
                              "'hookbench-cli settings fetch --endpoint qa')");
        QTest::addRow("no version of --endpoint")
            << QStringList{e, QStringLiteral("qa"), a, QStringLiteral("default")}
            << QStringLiteral("endpoint 'qa' has no settings version yet (fetch one with "
                              "'hookbench-cli settings fetch --endpoint qa')");
        QTest::addRow("missing --against")
            << QStringList{e, QStringLiteral("staging")}
            << QStringLiteral("missing --against NAME, the endpoint to compare with");
        QTest::addRow("itself") << QStringList{a, QStringLiteral("default")}
                                << QStringLiteral("--against names the endpoint itself "
                                                  "('default'); name another endpoint");
        QTest::addRow("bad name") << QStringList{a, QStringLiteral("a b")}
                                  << QStringLiteral("--against: ");
        QTest::addRow("bad format")
            << QStringList{a, QStringLiteral("staging"), QStringLiteral("--format"),
                           QStringLiteral("html")}
            << QStringLiteral("unknown --format 'html' (expected: summary, unified, json-patch)");
        QTest::addRow("unified option")
            << QStringList{a, QStringLiteral("staging"), QStringLiteral("--sort-keys")}
            << QStringLiteral("--sort-keys applies to --format unified only");
        QTest::addRow("positional")
            << QStringList{a, QStringLiteral("staging"), QStringLiteral("extra")}
            << QStringLiteral("unexpected argument 'extra'");
    }
    void badInputsExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        setUpEndpoints();
        QCOMPARE(importAs(QStringLiteral("default"), fixture()).exitCode, 0);
        QCOMPARE(importAs(QStringLiteral("staging"), editedFixture()).exitCode, 0);
        const CliRun run = diff(args);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.out, QByteArray());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(QLatin1String("hookbench-cli settings diff: ") + error),
                 qPrintable(err));
        QCOMPARE(run.err.count('\n'), 1);
    }

    void noDatabaseExits2()
    {
        const CliRun run = diff({QStringLiteral("--against"), QStringLiteral("staging")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no database at "), run.err.constData());
        QVERIFY(!QFile::exists(dbPath())); // reading makes no database
    }

private:
    // staging, production and qa besides default (the endpoints table of the database).
    void setUpEndpoints()
    {
        EndpointStore store;
        QCOMPARE(store.open(dbPath()), QString());
        const QStringList names{QStringLiteral("staging"), QStringLiteral("production"),
                                QStringLiteral("qa")};
        for (const QString &name : names) {
            Endpoint endpoint;
            endpoint.name = name;
            endpoint.path = QStringLiteral("/vwo/") + name;
            QCOMPARE(store.add(endpoint), QString());
        }
    }
    CliRun importAs(const QString &endpoint, const QByteArray &bytes)
    {
        const QString path = writeFile(endpoint + QStringLiteral(".json"), bytes);
        return settings({QStringLiteral("import"), path, QStringLiteral("--endpoint"), endpoint});
    }
    CliRun diff(const QStringList &args)
    {
        return settings(QStringList{QStringLiteral("diff")} + args);
    }
};

QTEST_GUILESS_MAIN(TestCliSettingsDiff)
#include "tst_clisettingsdiff.moc"
