// `hookbench-cli endpoints list|add|set` and every usage error of `endpoints`: exit 2 and one
// clear line on stderr, nothing changed.
#include "cliendpointssupport.h"

using namespace clitest;

class TestCliEndpoints : public EndpointsCliTest
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QString problem = setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void listWithoutDatabase()
    {
        CliRun run = endpoints({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith("NAME "), run.out.constData());
        QVERIFY(run.out.contains("default  /vwo-webhook"));
        QVERIFY(!QFile::exists(dbPath())); // reading creates nothing
        const QHash<QString, QJsonObject> list = listed();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.value(QStringLiteral("default")).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/vwo-webhook"));
    }

    void addListAndSet()
    {
        CliRun run =
            endpoints({QStringLiteral("add"), QStringLiteral("qa"), QStringLiteral("--path"),
                       QStringLiteral("/vwo/qa"), QStringLiteral("--port"), QStringLiteral("4100"),
                       QStringLiteral("--colour"), QStringLiteral("#AABBCC"),
                       QStringLiteral("--respond-status"), QStringLiteral("503"),
                       QStringLiteral("--respond-body"), QStringLiteral("down"),
                       QStringLiteral("--respond-delay-ms"), QStringLiteral("250"),
                       QStringLiteral("--forward"), QStringLiteral("http://localhost:3000/hook"),
                       QStringLiteral("--forward-follow"), QStringLiteral("--forward-timeout-ms"),
                       QStringLiteral("2000")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err, QByteArray("Added endpoint 'qa' at /vwo/qa on port 4100.\n"));
        run = endpoints({QStringLiteral("add"), QStringLiteral("staging"), QStringLiteral("--path"),
                         QStringLiteral("/vwo/staging")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(listedNames(), (QStringList{QStringLiteral("default"), QStringLiteral("qa"),
                                             QStringLiteral("staging")}));
        QJsonObject qa = listed().value(QStringLiteral("qa"));
        QCOMPARE(qa.value(QStringLiteral("port")).toInt(), 4100);
        QCOMPARE(qa.value(QStringLiteral("colour")).toString(), QStringLiteral("#aabbcc"));
        const QJsonObject response = qa.value(QStringLiteral("response")).toObject();
        QCOMPARE(response.value(QStringLiteral("status")).toInt(), 503);
        QCOMPARE(response.value(QStringLiteral("body")).toString(), QStringLiteral("down"));
        QCOMPARE(response.value(QStringLiteral("delay_ms")).toInt(), 250);
        const QJsonObject forward = qa.value(QStringLiteral("forward")).toObject();
        QCOMPARE(forward.value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://localhost:3000/hook"));
        QVERIFY(forward.value(QStringLiteral("follow_answer")).toBool());
        QCOMPARE(forward.value(QStringLiteral("timeout_ms")).toInt(), 2000);
        // A new endpoint gets a palette colour of its own.
        const QJsonObject staging = listed().value(QStringLiteral("staging"));
        QVERIFY(!staging.value(QStringLiteral("colour")).toString().isEmpty());
        QVERIFY(staging.value(QStringLiteral("forward")).isNull());
        QVERIFY(staging.value(QStringLiteral("response")).isNull());

        run = endpoints({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("answers 503 with a 4-byte body after 250 ms; forwards to "
                                  "http://localhost:3000/hook (VWO gets its answer)"),
                 run.out.constData());

        // set: only what is given changes; --no-forward and --no-respond clear.
        run = endpoints({QStringLiteral("set"), QStringLiteral("qa"), QStringLiteral("--port"),
                         QStringLiteral("0"), QStringLiteral("--no-forward")});
        QCOMPARE(run.exitCode, 0);
        qa = listed().value(QStringLiteral("qa"));
        QCOMPARE(qa.value(QStringLiteral("port")).toInt(), 0);
        QVERIFY(qa.value(QStringLiteral("forward")).isNull());
        QCOMPARE(qa.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")),
                 503);
        QCOMPARE(qa.value(QStringLiteral("path")).toString(), QStringLiteral("/vwo/qa"));
        run = endpoints({QStringLiteral("set"), QStringLiteral("qa"),
                         QStringLiteral("--no-respond"), QStringLiteral("--path"),
                         QStringLiteral("/vwo/qa2"), QStringLiteral("--colour"), QString()});
        QCOMPARE(run.exitCode, 0);
        qa = listed().value(QStringLiteral("qa"));
        QVERIFY(qa.value(QStringLiteral("response")).isNull());
        QCOMPARE(qa.value(QStringLiteral("path")).toString(), QStringLiteral("/vwo/qa2"));
        QCOMPARE(qa.value(QStringLiteral("colour")).toString(), QString()); // picked from the name
        // The default endpoint can change too, even before a database exists elsewhere.
        run = endpoints({QStringLiteral("set"), QStringLiteral("default"),
                         QStringLiteral("--respond-status"), QStringLiteral("500")});
        QCOMPARE(run.exitCode, 0);
        run = endpoints({QStringLiteral("set"), QStringLiteral("default"),
                         QStringLiteral("--respond-status"), QStringLiteral("500")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains("nothing changed"), run.err.constData());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message"); // a part of the one stderr line
        const auto l = [](std::initializer_list<const char *> words) {
            QStringList list;
            for (const char *word : words)
                list.append(QString::fromUtf8(word));
            return list;
        };
        QTest::addRow("unknown subcommand")
            << l({"bogus"}) << QStringLiteral("unknown subcommand 'bogus'");
        QTest::addRow("list argument")
            << l({"list", "x"}) << QStringLiteral("unexpected argument 'x'");
        QTest::addRow("list format")
            << l({"list", "--format", "xml"}) << QStringLiteral("unknown --format 'xml'");
        QTest::addRow("add without name") << l({"add"}) << QStringLiteral("missing NAME");
        QTest::addRow("add without path")
            << l({"add", "qa"}) << QStringLiteral("--path is required, e.g. --path /vwo/qa");
        QTest::addRow("add bad name")
            << l({"add", "a/b", "--path", "/x"}) << QStringLiteral("NAME: character 2");
        QTest::addRow("add relative path")
            << l({"add", "qa", "--path", "qa"})
            << QStringLiteral("--path: path 'qa' must start with '/'");
        QTest::addRow("add bad port") << l({"add", "qa", "--path", "/qa", "--port", "70000"})
                                      << QStringLiteral("--port: '70000'");
        QTest::addRow("add bad colour")
            << l({"add", "qa", "--path", "/qa", "--colour", "red"})
            << QStringLiteral("--colour: 'red' is not of the form #rrggbb");
        QTest::addRow("add bad status")
            << l({"add", "qa", "--path", "/qa", "--respond-status", "42"})
            << QStringLiteral("--respond-status: '42'");
        QTest::addRow("add bad delay")
            << l({"add", "qa", "--path", "/qa", "--respond-delay-ms", "-1"})
            << QStringLiteral("--respond-delay-ms: '-1'");
        QTest::addRow("add ftp forward")
            << l({"add", "qa", "--path", "/qa", "--forward", "ftp://host/x"})
            << QStringLiteral("--forward: forward URL must start with http:// or https://");
        QTest::addRow("follow without forward")
            << l({"add", "qa", "--path", "/qa", "--forward-follow"})
            << QStringLiteral("--forward-follow needs a forward target: give --forward URL");
        QTest::addRow("short forward timeout") << l({"add", "qa", "--path", "/qa", "--forward",
                                                     "http://h/", "--forward-timeout-ms", "5"})
                                               << QStringLiteral("--forward-timeout-ms: '5'");
        QTest::addRow("add existing")
            << l({"add", "staging", "--path", "/other"})
            << QStringLiteral("an endpoint named 'staging' exists already");
        QTest::addRow("add clash")
            << l({"add", "qa", "--path", "/vwo/staging"})
            << QStringLiteral("staging and qa both use /vwo/staging on the receiver's port");
        QTest::addRow("add unknown option") << l({"add", "qa", "--path", "/qa", "--paht", "/x"})
                                            << QStringLiteral("unknown option '--paht'");
        QTest::addRow("set nothing")
            << l({"set", "staging"}) << QStringLiteral("nothing to change");
        QTest::addRow("set unknown")
            << l({"set", "nope", "--port", "1"})
            << QStringLiteral("no endpoint named 'nope' (endpoints: default, staging)");
        QTest::addRow("set clash") << l({"set", "staging", "--path", "/vwo-webhook"})
                                   << QStringLiteral("default and staging both use /vwo-webhook");
        QTest::addRow("no-forward and forward")
            << l({"set", "staging", "--no-forward", "--forward", "http://h/"})
            << QStringLiteral("--no-forward and --forward cannot be combined");
        QTest::addRow("no-respond and status")
            << l({"set", "staging", "--no-respond", "--respond-status", "500"})
            << QStringLiteral("--no-respond and --respond-status cannot be combined");
        QTest::addRow("rename default") << l({"rename", "default", "prod"})
                                        << QStringLiteral("the default endpoint cannot be renamed");
        QTest::addRow("rename to taken")
            << l({"rename", "staging", "default"})
            << QStringLiteral("an endpoint named 'default' exists already");
        QTest::addRow("rename unknown")
            << l({"rename", "nope", "x"}) << QStringLiteral("no endpoint named 'nope'");
        QTest::addRow("rename bad name")
            << l({"rename", "staging", "a b"}) << QStringLiteral("NEW: character 2");
        QTest::addRow("rename without new")
            << l({"rename", "staging"}) << QStringLiteral("missing NEW");
        QTest::addRow("remove without choice")
            << l({"remove", "staging"}) << QStringLiteral("give --keep-events or --delete-events");
        QTest::addRow("remove both")
            << l({"remove", "staging", "--keep-events", "--delete-events"})
            << QStringLiteral("--keep-events and --delete-events cannot be combined");
        QTest::addRow("remove default") << l({"remove", "default", "--keep-events"})
                                        << QStringLiteral("the default endpoint cannot be removed");
        QTest::addRow("remove unknown")
            << l({"remove", "nope", "--delete-events"})
            << QStringLiteral("no endpoint named 'nope' (endpoints: default, staging)");
        QTest::addRow("import missing file") << l({"import", "/nonexistent/endpoints.json"})
                                             << QStringLiteral("cannot read /nonexistent/");
        QTest::addRow("import without file") << l({"import"}) << QStringLiteral("missing FILE");
        QTest::addRow("export empty output")
            << l({"export", "--output", ""}) << QStringLiteral("--output: empty file name");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QCOMPARE(endpoints({QStringLiteral("add"), QStringLiteral("staging"),
                            QStringLiteral("--path"), QStringLiteral("/vwo/staging")})
                     .exitCode,
                 0);
        const CliRun run = endpoints(args);
        verifyUsageError(run, message);
        // Nothing changed.
        QCOMPARE(listedNames(),
                 (QStringList{QStringLiteral("default"), QStringLiteral("staging")}));
    }

    void help()
    {
        CliRun run = runCli({QStringLiteral("--help")}, m_env);
        QVERIFY(run.out.contains("  endpoints "));
        run = runCli({QStringLiteral("endpoints"), QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        for (const char *sub : {"list", "add", "set", "rename", "remove", "export", "import"})
            QVERIFY2(run.out.contains(sub), sub);
        run = runCli({QStringLiteral("endpoints"), QStringLiteral("add"), QStringLiteral("--help")},
                     m_env);
        QCOMPARE(run.exitCode, 0);
        for (const char *option : {"--path", "--port", "--colour", "--respond-status", "--forward",
                                   "--forward-follow", "--db"})
            QVERIFY2(run.out.contains(option), option);
    }
};

QTEST_GUILESS_MAIN(TestCliEndpoints)
#include "tst_cliendpoints.moc"
