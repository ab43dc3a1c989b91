#include "sendjob.h"
#include "events/eventstore.h"
#include <QFileInfo>

#include "sender/auditchecks.h"

#include "auth/keyverifier.h"
#include "clihelpers.h"
#include "diff/jsontree.h"
#include "sender/loadrunner.h"
#include "sendkey.h"

#include <QDateTime>
#include <QFile>

#include <cmath>

namespace hookbench::cli {

namespace {

constexpr qint64 MaxPayloadBytes = 64 * 1024 * 1024;
constexpr qint64 MaxRetrySeconds = 7 * 86400;
constexpr qint64 MaxTimeoutSeconds = 3600;
constexpr qint64 MaxCount = 100'000'000;

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// Durations as parseDuration() takes them, plus milliseconds ("500ms") for short timeouts.
std::optional<qint64> parseMillis(const QString &option, const QString &text, qint64 maxSeconds,
                                  QString *error)
{
    const QString trimmed = text.trimmed().toLower();
    if (trimmed.endsWith(QLatin1String("ms"))) {
        bool ok = false;
        const qint64 ms = trimmed.chopped(2).toLongLong(&ok);
        if (ok && ms >= 0 && ms <= maxSeconds * 1000)
            return ms;
    }
    const auto seconds = parseDuration(option, text, maxSeconds, error);
    if (seconds)
        return *seconds * 1000;
    if (trimmed.endsWith(QLatin1String("ms")))
        error->replace(QLatin1String("(e.g. "), QLatin1String("(e.g. 500ms, "));
    return std::nullopt;
}

QString parseUrl(const QString &text, QUrl *url)
{
    if (!text.contains(QLatin1String("://")))
        return QStringLiteral("URL %1: expected http://HOST[:PORT]/PATH or https://…")
            .arg(quoted(text));
    *url = QUrl(text, QUrl::StrictMode);
    OutgoingRequest probe;
    probe.url = *url;
    const QString problem = probe.validate(); // "URL: scheme must be http or https"
    if (!problem.isEmpty())
        return QStringLiteral("URL %1: %2").arg(quoted(text), problem.mid(5));
    return {};
}

// "--header 'Name: value'" each; a value is never repeated in a message (it may be a key).
QString parseHeaders(const QStringList &texts, HeaderList *headers)
{
    for (qsizetype i = 0; i < texts.size(); ++i) {
        const QString where = texts.size() == 1 ? QStringLiteral("--header")
                                                : QStringLiteral("--header %1").arg(i + 1);
        const QByteArray text = texts.at(i).toUtf8();
        const qsizetype colon = text.indexOf(':');
        if (colon < 0)
            return where + QStringLiteral(": expected 'Name: value'");
        OutgoingRequest probe;
        probe.url = QUrl(QStringLiteral("http://localhost/"));
        probe.headers = {{text.left(colon).trimmed(), text.mid(colon + 1).trimmed()}};
        const QString problem = probe.validate(); // "header 1: name contains a space"
        if (!problem.isEmpty())
            return where + problem.mid(problem.indexOf(QLatin1Char(':')));
        headers->append(probe.headers.constFirst());
    }
    return {};
}

const QByteArray *findHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return &header.second;
    }
    return nullptr;
}

QString readPayload(const QString &path, bool mustBeJson, QByteArray *body)
{
    QFile file;
    const bool fromStdin = path == QLatin1String("-");
    const QString name = fromStdin ? QStringLiteral("standard input") : path;
    if (fromStdin ? !file.open(stdin, QIODevice::ReadOnly)
                  : (file.setFileName(path), !file.open(QIODevice::ReadOnly)))
        return QStringLiteral("--payload: cannot read %1: %2").arg(name, file.errorString());
    *body = file.read(MaxPayloadBytes + 1);
    if (body->size() > MaxPayloadBytes)
        return QStringLiteral("--payload: %1 holds more than 64 MiB").arg(name);
    if (!mustBeJson)
        return {};
    if (body->trimmed().isEmpty())
        return QStringLiteral("--payload: %1 is empty, expected JSON (send other content with "
                              "--header 'Content-Type: …')")
            .arg(name);
    JsonParseError error;
    if (JsonTree::parse(*body, &error).isNull())
        return QStringLiteral("--payload: %1 is not JSON: %2 (send other content with --header "
                              "'Content-Type: …')")
            .arg(name, error.toString());
    return {};
}

