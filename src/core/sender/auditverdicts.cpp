// The endpoint audit's verdict rules (declared in auditchecks.h): how each check's answer is
// judged, and the advice given. docs/endpoint-audit.md publishes them; keep the two in step.

#include "auditchecks.h"

#include <utility>

namespace hookbench {

namespace {

using Judgement = std::pair<AuditVerdict, QString>;
constexpr int ExcerptChars = 160;

bool inRange(int status, int low, int high)
{
    return status >= low && status <= high;
}

QString number(qint64 value)
{
    return QString::number(value);
}

// The start of an answer's body on one line, for the report; secrets redacted before cutting,
// so a key straddling the cut cannot leave a piece behind.
QString excerpt(const QByteArray &body, const QByteArray &key)
{
    QString text = QString::fromUtf8(body);
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = QLatin1Char(' ');
    }
    text = redactKey(text.simplified(), key);
    if (text.size() > ExcerptChars)
        text = text.left(ExcerptChars - 1) + QChar(0x2026);
    return text;
}

Judgement judgeValid(const SendResult &answer, const AuditTarget &target)
{
    if (answer.failure == SendFailure::Timeout)
        return {AuditVerdict::Fail,
                QStringLiteral("No answer within %1 ms: VWO gets no 200, so it retries every "
                               "1-2 s for an hour. Answer 200 at once and fetch the settings "
                               "file after answering.")
                    .arg(target.timeoutMs)};
    if (answer.failure == SendFailure::ConnectionClosed)
        return {AuditVerdict::Fail,
                QStringLiteral("Closed the connection without answering: VWO gets no 200, so it "
                               "retries every 1-2 s for an hour. Answer 200.")};
    if (answer.failure == SendFailure::InvalidRequest)
        return {AuditVerdict::Fail, QStringLiteral("Not sent: %1.").arg(answer.error)};
    if (!answer.answered())
        return {AuditVerdict::Fail, QStringLiteral("Cannot reach the endpoint: %1. Check the URL, "
                                                   "that the receiver runs and that this machine "
                                                   "can reach it.")
                                        .arg(answer.error)};
    const int status = answer.status;
    if (status == 200)
        return {AuditVerdict::Pass, QStringLiteral("VWO counts this answer as delivered.")};
    if (inRange(status, 201, 299))
        return {AuditVerdict::Warn,
                QStringLiteral("VWO retries anything but 200 (its docs say), so a %1 may be "
                               "retried every 1-2 s for an hour: answer 200.")
                    .arg(status)};
    if (inRange(status, 300, 399))
        return {AuditVerdict::Fail,
                QStringLiteral("Redirects instead of answering, and VWO retries anything but 200: "
                               "configure the final URL (e.g. https) in VWO.")};
    if ((status == 401 || status == 403) && target.key.isEmpty())
        return {AuditVerdict::Fail,
                QStringLiteral("The endpoint wants a key: give the audit the endpoint's key.")};
    if (status == 401 || status == 403)
        return {AuditVerdict::Fail,
                QStringLiteral("Refuses the right key: make sure the endpoint compares with the "
                               "key VWO sends (no extra spaces or quotes).")};
    if (status == 404)
        return {AuditVerdict::Fail, QStringLiteral("Nothing answers at this path: check the URL. "
                                                   "VWO posts to exactly the URL configured.")};
    if (status == 405)
        return {AuditVerdict::Fail,
                QStringLiteral("Does not accept POST here, and VWO sends webhooks as POST.")};
    if (status == 413)
        return {AuditVerdict::Fail,
                QStringLiteral("Refuses VWO's small payload as too large: raise the limit.")};
    if (inRange(status, 400, 499))
        return {AuditVerdict::Fail,
                QStringLiteral("Refuses a valid VWO webhook, and VWO retries anything but 200 "
                               "for an hour: accept the payload described in the docs.")};
    if (inRange(status, 500, 599))
        return {AuditVerdict::Fail,
                QStringLiteral("Server error on a valid webhook; VWO retries for an hour. Check "
                               "the endpoint's logs.")};
    return {AuditVerdict::Fail, QStringLiteral("VWO counts only 200 as delivered: answer 200.")};
}

Judgement judgeAuth(AuditCheckKind kind, const SendResult &answer)
{
    const bool wrongKey = kind == AuditCheckKind::WrongKey;
    const QString what = wrongKey ? QStringLiteral("a wrong x-vwo-auth")
                                  : QStringLiteral("requests without x-vwo-auth");
    const int status = answer.status;
    if (!answer.answered()) {
        if (wrongKey && answer.failure == SendFailure::Timeout)
            return {AuditVerdict::Warn,
                    QStringLiteral("Never answers a wrong x-vwo-auth — VWO's Node.js sample does "
                                   "this (it returns without responding), which holds "
                                   "connections open: answer 401.")};
        return {AuditVerdict::Warn, QStringLiteral("No answer to %1 (%2): answer 401 so the "
                                                   "refusal is clear and the connection closes.")
                                        .arg(what, answer.error)};
    }
    if (status == 401 || status == 403)
        return {AuditVerdict::Pass, QStringLiteral("Refuses %1, as it should.").arg(what)};
    if (inRange(status, 200, 299) && wrongKey)
        return {AuditVerdict::Fail,
                QStringLiteral("Accepts a wrong x-vwo-auth: anyone who knows the URL can trigger "
                               "it. Compare the header with your key (in constant time) and "
                               "answer 401.")};
    if (inRange(status, 200, 299))
        return {AuditVerdict::Fail,
                QStringLiteral("Accepts requests without x-vwo-auth — VWO's sample receivers do "
                               "this (they skip authentication when the header is missing); "
                               "answer 401.")};
    if (inRange(status, 300, 399))
        return {AuditVerdict::Warn,
                QStringLiteral("Redirects %1 instead of refusing them: answer 401.").arg(what)};
    if (inRange(status, 400, 499))
        return {AuditVerdict::Warn,
                QStringLiteral("Refuses %1, but with %2: answer 401 so a sender can tell a bad "
                               "key from a bad request.")
                    .arg(what, number(status))};
    return {AuditVerdict::Warn,
            QStringLiteral("Answers %1 with %2: the key check may be throwing. Answer 401.")
                .arg(what, number(status))};
}

Judgement judgeBadBody(AuditCheckKind kind, const SendResult &answer)
{
    const QString what = kind == AuditCheckKind::MalformedJson ? QStringLiteral("malformed JSON")
                                                               : QStringLiteral("an empty body");
    const int status = answer.status;
    if (!answer.answered())
        return {AuditVerdict::Warn,
                QStringLiteral("No answer to %1 (%2): the handler may hang on it. Answer 400.")
                    .arg(what, answer.error)};
    if (status == 400 || status == 422)
        return {AuditVerdict::Pass, QStringLiteral("Refuses %1, as it should.").arg(what)};
    if (status == 401 || status == 403)
        return {AuditVerdict::Warn,
                QStringLiteral("Refuses %1 with %2 although the key was right: answer 400 for a "
                               "bad body so a sender can tell it from a bad key.")
                    .arg(what, number(status))};
    if (inRange(status, 400, 499))
        return {AuditVerdict::Pass,
                QStringLiteral("Refuses %1 (400 is the usual answer).").arg(what)};
    if (inRange(status, 200, 299))
        return {AuditVerdict::Warn,
                QStringLiteral("Accepts %1: it probably does not read the body, which is harmless "
                               "for VWO's payload, but answer 400 so a broken sender notices.")
                    .arg(what)};
    if (inRange(status, 500, 599))
        return {AuditVerdict::Warn,
                QStringLiteral("Server error on %1: the parse error escapes the handler. Catch it "
                               "and answer 400.")
                    .arg(what)};
    return {AuditVerdict::Warn,
            QStringLiteral("Answers %1 with %2: answer 400.").arg(what, number(status))};
}

Judgement judgeWrongMethod(const SendResult &answer)
{
    const int status = answer.status;
    if (!answer.answered())
        return {AuditVerdict::Warn,
                QStringLiteral("No answer to GET (%1): answer 405 with Allow: POST.")
                    .arg(answer.error)};
    if (status == 404 || status == 405)
        return {AuditVerdict::Pass, QStringLiteral("Refuses GET, as it should.")};
    if (inRange(status, 400, 499))
        return {AuditVerdict::Pass, QStringLiteral("Refuses GET (405 with Allow: POST says why).")};
    if (inRange(status, 200, 299))
        return {AuditVerdict::Warn,
                QStringLiteral("Answers GET with %1: only a POST from VWO should trigger a "
                               "settings refetch, and link checkers and crawlers send GET. Answer "
                               "405 with Allow: POST.")
                    .arg(status)};
    return {AuditVerdict::Warn,
            QStringLiteral("Answers GET with %1: answer 405 with Allow: POST.").arg(status)};
}

Judgement judgeOldTimestamp(const SendResult &answer)
{
    const QString retries = QStringLiteral("VWO retries the same payload for an hour; do not "
                                           "reject on age alone.");
    if (!answer.answered())
        return {AuditVerdict::Info, QStringLiteral("No answer (%1). ").arg(answer.error) + retries};
    if (inRange(answer.status, 200, 299))
        return {AuditVerdict::Info,
                QStringLiteral("Accepts a payload stamped 2 hours ago, which is fine: ") + retries};
    if (inRange(answer.status, 400, 499))
        return {AuditVerdict::Info, QStringLiteral("Refuses a payload stamped 2 hours ago. ") +
                                        retries +
                                        QStringLiteral(" If you must, allow well over an hour.")};
    return {AuditVerdict::Info, retries};
}

Judgement judgeOversize(const SendResult &answer, const AuditTarget &target)
{
    const QString size = byteSizeText(target.oversizeBytes);
    const int status = answer.status;
    if (answer.failure == SendFailure::ConnectionClosed)
        return {AuditVerdict::Pass,
                QStringLiteral("Closes the connection on a %1 body, so bodies are bounded; "
                               "answering 413 first would tell the sender why.")
                    .arg(size)};
    if (!answer.answered())
        return {AuditVerdict::Warn,
                QStringLiteral("No answer to a %1 body (%2): cap the body and answer 413.")
                    .arg(size, answer.error)};
    if (status == 413)
        return {AuditVerdict::Pass, QStringLiteral("Refuses a %1 body, as it should.").arg(size)};
    if (inRange(status, 400, 499))
        return {AuditVerdict::Pass, QStringLiteral("Refuses a %1 body (413 says why).").arg(size)};
    if (inRange(status, 200, 299))
        return {AuditVerdict::Warn,
                QStringLiteral("Reads unbounded bodies: accepted %1, while VWO's payload is "
                               "about 120 bytes. Cap the body (64 KiB is plenty) and answer 413.")
                    .arg(size)};
    return {AuditVerdict::Warn,
            QStringLiteral("Answers a %1 body with %2: cap the body and answer 413.")
                .arg(size, number(status))};
}

} // namespace

