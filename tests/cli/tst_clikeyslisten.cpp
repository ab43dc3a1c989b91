// `listen` with the key ring: keys changed by `hookbench-cli keys` in another process apply to
// the running receiver, events name the matched key, and no secret reaches the event log,
// its exports or the receiver's output.
#include "clitestsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

namespace {

const QByteArray Payload = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                           "\"action\": \"campaign_settings_changed\", \"triggered_by\": \"vwo\"}";

} // namespace

class TestCliKeysListen : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }
    CliRun cli(const QStringList &args)
    {
        const CliRun run = runCli(args + QStringList{QStringLiteral("--db"), dbPath()}, m_env);
        m_output += run.err;
        return run;
    }
    QByteArray newKey(const QStringList &args)
    {
        const CliRun run = cli(QStringList{QStringLiteral("keys")} + args);
        return run.exitCode == 0 ? run.out.trimmed() : QByteArray();
    }
    QString primaryId()
    {
        const CliRun run = cli({QStringLiteral("keys"), QStringLiteral("list"),
                                QStringLiteral("--format"), QStringLiteral("json")});
        for (const QJsonObject &key : parseJsonLines(run.out)) {
            if (key.value(QLatin1String("state")).toString() == QLatin1String("primary"))
                return key.value(QLatin1String("id")).toString();
        }
        return {};
    }
    int post(quint16 port, const QByteArray &key)
    {
        return httpRequest(port, "POST", "/vwo-webhook",
                           {{"Content-Type", "application/json"}, {"x-vwo-auth", key}}, Payload)
            .status;
    }
    // Posts until the answer is `status`; how long that took, or -1 after 5 s.
    qint64 waitForStatus(quint16 port, const QByteArray &key, int status, int *requests)
    {
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(5000)) {
            ++*requests;
            if (post(port, key) == status)
                return timer.elapsed();
            QTest::qWait(20);
        }
        return -1;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    QByteArray m_output; // every stderr and export, searched for secrets at the end

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_env = environment(m_home->path());
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     m_home->filePath(QStringLiteral("secrets.json")));
        m_output.clear();
    }

    void followsChangesFromAnotherProcess()
    {
        const QByteArray first = newKey({QStringLiteral("generate")});
        QCOMPARE(first.size(), 64);
        const QString firstId = primaryId();
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start({QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--db"), dbPath()},
                                m_env, &why),
                 qPrintable(why));
        const quint16 port = listener.port();
        QCOMPARE(post(port, first), 200);
        QJsonObject event = listener.nextEvent();
        QCOMPARE(event.value(QLatin1String("auth")).toString(), QStringLiteral("ok"));
        QCOMPARE(event.value(QLatin1String("key_id")).toString(), firstId);
        QCOMPARE(post(port, QByteArray(64, 'f')), 401);
        QCOMPARE(listener.nextEvent().value(QLatin1String("auth")).toString(),
                 QStringLiteral("failed"));

        // Rotate elsewhere: the new key works within a second or so, the old one still does.
        const QByteArray second = newKey({QStringLiteral("rotate")});
        QCOMPARE(second.size(), 64);
        int requests = 0;
        const qint64 rotateMs = waitForStatus(port, second, 200, &requests);
        QVERIFY2(rotateMs >= 0, "the new key was never accepted");
        QCOMPARE(post(port, first), 200);

        // Revoke elsewhere: refused without a restart.
        QCOMPARE(cli({QStringLiteral("keys"), QStringLiteral("revoke"), firstId}).exitCode, 0);
        const qint64 revokeMs = waitForStatus(port, first, 401, &requests);
        QVERIFY2(revokeMs >= 0, "the revoked key was still accepted after 5 s");
        qInfo("listen followed a rotate after %lld ms and a revoke after %lld ms",
              qlonglong(rotateMs), qlonglong(revokeMs));
        QCOMPARE(post(port, second), 200);

        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        QCOMPARE(listener.process().exitCode(), 0);
        m_output += listener.out() + listener.err();

        // Usage was written on the way out: every 200 for a key counts once.
        const CliRun list = cli({QStringLiteral("keys"), QStringLiteral("list"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        qint64 uses = 0;
        for (const QJsonObject &key : parseJsonLines(list.out)) {
            uses += key.value(QLatin1String("use_count")).toInteger();
            QVERIFY(!key.value(QLatin1String("last_used")).isNull());
        }
        const qint64 answered200 = listener.out().count("\"status\":200");
        QCOMPARE(uses, answered200);
        m_output += list.out;

        // No secret in any export, revealed or not, nor in the database or any output.
        for (const QStringList &format :
             {QStringList{QStringLiteral("--format"), QStringLiteral("jsonl")},
              QStringList{QStringLiteral("--format"), QStringLiteral("har")},
              QStringList{QStringLiteral("--format"), QStringLiteral("har"),
                          QStringLiteral("--reveal-secrets")},
              QStringList{QStringLiteral("--format"), QStringLiteral("curl"),
                          QStringLiteral("--reveal-secrets")}}) {
            const CliRun exported = cli(QStringList{QStringLiteral("events")} + format);
            QCOMPARE(exported.exitCode, 0);
            QVERIFY(exported.out.contains(firstId.toLatin1()));
            m_output += exported.out;
        }
        for (const char *suffix : {"", "-wal", "-shm"}) {
            QFile file(dbPath() + QLatin1String(suffix));
            if (file.open(QIODevice::ReadOnly))
                m_output += file.readAll();
        }
        for (const QByteArray &secret : {first, second})
            QVERIFY2(!m_output.contains(secret.left(20)), secret.left(6).constData());
    }

    void explicitKeysReplaceTheKeyRing()
    {
        const QByteArray ringKey = newKey({QStringLiteral("generate")});
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start({QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--db"), dbPath(), QStringLiteral("--key"),
                                 QStringLiteral("quick-test-key-123")},
                                m_env, &why),
                 qPrintable(why));
        QCOMPARE(post(listener.port(), ringKey), 401);
        QCOMPARE(post(listener.port(), "quick-test-key-123"), 200);
    }
};

QTEST_GUILESS_MAIN(TestCliKeysListen)
#include "tst_clikeyslisten.moc"