std::optional<qint64> readCount(const QCommandLineParser &parser, const QCommandLineOption &option,
                                qint64 min, qint64 max, const QString &what, QString *error)
{
    return parseInteger(QLatin1String("--") + option.names().constFirst(), parser.value(option),
                        min, max, what, error);
}

QString parseLoad(const QCommandLineParser &parser, const SendOptions &o, SendJob *job)
{
    QString error;
    if (!parser.isSet(o.count)) {
        for (const QCommandLineOption *option : {&o.concurrency, &o.rate}) {
            if (parser.isSet(*option))
                return QStringLiteral("--%1 applies to load mode only (with --count)")
                    .arg(option->names().constFirst());
        }
        return {};
    }
    if (parser.isSet(o.retry) || parser.isSet(o.retryFor))
        return QStringLiteral("--count sends each request once; --retry and --retry-for apply "
                              "to a single send");
    const auto count =
        readCount(parser, o.count, 1, MaxCount,
                  QStringLiteral("a number of requests (1-%1)").arg(MaxCount), &error);
    if (!count)
        return error;
    job->count = int(*count);
    if (parser.isSet(o.concurrency)) {
        const auto concurrency = readCount(
            parser, o.concurrency, 1, LoadPlan::MaxConcurrency,
            QStringLiteral("a number of connections (1-%1)").arg(LoadPlan::MaxConcurrency), &error);
        if (!concurrency)
            return error;
        job->concurrency = int(*concurrency);
    }
    if (parser.isSet(o.rate)) {
        bool ok = false;
        job->rate = parser.value(o.rate).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(job->rate) || job->rate <= 0 || job->rate > 1e7)
            return QStringLiteral("--rate: %1 is not a number of requests per second (e.g. 50 "
                                  "or 0.5)")
                .arg(quoted(parser.value(o.rate)));
    }
    return {};
}

QString parseAudit(const QCommandLineParser &parser, const SendOptions &o, SendJob *job)
{
    if (!parser.isSet(o.audit)) {
        if (parser.isSet(o.report))
            return QStringLiteral("--report applies to the audit only (with --audit)");
        return {};
    }
    // The audit sends its own battery: options that shape one request or a run do not apply.
    for (const QCommandLineOption *option :
         {&o.count, &o.concurrency, &o.rate, &o.retry, &o.retryFor, &o.payload, &o.keepTimestamp,
          &o.method, &o.header}) {
        if (parser.isSet(*option))
            return QStringLiteral("--audit sends its own battery of requests; --%1 does not "
                                  "apply to it")
                .arg(option->names().constFirst());
    }
    job->audit = true;
    job->report = parser.value(o.report).trimmed().toLower();
    if (job->report != QLatin1String("text") && job->report != QLatin1String("markdown") &&
        job->report != QLatin1String("html"))
        return QStringLiteral("unknown --report %1 (expected: text, markdown, html)")
            .arg(quoted(parser.value(o.report)));
    return {};
}

QString parseRetry(const QCommandLineParser &parser, const SendOptions &o, SendJob *job)
{
    QString error;
    const QString retry = parser.value(o.retry).trimmed().toLower();
    if (retry == QLatin1String("none"))
        job->policy = RetryPolicy::None;
    else if (retry != QLatin1String("vwo"))
        return QStringLiteral("unknown --retry %1 (expected: vwo, none)")
            .arg(quoted(parser.value(o.retry)));
    if (job->policy == RetryPolicy::None && parser.isSet(o.retryFor))
        return QStringLiteral("--retry-for applies to --retry vwo only");
    const auto window = parseMillis(QStringLiteral("--retry-for"), parser.value(o.retryFor),
                                    MaxRetrySeconds, &error);
    if (!window)
        return error;
    job->windowMs = *window;
    const auto timeout = parseMillis(QStringLiteral("--timeout"), parser.value(o.timeout),
                                     MaxTimeoutSeconds, &error);
    if (!timeout)
        return error;
    job->timeoutMs = int(*timeout);
    return {};
}

} // namespace

