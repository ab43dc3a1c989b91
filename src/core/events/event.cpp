#include "event.h"

#include <QJsonArray>

namespace hookbench {

QString authOutcomeName(AuthOutcome outcome)
{
    switch (outcome) {
    case AuthOutcome::Ok:
        return QStringLiteral("ok");
    case AuthOutcome::Failed:
        return QStringLiteral("failed");
    case AuthOutcome::Missing:
        return QStringLiteral("missing");
    case AuthOutcome::NotRequired:
        break;
    }
    return QStringLiteral("not_required");
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

QJsonObject Event::toJson() const
{
    QJsonArray headerArray;
    for (const auto &header : headers) {
        const bool secret = header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
        headerArray.append(
            QJsonArray{QString::fromLatin1(header.first),
                       secret ? QStringLiteral("[redacted]") : QString::fromLatin1(header.second)});
    }
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("received_at"), receivedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("endpoint"), endpoint},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("path"), QString::fromUtf8(path)},
        {QStringLiteral("query"), QString::fromUtf8(query)},
        {QStringLiteral("status"), status},
        {QStringLiteral("auth"), authOutcomeName(auth)},
        {QStringLiteral("valid"), valid},
        {QStringLiteral("remote_address"), remoteAddress},
        {QStringLiteral("remote_port"), remotePort},
        {QStringLiteral("size"), size},
        {QStringLiteral("handling_us"), handlingMicros},
        {QStringLiteral("headers"), headerArray},
        {QStringLiteral("body"), QString::fromUtf8(body)},
    };
    if (!keyId.isEmpty())
        json.insert(QStringLiteral("key_id"), keyId);
    if (!valid || !error.isEmpty())
        json.insert(QStringLiteral("error"), error);
    return json;
}

} // namespace hookbench
