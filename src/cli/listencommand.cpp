#include "listencommand.h"

#include "auth/keyverifier.h"
#include "clihelpers.h"
#include "clikeyring.h"
#include "events/eventstore.h"
#include "listenendpoints.h"
#include "listenkeyring.h"
#include "listensettings.h"
#include "listentls.h"
#include "receiver/receiverconfig.h"
#include "receiver/receiverservice.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("listen");

// Write end of the self-pipe; the signal handler may touch nothing else.
int g_signalWriteFd = -1;

extern "C" void onTerminationSignal(int)
{
    const int savedErrno = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_signalWriteFd, &byte, 1);
    errno = savedErrno;
}

void setSignalHandler(int signal, void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(signal, &action, nullptr);
}

struct ListenOptions
{
    QCommandLineOption host{QStringLiteral("host"),
                            QStringLiteral("Address to bind (default 127.0.0.1). Binding to "
                                           "anything but loopback exposes the receiver."),
                            QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")};
    QCommandLineOption port{QStringLiteral("port"),
                            QStringLiteral("TCP port (default 4000; 0 picks a free port)."),
                            QStringLiteral("N"), QStringLiteral("4000")};
    QCommandLineOption path{QStringLiteral("path"),
                            QStringLiteral("Webhook path of the default endpoint "
                                           "(default /vwo-webhook)."),
                            QStringLiteral("PATH"), QStringLiteral("/vwo-webhook")};
    QCommandLineOption db{QStringLiteral("db"),
                          QStringLiteral("Event database (default: the GUI's database)."),
                          QStringLiteral("FILE")};
    QCommandLineOption keyFile{QStringLiteral("key-file"),
                               QStringLiteral("File with one key a line ('#' comments and "
                                              "blank lines ignored)."),
                               QStringLiteral("FILE")};
    QCommandLineOption key{QStringLiteral("key"),
                           QStringLiteral("Accept this x-vwo-auth key (repeatable). For quick "
                                          "tests only: it shows in `ps`. Prefer --key-file or "
                                          "the HOOKBENCH_KEYS environment variable (keys "
                                          "separated by commas or spaces). All sources are "
                                          "combined; with no key, authentication is not "
                                          "required."),
                           QStringLiteral("KEY")};
    QCommandLineOption secretsFile = secretsFileOption();
    QCommandLineOption maxBody{QStringLiteral("max-body"),
                               QStringLiteral("Largest accepted body; larger gets 413 "
                                              "(default 1M; suffixes K, M, G)."),
                               QStringLiteral("BYTES")};
    QCommandLineOption respondStatus{QStringLiteral("respond-status"),
                                     QStringLiteral("Answer webhooks with this status "
                                                    "(100-599) instead of the normal one, to "
                                                    "play a failing receiver."),
                                     QStringLiteral("CODE")};
    QCommandLineOption respondBody{QStringLiteral("respond-body"),
                                   QStringLiteral("Body of the overridden answer."),
                                   QStringLiteral("TEXT")};
    QCommandLineOption respondDelay{QStringLiteral("respond-delay-ms"),
                                    QStringLiteral("Wait this long before answering "
                                                   "(0-3600000), to play a slow receiver."),
                                    QStringLiteral("MS")};
    QCommandLineOption maxDbSize{QStringLiteral("max-db-size"),
                                 QStringLiteral("Largest the event database may grow (suffixes "
                                                "K, M, G; default: no cap). When full, webhooks "
                                                "get 503, so VWO retries, until space is freed."),
                                 QStringLiteral("BYTES")};
    QCommandLineOption retention{QStringLiteral("retention"),
                                 QStringLiteral("Keep the newest N events (default 100000; 0 "
                                                "keeps all)."),
                                 QStringLiteral("N")};
    QCommandLineOption maxConnections{QStringLiteral("max-connections"),
                                      QStringLiteral("Open connections at most (default 512)."),
                                      QStringLiteral("N")};
    QCommandLineOption headTimeout{QStringLiteral("head-timeout-ms"),
                                   QStringLiteral("A request head must arrive within this "
                                                  "(default 2000)."),
                                   QStringLiteral("MS")};
    QCommandLineOption idleTimeout{QStringLiteral("idle-timeout-ms"),
                                   QStringLiteral("Close idle keep-alive connections after "
                                                  "this (default 10000)."),
                                   QStringLiteral("MS")};
    QCommandLineOption tlsCert{QStringLiteral("tls-cert"),
                               QStringLiteral("Serve HTTPS with this PEM certificate (then any "
                                              "intermediates); needs --tls-key."),
                               QStringLiteral("FILE")};
    QCommandLineOption tlsKey{QStringLiteral("tls-key"),
                              QStringLiteral("The certificate's PEM private key (RSA or EC, "
                                             "unencrypted)."),
                              QStringLiteral("FILE")};
    QCommandLineOption tlsSelfSigned{QStringLiteral("tls-self-signed"),
                                     QStringLiteral("Serve HTTPS with a self-signed certificate "
                                                    "for testing, made once and kept beside the "
                                                    "database (its path is printed).")};
    QCommandLineOption handshakeTimeout{QStringLiteral("handshake-timeout-ms"),
                                        QStringLiteral("HTTPS: a TLS handshake must complete "
                                                       "within this (default 2000)."),
                                        QStringLiteral("MS")};
    QCommandLineOption noSettingsFetch{QStringLiteral("no-settings-fetch"),
                                       QStringLiteral("Do not fetch the settings file after "
                                                      "webhooks, even when the endpoint's "
                                                      "profile has auto-fetch on.")};
};

// Reads an optional integer option into *target; false (with *error) when malformed.
template<typename T>
bool readInteger(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
                 qint64 max, const QString &what, T *target, QString *error)
{
    if (!parser.isSet(option))
        return true;
    const auto value = parseInteger(QLatin1String("--") + option.names().constFirst(),
                                    parser.value(option), min, max, what, error);
    if (value)
        *target = T(*value);
    return value.has_value();
}

bool collectKeys(const QCommandLineParser &parser, const ListenOptions &o, QList<QByteArray> *keys,
                 QString *error)
{
    if (parser.isSet(o.keyFile)) {
        const KeyLoadResult loaded = loadKeyFile(parser.value(o.keyFile));
        if (!loaded.error.isEmpty()) {
            *error = loaded.error;
            return false;
        }
        *keys += loaded.keys;
    }
    const QList<QByteArray> fromEnv = parseKeyList(qgetenv("HOOKBENCH_KEYS"));
    for (qsizetype i = 0; i < fromEnv.size(); ++i) {
        const QString problem = checkKey(fromEnv.at(i));
        if (!problem.isEmpty()) {
            *error = QStringLiteral("HOOKBENCH_KEYS, key %1: %2").arg(i + 1).arg(problem);
            return false;
        }
    }
    *keys += fromEnv;
    const QStringList fromArgs = parser.values(o.key);
    for (qsizetype i = 0; i < fromArgs.size(); ++i) {
        const QByteArray key = fromArgs.at(i).toUtf8();
        const QString problem = checkKey(key);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("--key (occurrence %1): %2").arg(i + 1).arg(problem);
            return false;
        }
        keys->append(key);
    }
    return true;
}