QString buildSendJob(const QCommandLineParser &parser, const SendOptions &o, SendJob *job,
                     QStringList *notes)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return QStringLiteral("missing URL (e.g. http://127.0.0.1:4000/vwo-webhook)");
    if (positional.size() > 1)
        return QStringLiteral("unexpected argument %1 (one URL only)")
            .arg(quoted(positional.at(1)));
    OutgoingRequest &request = job->request;
    if (QString error = parseUrl(positional.first(), &request.url); !error.isEmpty())
        return error;

    request.method = parser.value(o.method).trimmed().toUpper().toUtf8();
    OutgoingRequest probe;
    probe.url = request.url;
    probe.method = request.method;
    if (const QString problem = probe.validate(); !problem.isEmpty())
        return QStringLiteral("--method %1: %2")
            .arg(quoted(parser.value(o.method)),
                 problem.mid(problem.indexOf(QLatin1Char(':')) + 2));

    HeaderList userHeaders;
    if (QString error = parseHeaders(parser.values(o.header), &userHeaders); !error.isEmpty())
        return error;
    for (QString error :
         {parseAudit(parser, o, job), parseRetry(parser, o, job), parseLoad(parser, o, job)}) {
        if (!error.isEmpty())
            return error;
    }
    if (!parser.isSet(o.noHistory)) {
        job->historyPath = parser.isSet(o.db) && !parser.value(o.db).isEmpty()
                               ? QFileInfo(parser.value(o.db)).absoluteFilePath()
                               : EventStore::defaultPath();
    }
    if (job->audit && !parser.isSet(o.timeout))
        job->timeoutMs = AuditTarget().timeoutMs; // the audit's own default

    const QByteArray *contentType = findHeader(userHeaders, "content-type");
    const bool bodyless = request.method == "GET" || request.method == "HEAD";
    job->refreshTimestamp = !parser.isSet(o.keepTimestamp);
    if (parser.isSet(o.payload)) {
        const bool mustBeJson = !contentType || contentType->toLower().contains("json");
        if (QString error = readPayload(parser.value(o.payload), mustBeJson, &request.body);
            !error.isEmpty())
            return error;
    } else if (!bodyless) {
        request.body = VwoPayload::templateBody(QDateTime::currentSecsSinceEpoch());
    }
    if (!contentType && !request.body.isEmpty())
        request.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});

    const QByteArray *userAuth = findHeader(userHeaders, "x-vwo-auth");
    if (userAuth) {
        job->auth =
            QStringLiteral("key %1 (from --header)").arg(StaticKeyVerifier::fingerprint(*userAuth));
    } else {
        SendKey key;
        if (QString error = resolveSendKey(parser, o, &key); !error.isEmpty())
            return error;
        job->auth = key.description;
        if (!key.note.isEmpty())
            notes->append(key.note);
        if (!key.value.isEmpty())
            request.headers.append({QByteArrayLiteral("x-vwo-auth"), key.value});
    }
    request.headers += userHeaders;
    if (const QString problem = request.validate(); !problem.isEmpty())
        return problem; // e.g. "Body: a HEAD request cannot carry a body"
    return {};
}

