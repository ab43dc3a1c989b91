// Receiver: passing webhooks on to an endpoint's forward URL (issue 8).
#include "receiver.h"

#include "httpstatus.h"

namespace hookbench {

namespace {
const HeaderList JsonHeaders = {
    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
} // namespace

void Receiver::startForward(const Answer &answer, qint64 eventId)
{
    ForwardRequest request = answer.forward;
    request.eventId = eventId;
    const bool follow = request.target.followAnswer;
    const QPointer<GateConnection> connection = answer.connection;
    const int ownStatus = answer.status;
    m_forwarder->forward(
        request, [this, eventId, follow, connection, ownStatus](const ForwardResult &appAnswer) {
            ForwardResult result = appAnswer;
            result.followed = follow;
            result.answeredStatus = follow ? answerAsApp(connection, result) : ownStatus;
            Q_EMIT forwardFinished(eventId, result, result.answeredStatus);
        });
}

int Receiver::answerAsApp(GateConnection *connection, const ForwardResult &result)
{
    if (!connection)
        return 0; // VWO hung up while the app was thinking: nothing was sent
    if (!result.answered()) {
        connection->respond(
            502, JsonHeaders,
            errorBody(QStringLiteral("forward to %1 failed: %2").arg(result.url, result.error)),
            false);
        return 502;
    }
    // VWO looks at the status only; the body is the app's, up to ForwardResult::MaxBodyBytes.
    HeaderList headers;
    for (const auto &header : result.headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            headers.append(header);
    }
    connection->respond(result.status, headers, result.body, false);
    return result.status;
}

} // namespace hookbench