bool buildConfig(const QCommandLineParser &parser, const ListenOptions &o, ReceiverConfig *config,
                 QString *error)
{
    const QString hostText = parser.value(o.host).trimmed();
    if (hostText.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        config->host = QHostAddress(QHostAddress::LocalHost);
    } else if (!config->host.setAddress(hostText)) {
        *error = QStringLiteral("--host: '%1' is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0)")
                     .arg(parser.value(o.host));
        return false;
    }

    const QString portWhat = QStringLiteral("a port number (0-65535)");
    const auto port =
        parseInteger(QStringLiteral("--port"), parser.value(o.port), 0, 65535, portWhat, error);
    if (!port)
        return false;
    config->port = quint16(*port);

    config->path = parser.value(o.path);
    if (!config->path.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("--path: '%1' must start with '/'").arg(config->path);
        return false;
    }
    for (const QChar c : std::as_const(config->path)) {
        if (c == QLatin1Char('?') || c == QLatin1Char('#') || c.isSpace() || c.unicode() < 0x20) {
            *error = QStringLiteral("--path: '%1' must not contain '?', '#', spaces or control "
                                    "characters")
                         .arg(config->path);
            return false;
        }
    }

    if (parser.isSet(o.db)) {
        const QString db = parser.value(o.db);
        if (db.isEmpty()) {
            *error = QStringLiteral("--db: empty file name");
            return false;
        }
        config->databasePath = QFileInfo(db).absoluteFilePath();
    }

    if (parser.isSet(o.maxBody)) {
        const auto bytes = parseByteSize(QStringLiteral("--max-body"), parser.value(o.maxBody), 1,
                                         qint64(1) << 40, error);
        if (!bytes)
            return false;
        config->limits.maxBodyBytes = *bytes;
    }
    if (parser.isSet(o.maxDbSize)) {
        // Below a few pages SQLite could not even hold the schema.
        const auto bytes = parseByteSize(QStringLiteral("--max-db-size"), parser.value(o.maxDbSize),
                                         64 * 1024, qint64(1) << 50, error);
        if (!bytes)
            return false;
        config->maxDatabaseBytes = *bytes;
    }

    const QString ms = QStringLiteral("a number of milliseconds (%1-3600000)");
    const qint64 maxMs = 3600000;
    if (!readInteger(parser, o.respondStatus, 100, 599, QStringLiteral("an HTTP status (100-599)"),
                     &config->response.status, error) ||
        !readInteger(parser, o.respondDelay, 0, maxMs, ms.arg(0), &config->response.delayMs,
                     error) ||
        !readInteger(parser, o.retention, 0, INT_MAX,
                     QStringLiteral("a number of events (0 = keep all)"), &config->retention,
                     error) ||
        !readInteger(parser, o.maxConnections, 1, 1000000,
                     QStringLiteral("a number of connections (1-1000000)"),
                     &config->limits.maxConnections, error) ||
        !readInteger(parser, o.headTimeout, 1, maxMs, ms.arg(1), &config->limits.headTimeoutMs,
                     error) ||
        !readInteger(parser, o.idleTimeout, 1, maxMs, ms.arg(1), &config->limits.idleTimeoutMs,
                     error) ||
        !readInteger(parser, o.handshakeTimeout, 1, maxMs, ms.arg(1),
                     &config->limits.handshakeTimeoutMs, error))
        return false;
    if (parser.isSet(o.respondBody))
        config->response.body = parser.value(o.respondBody).toUtf8();

    return collectKeys(parser, o, &config->keys, error);
}

} // namespace

