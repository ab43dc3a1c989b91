#pragma once

#include "sender/endpointaudit.h"
#include "sendmodepage.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hookbench {

class InlineMessage;

// "Check my endpoint": runs the audit battery against the form's URL with its x-vwo-auth key,
// fills a row per check as it is judged (verdict badge, answer, advice) and exports the report
// as Markdown or HTML.
class SendAuditView : public SendModePage
{
    Q_OBJECT
public:
    enum Column { CheckColumn, VerdictColumn, ExpectedColumn, AnswerColumn, AdviceColumn };

    explicit SendAuditView(QWidget *parent = nullptr);

    bool start(const OutgoingRequest &request) override;
    void cancel() override;
    bool isRunning() const override { return m_audit->isRunning(); }

    void setTimeoutSeconds(int seconds);
    QTableWidget *checksTable() const { return m_checks; }
    QString resultText() const;
    const AuditReport &report() const { return m_report; }
    // Writes the last report; empty on success, else the error naming the file.
    QString exportTo(const QString &path, bool html) const;

private:
    void onCheckFinished(int index, const AuditCheckResult &result);
    void onFinished(const AuditReport &report);
    void askExport(bool html);

    EndpointAudit *m_audit;
    QSpinBox *m_timeout;
    QLabel *m_result;
    QTableWidget *m_checks;
    InlineMessage *m_message;
    QPushButton *m_markdown;
    QPushButton *m_html;
    AuditReport m_report;
    OutgoingRequest m_request;
    QDateTime m_startedAt;
};

} // namespace hookbench