bool isUnreachable(const SendResult &answer)
{
    switch (answer.failure) {
    case SendFailure::InvalidRequest:
    case SendFailure::ConnectionRefused:
    case SendFailure::HostNotFound:
    case SendFailure::Tls:
    case SendFailure::Other:
        return true;
    default:
        return false; // an answer, a timeout or a closed connection: something is there
    }
}

void judgeAnswer(AuditCheckResult *check, const SendResult &answer, const AuditTarget &target)
{
    check->sent = answer.failure != SendFailure::InvalidRequest;
    check->status = answer.status;
    check->reason = redactKey(QString::fromUtf8(answer.reason), target.key);
    check->elapsedMs = answer.elapsedMs;
    check->failure = answer.failure;
    check->failureText = redactKey(answer.error, target.key);
    check->answerExcerpt = excerpt(answer.body, target.key);
    if (answer.redirectTarget.isValid())
        check->redirectTarget =
            redactKey(answer.redirectTarget.toDisplayString(QUrl::RemovePassword), target.key);

    Judgement judgement;
    switch (check->kind) {
    case AuditCheckKind::ValidRequest:
    case AuditCheckKind::ResponseTime:
        judgement = judgeValid(answer, target);
        break;
    case AuditCheckKind::WrongKey:
    case AuditCheckKind::MissingHeader:
        judgement = judgeAuth(check->kind, answer);
        break;
    case AuditCheckKind::MalformedJson:
    case AuditCheckKind::EmptyBody:
        judgement = judgeBadBody(check->kind, answer);
        break;
    case AuditCheckKind::WrongMethod:
        judgement = judgeWrongMethod(answer);
        break;
    case AuditCheckKind::OldTimestamp:
        judgement = judgeOldTimestamp(answer);
        break;
    case AuditCheckKind::OversizeBody:
        judgement = judgeOversize(answer, target);
        break;
    }
    check->verdict = judgement.first;
    check->advice = redactKey(judgement.second, target.key);
}

