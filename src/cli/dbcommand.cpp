// db: backup, restore and check of the event database, consistent while a receiver runs
// (core/backup/databasebackup.h does the work).
#include "dbcommand.h"

#include "backup/databasebackup.h"
#include "clihelpers.h"
#include "events/eventstore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

#include <optional>

namespace hookbench::cli {

namespace {

// One subcommand's command line: --db and the positional FILE (when `fileName` is given).
class DbVerb
{
public:
    DbVerb(const QString &name, const QString &synopsis, const QString &description)
        : m_name(QStringLiteral("db ") + name)
        , m_verb(m_name, QStringLiteral("db ") + synopsis, description)
        , m_db(QStringLiteral("db"),
               QStringLiteral("The event database (default: the GUI's database)."),
               QStringLiteral("FILE"))
    {
        m_verb.addOption(m_db);
    }

    // nullopt to run; else the exit code (help shown, usage error printed). `fileName` names
    // the positional argument, which `fileRequired` makes mandatory.
    std::optional<int> parse(const QStringList &args, const QString &fileName,
                             bool fileRequired = true)
    {
        if (const auto exitCode = m_verb.parseOrExit(args, !fileName.isEmpty()))
            return exitCode;
        const QStringList given = m_verb.parser().positionalArguments();
        if (fileRequired && !fileName.isEmpty() && given.isEmpty())
            return usage(
                QStringLiteral("missing %1 (see 'hookbench-cli %2 --help')").arg(fileName, m_name));
        if (given.size() > (fileName.isEmpty() ? 0 : 1))
            return usage(QStringLiteral("unexpected argument '%1'")
                             .arg(given.value(fileName.isEmpty() ? 0 : 1)));
        if (!given.isEmpty()) {
            if (given.first().isEmpty())
                return usage(QStringLiteral("%1: empty file name").arg(fileName));
            m_file = QFileInfo(given.first()).absoluteFilePath();
        }
        m_database = EventStore::defaultPath();
        if (m_verb.parser().isSet(m_db)) {
            if (m_verb.parser().value(m_db).isEmpty())
                return usage(QStringLiteral("--db: empty file name"));
            m_database = QFileInfo(m_verb.parser().value(m_db)).absoluteFilePath();
        }
        return std::nullopt;
    }
    int usage(const QString &message) const { return usageError(m_name, message); }
    int failure(const QString &message) const
    {
        printError(m_name, message);
        return ExitFailure;
    }
    QString file() const { return m_file; }
    QString database() const { return m_database; }

private:
    QString m_name;
    VerbParser m_verb;
    QCommandLineOption m_db;
    QString m_file;
    QString m_database;
};

QString count(qint64 n, const char *one, const char *many)
{
    return n == 1 ? QStringLiteral("1 ") + QLatin1String(one)
                  : QStringLiteral("%1 ").arg(n) + QLatin1String(many);
}

// "1,234 events, 3 endpoints, 12 settings-file versions, 4.2 MB"
QString describe(const DatabaseSummary &summary)
{
    return QStringList{
        count(summary.events, "event", "events"), count(summary.endpoints, "endpoint", "endpoints"),
        count(summary.settingsVersions, "settings-file version", "settings-file versions"),
        QLocale::c().formattedDataSize(summary.bytes, 1, QLocale::DataSizeSIFormat)}
        .join(QStringLiteral(", "));
}

int runBackup(const QStringList &args)
{
    DbVerb verb(
        QStringLiteral("backup"), QStringLiteral("backup FILE [--db FILE]"),
        QStringLiteral("Write a consistent copy of the event database to FILE (a new file,\n"
                       "readable only by you), also while a receiver is writing to it:\n"
                       "one snapshot, checked before it is kept. Webhook key values and SDK\n"
                       "keys live in the keychain and are not in the copy."));
    if (const auto exitCode = verb.parse(args, QStringLiteral("FILE")))
        return *exitCode;
    DatabaseSummary summary;
    const QString error = databasebackup::backup(verb.database(), verb.file(), &summary);
    if (!error.isEmpty())
        return verb.failure(error);
    printInfo(QStringLiteral("Backed up %1 to %2 (%3).")
                  .arg(QDir::toNativeSeparators(verb.database()),
                       QDir::toNativeSeparators(verb.file()), describe(summary)));
    return ExitOk;
}

int runRestore(const QStringList &args)
{
    DbVerb verb(
        QStringLiteral("restore"), QStringLiteral("restore FILE [--db FILE]"),
        QStringLiteral("Replace the event database's content with a backup made by 'db backup'.\n"
                       "The current content is saved first, beside the database, as\n"
                       "NAME.before-restore-YYYYMMDD-HHMMSS (so nothing is lost), and the\n"
                       "backup is checked and brought to this version's schema before it goes\n"
                       "in, in one step: a running receiver goes on storing into the restored\n"
                       "database. A running window shows the restored events after a restart."));
    if (const auto exitCode = verb.parse(args, QStringLiteral("FILE")))
        return *exitCode;
    if (QFileInfo(verb.file()) == QFileInfo(verb.database()))
        return verb.usage(QStringLiteral("FILE is the database itself"));
    const QString safetyCopy =
        verb.database() + QStringLiteral(".before-restore-") +
        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const bool existed = QFileInfo::exists(verb.database());
    DatabaseSummary summary;
    const QString error =
        databasebackup::restore(verb.file(), verb.database(), safetyCopy, &summary);
    if (!error.isEmpty())
        return verb.failure(error);
    if (existed)
        printInfo(QStringLiteral("Saved the previous content as %1.")
                      .arg(QDir::toNativeSeparators(safetyCopy)));
    printInfo(QStringLiteral("Restored %1 from %2 (%3).")
                  .arg(QDir::toNativeSeparators(verb.database()),
                       QDir::toNativeSeparators(verb.file()), describe(summary)));
    return ExitOk;
}

int runCheck(const QStringList &args)
{
    DbVerb verb(
        QStringLiteral("check"), QStringLiteral("check [FILE] [--db FILE]"),
        QStringLiteral("Check that the event database (or a backup FILE) is intact and one\n"
                       "this version can open, and say what it holds. Exit 1 if not."));
    if (const auto exitCode = verb.parse(args, QStringLiteral("FILE"), false))
        return *exitCode;
    const QString path = verb.file().isEmpty() ? verb.database() : verb.file();
    DatabaseSummary summary;
    const QString error = databasebackup::inspect(path, &summary);
    if (!error.isEmpty())
        return verb.failure(error);
    printInfo(QStringLiteral("%1 is intact: %2, schema %3.")
                  .arg(QDir::toNativeSeparators(path), describe(summary))
                  .arg(summary.schemaVersion));
    return ExitOk;
}

const CommandTable Subcommands{
    {"backup", "Write a consistent copy of the database, also while receiving", runBackup},
    {"restore", "Replace the database's content with a backup (the old one is kept)", runRestore},
    {"check", "Check that the database or a backup is intact, and count what it holds", runCheck},
};

} // namespace

int runDb(const QStringList &args)
{
    return Subcommands.dispatch(
        QStringLiteral("db"), args,
        QStringLiteral("Usage: hookbench-cli db <subcommand> [options]\n\n"
                       "The event database as a whole: events, endpoints, key ring (without the\n"
                       "key values, which live in the keychain), settings-file history and send\n"
                       "history.\n\nSubcommands:\n") +
            Subcommands.listing() +
            QStringLiteral("\nRun 'hookbench-cli db <subcommand> --help' for its options.\n"));
}

} // namespace hookbench::cli
