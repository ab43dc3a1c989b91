#pragma once

// Loopback servers for tst_loadrunner: real sockets, no mocks.

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

namespace hookbench {

// A do-nothing QHttpServer route on loopback that counts requests and connections; every
// `failEvery`-th request (if set) answers 500.
class CountingServer
{
public:
    explicit CountingServer(int failEvery = 0)
    {
        QObject::connect(tcp, &QTcpServer::newConnection, [this] { ++connections; });
        http.route(QStringLiteral("/vwo-webhook"), QHttpServerRequest::Method::Post,
                   [this, failEvery](const QHttpServerRequest &request) {
                       ++requests;
                       lastHeaders = request.headers();
                       lastBody = request.body();
                       const bool fail = failEvery > 0 && requests % failEvery == 0;
                       return QHttpServerResponse(
                           QByteArrayLiteral("application/json"),
                           QByteArrayLiteral(R"({"ok":true})"),
                           fail ? QHttpServerResponse::StatusCode::InternalServerError
                                : QHttpServerResponse::StatusCode::Ok);
                   });
        tcp->listen(QHostAddress::LocalHost);
        http.bind(tcp); // takes ownership
    }
    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(scheme + QStringLiteral("://127.0.0.1:%1/vwo-webhook").arg(tcp->serverPort()));
    }
    QHttpServer http;
    QTcpServer *tcp = new QTcpServer; // our own, to count connections
    int requests = 0;
    int connections = 0;
    QList<QPair<QByteArray, QByteArray>> lastHeaders;
    QByteArray lastBody;
};

// A raw loopback server answering each complete request with fixed bytes (never, when empty),
// optionally closing the connection after each answer or instead of one.
class ScriptedServer : public QTcpServer
{
public:
    enum Close { KeepOpen, CloseAfterAnswer };
    explicit ScriptedServer(QByteArray answer, Close close = KeepOpen)
    {
        connect(this, &QTcpServer::newConnection, this, [=] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [=] {
                    m_input[socket] += socket->readAll();
                    QByteArray &input = m_input[socket];
                    while (takeRequest(input)) {
                        ++requests;
                        if (answer.isEmpty())
                            continue;
                        socket->write(answer);
                        if (close == CloseAfterAnswer)
                            socket->disconnectFromHost();
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(serverPort())); }
    int requests = 0;
    int connections = 0;

private:
    static bool takeRequest(QByteArray &input)
    {
        const qsizetype headEnd = input.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const qsizetype at = input.toLower().indexOf("content-length: ");
        const qsizetype length =
            at < 0 ? 0 : input.mid(at + 16, 10).split('\r').first().toLongLong();
        if (input.size() < headEnd + 4 + length)
            return false;
        input.remove(0, headEnd + 4 + length);
        return true;
    }
    QHash<QTcpSocket *, QByteArray> m_input;
};

} // namespace hookbench
