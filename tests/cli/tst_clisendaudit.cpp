// `hookbench-cli send --audit`: our own receiver passes our own audit, a receiver that accepts
// everything does not, and the report formats. And the send history the CLI keeps.
#include "clisendsupport.h"
#include "sender/sendhistory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliSendAudit : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_home->filePath(name); }
    QString writeKeyFile()
    {
        QFile file(path(QStringLiteral("key.txt")));
        if (!file.open(QIODevice::WriteOnly) || file.write(Key + '\n') != Key.size() + 1)
            return {};
        return file.fileName();
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_env = environment(m_home->path());
        m_env.remove(QStringLiteral("HOOKBENCH_KEY"));
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     path(QStringLiteral("secrets.json")));
    }

    void ownReceiverPasses()
    {
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start({QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--db"), path(QStringLiteral("listen.sqlite")),
                                 QStringLiteral("--key"), QString::fromLatin1(Key)},
                                m_env, &why),
                 qPrintable(why));
        const CliRun run =
            runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--audit"),
                    QStringLiteral("--key-file"), writeKeyFile()},
                   m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(QStringLiteral("POST %1: endpoint audit, 9 checks, timeout 10s")
                                    .arg(listener.url())),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String(" 0 fail")), qPrintable(out));
        QVERIFY(!out.contains(QLatin1String("FAIL ")));
        QVERIFY(run.err.contains("check 1 of 9: ")); // progress on stderr
        QVERIFY(!run.out.contains(Key) && !run.err.contains(Key));
    }

    void lenientReceiverFails()
    {
        FailingServer lenient({200}); // answers 200 to anything
        const CliRun run =
            runCliPumping({QStringLiteral("send"), lenient.url(), QStringLiteral("--audit"),
                           QStringLiteral("--key-file"), writeKeyFile()},
                          m_env);
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(QLatin1String("FAIL No x-vwo-auth header")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("VWO's sample receivers")), qPrintable(out));
        QVERIFY(!run.out.contains(Key));
        QVERIFY(lenient.bodies.size() >= 8); // the battery was sent
    }

    void reportFormats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("start");
        QTest::addRow("markdown") << QStringLiteral("markdown") << QStringLiteral("#");
        QTest::addRow("html") << QStringLiteral("html") << QStringLiteral("<!DOCTYPE html>");
    }

    void reportFormats()
    {
        QFETCH(QString, format);
        QFETCH(QString, start);
        FailingServer lenient({200});
        const CliRun run = runCliPumping({QStringLiteral("send"), lenient.url(),
                                          QStringLiteral("--audit"), QStringLiteral("--report"),
                                          format, QStringLiteral("--key-file"), writeKeyFile()},
                                         m_env);
        QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.startsWith(start, Qt::CaseInsensitive), qPrintable(out.left(200)));
        QVERIFY(out.contains(QLatin1String("missing-header")));
        QVERIFY(!run.out.contains(Key));
    }

    void runsAreKeptInTheHistory()
    {
        const QString db = path(QStringLiteral("listen.sqlite"));
        ListenProcess listener;
        QString why;
        QVERIFY2(
            listener.start({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"),
                            db, QStringLiteral("--key"), QString::fromLatin1(Key)},
                           m_env, &why),
            qPrintable(why));
        const QString keyFile = writeKeyFile();
        const QStringList base{QStringLiteral("send"),       listener.url(),
                               QStringLiteral("--db"),       db,
                               QStringLiteral("--key-file"), keyFile};
        CliRun run =
            runCli(base + QStringList{QStringLiteral("--retry"), QStringLiteral("none")}, m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = runCli(base + QStringList{QStringLiteral("--count"), QStringLiteral("5")}, m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = runCli(base + QStringList{QStringLiteral("--audit")}, m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        run = runCli(base + QStringList{QStringLiteral("--no-history")}, m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));

        hookbench::SendHistoryStore history;
        QCOMPARE(history.open(db), QString());
        QList<hookbench::SendRecord> records;
        QCOMPARE(history.recent(0, &records), QString());
        QCOMPARE(records.size(), 3); // not the --no-history one
        QCOMPARE(records.at(2).mode, hookbench::SendMode::Once);
        QCOMPARE(records.at(2).finalStatus, 200);
        QVERIFY(records.at(2).success);
        QVERIFY2(records.at(2).outcome.startsWith(QLatin1String("200 OK after 1 attempt")),
                 qPrintable(records.at(2).outcome));
        QVERIFY(records.at(2).detail.contains("\"attempts\""));
        QCOMPARE(records.at(1).mode, hookbench::SendMode::Load);
        QVERIFY(records.at(1).detail.contains("\"sent\":5"));
        QCOMPARE(records.at(0).mode, hookbench::SendMode::Audit);
        QVERIFY(records.at(0).success);
        for (const hookbench::SendRecord &record : std::as_const(records)) {
            QVERIFY(!record.detail.contains(Key) && !record.url.contains(QLatin1String(Key)));
            for (const auto &header : record.headers)
                QVERIFY(header.second != Key);
        }
        // (The event log beside it keeps what `listen --key` received: that is the receiver's
        // business. tst_sendhistory checks the history's table bytes.)
    }

    void noDatabaseIsCreated()
    {
        FailingServer server({200});
        const QString db = path(QStringLiteral("none.sqlite"));
        const CliRun run = runCliPumping({QStringLiteral("send"), server.url(),
                                          QStringLiteral("--db"), db, QStringLiteral("--no-auth"),
                                          QStringLiteral("--retry"), QStringLiteral("none")},
                                         m_env);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(!QFile::exists(db));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("message");
        QTest::addRow("with --count") << QStringList{QStringLiteral("--audit"),
                                                     QStringLiteral("--count"), QStringLiteral("3")}
                                      << QStringLiteral("--count does not apply to it");
        QTest::addRow("with --payload")
            << QStringList{QStringLiteral("--audit"), QStringLiteral("--payload"),
                           QStringLiteral("-")}
            << QStringLiteral("--payload does not apply to it");
        QTest::addRow("report alone")
            << QStringList{QStringLiteral("--report"), QStringLiteral("html")}
            << QStringLiteral("--report applies to the audit only (with --audit)");
        QTest::addRow("unknown report")
            << QStringList{QStringLiteral("--audit"), QStringLiteral("--report"),
                           QStringLiteral("pdf")}
            << QStringLiteral("unknown --report 'pdf' (expected: text, markdown, html)");
    }

    void usageErrors()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList{QStringLiteral("send"),
                                              QStringLiteral("http://127.0.0.1:9/vwo-webhook"),
                                              QStringLiteral("--no-auth")} +
                                      extra,
                                  m_env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliSendAudit)
#include "tst_clisendaudit.moc"
