#include "eventscommand.h"

#include "clihelpers.h"
#include "events/eventstore.h"

#include <QFileInfo>

#include <algorithm>
#include <climits>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("events");
constexpr int DefaultLimit = 100;

} // namespace

int runEvents(const QStringList &args)
{
    VerbParser verb(Verb, QStringLiteral("events [options]"),
                    QStringLiteral("Print stored events as JSON lines, oldest first (the newest "
                                   "--limit events)."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Event database (default: the GUI's database)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format: jsonl (default)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QStringLiteral("Print at most the newest N events (default %1).").arg(DefaultLimit),
        QStringLiteral("N"), QString::number(DefaultLimit));
    verb.addOption(db);
    verb.addOption(format);
    verb.addOption(limit);

    switch (verb.parse(args)) {
    case VerbParser::ShowedHelp:
        return ExitOk;
    case VerbParser::Error:
        return ExitUsage;
    case VerbParser::Run:
        break;
    }
    const QCommandLineParser &parser = verb.parser();

    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("jsonl"))
        return usageError(
            Verb, QStringLiteral("unknown --format '%1' (expected: jsonl)").arg(formatName));

    QString error;
    const auto count = parseInteger(QStringLiteral("--limit"), parser.value(limit), 1, INT_MAX,
                                    QStringLiteral("a positive number of events"), &error);
    if (!count)
        return usageError(Verb, error);

    QString path = EventStore::defaultPath();
    if (parser.isSet(db)) {
        if (parser.value(db).isEmpty())
            return usageError(Verb, QStringLiteral("--db: empty file name"));
        path = QFileInfo(parser.value(db)).absoluteFilePath();
    }
    // Reading must never create an empty database as a side effect.
    const QFileInfo info(path);
    if (!info.exists())
        return usageError(Verb, QStringLiteral("no database at %1").arg(path));
    if (info.isDir())
        return usageError(Verb, QStringLiteral("%1 is a directory, not a database").arg(path));

    EventStore store;
    error = store.open(path);
    if (!error.isEmpty())
        return usageError(Verb, error);

    QList<Event> events = store.latest(int(*count));
    store.close();
    std::reverse(events.begin(), events.end()); // chronological: oldest first
    for (const Event &event : std::as_const(events))
        writeStdout(event.toJsonLine() + '\n');
    if (!flushStdout()) {
        printError(Verb, QStringLiteral("cannot write to standard output"));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace hookbench::cli
