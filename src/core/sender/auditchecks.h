#pragma once

#include "outgoingrequest.h"
#include "requestsender.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace hookbench {

// The endpoint audit's battery ("Check my endpoint", issue 7): what each check sends and how its
// answer is judged. docs/endpoint-audit.md publishes the same table; keep the two in step.

enum class AuditVerdict {
    Pass,
    Warn,    // works with VWO, but should change; does not fail the audit
    Fail,    // breaks delivery or security; fails the audit
    Info,    // reported, never judged (old timestamp)
    Skipped, // not sent: unreachable endpoint, no key given, cancelled
};

enum class AuditCheckKind {
    ValidRequest,
    ResponseTime, // sends nothing: judges the valid request's answer time
    WrongKey,
    MissingHeader,
    MalformedJson,
    EmptyBody,
    WrongMethod,
    OldTimestamp,
    OversizeBody, // last: a receiver may drop the connection over it
};

struct AuditTarget
{
    QUrl url;
    QByteArray key;        // the endpoint's x-vwo-auth secret; empty: the key checks are skipped
    int timeoutMs = 10000; // per request; no complete answer by then is a failure
    // A valid webhook answered later than this gets a warning. VWO does not document its
    // delivery timeout, so this is our threshold, not VWO's. Capped at timeoutMs.
    int slowMs = 3000;
    // Above our own receiver's 1 MiB cap (GateLimits::maxBodyBytes); VWO's payload is ~120 bytes.
    qint64 oversizeBytes = 2 * 1024 * 1024;

    static constexpr qint64 MaxOversizeBytes = 64 * 1024 * 1024;

    // Empty when the audit can run; else one sentence naming the first bad field.
    QString validate() const;
    int effectiveSlowMs() const { return qMin(slowMs, timeoutMs); }
};

struct AuditCheckResult
{
    AuditCheckKind kind = AuditCheckKind::ValidRequest;
    QString id;       // stable, for scripts: "valid-request", "wrong-key", ...
    QString title;    // "Valid webhook with the right key"
    QString expected; // "200", "401 or 403", ...

    // What was sent (the key never appears, not even the wrong one, which is derived from it).
    bool sent = false;
    QByteArray method;
    QStringList notableHeaders; // "x-vwo-auth: the right key (redacted, 64 characters)"
    qint64 bodyBytes = 0;
    QString bodyNote; // "a valid webhook payload", "malformed JSON (cut off mid-object)", ...

    // The answer.
    int status = 0; // 0: no HTTP answer
    QString reason;
    qint64 elapsedMs = 0;
    SendFailure failure = SendFailure::None;
    QString failureText;   // the failure in words, when no answer came
    QString answerExcerpt; // the start of the answer's body on one line, secrets redacted
    QString redirectTarget;

    AuditVerdict verdict = AuditVerdict::Skipped;
    QString advice; // one or two sentences: what was found and what to do

    // "POST, Content-Type: application/json, x-vwo-auth: …; body of 116 bytes (a valid payload)"
    QString sentSummary() const;
    // "200 OK in 12 ms", "no answer: timed out after 10000 ms", "not sent"
    QString answerSummary() const;
};

// "pass", "warn", "fail", "info", "skipped"
QString verdictName(AuditVerdict verdict);
// "116 bytes", "64 KiB", "2 MiB", "1.5 MiB"
QString byteSizeText(qint64 bytes);

// The checks in the order they run.
QList<AuditCheckKind> auditBattery();
// Does the check send a request of its own? (ResponseTime does not.)
bool sendsRequest(AuditCheckKind kind);
// Id, title, expectation and what would be sent; no answer, verdict Skipped.
AuditCheckResult describeCheck(AuditCheckKind kind, const AuditTarget &target);
// The request a check sends; payload timestamps relative to `nowSecs` (Unix seconds).
OutgoingRequest auditRequest(AuditCheckKind kind, const AuditTarget &target, qint64 nowSecs);
// A key of the same length with every character changed: a prefix or length check must not
// pass it.
QByteArray wrongKeyFor(const QByteArray &key);
// `text` with the key and its wrong twin replaced by "REDACTED" (as the settings store does).
QString redactKey(QString text, const QByteArray &key);

// Fills in the answer, verdict and advice of a check that sent its request.
void judgeAnswer(AuditCheckResult *check, const SendResult &answer, const AuditTarget &target);
// ResponseTime, judged from the valid request's answer.
void judgeResponseTime(AuditCheckResult *check, const SendResult &validAnswer,
                       const AuditTarget &target);
// The valid request got no answer because the endpoint cannot be reached at all (refused, DNS,
// TLS, invalid URL): the rest of the battery is not sent.
bool isUnreachable(const SendResult &answer);

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::AuditCheckResult)
