// Tests of hookbench-cli's command line (DESIGN.md §4): every usage or input error
// exits 2 with exactly one stderr line naming the bad thing; help and version.
#include "clitestsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home.filePath(QStringLiteral("events.sqlite")); }

    QTemporaryDir m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
        m_env = environment(m_home.path());
        QFile notDb(m_home.filePath(QStringLiteral("not-a-db.sqlite")));
        QVERIFY(notDb.open(QIODevice::WriteOnly));
        notDb.write("this is a text file, not an SQLite database\n");
    }

    void init()
    {
        // SQLite side files too: a stale -wal from a killed run must not leak into the next.
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(dbPath() + QLatin1String(suffix));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // must appear in the single stderr line

        const QString db = QStringLiteral("--db=") + m_home.filePath(QStringLiteral("bad.sqlite"));
        auto row = [&](const char *name, QStringList args, const char *expected) {
            QTest::addRow("%s", name) << args << QString::fromUtf8(expected);
        };
        auto listen = [&](QStringList args) {
            return QStringList{QStringLiteral("listen"), db} + args;
        };
        row("no verb", {}, "missing command");
        row("unknown verb", {QStringLiteral("frobnicate")}, "unknown command 'frobnicate'");
        row("option before verb", {QStringLiteral("--port"), QStringLiteral("1")}, "'--port'");
        row("port not a number", listen({QStringLiteral("--port"), QStringLiteral("abc")}),
            "--port: 'abc' is not a port number (0-65535)");
        row("port too large", listen({QStringLiteral("--port"), QStringLiteral("65536")}),
            "--port: '65536'");
        row("port negative", listen({QStringLiteral("--port=-1")}), "--port: '-1'");
        row("port empty", listen({QStringLiteral("--port=")}), "--port: ''");
        row("port missing value", listen({QStringLiteral("--port")}), "'--port'");
        row("bad host", listen({QStringLiteral("--host"), QStringLiteral("not.an.address")}),
            "--host: 'not.an.address'");
        row("bad IPv4", listen({QStringLiteral("--host"), QStringLiteral("127.0.0.256")}),
            "--host: '127.0.0.256'");
        row("path without slash", listen({QStringLiteral("--path"), QStringLiteral("hook")}),
            "--path: 'hook' must start with '/'");
        row("path with query", listen({QStringLiteral("--path"), QStringLiteral("/a?b=1")}),
            "--path: '/a?b=1'");
        row("negative max-body", listen({QStringLiteral("--max-body=-5")}), "--max-body: '-5'");
        row("zero max-body", listen({QStringLiteral("--max-body"), QStringLiteral("0")}),
            "--max-body: '0'");
        row("max-body junk", listen({QStringLiteral("--max-body"), QStringLiteral("12XB")}),
            "--max-body: '12XB'");
        row("max-db-size too small",
            listen({QStringLiteral("--max-db-size"), QStringLiteral("4K")}), "--max-db-size: '4K'");
        row("max-db-size junk", listen({QStringLiteral("--max-db-size=lots")}),
            "--max-db-size: 'lots'");
        row("status too small", listen({QStringLiteral("--respond-status"), QStringLiteral("99")}),
            "--respond-status: '99'");
        row("status too large", listen({QStringLiteral("--respond-status"), QStringLiteral("600")}),
            "--respond-status: '600'");
        row("status text", listen({QStringLiteral("--respond-status"), QStringLiteral("ok")}),
            "--respond-status: 'ok'");
        row("delay negative", listen({QStringLiteral("--respond-delay-ms=-1")}),
            "--respond-delay-ms: '-1'");
        row("retention text", listen({QStringLiteral("--retention"), QStringLiteral("lots")}),
            "--retention: 'lots'");
        row("max-connections zero",
            listen({QStringLiteral("--max-connections"), QStringLiteral("0")}),
            "--max-connections: '0'");
        row("unknown option", listen({QStringLiteral("--frobnicate")}),
            "unknown option '--frobnicate'");
        row("stray argument", listen({QStringLiteral("extra")}), "unexpected argument 'extra'");
        row("empty key", listen({QStringLiteral("--key=")}), "--key");
        row("key with space", listen({QStringLiteral("--key"), QStringLiteral("a b")}), "--key");
        row("missing key file",
            listen({QStringLiteral("--key-file"), m_home.filePath(QStringLiteral("nokeys.txt"))}),
            "cannot read key file");
        row("events unknown format",
            {QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("xml")},
            "unknown --format 'xml' (expected: jsonl, har, curl)");
        row("events bad limit",
            {QStringLiteral("events"), QStringLiteral("--limit"), QStringLiteral("ten")},
            "--limit: 'ten'");
        row("events zero limit", {QStringLiteral("events"), QStringLiteral("--limit=0")},
            "--limit: '0'");
        row("events unknown option", {QStringLiteral("events"), QStringLiteral("--since=1")},
            "unknown option '--since'");
        const QString missing = m_home.filePath(QStringLiteral("missing.sqlite"));
        row("events missing db", {QStringLiteral("events"), QStringLiteral("--db"), missing},
            qPrintable(QStringLiteral("no database at ") + missing));
        // Store open errors are input errors too; the message names the file.
        const QString notDb = m_home.filePath(QStringLiteral("not-a-db.sqlite"));
        row("events not a database", {QStringLiteral("events"), QStringLiteral("--db"), notDb},
            qPrintable(notDb));
        row("listen not a database",
            listen({QStringLiteral("--port=0"), QStringLiteral("--db"), notDb}), qPrintable(notDb));
    }

    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliRun run = runCli(args, m_env);
        QVERIFY(run.finished);
        QCOMPARE(run.exitStatus, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), run.out.constData());
        QVERIFY2(run.err.endsWith('\n') && run.err.count('\n') == 1, run.err.constData());
        QVERIFY2(run.err.startsWith("hookbench-cli"), run.err.constData());
        QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
        // Reading must not create a database; a refused listen must not either.
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("missing.sqlite"))));
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("bad.sqlite"))));
    }

    void badKeySources_data()
    {
        QTest::addColumn<QByteArray>("keyFile"); // empty: no --key-file
        QTest::addColumn<QString>("envKeys");
        QTest::addColumn<QString>("expected");
        QTest::addRow("file with spaces") << QByteArray("good\nbad key\n") << QString()
                                          << QStringLiteral(", line 2: whitespace inside a key");
        QTest::addRow("file without keys")
            << QByteArray("# nothing\n") << QString() << QStringLiteral("contains no keys");
        QTest::addRow("env with control char") << QByteArray() << QStringLiteral("ok,bad\x01key")
                                               << QStringLiteral("HOOKBENCH_KEYS, key 2");
    }

    void badKeySources()
    {
        QFETCH(QByteArray, keyFile);
        QFETCH(QString, envKeys);
        QFETCH(QString, expected);
        QStringList args{QStringLiteral("listen"), QStringLiteral("--port=0"),
                         QStringLiteral("--db"), dbPath()};
        if (!keyFile.isEmpty()) {
            QFile file(m_home.filePath(QStringLiteral("keys.txt")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(keyFile);
            args << QStringLiteral("--key-file") << file.fileName();
        }
        QProcessEnvironment env = m_env;
        if (!envKeys.isEmpty())
            env.insert(QStringLiteral("HOOKBENCH_KEYS"), envKeys);
        const CliRun run = runCli(args, env);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
        QVERIFY(!run.err.contains("bad key") && !run.err.contains("bad\x01key"));
    }

    void helpAndVersion_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("--help") << QStringList{QStringLiteral("--help")}
                                << QStringList{QStringLiteral("listen"), QStringLiteral("events")};
        QTest::addRow("help") << QStringList{QStringLiteral("help")}
                              << QStringList{QStringLiteral("Usage: hookbench-cli")};
        QTest::addRow("--version") << QStringList{QStringLiteral("--version")}
                                   << QStringList{QStringLiteral("hookbench-cli 0.1.0\n")};
        QTest::addRow("listen --help")
            << QStringList{QStringLiteral("listen"), QStringLiteral("--help")}
            << QStringList{QStringLiteral("`ps`"), QStringLiteral("HOOKBENCH_KEYS"),
                           QStringLiteral("--key-file"), QStringLiteral("--max-body")};
        QTest::addRow("help events")
            << QStringList{QStringLiteral("help"), QStringLiteral("events")}
            << QStringList{QStringLiteral("--limit"), QStringLiteral("jsonl")};
    }

    void helpAndVersion()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const CliRun run = runCli(args, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        for (const QString &text : expected)
            QVERIFY2(QString::fromUtf8(run.out).contains(text), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestCli)

#include "tst_cli.moc"
