#include "sendauditview.h"
#include "sender/sendrecords.h"

#include "badgeicon.h"
#include "inlinemessage.h"

#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QIcon verdictIcon(AuditVerdict verdict)
{
    switch (verdict) {
    case AuditVerdict::Pass:
        return badgeIcon(QColor(0x27, 0xae, 0x60), BadgeShape::Filled);
    case AuditVerdict::Warn:
        return badgeIcon(QColor(0xf6, 0x74, 0x00), BadgeShape::Ring);
    case AuditVerdict::Fail:
        return badgeIcon(QColor(0xda, 0x44, 0x53), BadgeShape::FilledWithBar);
    case AuditVerdict::Info:
        return badgeIcon(QColor(0x3d, 0xae, 0xe9), BadgeShape::Ring);
    case AuditVerdict::Skipped:
        break;
    }
    return badgeIcon(QColor(0x7f, 0x8c, 0x8d), BadgeShape::Ring);
}

QString verdictText(AuditVerdict verdict)
{
    switch (verdict) {
    case AuditVerdict::Pass:
        return SendAuditView::tr("Pass");
    case AuditVerdict::Warn:
        return SendAuditView::tr("Warn");
    case AuditVerdict::Fail:
        return SendAuditView::tr("Fail");
    case AuditVerdict::Info:
        return SendAuditView::tr("Info");
    case AuditVerdict::Skipped:
        break;
    }
    return SendAuditView::tr("Skipped");
}

