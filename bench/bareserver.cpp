// bench-bare-server: the baseline for bench/receiver-bench.sh.
//
// A plain QHttpServer on 127.0.0.1 with one route (POST /vwo-webhook) that answers 200 with a tiny
// JSON body and does nothing else: no limits, no authentication, no validation, no storage. The
// receiver benchmark divides the receiver's throughput by this one's, so the ratio shows what
// Hookbench's own work costs on top of Qt's HTTP server.
//
// Usage: bench-bare-server [PORT]   (PORT 0 or absent: pick a free port)
// Prints "listening on http://127.0.0.1:PORT/vwo-webhook" to stderr once it accepts connections.

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    quint16 requestedPort = 0;
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 2) {
        std::fputs("usage: bench-bare-server [PORT]\n", stderr);
        return 2;
    }
    if (args.size() == 2) {
        bool ok = false;
        const uint value = args.at(1).toUInt(&ok);
        if (!ok || value > 65535) {
            std::fprintf(stderr, "bench-bare-server: invalid port '%s' (expected 0-65535)\n",
                         qPrintable(args.at(1)));
            return 2;
        }
        requestedPort = static_cast<quint16>(value);
    }

    QHttpServer server;
    server.route(QStringLiteral("/vwo-webhook"), QHttpServerRequest::Method::Post,
                 [](const QHttpServerRequest &) {
                     return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                                QByteArrayLiteral("{\"ok\":true}"));
                 });

    const quint16 port = server.listen(QHostAddress::LocalHost, requestedPort);
    if (port == 0) {
        std::fprintf(stderr, "bench-bare-server: cannot listen on 127.0.0.1:%u\n",
                     unsigned(requestedPort));
        return 1;
    }
    std::fprintf(stderr, "listening on http://127.0.0.1:%u/vwo-webhook\n", unsigned(port));
    std::fflush(stderr);
    return QCoreApplication::exec();
}
