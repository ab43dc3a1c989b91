#pragma once

// Fixtures of the `hookbench-cli endpoints` tests: a private HOME with a database and a file
// secret store, runs of the CLI against them, and events written the way the receiver does.

#include "clitestsupport.h"
#include "eventstoresupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace clitest {

inline const QByteArray StagingSdkKey = "sdk-key-of-staging-0123456789";

// JSON written with single quotes (easier to read in C++), as JSON.
inline QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

class EndpointsCliTest : public QObject
{
protected:
    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    QList<CliRun> m_runs;

    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }
    QString secretsPath() const { return m_home->filePath(QStringLiteral("secrets.json")); }
    QStringList db() const { return {QStringLiteral("--db"), dbPath()}; }

    CliRun cli(const QStringList &args, const QByteArray &input = {})
    {
        const CliRun run = runCliWithInput(args + db(), m_env, input);
        m_runs.append(run);
        return run;
    }
    CliRun endpoints(const QStringList &args, const QByteArray &input = {})
    {
        return cli(QStringList{QStringLiteral("endpoints")} + args, input);
    }
    // `endpoints list --json`, one object per endpoint by name.
    QHash<QString, QJsonObject> listed()
    {
        const CliRun run = endpoints({QStringLiteral("list"), QStringLiteral("--json")});
        QHash<QString, QJsonObject> byName;
        if (run.exitCode != 0)
            return byName;
        for (const QJsonObject &object : parseJsonLines(run.out))
            byName.insert(object.value(QStringLiteral("name")).toString(), object);
        return byName;
    }
    QStringList listedNames()
    {
        QStringList names;
        const CliRun run = endpoints({QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonObject &object : parseJsonLines(run.out))
            names.append(object.value(QStringLiteral("name")).toString());
        return names;
    }
    // The names the file secret store holds.
    QStringList secretNames() const
    {
        QFile file(secretsPath());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QStringList names = QJsonDocument::fromJson(file.readAll()).object().keys();
        names.sort();
        return names;
    }
    // `count` events for `endpoint`, written the way the receiver writes them.
    void seedEvents(const QString &endpoint, int count, int first = 0)
    {
        hookbench::EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QList<hookbench::Event> batch = storetest::makeBatch(count, first);
        for (hookbench::Event &event : batch)
            event.endpoint = endpoint;
        store.append(batch);
        store.close();
    }
    int eventCount(const QString &endpoint)
    {
        const CliRun run = cli({QStringLiteral("events"), QStringLiteral("--endpoint"), endpoint,
                                QStringLiteral("--limit"), QStringLiteral("1000")});
        return run.exitCode == 0 ? int(parseJsonLines(run.out).size()) : -1;
    }
    // A staging endpoint with a generated key (returned), an SDK key and 2 events.
    QByteArray setUpStaging()
    {
        CliRun run = endpoints({QStringLiteral("add"), QStringLiteral("staging"),
                                QStringLiteral("--path"), QStringLiteral("/vwo/staging")});
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        run = cli({QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--endpoint"),
                   QStringLiteral("staging")});
        const QByteArray key = run.out.trimmed();
        run = cli({QStringLiteral("settings"), QStringLiteral("profile"),
                   QStringLiteral("--endpoint"), QStringLiteral("staging"),
                   QStringLiteral("--account-id"), QStringLiteral("888888"),
                   QStringLiteral("--sdk-key-stdin")},
                  StagingSdkKey + '\n');
        if (run.exitCode != 0)
            qWarning("%s", run.err.constData());
        seedEvents(QStringLiteral("staging"), 2);
        seedEvents(QStringLiteral("default"), 1, 10);
        return key;
    }
    static void verifyUsageError(const CliRun &run, const QString &message)
    {
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
    QString setUp() // empty when fine, else what failed
    {
        if (!QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)))
            return QStringLiteral("no hookbench-cli at " HOOKBENCH_CLI_PATH);
        m_home = std::make_unique<QTemporaryDir>();
        if (!m_home->isValid())
            return QStringLiteral("no temporary folder");
        m_env = environment(m_home->path());
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"), secretsPath());
        m_runs.clear();
        return {};
    }
};

} // namespace clitest
