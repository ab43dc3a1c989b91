// `hookbench-cli keys …`: every subcommand, usage errors, import from standard input, and no
// secret anywhere but the one-time display of generate/rotate.
#include "clitestsupport.h"

#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliKeys : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }
    CliRun keys(const QStringList &args, const QByteArray &input = {})
    {
        const CliRun run = runCliWithInput(QStringList{QStringLiteral("keys")} + args +
                                               QStringList{QStringLiteral("--db"), dbPath()},
                                           m_env, input);
        m_runs.append(run);
        return run;
    }
    int addEndpoint(const QString &name)
    {
        return runCli({QStringLiteral("endpoints"), QStringLiteral("add"), name,
                       QStringLiteral("--path"), QLatin1Char('/') + name, QStringLiteral("--db"),
                       dbPath()},
                      m_env)
            .exitCode;
    }
    QList<QJsonObject> listed(const QString &endpoint = QStringLiteral("default"))
    {
        const CliRun run = keys({QStringLiteral("list"), QStringLiteral("--format"),
                                 QStringLiteral("json"), QStringLiteral("--endpoint"), endpoint});
        return run.exitCode == 0 ? parseJsonLines(run.out) : QList<QJsonObject>();
    }
    static QString field(const QJsonObject &object, const char *name)
    {
        return object.value(QLatin1String(name)).toString();
    }
    // Nothing printed so far (stderr of every run, stdout of all but `except`) holds a secret.
    void verifyNoLeak(const QList<QByteArray> &secrets, const QByteArray &except = {})
    {
        QByteArray bytes;
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile file(dbPath() + QLatin1String(suffix));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        for (const CliRun &run : std::as_const(m_runs)) {
            bytes += run.err;
            if (run.out.trimmed() != except && !secrets.contains(run.out.trimmed()))
                bytes += run.out;
        }
        for (const QByteArray &secret : secrets)
            QVERIFY2(!bytes.contains(secret.left(20)), secret.left(6).constData());
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    QList<CliRun> m_runs;

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
        m_runs.clear();
    }

    void lifecycle()
    {
        const QRegularExpression hex64(QStringLiteral("^[0-9a-f]{64}\\n$"));
        CliRun run = keys(
            {QStringLiteral("generate"), QStringLiteral("--label"), QStringLiteral("production")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(hex64.match(QString::fromLatin1(run.out)).hasMatch(), run.out.constData());
        const QByteArray first = run.out.trimmed();
        QList<QJsonObject> list = listed();
        QCOMPARE(list.size(), 1);
        const QString firstId = field(list.first(), "id");
        QCOMPARE(firstId.size(), 12);
        QVERIFY2(run.err.contains(firstId.toLatin1()), run.err.constData());
        QVERIFY2(run.err.contains("not in the system keychain"), run.err.constData());
        QCOMPARE(field(list.first(), "state"), QStringLiteral("primary"));
        QCOMPARE(field(list.first(), "label"), QStringLiteral("production"));
        QCOMPARE(field(list.first(), "origin"), QStringLiteral("generated"));

        // The text listing: ids, states, labels, the file warning; never a value.
        run = keys({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("ID "));
        QVERIFY(run.out.contains(QByteArray(firstId.toLatin1() + "  primary")));
        QVERIFY(run.out.contains("production"));
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("hookbench-cli keys list: warning: key values are kept in "),
                 run.err.constData());

        run = keys({QStringLiteral("rotate"), QStringLiteral("--grace"), QStringLiteral("30m"),
                    QStringLiteral("--label"), QStringLiteral("next")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(hex64.match(QString::fromLatin1(run.out)).hasMatch());
        const QByteArray second = run.out.trimmed();
        QVERIFY(second != first);
        QVERIFY2(run.err.contains(QByteArray(firstId.toLatin1() + " stays accepted until")),
                 run.err.constData());
        list = listed();
        QCOMPARE(list.size(), 2);
        QCOMPARE(field(list.at(0), "state"), QStringLiteral("grace"));
        const QString secondId = field(list.at(1), "id");
        QCOMPARE(field(list.at(1), "state"), QStringLiteral("primary"));
        const QDateTime created = QDateTime::fromString(field(list.at(1), "created"), Qt::ISODate);
        QCOMPARE(QDateTime::fromString(field(list.at(0), "grace_until"), Qt::ISODate),
                 created.addSecs(1800));
        run = keys({QStringLiteral("list")});
        QVERIFY2(run.out.contains(" (30m left)") || run.out.contains(" (29m left)"),
                 run.out.constData());

        run = keys({QStringLiteral("end-grace"), firstId.left(6)}); // a unique prefix will do
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(field(listed().at(0), "state"), QStringLiteral("expired"));
        run = keys({QStringLiteral("label"), secondId, QStringLiteral("prod 2")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(field(listed().at(1), "label"), QStringLiteral("prod 2"));
        run = keys({QStringLiteral("revoke"), secondId});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QByteArray("Revoked key " + secondId.toLatin1())),
                 run.err.constData());
        QCOMPARE(field(listed().at(1), "state"), QStringLiteral("revoked"));
        QFile secrets(m_home->filePath(QStringLiteral("secrets.json")));
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        const QByteArray stored = secrets.readAll();
        QVERIFY(stored.contains(firstId.toLatin1()));
        QVERIFY(!stored.contains(secondId.toLatin1())); // a revoked key's value is removed

        run = keys({QStringLiteral("audit"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.exitCode, 0);
        QStringList actions;
        for (const QJsonObject &entry : parseJsonLines(run.out))
            actions.prepend(field(entry, "action"));
        QCOMPARE(actions,
                 (QStringList{QStringLiteral("generated"), QStringLiteral("rotated"),
                              QStringLiteral("generated"), QStringLiteral("grace ended"),
                              QStringLiteral("label changed"), QStringLiteral("revoked")}));
        run = keys({QStringLiteral("audit"), secondId});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.count('\n'), 4); // header + generated, label changed, revoked
        verifyNoLeak({first, second});
    }

    void importFromStandardInput()
    {
        const QByteArray key = "VWO-app-key_0123456789~!";
        CliRun run =
            keys({QStringLiteral("import"), QStringLiteral("--label"), QStringLiteral("from VWO")},
                 key + "\r\n");
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty()); // the user has the key already
        QList<QJsonObject> list = listed();
        QCOMPARE(list.size(), 1);
        QCOMPARE(field(list.first(), "origin"), QStringLiteral("imported"));
        QCOMPARE(field(list.first(), "label"), QStringLiteral("from VWO"));
        QVERIFY(run.err.contains(field(list.first(), "id").toLatin1()));

        run = keys({QStringLiteral("import")}, key + '\n');
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("this key is already in the key ring"), run.err.constData());
        QCOMPARE(addEndpoint(QStringLiteral("staging")), 0); // keys belong to known endpoints
        run = keys(
            {QStringLiteral("import"), QStringLiteral("--endpoint"), QStringLiteral("staging")},
            "Another-VWO-key-0123456789\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(listed(QStringLiteral("staging")).size(), 1);
        // Rotating to an imported key: not printed, the old one in grace.
        const QByteArray next = "Next-VWO-key-0123456789";
        run = keys({QStringLiteral("rotate"), QStringLiteral("--import")}, next + '\n');
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        list = listed();
        QCOMPARE(field(list.at(0), "state"), QStringLiteral("grace"));
        QCOMPARE(field(list.at(1), "origin"), QStringLiteral("imported"));
        verifyNoLeak({key, next, "Another-VWO-key-0123456789"});
    }

    void importRejects_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message"); // part of the one stderr line
        const QStringList none;
        QTest::addRow("empty input")
            << none << QByteArray() << QStringLiteral("no key on standard input");
        QTest::addRow("only a newline")
            << none << QByteArray("\n") << QStringLiteral("no key on standard input");
        QTest::addRow("too short") << none << QByteArray("Short-key-1234\n")
                                   << QStringLiteral("14 characters long, too short");
        QTest::addRow("too long") << none << QByteArray(300, 'k')
                                  << QStringLiteral("300 characters long, too long");
        QTest::addRow("space") << none << QByteArray("Secret-part-one two\n")
                               << QStringLiteral("character 16 is a space");
        QTest::addRow("control char") << none << QByteArray("Secret-part-one\x1btwo\n")
                                      << QStringLiteral("character 16 is a control character");
        QTest::addRow("non-ASCII") << none << QByteArray("Secret-part-\xc3\xa9-two\n")
                                   << QStringLiteral("character 13 is not ASCII");
        QTest::addRow("two lines") << none << QByteArray("Secret-part-one\nSecret-part-two\n")
                                   << QStringLiteral("character 16 is a line break");
        QTest::addRow("key as an argument")
            << QStringList{QStringLiteral("Secret-part-one-two")} << QByteArray("x")
            << QStringLiteral("keys are read from standard input only");
    }

    void importRejects()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        const CliRun run = keys(QStringList{QStringLiteral("import")} + args, input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("hookbench-cli keys import: "), run.err.constData());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY2(!run.err.contains("Secret-part"), run.err.constData());
        QVERIFY(!QFile::exists(dbPath())); // refused before anything was created
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto l = [](std::initializer_list<const char *> items) {
            QStringList list;
            for (const char *item : items)
                list.append(QString::fromLatin1(item));
            return list;
        };
        QTest::addRow("no subcommand") << QStringList() << QStringLiteral("missing subcommand");
        QTest::addRow("unknown subcommand")
            << l({"frob"}) << QStringLiteral("unknown subcommand 'frob'");
        QTest::addRow("unknown option")
            << l({"generate", "--bogus"}) << QStringLiteral("unknown option '--bogus'");
        QTest::addRow("generate takes no argument")
            << l({"generate", "extra"}) << QStringLiteral("unexpected argument (not shown");
        QTest::addRow("revoke without id") << l({"revoke"}) << QStringLiteral("missing ID");
        QTest::addRow("revoke two ids")
            << l({"revoke", "abcd", "efgh"}) << QStringLiteral("unexpected argument 'efgh'");
        QTest::addRow("label without text")
            << l({"label", "abcd"}) << QStringLiteral("missing TEXT");
        QTest::addRow("bad grace")
            << l({"rotate", "--grace", "1x"}) << QStringLiteral("--grace: '1x' is not a duration");
        QTest::addRow("grace too long")
            << l({"rotate", "--grace", "31d"}) << QStringLiteral("is not a duration from 0 to 30d");
        QTest::addRow("ambiguous grace")
            << l({"rotate", "--grace", "1h30"}) << QStringLiteral("is not a duration");
        QTest::addRow("bad format")
            << l({"list", "--format", "xml"}) << QStringLiteral("unknown --format 'xml'");
        QTest::addRow("bad endpoint")
            << l({"generate", "--endpoint", "a/b"}) << QStringLiteral("--endpoint: character 2");
        QTest::addRow("bad label") << l({"generate", "--label", "a\tb"})
                                   << QStringLiteral("--label: character 2 of the label");
        QTest::addRow("bad limit")
            << l({"audit", "--limit", "0"}) << QStringLiteral("--limit: '0' is not");
        QTest::addRow("empty db") << l({"list", "--db", ""}) << QStringLiteral("--db: empty");
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList{QStringLiteral("keys")} + args, m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.startsWith("hookbench-cli keys"), run.err.constData());
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    }

    void stateErrors()
    {
        // Reading or changing keys never creates a database.
        CliRun run = keys({QStringLiteral("list")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no database at"), run.err.constData());
        run = keys({QStringLiteral("revoke"), QStringLiteral("abcdef")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFile::exists(dbPath()));

        run = keys({QStringLiteral("generate")});
        QCOMPARE(run.exitCode, 0);
        const QString id = field(listed().first(), "id");
        const QList<QPair<QStringList, QString>> refused{
            {{QStringLiteral("generate")}, QStringLiteral("already has a primary key")},
            {{QStringLiteral("revoke"), QStringLiteral("000000000000")},
             QStringLiteral("no key with id '000000000000'")},
            {{QStringLiteral("revoke"), id.left(3)}, QStringLiteral("no key with id")},
            {{QStringLiteral("end-grace"), id}, QStringLiteral("is the primary key")},
            {{QStringLiteral("label"), id, QStringLiteral("x\ny")},
             QStringLiteral("control character")},
        };
        for (const auto &[args, message] : refused) {
            run = keys(args);
            QCOMPARE(run.exitCode, 2);
            QCOMPARE(run.err.count('\n'), 1);
            QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        }
        QVERIFY(keys({QStringLiteral("revoke"), id}).exitCode == 0);
        run = keys({QStringLiteral("revoke"), id});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("already revoked"), run.err.constData());
        // An endpoint without keys says so (and that it needs no authentication).
        QCOMPARE(addEndpoint(QStringLiteral("other")), 0);
        run = keys({QStringLiteral("list"), QStringLiteral("--endpoint"), QStringLiteral("other")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("has no keys"), run.err.constData());
    }

    void help()
    {
        CliRun run = runCli({QStringLiteral("--help")}, m_env);
        QVERIFY(run.out.contains("  keys "));
        run = runCli({QStringLiteral("keys"), QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        for (const char *sub : {"generate", "import", "rotate", "list", "revoke", "end-grace",
                                "label", "audit", "HOOKBENCH_SECRETS_FILE"})
            QVERIFY2(run.out.contains(sub), sub);
        run = runCli({QStringLiteral("keys"), QStringLiteral("import"), QStringLiteral("--help")},
                     m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("Usage: hookbench-cli keys import"));
        QVERIFY(run.out.contains("--secrets-file"));
        QVERIFY(run.out.contains("standard input"));
        run = runCli({QStringLiteral("help"), QStringLiteral("keys")}, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("end-grace"));
    }
};

QTEST_GUILESS_MAIN(TestCliKeys)
#include "tst_clikeys.moc"
