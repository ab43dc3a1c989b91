#include "eventscommand.h"

#include "auth/keysecret.h"
#include "clihelpers.h"
#include "endpointnames.h"
#include "events/eventstore.h"
#include "export/curlexport.h"
#include "export/harexport.h"

#include <QFileInfo>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("events");
constexpr int DefaultLimit = 100;
const QStringList Formats{QStringLiteral("jsonl"), QStringLiteral("har"), QStringLiteral("curl")};

// "" or an http(s) URL without query/fragment; the event's path is appended to it.
bool validBaseUrl(const QString &text)
{
    if (text.isEmpty())
        return true;
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() && !url.hasQuery() && !url.hasFragment() &&
           url.userInfo().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

int runEvents(const QStringList &args)
{
    VerbParser verb(
        Verb, QStringLiteral("events [options]"),
        QStringLiteral("Print stored events, oldest first (the newest --limit events): as "
                       "JSON lines, one HAR 1.2 document, or one curl command per "
                       "event (blank line between) that re-sends the request."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("Event database (default: the GUI's database)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format: jsonl (default), har or curl."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption limit(
        QStringLiteral("limit"),
        QStringLiteral("Print at most the newest N events (default %1).").arg(DefaultLimit),
        QStringLiteral("N"), QString::number(DefaultLimit));
    const QCommandLineOption filter(
        QStringLiteral("filter"),
        QStringLiteral("Only events matching EXPR, e.g. 'status:401 auth:failed since:10m' "
                       "(fields: status method path query auth valid body header remote "
                       "endpoint since until id size key; AND, OR, NOT, -term, parentheses)."),
        QStringLiteral("EXPR"));
    const QCommandLineOption reveal(
        QStringLiteral("reveal-secrets"),
        QStringLiteral("har/curl: print x-vwo-auth header values (webhook keys) in the output. "
                       "Off by default: HAR shows [redacted], curl reads $VWO_AUTH."));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QStringLiteral("har/curl: send to / show URLs under this http(s) base instead of the "
                       "request's Host header, e.g. http://127.0.0.1:4000."),
        QStringLiteral("URL"));
    const QCommandLineOption endpoint(
        QStringLiteral("endpoint"),
        QStringLiteral("Only events received by this endpoint (with --filter: both must match)."),
        QStringLiteral("NAME"));
    verb.addOption(db);
    verb.addOption(endpoint);
    verb.addOption(format);
    verb.addOption(limit);
    verb.addOption(filter);
    verb.addOption(reveal);
    verb.addOption(baseUrl);

    if (const auto exitCode = verb.parseOrExit(args))
        return *exitCode;
    const QCommandLineParser &parser = verb.parser();

    const QString formatName = parser.value(format);
    if (!Formats.contains(formatName))
        return usageError(Verb, QStringLiteral("unknown --format '%1' (expected: %2)")
                                    .arg(formatName, Formats.join(QStringLiteral(", "))));
    const bool jsonl = formatName == QLatin1String("jsonl");
    // JSON lines always redact; silently ignoring an explicit request would mislead.
    if (jsonl && (parser.isSet(reveal) || parser.isSet(baseUrl)))
        return usageError(Verb, QStringLiteral("--%1 applies to --format har and curl only")
                                    .arg(parser.isSet(reveal) ? QStringLiteral("reveal-secrets")
                                                              : QStringLiteral("base-url")));
    if (!validBaseUrl(parser.value(baseUrl)))
        return usageError(Verb, QStringLiteral("--base-url: '%1' is not an http(s) URL without "
                                               "query")
                                    .arg(parser.value(baseUrl)));

    QString error;
    const auto count = parseInteger(QStringLiteral("--limit"), parser.value(limit), 1, INT_MAX,
                                    QStringLiteral("a positive number of events"), &error);
    if (!count)
        return usageError(Verb, error);

    EventFilter eventFilter = EventFilter::parse(parser.value(filter));
    if (!eventFilter.isValid())
        return usageError(Verb, QStringLiteral("--filter: ") + eventFilter.error().message);
    const QString endpointName = parser.value(endpoint);
    if (parser.isSet(endpoint)) {
        const QString problem = webhookkey::checkEndpoint(endpointName);
        if (!problem.isEmpty())
            return usageError(Verb, QStringLiteral("--endpoint: ") + problem);
        // Names are [A-Za-z0-9._-]: a term of the filter language as they are. The user's
        // expression was checked alone above, so its error columns are its own.
        const QString user = parser.value(filter).trimmed();
        const QString combined =
            QStringLiteral("endpoint:") + endpointName +
            (user.isEmpty() ? QString() : QStringLiteral(" (") + user + QLatin1Char(')'));
        eventFilter = EventFilter::parse(combined);
        if (!eventFilter.isValid())
            return usageError(Verb, QStringLiteral("--endpoint: ") + eventFilter.error().message);
    }

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
    // Events of a removed endpoint are still listed; a name that never existed is worth a word.
    if (parser.isSet(endpoint)) {
        const QString unknown = checkEndpointExists(path, endpointName);
        if (!unknown.isEmpty())
            printError(Verb, QStringLiteral("note: ") + unknown);
    }

    QList<Event> events = store.query(eventFilter, int(*count));
    store.close();
    std::reverse(events.begin(), events.end()); // chronological: oldest first
    if (jsonl) {
        for (const Event &event : std::as_const(events))
            writeStdout(event.toJsonLine() + '\n');
    } else if (formatName == QLatin1String("har")) {
        HarWriter har({parser.value(baseUrl), parser.isSet(reveal)});
        writeStdout(har.begin());
        for (const Event &event : std::as_const(events))
            writeStdout(har.entry(event));
        writeStdout(har.end());
    } else {
        CurlOptions curl;
        curl.baseUrl = parser.value(baseUrl);
        curl.revealSecrets = parser.isSet(reveal);
        for (qsizetype i = 0; i < events.size(); ++i)
            writeStdout((i ? QByteArrayLiteral("\n") : QByteArray()) +
                        toCurl(events.at(i), curl).toUtf8() + '\n');
    }
    if (!flushStdout()) {
        printError(Verb, QStringLiteral("cannot write to standard output"));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace hookbench::cli
