#include "event.h"

#include "jsonwriter.h"

namespace hookbench {

QByteArray authOutcomeKey(AuthOutcome outcome)
{
    switch (outcome) {
    case AuthOutcome::Ok:
        return QByteArrayLiteral("ok");
    case AuthOutcome::Failed:
        return QByteArrayLiteral("failed");
    case AuthOutcome::Missing:
        return QByteArrayLiteral("missing");
    case AuthOutcome::NotRequired:
        break;
    }
    return QByteArrayLiteral("not_required");
}

QString authOutcomeName(AuthOutcome outcome)
{
    return QString::fromLatin1(authOutcomeKey(outcome));
}

AuthOutcome authOutcomeFromName(const QString &name, bool *ok)
{
    static const AuthOutcome all[] = {AuthOutcome::NotRequired, AuthOutcome::Ok,
                                      AuthOutcome::Failed, AuthOutcome::Missing};
    for (AuthOutcome outcome : all) {
        if (authOutcomeName(outcome) == name) {
            if (ok)
                *ok = true;
            return outcome;
        }
    }
    if (ok)
        *ok = false;
    return AuthOutcome::NotRequired;
}

QByteArray Event::headerValue(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray Event::toJsonLine() const
{
    JsonWriter json;
    json.beginObject();
    json.key("id").value(id);
    json.key("received_at").utcTimestamp(receivedAt.toMSecsSinceEpoch());
    json.key("endpoint").value(endpoint);
    json.key("method").latin1(method);
    json.key("path").utf8(path);
    json.key("query").utf8(query);
    json.key("status").value(qint64(status));
    json.key("auth").value(authOutcomeName(auth));
    json.key("valid").value(valid);
    if (!valid || !error.isEmpty())
        json.key("error").value(error);
    if (!keyId.isEmpty())
        json.key("key_id").value(keyId);
    json.key("remote_address").value(remoteAddress);
    json.key("remote_port").value(qint64(remotePort));
    json.key("size").value(size);
    json.key("handling_us").value(handlingMicros);
    if (deliveryOf != 0)
        json.key("delivery_of").value(deliveryOf);
    if (starred)
        json.key("starred").value(true);
    json.key("headers").beginArray();
    for (const auto &header : headers) {
        const bool secret = header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
        json.beginArray().latin1(header.first);
        if (secret)
            json.latin1("[redacted]");
        else
            json.latin1(header.second);
        json.endArray();
    }
    json.endArray();
    json.key("body").utf8(body);
    if (forwardState != ForwardState::None) {
        // Only forwarded events have it, so other lines stay as they were.
        json.key("forward").beginObject();
        json.key("url").value(forward.url);
        json.key("follow").value(forward.followed);
        json.key("state").latin1(forwardState == ForwardState::Pending ? "pending" : "done");
        if (forwardState == ForwardState::Done) {
            json.key("status").value(qint64(forward.status));
            if (!forward.error.isEmpty())
                json.key("error").value(forward.error);
            json.key("elapsed_ms").value(forward.elapsedMs);
            json.key("headers").beginArray();
            for (const auto &header : forward.headers)
                json.beginArray().latin1(header.first).latin1(header.second).endArray();
            json.endArray();
            json.key("body").utf8(forward.body);
            if (forward.bodyTruncated)
                json.key("body_truncated").value(true);
        }
        json.endObject();
    }
    json.endObject();
    return json.take();
}

} // namespace hookbench
