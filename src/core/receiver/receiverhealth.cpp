// Receiver: the health check (GET /healthz), answered at once and never recorded.
#include "receiver.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

namespace hookbench {

namespace {
const QByteArray HealthPath = QByteArrayLiteral("/healthz");
} // namespace

bool Receiver::answerHealthCheck(const RequestHead &head, const Listener *listener,
                                 GateConnection *connection, const QHttpServerRequest &request,
                                 QTcpSocket *socket)
{
    const qsizetype question = head.target.indexOf('?');
    const QByteArray path = question < 0 ? head.target : head.target.left(question);
    if (head.method != "GET" || path != HealthPath || listener != &m_listeners.first())
        return false;
    for (qsizetype index : listener->routes) {
        if (m_routes.at(index).path == QLatin1String(HealthPath))
            return false; // an endpoint chose this path: it is the endpoint's
    }
    QJsonObject body{{QStringLiteral("status"),
                      m_storeError.isEmpty() ? QStringLiteral("ok") : QStringLiteral("failing")},
                     {QStringLiteral("endpoints"), int(m_routes.size())},
                     {QStringLiteral("outstanding"), outstanding()}};
    if (!m_storeError.isEmpty())
        body.insert(QStringLiteral("error"),
                    QString(QStringLiteral("could not store requests: ") + m_storeError));
    connection->holdResponder(
        std::make_unique<QHttpServerResponder>(makeResponder(request, socket)));
    connection->respond(m_storeError.isEmpty() ? 200 : 503,
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
                         {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")}},
                        QJsonDocument(body).toJson(QJsonDocument::Compact), false);
    return true;
}

} // namespace hookbench
