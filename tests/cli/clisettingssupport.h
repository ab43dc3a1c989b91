#pragma once

// Shared by the `settings` CLI tests: the CLI fetches from a SettingsServer living in the test
// process, so a run must keep this event loop turning (runCli() would block it).

#include "clitestsupport.h"
#include "settingsserver.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace clitest {

// The fixture's own sdkKey: used as the account's SDK key, so finding it anywhere also proves
// the file's copy was redacted.
inline constexpr char SdkKey[] = "someuniquestuff1234567";
inline constexpr char AccountId[] = "888888"; // the fixture's accountId
inline constexpr char Fixture[] = "ab-campaign-two-variations.json";
inline constexpr char WrongSdkKey[] = "wrong-sdk-key-42"; // also never to be shown

inline CliRun runCliPumping(const QStringList &args, const QProcessEnvironment &env,
                            const QByteArray &input = {}, int timeoutMs = 30000)
{
    CliRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HOOKBENCH_CLI_PATH), args);
    if (process.waitForStarted(timeoutMs) && !input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    run.finished =
        QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Every SQLite file of a database: the SDK key must be in none of them.
inline QByteArray databaseBytes(const QString &path)
{
    QByteArray bytes;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile file(path + QLatin1String(suffix));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

// What the `settings` tests share: a private HOME with a secrets file (no keychain), a
// SettingsServer that knows the fixture's account and key, a key file, and the runs whose
// output must not show the SDK key. Derived test classes call setUp() from init() and
// leakedKey() from cleanup().
class SettingsCliTest : public QObject
{
protected:
    QString dbPath() const { return m_home->filePath(QStringLiteral("hookbench.sqlite")); }

    QString setUp() // empty when fine, else what failed
    {
        m_home = std::make_unique<QTemporaryDir>();
        if (!m_home->isValid())
            return QStringLiteral("no temporary folder");
        m_env = environment(m_home->path());
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     m_home->filePath(QStringLiteral("secrets.json")));
        m_env.remove(QStringLiteral("HOOKBENCH_SDK_KEY"));
        m_server = std::make_unique<SettingsServer>();
        m_server->setCredentials(QLatin1String(AccountId), QLatin1String(SdkKey));
        if (!m_server->listen())
            return QStringLiteral("the settings server cannot listen");
        if (fixture().isEmpty())
            return QStringLiteral("no fixture ") + QLatin1String(Fixture);
        m_keyFile = writeFile(QStringLiteral("sdk-key.txt"), QByteArray(SdkKey) + '\n');
        m_runs.clear();
        return {};
    }
    // Whether the SDK key (or the tests' wrong one) is in any recorded output or database file.
    bool leakedKey() const
    {
        QByteArray bytes = databaseBytes(dbPath());
        for (const CliRun &run : m_runs)
            bytes += run.out + run.err;
        return bytes.contains(SdkKey) || bytes.contains(WrongSdkKey);
    }

    QString writeFile(const QString &name, const QByteArray &bytes) const
    {
        const QString path = m_home->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // `settings ARGS --db DB`; the output joins the leak check unless it may show the key.
    CliRun settings(const QStringList &args, const QByteArray &input = {}, bool showsKey = false,
                    const QProcessEnvironment *env = nullptr)
    {
        const CliRun run = runCliPumping(QStringList{QStringLiteral("settings")} + args +
                                             QStringList{QStringLiteral("--db"), dbPath()},
                                         env ? *env : m_env, input);
        if (!showsKey)
            m_runs.append(run);
        return run;
    }
    QStringList serverArgs(const QString &keyFile = {}) const
    {
        return {QStringLiteral("--account-id"),   QLatin1String(AccountId),
                QStringLiteral("--sdk-key-file"), keyFile.isEmpty() ? m_keyFile : keyFile,
                QStringLiteral("--base-url"),     m_server->baseUrl()};
    }
    CliRun fetch(const QStringList &extra = {})
    {
        return settings(QStringList{QStringLiteral("fetch")} + serverArgs() + extra);
    }
    QList<QJsonObject> jsonList(const char *subcommand)
    {
        const CliRun run = settings(
            {QLatin1String(subcommand), QStringLiteral("--format"), QStringLiteral("json")});
        return run.exitCode == 0 ? parseJsonLines(run.out) : QList<QJsonObject>();
    }
    QByteArray fixture() const { return m_server->fixture(QLatin1String(Fixture)); }
    QByteArray redactedFixture() const
    {
        return fixture().replace(QByteArray(SdkKey), QByteArrayLiteral("REDACTED"));
    }
    QByteArray editedFixture() const
    {
        return fixture().replace("\"percentTraffic\": 50", "\"percentTraffic\": 100");
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SettingsServer> m_server;
    QProcessEnvironment m_env;
    QString m_keyFile;
    QList<CliRun> m_runs;
};

} // namespace clitest