void judgeResponseTime(AuditCheckResult *check, const SendResult &validAnswer,
                       const AuditTarget &target)
{
    check->status = validAnswer.status;
    check->reason = redactKey(QString::fromUtf8(validAnswer.reason), target.key);
    check->elapsedMs = validAnswer.elapsedMs;
    check->failure = validAnswer.failure;
    check->failureText = redactKey(validAnswer.error, target.key);
    const QString undocumented = QStringLiteral("VWO does not document how long it waits");
    if (validAnswer.failure == SendFailure::Timeout) {
        check->verdict = AuditVerdict::Fail;
        check->advice =
            QStringLiteral("No answer within %1 ms (%2): without a 200, VWO retries for an "
                           "hour. Answer 200 at once, then fetch the settings file.")
                .arg(number(target.timeoutMs), undocumented);
    } else if (!validAnswer.answered()) {
        check->verdict = AuditVerdict::Skipped;
        check->advice = QStringLiteral("No answer to time: see the valid webhook check.");
    } else if (validAnswer.elapsedMs > target.effectiveSlowMs()) {
        check->verdict = AuditVerdict::Warn;
        check->advice = QStringLiteral("Slower than %1 ms, and %2: answer 200 first and fetch the "
                                       "settings file after answering.")
                            .arg(number(target.effectiveSlowMs()), undocumented);
    } else {
        check->verdict = AuditVerdict::Pass;
        check->advice = QStringLiteral("Within %1 ms (our threshold; %2).")
                            .arg(number(target.effectiveSlowMs()), undocumented);
    }
}

} // namespace hookbench
