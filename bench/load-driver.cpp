// load-driver: runs hookbench's LoadRunner (load mode of the test-webhook sender) from the
// command line, for bench/load-bench.sh, until `hookbench-cli send --count` exists.
//
// Usage: load-driver URL [--count N] [--concurrency C] [--rate R] [--timeout-ms MS]
//                        [--method M] [--header 'Name: value']... [--payload FILE|-]
// Prints the summary, then one machine-readable line:
//   BENCH requests=N duration_us=D rps=R non2xx=K failed=F p50_us=.. p90_us=.. p99_us=.. max_us=..
// Exit status: 0 when every request was answered with a 2xx, 1 otherwise, 2 on a usage error.

#include "sender/loadrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace hookbench;

namespace {

[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "load-driver: %s\n", qPrintable(message));
    std::exit(2);
}

int intOption(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok)
        usageError(QStringLiteral("--%1: not a whole number: %2").arg(name, parser.value(name)));
    return value;
}

QByteArray readPayload(const QString &path)
{
    QFile file;
    const bool opened = path == QLatin1String("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened)
        usageError(QStringLiteral("--payload: cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

LoadPlan planFrom(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        usageError(QStringLiteral("expected one URL (see --help)"));
    LoadPlan plan;
    plan.request.url = QUrl(parser.positionalArguments().constFirst(), QUrl::StrictMode);
    plan.request.method = parser.value(QStringLiteral("method")).toLatin1();
    plan.count = intOption(parser, QStringLiteral("count"));
    plan.concurrency = intOption(parser, QStringLiteral("concurrency"));
    plan.timeoutMs = intOption(parser, QStringLiteral("timeout-ms"));
    bool ok = false;
    plan.ratePerSecond = parser.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok)
        usageError(
            QStringLiteral("--rate: not a number: %1").arg(parser.value(QStringLiteral("rate"))));
    for (const QString &header : parser.values(QStringLiteral("header"))) {
        const qsizetype colon = header.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            usageError(QStringLiteral("--header: expected 'Name: value', got '%1'").arg(header));
        plan.request.headers.append(
            {header.left(colon).trimmed().toLatin1(), header.mid(colon + 1).trimmed().toUtf8()});
    }
    if (parser.isSet(QStringLiteral("payload")))
        plan.request.body = readPayload(parser.value(QStringLiteral("payload")));
    return plan;
}

void print(const LoadSummary &s)
{
    std::printf("sent=%d answered=%d failed=%d elapsed_s=%.3f rps=%.0f%s\n", s.sent, s.answered,
                s.failed, s.elapsedSeconds, s.requestsPerSecond, s.canceled ? " canceled" : "");
    std::printf("latency_us p50=%lld p90=%lld p99=%lld max=%lld\n", s.p50Us, s.p90Us, s.p99Us,
                s.maxUs);
    int non2xx = 0;
    for (auto it = s.statusCounts.cbegin(); it != s.statusCounts.cend(); ++it) {
        std::printf("status %d: %d\n", it.key(), it.value());
        if (it.key() < 200 || it.key() >= 300)
            non2xx += it.value();
    }
    for (auto it = s.failureCounts.cbegin(); it != s.failureCounts.cend(); ++it)
        std::printf("failure \"%s\": %d\n", qPrintable(it.key()), it.value());
    std::printf("BENCH requests=%d duration_us=%lld rps=%.0f non2xx=%d failed=%d p50_us=%lld "
                "p90_us=%lld p99_us=%lld max_us=%lld\n",
                s.answered, qint64(s.elapsedSeconds * 1e6), s.requestsPerSecond, non2xx, s.failed,
                s.p50Us, s.p90Us, s.p99Us, s.maxUs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Sends N requests with hookbench's LoadRunner."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"), QStringLiteral("http:// or https:// URL"));
    parser.addOptions({
        {QStringLiteral("count"), QStringLiteral("Requests to send."), QStringLiteral("N"),
         QStringLiteral("1000")},
        {QStringLiteral("concurrency"), QStringLiteral("Connections."), QStringLiteral("C"),
         QStringLiteral("8")},
        {QStringLiteral("rate"), QStringLiteral("Requests per second (0: as fast as possible)."),
         QStringLiteral("R"), QStringLiteral("0")},
        {QStringLiteral("timeout-ms"), QStringLiteral("Per-request timeout (0: none)."),
         QStringLiteral("MS"), QStringLiteral("30000")},
        {QStringLiteral("method"), QStringLiteral("HTTP method."), QStringLiteral("M"),
         QStringLiteral("POST")},
        {QStringLiteral("header"), QStringLiteral("A request header (repeatable)."),
         QStringLiteral("'Name: value'")},
        {QStringLiteral("payload"), QStringLiteral("Request body from FILE (- for stdin)."),
         QStringLiteral("FILE")},
    });
    parser.process(app);
    const LoadPlan plan = planFrom(parser);
    if (const QString problem = plan.validate(); !problem.isEmpty())
        usageError(problem);

    LoadRunner runner;
    int exitCode = 1;
    QObject::connect(&runner, &LoadRunner::finished, &app, [&exitCode](const LoadSummary &s) {
        print(s);
        exitCode = s.isSuccess() ? 0 : 1;
        QCoreApplication::exit(exitCode);
    });
    runner.start(plan);
    QCoreApplication::exec();
    return exitCode;
}