QByteArray keyOf(const OutgoingRequest &request)
{
    for (const auto &[name, value] : request.headers) {
        if (name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

SendAuditView::SendAuditView(QWidget *parent)
    : SendModePage(parent)
    , m_audit(new EndpointAudit(this))
    , m_timeout(new QSpinBox(this))
    , m_result(new QLabel(this))
    , m_checks(new QTableWidget(0, 5, this))
    , m_message(new InlineMessage(this))
    , m_markdown(new QPushButton(tr("Export &Markdown…"), this))
    , m_html(new QPushButton(tr("Export &HTML…"), this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_timeout->setObjectName(QStringLiteral("auditTimeout"));
    m_timeout->setRange(1, 120);
    m_timeout->setValue(10);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("No complete answer within this time fails the check"));
    auto *explain = new QLabel(tr("Sends a battery of requests to the URL above (valid, wrong "
                                  "key, no key, malformed JSON, …), one after another, with the "
                                  "x-vwo-auth key chosen above, and judges each answer."),
                               this);
    explain->setWordWrap(true);
    m_result->setObjectName(QStringLiteral("auditResult"));
    m_result->setWordWrap(true);
    m_result->setText(tr("Not run yet."));
    m_checks->setObjectName(QStringLiteral("auditChecks"));
    m_checks->setHorizontalHeaderLabels(
        {tr("Check"), tr("Verdict"), tr("Expected"), tr("Answer"), tr("Advice")});
    m_checks->verticalHeader()->hide();
    m_checks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_checks->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_checks->setWordWrap(true);
    m_checks->horizontalHeader()->setStretchLastSection(true);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setCloseButtonVisible(true);
    m_message->hide();
    connect(m_message, &InlineMessage::closed, m_message, &QWidget::hide);
    m_markdown->setObjectName(QStringLiteral("exportMarkdown"));
    m_html->setObjectName(QStringLiteral("exportHtml"));
    m_markdown->setEnabled(false);
    m_html->setEnabled(false);

    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    options->addRow(tr("&Timeout per request:"), m_timeout);
    auto *exports = new QHBoxLayout;
    exports->addWidget(m_result, 1);
    exports->addWidget(m_markdown);
    exports->addWidget(m_html);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(options);
    layout->addWidget(m_message);
    layout->addWidget(m_checks, 1);
    layout->addLayout(exports);

    connect(m_audit, &EndpointAudit::checkStarted, this, [this](int index, const QString &) {
        if (QTableWidgetItem *item = m_checks->item(index, VerdictColumn))
            item->setText(tr("Running…"));
    });
    connect(m_audit, &EndpointAudit::checkFinished, this, &SendAuditView::onCheckFinished);
    connect(m_audit, &EndpointAudit::finished, this, &SendAuditView::onFinished);
    connect(m_markdown, &QPushButton::clicked, this, [this] { askExport(false); });
    connect(m_html, &QPushButton::clicked, this, [this] { askExport(true); });
}

void SendAuditView::setTimeoutSeconds(int seconds)
{
    m_timeout->setValue(seconds);
}

QString SendAuditView::resultText() const
{
    return m_result->text();
}

bool SendAuditView::start(const OutgoingRequest &request)
{
    AuditTarget target;
    target.url = request.url;
    target.key = keyOf(request);
    target.timeoutMs = m_timeout->value() * 1000;
    m_request = request;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_report = AuditReport();
    m_message->hide();
    m_markdown->setEnabled(false);
    m_html->setEnabled(false);
    // Every row up front, so the table shows what is still to come.
    const QList<AuditCheckKind> battery = auditBattery();
    m_checks->setRowCount(int(battery.size()));
    for (int row = 0; row < battery.size(); ++row) {
        const AuditCheckResult check = describeCheck(battery.at(row), target);
        m_checks->setItem(row, CheckColumn, new QTableWidgetItem(check.title));
        m_checks->setItem(row, VerdictColumn, new QTableWidgetItem(tr("Waiting")));
        m_checks->setItem(row, ExpectedColumn, new QTableWidgetItem(check.expected));
        m_checks->setItem(row, AnswerColumn, new QTableWidgetItem());
        m_checks->setItem(row, AdviceColumn, new QTableWidgetItem());
    }
    m_result->setText(target.key.isEmpty()
                          ? tr("Checking… (no x-vwo-auth key chosen: the key checks are skipped)")
                          : tr("Checking…"));
    if (!m_audit->start(target))
        return false;
    Q_EMIT runningChanged(true);
    return true;
}

void SendAuditView::cancel()
{
    m_audit->cancel();
}

void SendAuditView::onCheckFinished(int index, const AuditCheckResult &result)
{
    if (index < 0 || index >= m_checks->rowCount())
        return;
    QTableWidgetItem *verdict = m_checks->item(index, VerdictColumn);
    verdict->setIcon(verdictIcon(result.verdict));
    verdict->setText(verdictText(result.verdict));
    m_checks->item(index, AnswerColumn)->setText(result.answerSummary());
    m_checks->item(index, AnswerColumn)->setToolTip(result.answerExcerpt);
    m_checks->item(index, AdviceColumn)->setText(result.advice);
    m_checks->item(index, AdviceColumn)->setToolTip(result.advice);
    m_checks->item(index, CheckColumn)->setToolTip(result.sentSummary());
}

void SendAuditView::onFinished(const AuditReport &report)
{
    m_report = report;
    for (int row = 0; row < report.checks.size(); ++row)
        onCheckFinished(row, report.checks.at(row));
    // The advice takes what is left, wrapped.
    for (int column = CheckColumn; column < AdviceColumn; ++column)
        m_checks->resizeColumnToContents(column);
    const int minAdvice = m_checks->fontMetrics().averageCharWidth() * 45;
    if (m_checks->columnWidth(AdviceColumn) < minAdvice)
        m_checks->setColumnWidth(AdviceColumn, minAdvice); // scroll rather than a thin column
    m_checks->resizeRowsToContents();
    Q_EMIT runningChanged(false);
    if (!report.error.isEmpty()) {
        m_result->setText(tr("Not run: %1").arg(report.error));
        return;
    }
    m_result->setText(report.resultSentence());
    m_markdown->setEnabled(true);
    m_html->setEnabled(true);

    SendRecord record = sendRecordOf(SendMode::Audit, m_request, m_startedAt);
    setAuditDetail(&record, report);
    record.outcome = report.resultSentence();
    Q_EMIT recorded(record);
}

QString SendAuditView::exportTo(const QString &path, bool html) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, file.errorString());
    file.write((html ? m_report.toHtml() : m_report.toMarkdown()).toUtf8());
    if (!file.commit())
        return tr("Could not write %1: %2").arg(path, file.errorString());
    return {};
}

void SendAuditView::askExport(bool html)
{
    const QString path = QFileDialog::getSaveFileName(
        this, html ? tr("Export Audit as HTML") : tr("Export Audit as Markdown"),
        html ? QStringLiteral("endpoint-audit.html") : QStringLiteral("endpoint-audit.md"),
        html ? tr("HTML files (*.html)") : tr("Markdown files (*.md)"));
    if (path.isEmpty())
        return;
    const QString error = exportTo(path, html);
    m_message->setType(error.isEmpty() ? InlineMessage::Information : InlineMessage::Error);
    m_message->setText(error.isEmpty() ? tr("Saved %1.").arg(path) : error);
    m_message->show();
}

} // namespace hookbench
