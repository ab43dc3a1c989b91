#include "sendretryview.h"
#include "sender/sendrecords.h"

#include "sendresultview.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

enum Column { NumberColumn, StartedColumn, AfterColumn, TookColumn, OutcomeColumn, WaitColumn };

QString msText(qint64 ms)
{
    return SendRetryView::tr("%1 ms").arg(QLocale().toString(ms));
}

QString secondsText(qint64 ms)
{
    return SendRetryView::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

} // namespace

SendRetryView::SendRetryView(RetryPolicy policy, QWidget *parent)
    : SendModePage(parent)
    , m_policy(policy)
    , m_session(new RetrySession(this))
    , m_timeout(new QSpinBox(this))
    , m_result(new SendResultView(this))
{
    const bool vwo = policy == RetryPolicy::Vwo;
    setObjectName(vwo ? QStringLiteral("vwoPage") : QStringLiteral("oncePage"));
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setToolTip(tr("How long to wait for each answer"));
    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    if (vwo) {
        m_window = new QSpinBox(this);
        m_window->setObjectName(QStringLiteral("retryWindow"));
        m_window->setRange(1, 60);
        m_window->setValue(60);
        m_window->setSuffix(tr(" min"));
        m_window->setToolTip(tr("VWO keeps retrying for an hour; a shorter window ends sooner"));
        options->addRow(tr("Retry &for:"), m_window);
    }
    options->addRow(tr("&Timeout per attempt:"), m_timeout);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(options);
    if (!vwo) {
        layout->addWidget(m_result, 1);
    } else {
        auto *explain = new QLabel(tr("Like VWO: any answer but 200 is retried after 1 to 2 s "
                                      "(random), until a 200 or the window ends."),
                                   this);
        explain->setWordWrap(true);
        m_live = new QLabel(tr("Not sent yet."), this);
        m_live->setObjectName(QStringLiteral("liveLine"));
        m_live->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_attempts = new QTableWidget(0, 6, this);
        m_attempts->setObjectName(QStringLiteral("attempts"));
        m_attempts->setHorizontalHeaderLabels(
            {tr("#"), tr("Started"), tr("After"), tr("Took"), tr("Outcome"), tr("Waited")});
        m_attempts->verticalHeader()->hide();
        m_attempts->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_attempts->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_attempts->horizontalHeader()->setStretchLastSection(true);
        auto *splitter = new QSplitter(Qt::Vertical, this);
        splitter->setChildrenCollapsible(false);
        splitter->addWidget(m_attempts);
        splitter->addWidget(m_result);
        layout->addWidget(explain);
        layout->addWidget(m_live);
        layout->addWidget(splitter, 1);
    }

    connect(m_session, &RetrySession::progressed, this, &SendRetryView::onProgress);
    connect(m_session, &RetrySession::attemptFinished, this, &SendRetryView::onAttemptFinished);
    connect(m_session, &RetrySession::finished, this, &SendRetryView::onFinished);
}

bool SendRetryView::isRunning() const
{
    return m_session->isRunning();
}

void SendRetryView::setWaitsMs(int minMs, int maxMs)
{
    m_minWaitMs = minMs;
    m_maxWaitMs = maxMs;
}

void SendRetryView::setWindowMs(qint64 windowMs)
{
    m_windowOverrideMs = windowMs;
}

QString SendRetryView::liveText() const
{
    return m_live ? m_live->text() : m_result->statusText();
}

bool SendRetryView::start(const OutgoingRequest &request)
{
    RetryPlan plan;
    plan.request = request;
    plan.policy = m_policy;
    plan.timeoutMs = m_timeout->value() * 1000;
    plan.minWaitMs = m_minWaitMs;
    plan.maxWaitMs = m_maxWaitMs;
    if (m_window)
        plan.windowMs = m_windowOverrideMs > 0 ? m_windowOverrideMs : m_window->value() * 60000LL;
    m_request = request;
    m_startedAt = QDateTime::currentDateTimeUtc();
    if (m_attempts)
        m_attempts->setRowCount(0);
    if (m_live)
        m_live->setText(tr("Attempt 1 · sending…"));
    m_result->showSending(request.url);
    if (!m_session->start(plan))
        return false;
    Q_EMIT runningChanged(true);
    return true;
}

