// What happens to an endpoint's data: rename moves its events, keys, profile and secrets; remove
// keeps or deletes its events and deletes its secrets; export/import shares the set-up without a
// secret; `events`, `keys` and `settings --endpoint` know the endpoints.
#include "cliendpointssupport.h"

using namespace clitest;

class TestCliEndpointsData : public EndpointsCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QString problem = setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void renameMovesEverything()
    {
        const QByteArray key = setUpStaging();
        QCOMPARE(key.size(), 64);
        const QStringList before = secretNames();
        QCOMPARE(before.size(), 2); // the webhook key and the SDK key
        QVERIFY(before.contains(QStringLiteral("sdk-key/staging")));

        CliRun run = endpoints(
            {QStringLiteral("rename"), QStringLiteral("staging"), QStringLiteral("preprod")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray("Renamed endpoint 'staging' to 'preprod'.\n"));
        QCOMPARE(listedNames(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("preprod")}));
        const QStringList after = secretNames();
        QCOMPARE(after.size(), 2);
        for (const QString &name : after)
            QVERIFY2(name.contains(QLatin1String("/preprod")), qPrintable(name));
        // The key ring, the profile and the events followed.
        run = cli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--endpoint"),
                   QStringLiteral("preprod"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJsonLines(run.out).size(), 1);
        run = cli({QStringLiteral("settings"), QStringLiteral("profile"),
                   QStringLiteral("--endpoint"), QStringLiteral("preprod")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("888888"), run.out.constData());
        QVERIFY2(run.out.contains("SDK key:     stored"), run.out.constData());
        QCOMPARE(eventCount(QStringLiteral("preprod")), 2);
        QCOMPARE(listed().value(QStringLiteral("preprod")).value(QStringLiteral("events")).toInt(),
                 2);
        QCOMPARE(listed().value(QStringLiteral("preprod")).value(QStringLiteral("keys")).toInt(),
                 1);
        QCOMPARE(listed()
                     .value(QStringLiteral("preprod"))
                     .value(QStringLiteral("account_id"))
                     .toString(),
                 QStringLiteral("888888"));
    }

    void remove_data()
    {
        QTest::addColumn<bool>("keepEvents");
        QTest::addRow("keeping events") << true;
        QTest::addRow("deleting events") << false;
    }
    void remove()
    {
        QFETCH(bool, keepEvents);
        setUpStaging();
        QCOMPARE(secretNames().size(), 2);
        CliRun run = endpoints(
            {QStringLiteral("remove"), QStringLiteral("staging"),
             keepEvents ? QStringLiteral("--keep-events") : QStringLiteral("--delete-events")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, keepEvents
                              ? QByteArray("Removed endpoint 'staging'; its 2 events stay, listed "
                                           "under 'staging'.\n")
                              : QByteArray("Removed endpoint 'staging' and its 2 events.\n"));
        QCOMPARE(listedNames(), QStringList{QStringLiteral("default")});
        QVERIFY(secretNames().isEmpty());
        QCOMPARE(eventCount(QStringLiteral("staging")), keepEvents ? 2 : 0);
        QCOMPARE(eventCount(QStringLiteral("default")), 1);
        run = endpoints({QStringLiteral("list")});
        QCOMPARE(run.err, keepEvents ? QByteArray("Events of removed endpoints: staging (2).\n")
                                     : QByteArray());
        // Its keys went with it: the name is unknown now.
        run = cli({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--endpoint"),
                   QStringLiteral("staging")});
        verifyUsageError(
            run, QStringLiteral("--endpoint: no endpoint named 'staging' (endpoints: default)"));
    }

    void exportImportRoundTrip()
    {
        const QByteArray key = setUpStaging();
        CliRun run = endpoints({QStringLiteral("set"), QStringLiteral("staging"),
                                QStringLiteral("--forward"), QStringLiteral("http://127.0.0.1:9/x"),
                                QStringLiteral("--respond-delay-ms"), QStringLiteral("100")});
        QCOMPARE(run.exitCode, 0);
        run = endpoints({QStringLiteral("export")});
        QCOMPARE(run.exitCode, 0);
        const QByteArray exported = run.out;
        QVERIFY(exported.contains("\"staging\""));
        QVERIFY(exported.contains("888888"));
        for (const QByteArray &secret : {key, StagingSdkKey}) {
            QVERIFY(!exported.contains(secret.left(12)));
            QVERIFY(!exported.contains(secret.toBase64().left(12)));
        }
        run = endpoints({QStringLiteral("export"), QStringLiteral("--output"),
                         m_home->filePath(QStringLiteral("team.json"))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QFile file(m_home->filePath(QStringLiteral("team.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), exported);

        // Into a fresh database (another team member): the same set-up, no secrets.
        const QString first = dbPath();
        QVERIFY(QFile::rename(first, first + QLatin1String(".old")));
        QFile::remove(first + QLatin1String("-wal"));
        QFile::remove(first + QLatin1String("-shm"));
        run = endpoints({QStringLiteral("import"), QStringLiteral("-")}, exported);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("unchanged default\nadded staging (/vwo/staging)\n"));
        QVERIFY2(run.err.contains("no SDK key"), run.err.constData());
        run = endpoints({QStringLiteral("export")});
        QCOMPARE(run.out, exported);
        // Again: nothing to do.
        run = endpoints({QStringLiteral("import"), m_home->filePath(QStringLiteral("team.json"))});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("unchanged default\nunchanged staging\n"));
    }

    void importRefusesWholeFile_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad second endpoint")
            << json("{'hookbench': 'endpoints', 'version': 1, 'endpoints': [{'name': 'qa', 'path': "
                    "'/qa'}, {'name': 'prod', 'path': 'prod'}]}")
            << QStringLiteral("standard input: endpoints[1].path: path 'prod' must start with '/'");
        QTest::addRow("syntax") << QByteArray("{\"hookbench\": \"endpoints\",\n\"version\": 1,,}")
                                << QStringLiteral(
                                       "standard input: not valid JSON: line 2, column 14");
        QTest::addRow("clash with existing")
            << json("{'hookbench': 'endpoints', 'version': 1, 'endpoints': [{'name': 'qa', 'path': "
                    "'/qa'}, {'name': 'prod', 'path': '/vwo/staging'}]}")
            << QStringLiteral("with the endpoints already here, staging and prod both use "
                              "/vwo/staging");
        QTest::addRow("version 2")
            << json("{'hookbench': 'endpoints', 'version': 2, 'endpoints': []}")
            << QStringLiteral("version: version 2 is not supported");
    }
    void importRefusesWholeFile()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QCOMPARE(endpoints({QStringLiteral("add"), QStringLiteral("staging"),
                            QStringLiteral("--path"), QStringLiteral("/vwo/staging")})
                     .exitCode,
                 0);
        const CliRun run = endpoints({QStringLiteral("import"), QStringLiteral("-")}, json);
        verifyUsageError(run, message);
        QCOMPARE(listedNames(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));
    }

    void eventsByEndpoint()
    {
        setUpStaging();
        QCOMPARE(eventCount(QStringLiteral("staging")), 2);
        QCOMPARE(eventCount(QStringLiteral("default")), 1);
        CliRun run = cli(
            {QStringLiteral("events"), QStringLiteral("--endpoint"), QStringLiteral("staging")});
        for (const QJsonObject &event : parseJsonLines(run.out))
            QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("staging"));
        QVERIFY(run.err.isEmpty());
        // ANDed with --filter.
        run =
            cli({QStringLiteral("events"), QStringLiteral("--endpoint"), QStringLiteral("staging"),
                 QStringLiteral("--filter"), QStringLiteral("query:n=1 OR query:n=10")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parseJsonLines(run.out).size(), 1);
        // A name that never existed: no output, and a word on stderr.
        run = cli({QStringLiteral("events"), QStringLiteral("--endpoint"), QStringLiteral("nope")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err, QByteArray("hookbench-cli events: note: no endpoint named 'nope' "
                                     "(endpoints: default, staging)\n"));
        run = cli({QStringLiteral("events"), QStringLiteral("--endpoint"), QStringLiteral("a/b")});
        verifyUsageError(run, QStringLiteral("--endpoint: character 2"));
        run =
            cli({QStringLiteral("events"), QStringLiteral("--endpoint"), QStringLiteral("staging"),
                 QStringLiteral("--filter"), QStringLiteral("status:")});
        verifyUsageError(run, QStringLiteral("--filter: "));
    }

    void keysAndSettingsKnowTheEndpoints()
    {
        CliRun run = cli({QStringLiteral("keys"), QStringLiteral("generate"),
                          QStringLiteral("--endpoint"), QStringLiteral("staging")});
        verifyUsageError(
            run, QStringLiteral("hookbench-cli keys generate: --endpoint: no endpoint named "
                                "'staging' (endpoints: default)"));
        QVERIFY(!QFile::exists(dbPath())); // refused before anything was created
        run = cli({QStringLiteral("settings"), QStringLiteral("history"),
                   QStringLiteral("--endpoint"), QStringLiteral("staging")});
        verifyUsageError(run, QStringLiteral("hookbench-cli settings history: --endpoint: no "
                                             "endpoint named "
                                             "'staging' (endpoints: default)"));
        QCOMPARE(endpoints({QStringLiteral("add"), QStringLiteral("staging"),
                            QStringLiteral("--path"), QStringLiteral("/s")})
                     .exitCode,
                 0);
        run = cli({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--endpoint"),
                   QStringLiteral("staging")});
        QCOMPARE(run.exitCode, 0);
        run = cli({QStringLiteral("settings"), QStringLiteral("profile"),
                   QStringLiteral("--endpoint"), QStringLiteral("qa")});
        verifyUsageError(run, QStringLiteral("no endpoint named 'qa' (endpoints: default, "
                                             "staging)"));
        // `default` always exists.
        run = cli({QStringLiteral("settings"), QStringLiteral("profile"),
                   QStringLiteral("--endpoint"), QStringLiteral("default")});
        QCOMPARE(run.exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliEndpointsData)
#include "tst_cliendpointsdata.moc"
