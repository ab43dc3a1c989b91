#pragma once

#include "sender/retrysession.h"
#include "sendmodepage.h"

class QLabel;
class QSpinBox;
class QTableWidget;

namespace hookbench {

class SendResultView;

// "Once" and "As VWO": one attempt, or VWO's retries (again every 1 to 2 s until a 200 or
// the window ends) with a live line and the attempts table filling as they finish. Below, the
// last answer: status, headers, body.
class SendRetryView : public SendModePage
{
    Q_OBJECT
public:
    explicit SendRetryView(RetryPolicy policy, QWidget *parent = nullptr);

    bool start(const OutgoingRequest &request) override;
    void cancel() override;
    bool isRunning() const override;

    // For tests: waits between attempts and the window, normally 1-2 s and the spin box's.
    void setWaitsMs(int minMs, int maxMs);
    void setWindowMs(qint64 windowMs);
    QString liveText() const;
    QTableWidget *attemptsTable() const { return m_attempts; }
    SendResultView *resultView() const { return m_result; }

private:
    void onProgress(int attempt, qint64 elapsedMs, qint64 nextRetryInMs);
    void onAttemptFinished(const RetryAttempt &attempt);
    void onFinished(const RetryOutcome &outcome);
    QString endText(const RetryOutcome &outcome) const;

    RetryPolicy m_policy;
    RetrySession *m_session;
    QSpinBox *m_window = nullptr; // Vwo only: minutes
    QSpinBox *m_timeout;
    QLabel *m_live = nullptr;
    QTableWidget *m_attempts = nullptr;
    SendResultView *m_result;
    OutgoingRequest m_request;
    QDateTime m_startedAt;
    qint64 m_windowOverrideMs = 0;
    int m_minWaitMs = 1000;
    int m_maxWaitMs = 2000;
};

} // namespace hookbench
