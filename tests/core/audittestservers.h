#pragma once

// Loopback test receivers for tst_endpointaudit: QHttpServer routes with a policy each, real
// sockets, no mocks.

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QUrl>

#include <functional>

namespace hookbench::audittest {

// The key every test receiver and audit here uses.
inline const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
inline const QString Path = QStringLiteral("/vwo-webhook");
using Status = QHttpServerResponse::StatusCode;

inline QByteArray headerValue(const QHttpServerRequest &request, QByteArrayView name, bool *present)
{
    for (const auto &[headerName, value] : request.headers()) {
        if (headerName.compare(name, Qt::CaseInsensitive) == 0) {
            *present = true;
            return value;
        }
    }
    *present = false;
    return {};
}

// A QHttpServer test receiver on loopback: every request to `Path`, whatever its method, goes
// to `policy`.
class TestServer
{
public:
    using Policy = std::function<QHttpServerResponse(const QHttpServerRequest &)>;
    explicit TestServer(Policy policy)
    {
        m_http.route(Path, QHttpServerRequest::Method::AnyKnown,
                     [this, policy](const QHttpServerRequest &request) {
                         ++requests;
                         return policy(request);
                     });
        m_port = m_http.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port) + Path); }
    int requests = 0;

private:
    QHttpServer m_http;
    quint16 m_port = 0;
};

// Answers 200 to everything, like a receiver that never looks at the request.
inline QHttpServerResponse lenient(const QHttpServerRequest &)
{
    return QHttpServerResponse(QByteArrayLiteral("ok"));
}

// VWO's Python sample: refuses a wrong key, skips authentication when the header is missing.
inline QHttpServerResponse sampleStyle(const QHttpServerRequest &request)
{
    bool present = false;
    const QByteArray key = headerValue(request, "x-vwo-auth", &present);
    if (present && key != Key)
        return QHttpServerResponse(Status::Unauthorized);
    return QHttpServerResponse(QByteArrayLiteral("{\"status\": \"success\"}"));
}

// Checks method, size, key and JSON, in that order.
inline QHttpServerResponse strict(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return QHttpServerResponse(Status::MethodNotAllowed);
    if (request.body().size() > 64 * 1024)
        return QHttpServerResponse(Status::PayloadTooLarge);
    bool present = false;
    if (headerValue(request, "x-vwo-auth", &present) != Key || !present)
        return QHttpServerResponse(Status::Unauthorized);
    if (!QJsonDocument::fromJson(request.body()).isObject())
        return QHttpServerResponse(Status::BadRequest);
    return QHttpServerResponse(QByteArrayLiteral("{\"ok\": true}"));
}

// Answers 200 with markup, table breakers and the x-vwo-auth it got.
inline QHttpServerResponse hostile(const QHttpServerRequest &request)
{
    bool present = false;
    const QByteArray echoed = headerValue(request, "x-vwo-auth", &present);
    return QHttpServerResponse(
        QByteArrayLiteral("text/html"),
        "<script>alert(1)</script> | **x** [a](javascript:b)\n| key=" + echoed + " &amp; `tick`");
}

} // namespace hookbench::audittest
