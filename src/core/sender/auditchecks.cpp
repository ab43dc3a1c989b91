#include "auditchecks.h"

#include <QDateTime>

namespace hookbench {

namespace {

const QByteArray AuthHeader = QByteArrayLiteral("x-vwo-auth");
const QByteArray JsonType = QByteArrayLiteral("application/json");
// So that the endpoint's owner can tell the audit from VWO in their logs.
const QByteArray UserAgent = QByteArrayLiteral("Hookbench endpoint audit");
constexpr qint64 OldTimestampAgeSecs = 2 * 60 * 60; // well past VWO's hour of retries

QByteArray payloadHead(qint64 timestamp)
{
    return "{\"timestamp\": " + QByteArray::number(timestamp) +
           ", \"event\": \"settings_changed\", \"action\": \"campaign_settings_changed\", "
           "\"triggered_by\": \"vwo\"";
}

QByteArray validPayload(qint64 timestamp)
{
    return payloadHead(timestamp) + '}';
}

// A valid payload padded with an unknown field to exactly `size` bytes (when it fits): only the
// size is wrong, so a receiver that parses it cannot refuse it for anything else.
QByteArray oversizePayload(qint64 timestamp, qint64 size)
{
    QByteArray body = payloadHead(timestamp) + ", \"padding\": \"";
    const qint64 fill = size - body.size() - 2;
    if (fill > 0)
        body += QByteArray(fill, 'x');
    return body + "\"}";
}

QString keyHeaderNote(AuditCheckKind kind, const QByteArray &key)
{
    switch (kind) {
    case AuditCheckKind::WrongKey:
        return QStringLiteral("x-vwo-auth: a wrong key of the same length (every character "
                              "changed)");
    case AuditCheckKind::MissingHeader:
        return QStringLiteral("no x-vwo-auth header");
    default:
        break;
    }
    if (key.isEmpty())
        return QStringLiteral("no x-vwo-auth header (no key given)");
    return QStringLiteral("x-vwo-auth: the right key (redacted, %1 characters)").arg(key.size());
}

} // namespace

QString AuditTarget::validate() const
{
    if (url.isEmpty())
        return QStringLiteral("URL: empty");
    if (timeoutMs <= 0)
        return QStringLiteral("Timeout: must be at least 1 ms");
    if (slowMs <= 0)
        return QStringLiteral("Slow threshold: must be at least 1 ms");
    if (oversizeBytes < 64 * 1024 || oversizeBytes > MaxOversizeBytes)
        return QStringLiteral("Oversize body: must be between 64 KiB and 64 MiB");
    return {}; // the URL's own problems come from OutgoingRequest::validate(), as a failed check
}

QString verdictName(AuditVerdict verdict)
{
    switch (verdict) {
    case AuditVerdict::Pass:
        return QStringLiteral("pass");
    case AuditVerdict::Warn:
        return QStringLiteral("warn");
    case AuditVerdict::Fail:
        return QStringLiteral("fail");
    case AuditVerdict::Info:
        return QStringLiteral("info");
    case AuditVerdict::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

QString byteSizeText(qint64 bytes)
{
    if (bytes < 10 * 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    const bool mebibytes = bytes >= 1024 * 1024;
    const double value = double(bytes) / (mebibytes ? 1024.0 * 1024.0 : 1024.0);
    return QString::number(value, 'g', 3) +
           (mebibytes ? QStringLiteral(" MiB") : QStringLiteral(" KiB"));
}

QList<AuditCheckKind> auditBattery()
{
    return {
        AuditCheckKind::ValidRequest,  AuditCheckKind::ResponseTime,  AuditCheckKind::WrongKey,
        AuditCheckKind::MissingHeader, AuditCheckKind::MalformedJson, AuditCheckKind::EmptyBody,
        AuditCheckKind::WrongMethod,   AuditCheckKind::OldTimestamp,  AuditCheckKind::OversizeBody};
}

bool sendsRequest(AuditCheckKind kind)
{
    return kind != AuditCheckKind::ResponseTime;
}

QByteArray wrongKeyFor(const QByteArray &key)
{
    QByteArray wrong = key;
    for (char &c : wrong) {
        // Stay within the same character class, so a format check cannot tell it apart.
        if (c >= '0' && c <= '9')
            c = char('0' + (c - '0' + 5) % 10);
        else if (c >= 'a' && c <= 'z')
            c = char('a' + (c - 'a' + 13) % 26);
        else if (c >= 'A' && c <= 'Z')
            c = char('A' + (c - 'A' + 13) % 26);
        else
            c = c == 'x' ? 'y' : 'x';
    }
    return wrong;
}

QString redactKey(QString text, const QByteArray &key)
{
    if (key.isEmpty())
        return text;
    const QString redacted = QStringLiteral("REDACTED");
    for (const QByteArray &secret : {key, wrongKeyFor(key)}) {
        text.replace(QString::fromUtf8(secret), redacted);
        text.replace(QString::fromLatin1(secret.toPercentEncoding()), redacted);
    }
    return text;
}

OutgoingRequest auditRequest(AuditCheckKind kind, const AuditTarget &target, qint64 nowSecs)
{
    OutgoingRequest request;
    request.url = target.url;
    request.headers.append({QByteArrayLiteral("User-Agent"), UserAgent});
    if (kind != AuditCheckKind::WrongMethod)
        request.headers.append({QByteArrayLiteral("Content-Type"), JsonType});
    if (kind == AuditCheckKind::WrongKey)
        request.headers.append({AuthHeader, wrongKeyFor(target.key)});
    else if (kind != AuditCheckKind::MissingHeader && !target.key.isEmpty())
        request.headers.append({AuthHeader, target.key});

    switch (kind) {
    case AuditCheckKind::ValidRequest:
    case AuditCheckKind::ResponseTime:
    case AuditCheckKind::WrongKey:
    case AuditCheckKind::MissingHeader:
        request.body = validPayload(nowSecs);
        break;
    case AuditCheckKind::MalformedJson:
        request.body = payloadHead(nowSecs) + ", \"padding\": "; // cut off mid-object
        break;
    case AuditCheckKind::EmptyBody:
        break;
    case AuditCheckKind::WrongMethod:
        request.method = QByteArrayLiteral("GET");
        break;
    case AuditCheckKind::OldTimestamp:
        request.body = validPayload(nowSecs - OldTimestampAgeSecs);
        break;
    case AuditCheckKind::OversizeBody:
        request.body = oversizePayload(nowSecs, target.oversizeBytes);
        break;
    }
    return request;
}

AuditCheckResult describeCheck(AuditCheckKind kind, const AuditTarget &target)
{
    AuditCheckResult check;
    check.kind = kind;
    switch (kind) {
    case AuditCheckKind::ValidRequest:
        check.id = QStringLiteral("valid-request");
        check.title = QStringLiteral("Valid webhook with the right key");
        check.expected = QStringLiteral("200");
        check.bodyNote = QStringLiteral("a valid webhook payload, timestamp now");
        break;
    case AuditCheckKind::ResponseTime:
        check.id = QStringLiteral("response-time");
        check.title = QStringLiteral("Answer time of the valid webhook");
        check.expected = QStringLiteral("an answer within %1 ms").arg(target.effectiveSlowMs());
        return check; // sends nothing of its own
    case AuditCheckKind::WrongKey:
        check.id = QStringLiteral("wrong-key");
        check.title = QStringLiteral("Wrong x-vwo-auth key");
        check.expected = QStringLiteral("401 or 403");
        check.bodyNote = QStringLiteral("a valid webhook payload");
        break;
    case AuditCheckKind::MissingHeader:
        check.id = QStringLiteral("missing-header");
        check.title = QStringLiteral("No x-vwo-auth header");
        check.expected = QStringLiteral("401 or 403");
        check.bodyNote = QStringLiteral("a valid webhook payload");
        break;
    case AuditCheckKind::MalformedJson:
        check.id = QStringLiteral("malformed-json");
        check.title = QStringLiteral("Malformed JSON body");
        check.expected = QStringLiteral("400 (another 4xx passes)");
        check.bodyNote = QStringLiteral("JSON cut off mid-object");
        break;
    case AuditCheckKind::EmptyBody:
        check.id = QStringLiteral("empty-body");
        check.title = QStringLiteral("Empty body");
        check.expected = QStringLiteral("400 (another 4xx passes)");
        check.bodyNote = QStringLiteral("empty");
        break;
    case AuditCheckKind::WrongMethod:
        check.id = QStringLiteral("wrong-method");
        check.title = QStringLiteral("GET instead of POST");
        check.expected = QStringLiteral("405 or 404");
        check.bodyNote = QStringLiteral("none");
        break;
    case AuditCheckKind::OldTimestamp:
        check.id = QStringLiteral("old-timestamp");
        check.title = QStringLiteral("Timestamp 2 hours old");
        check.expected = QStringLiteral("any answer (informational)");
        check.bodyNote = QStringLiteral("a valid webhook payload, timestamp 2 hours ago");
        break;
    case AuditCheckKind::OversizeBody:
        check.id = QStringLiteral("oversize-body");
        check.title = QStringLiteral("Oversized body");
        check.expected = QStringLiteral("413 (another 4xx passes)");
        check.bodyNote = QStringLiteral("a valid payload padded with an unknown field");
        break;
    }
    const OutgoingRequest request = auditRequest(kind, target, QDateTime::currentSecsSinceEpoch());
    check.method = request.method;
    if (kind != AuditCheckKind::WrongMethod)
        check.notableHeaders << QStringLiteral("Content-Type: application/json");
    if (!(kind == AuditCheckKind::WrongKey || kind == AuditCheckKind::MissingHeader) ||
        !target.key.isEmpty())
        check.notableHeaders << keyHeaderNote(kind, target.key);
    check.bodyBytes = request.body.size();
    return check;
}

QString AuditCheckResult::sentSummary() const
{
    if (kind == AuditCheckKind::ResponseTime)
        return QStringLiteral("nothing of its own: times the valid webhook's answer");
    QStringList parts;
    parts << QString::fromLatin1(method);
    parts << notableHeaders;
    QString summary = parts.join(QLatin1String(", "));
    if (bodyBytes > 0)
        summary += QStringLiteral("; body of %1 (%2)").arg(byteSizeText(bodyBytes), bodyNote);
    else
        summary += QStringLiteral("; no body");
    return summary;
}

QString AuditCheckResult::answerSummary() const
{
    const bool timed = kind == AuditCheckKind::ResponseTime && verdict != AuditVerdict::Skipped;
    if (!sent && !timed)
        return failureText.isEmpty() ? QStringLiteral("not sent")
                                     : QStringLiteral("not sent: %1").arg(failureText);
    if (status == 0)
        return QStringLiteral("no answer: %1").arg(failureText);
    QString summary = QStringLiteral("%1 %2").arg(QString::number(status), reason).trimmed();
    summary += QStringLiteral(" in %1 ms").arg(elapsedMs);
    if (!redirectTarget.isEmpty())
        summary += QStringLiteral(", redirecting to %1").arg(redirectTarget);
    return summary;
}

} // namespace hookbench
