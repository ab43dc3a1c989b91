// `hookbench-cli db backup|restore|check` (issue 9): a consistent copy while a receiver writes,
// a restore that keeps the previous content and that a running receiver follows, and the bad
// inputs (existing target, not a database, damaged, newer schema) refused without a change.
#include "clitestsupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

namespace {
const QByteArray Payload = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                           "\"action\": \"campaign_settings_changed\", \"triggered_by\": \"vwo\"}";
} // namespace

class TestCliDb : public QObject
{
    Q_OBJECT

private:
    QString path(const char *name) const { return m_dir->filePath(QLatin1String(name)); }
    QString db() const { return path("events.sqlite"); }
    CliRun dbCli(const QStringList &args) const
    {
        return runCli(QStringList{QStringLiteral("db")} + args +
                          QStringList{QStringLiteral("--db"), db()},
                      m_env);
    }
    // count(*) and max(id) of the events in `file`, read with a connection of the test's own.
    static std::pair<qint64, qint64> eventIds(const QString &file)
    {
        std::pair<qint64, qint64> result{-1, -1};
        {
            QSqlDatabase connection =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            connection.setDatabaseName(file);
            connection.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (connection.open()) {
                QSqlQuery query(connection);
                if (query.exec(
                        QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM events")) &&
                    query.next())
                    result = {query.value(0).toLongLong(), query.value(1).toLongLong()};
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
        return result;
    }
    static int post(quint16 port)
    {
        return httpRequest(port, "POST", "/vwo-webhook", {}, Payload).status;
    }
    bool startListening(ListenProcess *listener)
    {
        QString why;
        const bool ok = listener->start(
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--db"), db()}, m_env,
            &why);
        if (!ok)
            qWarning("%s", qPrintable(why));
        return ok;
    }
    static void stop(ListenProcess *listener)
    {
        listener->process().terminate();
        listener->waitForExit();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_env = environment(m_dir->path());
    }

    void backupWhileReceivingIsOneSnapshot()
    {
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        LoadGenerator load(listener.port(), 4, 150);
        QProcess backup;
        backup.setProcessEnvironment(m_env);
        load.onAnswered = [&](int answered) {
            if (answered == 100)
                backup.start(QStringLiteral(HOOKBENCH_CLI_PATH),
                             {QStringLiteral("db"), QStringLiteral("backup"), path("backup.sqlite"),
                              QStringLiteral("--db"), db()});
        };
        load.start();
        QVERIFY(load.waitUntilFinished(120000));
        // (waitForFinished() is false for a process that already finished.)
        QVERIFY(backup.state() == QProcess::NotRunning || backup.waitForFinished(30000));
        QCOMPARE(backup.exitStatus(), QProcess::NormalExit);
        const QByteArray backupErr = backup.readAllStandardError();
        QVERIFY2(backup.exitCode() == 0, backupErr.constData());
        QVERIFY2(backupErr.contains("Backed up "), backupErr.constData());
        QCOMPARE(load.failed(), 0);
        stop(&listener);

        // One snapshot: ids 1..n without a gap, n somewhere within the run.
        const auto [count, maxId] = eventIds(path("backup.sqlite"));
        qInfo("backup holds %lld of %d events", count, load.total());
        QVERIFY(count >= 100);
        QVERIFY(count <= load.total());
        QCOMPARE(count, maxId);
        QCOMPARE(eventIds(db()).first, qint64(load.answered().size()));
        QCOMPARE(QFile::permissions(path("backup.sqlite")),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);
        const CliRun check =
            runCli({QStringLiteral("db"), QStringLiteral("check"), path("backup.sqlite")}, m_env);
        QCOMPARE(check.exitCode, 0);
        QVERIFY(check.err.contains(QStringLiteral("is intact: %1 events").arg(count).toUtf8()));
    }

    void restoreWhileListeningKeepsThePreviousContent()
    {
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(post(listener.port()), 200);
        CliRun run = dbCli({QStringLiteral("backup"), path("three.sqlite")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        for (int i = 0; i < 2; ++i)
            QCOMPARE(post(listener.port()), 200);

        run = dbCli({QStringLiteral("restore"), path("three.sqlite")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("Restored "));
        const QRegularExpression saved(
            QStringLiteral("Saved the previous content as (\\S+)\\.\\n"));
        const QRegularExpressionMatch match = saved.match(QString::fromUtf8(run.err));
        QVERIFY2(match.hasMatch(), run.err.constData());
        QCOMPARE(eventIds(match.captured(1)).first, qint64(5));

        // The running receiver stores into the restored database.
        QCOMPARE(post(listener.port()), 200);
        stop(&listener);
        QCOMPARE(eventIds(db()).first, qint64(4));
        run = dbCli({QStringLiteral("check")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("is intact: 4 events"));
    }

    void badInputsChangeNothing()
    {
        ListenProcess listener;
        QVERIFY(startListening(&listener));
        QCOMPARE(post(listener.port()), 200);
        stop(&listener);
        CliRun run = dbCli({QStringLiteral("backup"), path("one.sqlite")});
        QCOMPARE(run.exitCode, 0);

        run = dbCli({QStringLiteral("backup"), path("one.sqlite")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("one.sqlite exists already"), run.err.constData());

        QFile text(path("notes.txt"));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("not a database, just some notes that are long enough to be read\n");
        text.close();
        run = dbCli({QStringLiteral("restore"), path("notes.txt")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("notes.txt cannot be read as an SQLite database"),
                 run.err.constData());

        // A newer Hookbench's database.
        QVERIFY(QFile::copy(path("one.sqlite"), path("newer.sqlite")));
        {
            QSqlDatabase connection =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            connection.setDatabaseName(path("newer.sqlite"));
            QVERIFY(connection.open());
            QSqlQuery query(connection);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        run = dbCli({QStringLiteral("restore"), path("newer.sqlite")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("written by a newer Hookbench (schema 99)"), run.err.constData());

        // Damaged: a page in the middle overwritten.
        QVERIFY(QFile::copy(path("one.sqlite"), path("damaged.sqlite")));
        QFile damaged(path("damaged.sqlite"));
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        QVERIFY(damaged.seek(damaged.size() / 2));
        damaged.write(QByteArray(4096, '\x5a'));
        damaged.close();
        run =
            runCli({QStringLiteral("db"), QStringLiteral("check"), path("damaged.sqlite")}, m_env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("damaged.sqlite"), run.err.constData());
        run = dbCli({QStringLiteral("restore"), path("damaged.sqlite")});
        QCOMPARE(run.exitCode, 1);

        // Usage errors.
        QCOMPARE(dbCli({QStringLiteral("backup")}).exitCode, 2);
        QCOMPARE(dbCli({QStringLiteral("restore"), db()}).exitCode, 2);
        QCOMPARE(dbCli({QStringLiteral("vacuum")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("db"), QStringLiteral("check"), QStringLiteral("--db"),
                         QString()},
                        m_env)
                     .exitCode,
                 2);

        // None of it touched the database or left a safety copy behind.
        QCOMPARE(eventIds(db()).first, qint64(1));
        QCOMPARE(QDir(m_dir->path())
                     .entryList({QStringLiteral("*.before-restore-*")}, QDir::Files)
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCliDb)
#include "tst_clidb.moc"