void SendRetryView::cancel()
{
    m_session->cancel();
}

void SendRetryView::onProgress(int attempt, qint64 elapsedMs, qint64 nextRetryInMs)
{
    if (!m_live)
        return;
    const QString head = tr("Attempt %1 · %2 elapsed").arg(attempt).arg(clockText(elapsedMs));
    m_live->setText(nextRetryInMs < 0
                        ? tr("%1 · sending…").arg(head)
                        : tr("%1 · next retry in %2").arg(head, secondsText(nextRetryInMs)));
}

void SendRetryView::onAttemptFinished(const RetryAttempt &attempt)
{
    if (!m_attempts)
        return;
    // The previous row's wait is known once the next attempt has a number.
    const QList<RetryAttempt> attempts = m_session->attempts();
    const int row = m_attempts->rowCount();
    m_attempts->insertRow(row);
    const auto set = [this](int r, int column, const QString &text) {
        auto *item = new QTableWidgetItem(text);
        if (column != OutcomeColumn)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_attempts->setItem(r, column, item);
    };
    set(row, NumberColumn, QString::number(attempt.number));
    set(row, StartedColumn,
        QLocale().toString(attempt.startedAt.toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz")));
    set(row, AfterColumn, secondsText(attempt.startedAfterMs));
    set(row, TookColumn, msText(attempt.elapsedMs));
    set(row, OutcomeColumn, attempt.outcome());
    set(row, WaitColumn, QString());
    if (row > 0 && attempts.size() >= row && attempts.at(row - 1).waitAfterMs >= 0)
        m_attempts->item(row - 1, WaitColumn)->setText(msText(attempts.at(row - 1).waitAfterMs));
    m_attempts->item(row, OutcomeColumn)
        ->setForeground(SendResultView::toneColor(
            attempt.isSuccess() ? SendResultView::Tone::Success : SendResultView::Tone::Failure,
            palette()));
    m_attempts->scrollToBottom();
}

void SendRetryView::onFinished(const RetryOutcome &outcome)
{
    if (m_attempts) {
        for (int row = 0; row < outcome.attempts.size() && row < m_attempts->rowCount(); ++row) {
            const qint64 wait = outcome.attempts.at(row).waitAfterMs;
            m_attempts->item(row, WaitColumn)->setText(wait < 0 ? QString() : msText(wait));
        }
        m_attempts->resizeColumnsToContents();
    }
    if (outcome.end == RetryOutcome::End::Invalid) {
        SendResult refused;
        refused.failure = SendFailure::InvalidRequest;
        refused.error = outcome.error;
        m_result->showResult(refused);
    } else {
        m_result->showResult(outcome.last);
    }
    if (m_live)
        m_live->setText(endText(outcome));
    Q_EMIT runningChanged(false);
    if (outcome.end == RetryOutcome::End::Invalid)
        return; // nothing was sent: nothing to remember

    SendRecord record = sendRecordOf(m_policy == RetryPolicy::Vwo ? SendMode::Vwo : SendMode::Once,
                                     m_request, m_startedAt);
    setRetryDetail(&record, outcome);
    record.outcome = m_live ? endText(outcome) : m_result->statusText();
    Q_EMIT recorded(record);
}

QString SendRetryView::endText(const RetryOutcome &outcome) const
{
    const int count = int(outcome.attempts.size());
    const QString attempts = count == 1 ? tr("1 attempt") : tr("%1 attempts").arg(count);
    const QString took = clockText(outcome.elapsedMs);
    switch (outcome.end) {
    case RetryOutcome::End::Succeeded:
        return tr("Succeeded: 200 after %1 in %2.").arg(attempts, took);
    case RetryOutcome::End::NotRetried:
        return tr("No 200: %1.")
            .arg(outcome.last.answered() ? outcome.attempts.last().outcome() : outcome.last.error);
    case RetryOutcome::End::WindowExhausted:
        return tr("Gave up: no 200 within the window (%1 in %2). VWO would drop this webhook.")
            .arg(attempts, took);
    case RetryOutcome::End::Cancelled:
        return tr("Cancelled after %1 in %2.").arg(attempts, took);
    case RetryOutcome::End::Invalid:
        return tr("Not sent: %1").arg(outcome.error);
    }
    return {};
}

} // namespace hookbench
