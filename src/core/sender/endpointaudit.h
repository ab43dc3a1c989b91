#pragma once

#include "auditchecks.h"
#include "auditreport.h"

#include <QElapsedTimer>
#include <QObject>

namespace hookbench {

class RequestSender;

// "Check my endpoint" (issue 7): sends the audit battery (auditchecks.h) to one endpoint, one
// request after another (kinder to the endpoint than a burst), judges each answer and reports
// every check as it is done and the whole report at the end. Runs on the calling thread's event
// loop; nothing blocks.
//
// When the first request cannot reach the endpoint at all (refused, DNS, TLS, invalid URL), that
// check fails with the error in words and the rest are skipped, not sent.
class EndpointAudit : public QObject
{
    Q_OBJECT
public:
    explicit EndpointAudit(QObject *parent = nullptr);
    ~EndpointAudit() override; // stops an audit without reporting it

    // Starts an audit; checkFinished() follows once per check, in order, then finished() once,
    // all from the event loop. Returns false (and reports nothing) while an audit runs. A target
    // validate() refuses is reported through finished() with `error` set and nothing sent.
    bool start(const AuditTarget &target);
    // Stops at once: the request in flight is abandoned, the checks not done are reported as
    // skipped, and finished() (with `canceled` set) is emitted before this returns.
    void cancel();
    bool isRunning() const { return m_running; }

    static int checkCount(); // the battery's size: the rows of a progress view

Q_SIGNALS:
    void checkStarted(int index, const QString &title); // its request goes out now
    void checkFinished(int index, const hookbench::AuditCheckResult &result);
    // Do not delete the audit from a slot connected to this; use deleteLater().
    void finished(const hookbench::AuditReport &report);

private:
    void runNext();
    void runNextLater();
    void onAnswer(const hookbench::SendResult &answer);
    void record(AuditCheckResult result);
    void skipRest(const QString &note);
    void finish();
    void dropSender();

    AuditTarget m_target;
    AuditReport m_report;
    QList<AuditCheckKind> m_battery;
    RequestSender *m_sender = nullptr; // one per audit: a cancelled one can never report late
    AuditCheckResult m_current;        // the check whose request is in flight
    QElapsedTimer m_clock;
    quint64 m_runId = 0; // tells a stale queued call from one of this audit
    bool m_running = false;
};

} // namespace hookbench
