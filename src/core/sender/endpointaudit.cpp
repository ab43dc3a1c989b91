#include "endpointaudit.h"

#include "requestsender.h"

#include <QDateTime>

namespace hookbench {

EndpointAudit::EndpointAudit(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<hookbench::AuditCheckResult>();
    qRegisterMetaType<hookbench::AuditReport>();
}

EndpointAudit::~EndpointAudit()
{
    dropSender();
}

int EndpointAudit::checkCount()
{
    return int(auditBattery().size());
}

bool EndpointAudit::start(const AuditTarget &target)
{
    if (m_running)
        return false;
    m_running = true;
    const quint64 run = ++m_runId;
    m_target = target;
    m_battery = auditBattery();
    m_report = AuditReport();
    m_report.target = redactKey(target.url.toDisplayString(QUrl::RemovePassword), target.key);
    m_report.keyGiven = !target.key.isEmpty();
    m_report.timeoutMs = target.timeoutMs;
    m_report.slowMs = target.effectiveSlowMs();
    m_report.startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();

    if (const QString problem = target.validate(); !problem.isEmpty()) {
        m_report.error = problem;
        // Reported like every other outcome: later, from the event loop.
        QMetaObject::invokeMethod(
            this,
            [this, run, problem] {
                if (run != m_runId || !m_running)
                    return;
                skipRest(QStringLiteral("Not sent: %1.").arg(problem));
                finish();
            },
            Qt::QueuedConnection);
        return true;
    }
    m_sender = new RequestSender(this);
    connect(m_sender, &RequestSender::finished, this, &EndpointAudit::onAnswer);
    runNextLater();
    return true;
}

void EndpointAudit::cancel()
{
    if (!m_running)
        return;
    ++m_runId; // queued calls of this audit are now stale
    const bool inFlight = m_sender && m_sender->isBusy();
    dropSender();
    m_report.canceled = true;
    if (inFlight) {
        AuditCheckResult check = m_current;
        check.verdict = AuditVerdict::Skipped;
        check.advice = QStringLiteral("Cancelled before it was answered.");
        record(check);
    }
    skipRest(QStringLiteral("Not sent: the audit was cancelled."));
    finish();
}

void EndpointAudit::runNext()
{
    const qsizetype index = m_report.checks.size();
    if (index >= m_battery.size())
        return finish();
    const AuditCheckKind kind = m_battery.at(index);
    AuditCheckResult check = describeCheck(kind, m_target);
    const bool needsKey = kind == AuditCheckKind::WrongKey || kind == AuditCheckKind::MissingHeader;
    if (!sendsRequest(kind) || (needsKey && m_target.key.isEmpty())) {
        check.advice = needsKey ? QStringLiteral("Not sent: no key was given. Give the audit the "
                                                 "endpoint's key to check authentication.")
                                : QStringLiteral("Not run.");
        const quint64 run = m_runId;
        record(check);
        if (run == m_runId && m_running)
            runNext(); // a bounded loop: at most the battery's length
        return;
    }
    m_current = check;
    const quint64 run = m_runId;
    Q_EMIT checkStarted(int(index), check.title);
    if (run != m_runId || !m_running)
        return; // cancelled from a slot
    m_sender->send(auditRequest(kind, m_target, QDateTime::currentSecsSinceEpoch()),
                   m_target.timeoutMs);
}

void EndpointAudit::onAnswer(const SendResult &answer)
{
    if (!m_running)
        return;
    AuditCheckResult check = m_current;
    judgeAnswer(&check, answer, m_target);
    const quint64 run = m_runId;
    record(check);
    if (run != m_runId || !m_running)
        return;
    if (check.kind == AuditCheckKind::ValidRequest) {
        if (isUnreachable(answer)) {
            skipRest(answer.failure == SendFailure::InvalidRequest
                         ? QStringLiteral("Not sent: %1.").arg(check.failureText)
                         : QStringLiteral("Not sent: the endpoint could not be reached (%1).")
                               .arg(check.failureText));
            return finish();
        }
        // ResponseTime follows ValidRequest in the battery and judges the same answer.
        AuditCheckResult timing = describeCheck(AuditCheckKind::ResponseTime, m_target);
        judgeResponseTime(&timing, answer, m_target);
        record(timing);
        if (run != m_runId || !m_running)
            return;
    }
    runNextLater();
}

void EndpointAudit::runNextLater()
{
    // From the event loop, not from inside start() or the network reply's signal.
    QMetaObject::invokeMethod(
        this,
        [this, run = m_runId] {
            if (run == m_runId && m_running)
                runNext();
        },
        Qt::QueuedConnection);
}

void EndpointAudit::record(AuditCheckResult result)
{
    const int index = int(m_report.checks.size());
    m_report.checks.append(result);
    Q_EMIT checkFinished(index, result);
}

void EndpointAudit::skipRest(const QString &note)
{
    while (m_report.checks.size() < m_battery.size()) {
        AuditCheckResult check = describeCheck(m_battery.at(m_report.checks.size()), m_target);
        check.advice = note;
        record(check); // a slot may cancel: cancel() completes the list itself
    }
}

void EndpointAudit::finish()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_runId;
    m_report.elapsedMs = m_clock.elapsed();
    dropSender();
    Q_EMIT finished(m_report);
}

void EndpointAudit::dropSender()
{
    if (!m_sender)
        return;
    disconnect(m_sender, nullptr, this, nullptr);
    m_sender->abort(); // reports to nobody now
    // Later: this may run inside the sender's own finished() signal.
    m_sender->deleteLater();
    m_sender = nullptr;
}

} // namespace hookbench