int runListen(const QStringList &args)
{
    // QCommandLineParser wraps option texts but not the description: break it ourselves.
    VerbParser verb(
        Verb, QStringLiteral("listen [options]"),
        QStringLiteral("Run a headless webhook receiver. Prints 'listening on URL' to stderr once\n"
                       "ready, then one JSON object per received request to stdout.\n"
                       "Every endpoint (see 'hookbench-cli endpoints') is served, each on its\n"
                       "path, with its key ring, answer and forwarding; --path, the keys and\n"
                       "--respond-* apply to the default endpoint. Endpoints added, changed or\n"
                       "removed while listening are served within a second.\n"
                       "SIGINT/SIGTERM finish in-flight requests, close the store and exit 0.\n\n"
                       "Keys come from --key-file, the HOOKBENCH_KEYS environment variable (keys\n"
                       "separated by commas or spaces) and --key, all combined. --key shows in\n"
                       "`ps`: use it for quick tests only. Without any of them, the key ring of\n"
                       "the default endpoint authenticates (see 'hookbench-cli keys'); keys it\n"
                       "gains, rotates or revokes while listening apply within a second. An\n"
                       "endpoint without keys accepts webhooks without authentication.\n\n"
                       "When the endpoint's account profile has auto-fetch on and an SDK key\n"
                       "(see 'hookbench-cli settings profile'), every valid, authenticated\n"
                       "webhook fetches the settings file into the history, with one\n"
                       "'settings: ...' line on stderr per fetch."));
    const ListenOptions o;
    for (const QCommandLineOption *option : {&o.host,           &o.port,
                                             &o.path,           &o.db,
                                             &o.keyFile,        &o.key,
                                             &o.secretsFile,    &o.maxBody,
                                             &o.respondStatus,  &o.respondBody,
                                             &o.respondDelay,   &o.retention,
                                             &o.maxDbSize,      &o.maxConnections,
                                             &o.headTimeout,    &o.idleTimeout,
                                             &o.tlsCert,        &o.tlsKey,
                                             &o.tlsSelfSigned,  &o.handshakeTimeout,
                                             &o.noSettingsFetch})
        verb.addOption(*option);

    if (const auto exitCode = verb.parseOrExit(args))
        return *exitCode;

    ReceiverConfig config;
    QString error;
    if (!buildConfig(verb.parser(), o, &config, &error))
        return usageError(Verb, error);
    const QCommandLineParser &parser = verb.parser();
    ListenEndpoints endpoints(parser.isSet(o.path), parser.isSet(o.respondStatus) ||
                                                        parser.isSet(o.respondBody) ||
                                                        parser.isSet(o.respondDelay));
    error = endpoints.configure(&config);
    if (!error.isEmpty())
        return usageError(Verb, error);
    ListenKeyRing keyRing;
    error = keyRing.attach(&config, parser.value(o.secretsFile));
    if (!error.isEmpty())
        return usageError(Verb, error);
    QString tlsNotice;
    error = configureListenTls(parser.value(o.tlsCert), parser.value(o.tlsKey),
                               parser.isSet(o.tlsSelfSigned), &config, &tlsNotice);
    if (!error.isEmpty())
        return usageError(Verb, error);
    if (!tlsNotice.isEmpty())
        printInfo(tlsNotice);

    // Self-pipe: the handler only writes a byte (non-blocking, so a burst of
    // signals can never wedge it); the event loop does the rest.
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, fds) != 0) {
        printError(Verb, QStringLiteral("cannot create signal pipe: %1")
                             .arg(QString::fromLocal8Bit(std::strerror(errno))));
        return ExitFailure;
    }
    g_signalWriteFd = fds[1];
    // A reader that went away (`listen | head`) must not kill us mid-commit.
    setSignalHandler(SIGPIPE, SIG_IGN);

    ReceiverService service;
    ListenSettings settings;
    QHash<qint64, Event> forwarding; // committed, waiting for the forward's outcome
    bool stopping = false;
    auto shutdown = [&service, &settings, &endpoints, &stopping, &forwarding] {
        if (stopping)
            return;
        stopping = true;
        endpoints.stop();
        // A second Ctrl-C during a slow shutdown should kill at once.
        setSignalHandler(SIGINT, SIG_DFL);
        setSignalHandler(SIGTERM, SIG_DFL);
        service.stop();
        // Deliver the last eventsCommitted batches and forward outcomes queued while stopping;
        // a forward still without one is printed as it stands.
        QCoreApplication::sendPostedEvents();
        for (const Event &event : std::as_const(forwarding))
            writeStdout(event.toJsonLine() + '\n');
        forwarding.clear();
        settings.stop();
        flushStdout();
        QCoreApplication::exit(ExitOk);
    };

    QObject::connect(&service, &ReceiverService::eventsCommitted, &service,
                     [&service, &settings, &shutdown, &stopping,
                      &forwarding](const QList<hookbench::Event> &events) {
                         for (const Event &event : events) {
                             // A forwarded webhook's line waits for the app's answer, so that it
                             // tells what VWO got (one line per request, complete).
                             if (event.forwardState == ForwardState::Pending)
                                 forwarding.insert(event.id, event);
                             else
                                 writeStdout(event.toJsonLine() + '\n');
                         }
                         settings.addEvents(events);
                         // One flush per batch; a closed stdout (`listen | head`) ends the run
                         // cleanly, from the event loop rather than inside the service's own
                         // signal.
                         if (!flushStdout() && !stopping)
                             QMetaObject::invokeMethod(&service, shutdown, Qt::QueuedConnection);
                     });
    QObject::connect(&service, &ReceiverService::eventForwarded, &service,
                     [&forwarding](qint64 id, const ForwardResult &result) {
                         auto held = forwarding.find(id);
                         if (held == forwarding.end())
                             return;
                         held->applyForward(result);
                         writeStdout(held->toJsonLine() + '\n');
                         forwarding.erase(held);
                         flushStdout();
                     });
    QObject::connect(&service, &ReceiverService::storeError, &service,
                     [](const QString &message) { printError(Verb, message); });

    QSocketNotifier notifier(fds[0], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &notifier, [&] {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(fds[0], &byte, 1);
        notifier.setEnabled(false);
        shutdown();
    });
    setSignalHandler(SIGINT, onTerminationSignal);
    setSignalHandler(SIGTERM, onTerminationSignal);

    const auto releaseSignals = [&fds] {
        setSignalHandler(SIGINT, SIG_DFL);
        setSignalHandler(SIGTERM, SIG_DFL);
        g_signalWriteFd = -1;
        ::close(fds[0]);
        ::close(fds[1]);
    };
    if (!service.start(config)) {
        notifier.setEnabled(false);
        releaseSignals();
        return usageError(Verb, service.errorString());
    }

    const QByteArray ready = "listening on " + service.url().toString().toUtf8() + '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stderr);
    std::fflush(stderr);
    keyRing.reportAfterStart(Verb);
    if (!verb.parser().isSet(o.noSettingsFetch)) {
        QStringList names = {config.endpoint};
        for (const EndpointRoute &route : std::as_const(config.otherEndpoints))
            names.append(route.name);
        settings.start(config.databasePath.isEmpty() ? EventStore::defaultPath()
                                                     : config.databasePath,
                       names, verb.parser().value(o.secretsFile));
    }
    endpoints.follow(&service, &keyRing, &settings);

    const int status = QCoreApplication::exec();
    endpoints.stop();
    service.stop(); // idempotent; covers an exit not caused by a signal
    settings.stop();
    keyRing.close();
    notifier.setEnabled(false);
    releaseSignals();
    return status;
}

} // namespace hookbench::cli
