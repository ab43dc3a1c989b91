// `hookbench-cli events --format har|curl` end to end: requests captured by one
// `listen`, exported, and (for curl) re-sent by /bin/sh to a second `listen`, which
// must capture the same requests.
#include "clitestsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

namespace {
const QString Key = QStringLiteral("s3cr3t-key-for-export");
const QByteArray Payload = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                           "\"action\": \"campaign_settings_changed\", \"triggered_by\": \"vwo\"}";
} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private:
    QString db(const char *name) const { return m_home.filePath(QLatin1String(name)); }
    QList<QJsonObject> storedEvents(const QString &path);

    QTemporaryDir m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
        m_env = environment(m_home.path());
        for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                                 "all_proxy", "ALL_PROXY", "VWO_AUTH"})
            m_env.remove(QLatin1String(name));

        // Capture a few requests into the source database.
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start({QStringLiteral("--port=0"), QStringLiteral("--db"),
                                 db("source.sqlite"), QStringLiteral("--key"), Key},
                                m_env, &why),
                 qPrintable(why));
        const Headers json{{"Content-Type", "application/json"}, {"x-vwo-auth", Key.toUtf8()}};
        QCOMPARE(httpRequest(listener.port(), "POST", "/vwo-webhook", json, Payload).status, 200);
        QCOMPARE(httpRequest(listener.port(), "GET", "/vwo-webhook?a=1&b[]=%20x", {}, {}).status,
                 405);
        const QByteArray binary("it's \"$x\" `y` \\ %s\n\x00\xff\r\n", 22);
        QCOMPARE(httpRequest(listener.port(), "POST", "/vwo-webhook",
                             {{"x-vwo-auth", Key.toUtf8()}, {"X-Custom", "a 'b' $c"}}, binary)
                     .status,
                 400);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!listener.nextEvent().isEmpty());
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
    }

    void har()
    {
        for (bool reveal : {false, true}) {
            QStringList args{QStringLiteral("events"), QStringLiteral("--db"), db("source.sqlite"),
                             QStringLiteral("--format"), QStringLiteral("har")};
            if (reveal)
                args << QStringLiteral("--reveal-secrets");
            const CliRun run = runCli(args, m_env);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.err.isEmpty(), run.err.constData());
            QJsonParseError error;
            const QJsonDocument har = QJsonDocument::fromJson(run.out, &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(har[QStringLiteral("log")][QStringLiteral("version")].toString(),
                     QStringLiteral("1.2"));
            const QJsonArray entries =
                har[QStringLiteral("log")][QStringLiteral("entries")].toArray();
            QCOMPARE(entries.size(), 3);
            QCOMPARE(entries.at(1)[QStringLiteral("request")][QStringLiteral("method")].toString(),
                     QStringLiteral("GET")); // oldest first
            QCOMPARE(run.out.contains(Key.toUtf8()), reveal);
        }
    }

    void filterSelectsEvents_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QList<int>>("statuses"); // oldest first
        QTest::addRow("status") << QStringLiteral("status:405") << QList<int>{405};
        QTest::addRow("class or") << QStringLiteral("status:200 OR status:4xx")
                                  << QList<int>{200, 405, 400};
        QTest::addRow("method and body")
            << QStringLiteral("method:POST body:\"$x\"") << QList<int>{400};
        QTest::addRow("negation") << QStringLiteral("-valid:false") << QList<int>{200};
        QTest::addRow("nothing") << QStringLiteral("path:/elsewhere*") << QList<int>{};
    }

    void filterSelectsEvents()
    {
        QFETCH(QString, filter);
        QFETCH(QList<int>, statuses);
        const CliRun run = runCli({QStringLiteral("events"), QStringLiteral("--db"),
                                   db("source.sqlite"), QStringLiteral("--filter"), filter},
                                  m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        QList<int> got;
        for (const QByteArray &line : run.out.split('\n')) {
            if (!line.isEmpty())
                got.append(QJsonDocument::fromJson(line)[QStringLiteral("status")].toInt());
        }
        QCOMPARE(got, statuses);
    }

    void curlReplaysIntoAnotherReceiver()
    {
        ListenProcess target;
        QString why;
        QVERIFY2(target.start({QStringLiteral("--port=0"), QStringLiteral("--db"),
                               db("target.sqlite"), QStringLiteral("--key"), Key},
                              m_env, &why),
                 qPrintable(why));
        const QString base = QStringLiteral("http://127.0.0.1:") + QString::number(target.port());
        const CliRun run =
            runCli({QStringLiteral("events"), QStringLiteral("--db"), db("source.sqlite"),
                    QStringLiteral("--format=curl"), QStringLiteral("--base-url"), base},
                   m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.contains(Key.toUtf8()));
        QCOMPARE(run.out.count("\n\ncurl") + run.out.count("\n\nprintf"),
                 2); // blank-line separated

        // The whole output is one script; the masked key comes from the environment.
        QProcess shell;
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("VWO_AUTH"), Key);
        shell.setProcessEnvironment(env);
        shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(run.out)});
        QVERIFY(shell.waitForFinished(20000));
        QCOMPARE(shell.exitCode(), 0);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!target.nextEvent().isEmpty());
        target.process().terminate();
        QVERIFY(target.waitForExit());

        const QList<QJsonObject> source = storedEvents(db("source.sqlite"));
        const QList<QJsonObject> replayed = storedEvents(db("target.sqlite"));
        QCOMPARE(replayed.size(), source.size());
        for (qsizetype i = 0; i < source.size(); ++i) {
            for (const char *field : {"method", "path", "query", "body", "status", "auth", "valid"})
                QCOMPARE(replayed.at(i).value(QLatin1String(field)),
                         source.at(i).value(QLatin1String(field)));
            // Same headers apart from Host (another port); curl added nothing of its own.
            // Order is curl's (it puts its framing headers first), so compare sorted.
            auto withoutHost = [](const QJsonArray &headers) {
                QStringList out;
                for (const QJsonValue &header : headers) {
                    if (header[0].toString() != QLatin1String("Host"))
                        out << header[0].toString() + u": " + header[1].toString();
                }
                out.sort();
                return out;
            };
            QCOMPARE(withoutHost(replayed.at(i)[QStringLiteral("headers")].toArray()),
                     withoutHost(source.at(i)[QStringLiteral("headers")].toArray()));
        }
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QStringList events{QStringLiteral("events"), QStringLiteral("--db"),
                                 m_home.filePath(QStringLiteral("source.sqlite"))};
        QTest::addRow("unknown format") << events + QStringList{QStringLiteral("--format=xml")}
                                        << QStringLiteral("unknown --format 'xml' (expected: "
                                                          "jsonl, har, curl)");
        QTest::addRow("reveal with jsonl")
            << events + QStringList{QStringLiteral("--reveal-secrets")}
            << QStringLiteral("--reveal-secrets applies to --format har and curl only");
        QTest::addRow("bad filter")
            << events + QStringList{QStringLiteral("--filter=stauts:401")}
            << QStringLiteral("--filter: unknown field 'stauts' at column 1");
        QTest::addRow("unclosed quote")
            << events + QStringList{QStringLiteral("--filter=body:\"abc")}
            << QStringLiteral("--filter: unclosed quote at column 6");
        QTest::addRow("bad base url")
            << events + QStringList{QStringLiteral("--format=curl"),
                                    QStringLiteral("--base-url=file:///etc")}
            << QStringLiteral("--base-url: 'file:///etc'");
        QTest::addRow("base url with query")
            << events + QStringList{QStringLiteral("--format=har"),
                                    QStringLiteral("--base-url=http://h/?x=1")}
            << QStringLiteral("--base-url: 'http://h/?x=1'");
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliRun run = runCli(args, m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    }

    void helpWarnsAboutSecrets()
    {
        const CliRun run = runCli({QStringLiteral("events"), QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        for (const char *text : {"--reveal-secrets", "x-vwo-auth", "har", "curl", "--base-url"})
            QVERIFY2(run.out.contains(text), text);
    }
};

QList<QJsonObject> TestCliExport::storedEvents(const QString &path)
{
    const CliRun run = runCli({QStringLiteral("events"), QStringLiteral("--db"), path}, m_env);
    if (run.exitCode != 0)
        return {};
    return parseJsonLines(run.out);
}

QTEST_GUILESS_MAIN(TestCliExport)

#include "tst_cliexport.moc"