SendOptions::SendOptions()
    : key(QStringLiteral("key"),
          QStringLiteral("Send this x-vwo-auth key. For quick tests only: it shows in `ps`; "
                         "prefer --key-file or the HOOKBENCH_KEY environment variable."),
          QStringLiteral("KEY"))
    , keyFile(QStringLiteral("key-file"),
              QStringLiteral("Send the first key in FILE (one key a line; '#' comments and "
                             "blank lines ignored)."),
              QStringLiteral("FILE"))
    , noAuth(QStringLiteral("no-auth"),
             QStringLiteral("Send no x-vwo-auth header (to see a receiver refuse it)."))
    , endpoint(QStringLiteral("endpoint"),
               QStringLiteral("Without a key given: use the primary key of this endpoint's key "
                              "ring (default: default)."),
               QStringLiteral("NAME"), QStringLiteral("default"))
    , db(QStringLiteral("db"),
         QStringLiteral("Database holding the key ring (default: the GUI's database)."),
         QStringLiteral("FILE"))
    , secretsFile(secretsFileOption())
    , payload(QStringLiteral("payload"),
              QStringLiteral("Body from FILE ('-': standard input) instead of VWO's webhook "
                             "template. It must be JSON unless --header sets another "
                             "Content-Type."),
              QStringLiteral("FILE"))
    , keepTimestamp(QStringLiteral("keep-timestamp"),
                    QStringLiteral("Send the payload's \"timestamp\" as written (by default a "
                                   "top-level numeric timestamp is set to now for every "
                                   "attempt; nothing else changes)."))
    , header(QStringLiteral("header"),
             QStringLiteral("Add a header 'Name: value' (repeatable). Content-Type defaults to "
                            "application/json."),
             QStringLiteral("HEADER"))
    , method(QStringLiteral("method"), QStringLiteral("HTTP method (default POST)."),
             QStringLiteral("M"), QStringLiteral("POST"))
    , retry(QStringLiteral("retry"),
            QStringLiteral("vwo (default): like VWO, retry any answer but 200 and any network "
                           "failure every 1-2 s (uniform random) for --retry-for; none: one "
                           "attempt."),
            QStringLiteral("POLICY"), QStringLiteral("vwo"))
    , retryFor(QStringLiteral("retry-for"),
               QStringLiteral("How long to keep retrying (default 1h, VWO's window; e.g. 90s, "
                              "5m)."),
               QStringLiteral("DURATION"), QStringLiteral("1h"))
    , timeout(QStringLiteral("timeout"),
              QStringLiteral("Give up on an attempt after this (default 30s; e.g. 500ms, 10s; 0: "
                             "never)."),
              QStringLiteral("DURATION"), QStringLiteral("30s"))
    , count(QStringLiteral("count"),
            QStringLiteral("Load mode: send N requests (no retries) and report throughput, "
                           "latency percentiles, statuses and failures."),
            QStringLiteral("N"))
    , concurrency(QStringLiteral("concurrency"),
                  QStringLiteral("Load mode: connections to use (default 8)."), QStringLiteral("C"))
    , rate(QStringLiteral("rate"),
           QStringLiteral("Load mode: start R requests per second (default: as fast as the "
                          "answers come)."),
           QStringLiteral("R"))
    , audit(QStringLiteral("audit"),
            QStringLiteral("Check the endpoint instead of sending one webhook: valid request, "
                           "wrong key, missing header, malformed JSON, empty body, wrong "
                           "method, oversize body, answer time and an old timestamp, each "
                           "with a verdict and advice (docs/endpoint-audit.md). --timeout "
                           "applies per request (default 10s)."))
    , report(QStringLiteral("report"),
             QStringLiteral("With --audit: print the report as text (default), markdown or "
                            "html."),
             QStringLiteral("FORMAT"), QStringLiteral("text"))
    , noHistory(QStringLiteral("no-history"),
                QStringLiteral("Do not keep this run in the send history of the database (by "
                               "default it is kept there when the database exists)."))
{}

QList<const QCommandLineOption *> SendOptions::all() const
{
    return {&key,           &keyFile, &noAuth, &endpoint, &db,       &secretsFile, &payload,
            &keepTimestamp, &header,  &method, &retry,    &retryFor, &timeout,     &count,
            &concurrency,   &rate,    &audit,  &report,   &noHistory};
}

} // namespace hookbench::cli
