// `hookbench-cli send`: every usage error is one clear line and exit 2; --help.
#include "clisendsupport.h"

#include <QFile>
#include <QTemporaryDir>

using namespace clitest;

class TestCliSendUsage : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_home.filePath(name); }
    void writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    QTemporaryDir m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
        QVERIFY(m_home.isValid());
        m_env = environment(m_home.path());
        m_env.remove(QStringLiteral("HOOKBENCH_KEY"));
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     path(QStringLiteral("secrets.json")));
    }
    void usageErrors_data();
    void usageErrors();
    void help();
};

void TestCliSendUsage::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message"); // the start of the one stderr line, after the prefix
    const QString url = QStringLiteral("http://127.0.0.1:9/vwo-webhook");
    QTest::addRow("no URL") << QStringList{} << QStringLiteral("missing URL");
    QTest::addRow("two URLs") << QStringList{url, url} << QStringLiteral("unexpected argument");
    QTest::addRow("not a URL") << QStringList{QStringLiteral("localhost")}
                               << QStringLiteral("URL 'localhost': expected http://");
    QTest::addRow("bad scheme") << QStringList{QStringLiteral("ftp://example.com/")}
                                << QStringLiteral("URL 'ftp://example.com/': scheme must be http "
                                                  "or https");
    QTest::addRow("no host") << QStringList{QStringLiteral("http:///x")}
                             << QStringLiteral("URL 'http:///x': host is missing");
    QTest::addRow("unknown option") << QStringList{url, QStringLiteral("--bogus")}
                                    << QStringLiteral("unknown option '--bogus'");
    QTest::addRow("bad duration") << QStringList{url, QStringLiteral("--retry-for"),
                                                 QStringLiteral("5x")}
                                  << QStringLiteral("--retry-for: '5x' is not a duration");
    QTest::addRow("bad timeout") << QStringList{url, QStringLiteral("--timeout"),
                                                QStringLiteral("soon")}
                                 << QStringLiteral("--timeout: 'soon' is not a duration");
    QTest::addRow("bad policy") << QStringList{url, QStringLiteral("--retry"),
                                               QStringLiteral("always")}
                                << QStringLiteral("unknown --retry 'always' (expected: vwo, none)");
    QTest::addRow("window without retries")
        << QStringList{url, QStringLiteral("--retry"), QStringLiteral("none"),
                       QStringLiteral("--retry-for"), QStringLiteral("5s")}
        << QStringLiteral("--retry-for applies to --retry vwo only");
    QTest::addRow("count 0") << QStringList{url, QStringLiteral("--count"), QStringLiteral("0")}
                             << QStringLiteral("--count: '0' is not");
    QTest::addRow("concurrency alone")
        << QStringList{url, QStringLiteral("--concurrency"), QStringLiteral("4")}
        << QStringLiteral("--concurrency applies to load mode only");
    QTest::addRow("bad rate") << QStringList{url, QStringLiteral("--count"), QStringLiteral("3"),
                                             QStringLiteral("--rate"), QStringLiteral("fast")}
                              << QStringLiteral("--rate: 'fast' is not");
    QTest::addRow("missing payload")
        << QStringList{url, QStringLiteral("--payload"), QStringLiteral("/nonexistent/p.json")}
        << QStringLiteral("--payload: cannot read /nonexistent/p.json");
    QTest::addRow("payload not JSON")
        << QStringList{url, QStringLiteral("--payload"), QStringLiteral("@bad.json")}
        << QStringLiteral("--payload: @bad.json is not JSON: line 2, column ");
    QTest::addRow("empty payload")
        << QStringList{url, QStringLiteral("--payload"), QStringLiteral("@empty.json")}
        << QStringLiteral("--payload: @empty.json is empty, expected JSON");
    QTest::addRow("unreadable key file")
        << QStringList{url, QStringLiteral("--key-file"), QStringLiteral("/nonexistent/key")}
        << QStringLiteral("--key-file: cannot read key file /nonexistent/key");
    QTest::addRow("two key sources")
        << QStringList{url, QStringLiteral("--key"), QString::fromLatin1(Key),
                       QStringLiteral("--no-auth")}
        << QStringLiteral("give only one of --key, --key-file and --no-auth");
    QTest::addRow("key with a space")
        << QStringList{url, QStringLiteral("--key"), QStringLiteral("abc def")}
        << QStringLiteral("--key: character 4 of a key is whitespace");
    QTest::addRow("header without colon")
        << QStringList{url, QStringLiteral("--header"), QStringLiteral("X-Test")}
        << QStringLiteral("--header: expected 'Name: value'");
    QTest::addRow("sender header")
        << QStringList{url, QStringLiteral("--header"), QStringLiteral("Host: x")}
        << QStringLiteral("--header: Host is set by the sender; remove it");
    QTest::addRow("bad method") << QStringList{url, QStringLiteral("--method"),
                                               QStringLiteral("PO ST")}
                                << QStringLiteral("--method 'PO ST': contains a space");
    QTest::addRow("bad endpoint") << QStringList{url, QStringLiteral("--endpoint"),
                                                 QStringLiteral("a/b")}
                                  << QStringLiteral("--endpoint: ");
}

void TestCliSendUsage::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    writeFile(QStringLiteral("bad.json"), "{\"timestamp\": 1,\n  oops}\n");
    writeFile(QStringLiteral("empty.json"), "  \n");
    for (QString &arg : args) {
        if (arg.startsWith(QLatin1Char('@')))
            arg = path(arg.mid(1));
    }
    message.replace(QLatin1String("@"), m_home.path() + QLatin1Char('/'));
    const CliRun run = runCli(QStringList{QStringLiteral("send")} + args, m_env);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY(run.out.isEmpty());
    const QString err = QString::fromUtf8(run.err);
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(err.startsWith(QStringLiteral("hookbench-cli send: ") + message), qPrintable(err));
    QVERIFY(!run.err.contains(Key));
    QVERIFY(!run.err.contains("abc def"));
}

void TestCliSendUsage::help()
{
    const CliRun run = runCli({QStringLiteral("send"), QStringLiteral("--help")}, m_env);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: hookbench-cli send URL [options]"));
    for (const char *option : {"--retry-for", "--count", "--concurrency", "--rate", "--key-file",
                               "--payload", "--header", "--timeout", "--no-auth"})
        QVERIFY2(run.out.contains(option), option);
    const CliRun main = runCli({QStringLiteral("--help")}, m_env);
    QVERIFY(main.out.contains("\n  send "));
}

QTEST_GUILESS_MAIN(TestCliSendUsage)
#include "tst_clisendusage.moc"
