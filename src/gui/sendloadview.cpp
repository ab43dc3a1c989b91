#include "sendloadview.h"
#include "sender/sendrecords.h"

#include "sender/vwopayload.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QTableWidget *table(const QStringList &labels, const char *name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(labels.size()), parent);
    t->setObjectName(QLatin1String(name));
    t->setHorizontalHeaderLabels(labels);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void addRow(QTableWidget *t, const QString &what, int count, int total)
{
    const int row = t->rowCount();
    t->insertRow(row);
    t->setItem(row, 0, new QTableWidgetItem(what));
    auto *countItem = new QTableWidgetItem(QLocale().toString(count));
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    t->setItem(row, 1, countItem);
    auto *share = new QTableWidgetItem(
        QStringLiteral("%1 %").arg(QLocale().toString(total ? 100.0 * count / total : 0, 'f', 1)));
    share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    t->setItem(row, 2, share);
}

QString latencyText(qint64 us)
{
    return us < 10000 ? SendLoadView::tr("%1 ms").arg(QLocale().toString(us / 1000.0, 'f', 2))
                      : SendLoadView::tr("%1 ms").arg(QLocale().toString(us / 1000));
}

} // namespace

SendLoadView::SendLoadView(QWidget *parent)
    : SendModePage(parent)
    , m_runner(new LoadRunner(this))
    , m_count(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_pace(new QComboBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_timeout(new QSpinBox(this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(tr("Not run yet."), this))
    , m_statuses(table({tr("Status"), tr("Answers"), tr("Share")}, "statusHistogram", this))
    , m_failures(table({tr("Failure"), tr("Requests"), tr("Share")}, "failures", this))
{
    setObjectName(QStringLiteral("loadPage"));
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setRange(1, 1000000);
    m_count->setValue(100);
    m_count->setGroupSeparatorShown(true);
    m_concurrency->setObjectName(QStringLiteral("concurrency"));
    m_concurrency->setRange(1, LoadPlan::MaxConcurrency);
    m_concurrency->setValue(8);
    m_concurrency->setToolTip(tr("Connections used at the same time"));
    m_pace->setObjectName(QStringLiteral("pace"));
    m_pace->addItems({tr("As fast as the connections go"), tr("At a fixed rate")});
    m_rate->setObjectName(QStringLiteral("rate"));
    m_rate->setRange(0.1, 100000);
    m_rate->setValue(50);
    m_rate->setSuffix(tr(" requests/s"));
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setValue(0);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto *paceRow = new QHBoxLayout;
    paceRow->addWidget(m_pace);
    paceRow->addWidget(m_rate);
    paceRow->addStretch();
    auto *options = new QFormLayout;
    options->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    options->addRow(tr("&Requests:"), m_count);
    options->addRow(tr("&Concurrency:"), m_concurrency);
    auto *paceLabel = new QLabel(tr("&Pace:"), this);
    paceLabel->setBuddy(m_pace);
    options->addRow(paceLabel, paceRow);
    options->addRow(tr("&Timeout per request:"), m_timeout);
    auto *tables = new QHBoxLayout;
    tables->addWidget(m_statuses);
    tables->addWidget(m_failures, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(options);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addLayout(tables, 1);

    connect(m_pace, &QComboBox::currentIndexChanged, this, &SendLoadView::updateRateField);
    for (QSpinBox *spin : {m_count, m_concurrency, m_timeout})
        connect(spin, &QSpinBox::valueChanged, this, &SendModePage::optionsChanged);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &SendModePage::optionsChanged);
    connect(m_runner, &LoadRunner::progressed, this, [this](int done, int total) {
        m_progress->setMaximum(total);
        m_progress->setValue(done);
    });
    connect(m_runner, &LoadRunner::finished, this, &SendLoadView::onFinished);
    updateRateField();
}

void SendLoadView::updateRateField()
{
    m_rate->setEnabled(m_pace->currentIndex() == 1);
    Q_EMIT optionsChanged();
}

void SendLoadView::setCount(int count)
{
    m_count->setValue(count);
}

void SendLoadView::setConcurrency(int concurrency)
{
    m_concurrency->setValue(concurrency);
}

void SendLoadView::setRatePerSecond(double rate)
{
    m_pace->setCurrentIndex(rate > 0 ? 1 : 0);
    if (rate > 0)
        m_rate->setValue(rate);
}

QString SendLoadView::summaryText() const
{
    return m_summary->text();
}

LoadPlan SendLoadView::plan(const OutgoingRequest &request) const
{
    LoadPlan plan;
    plan.request = request;
    // Stamped once: every copy carries the time the run started.
    plan.request.body = VwoPayload::withTimestamp(request.body, QDateTime::currentSecsSinceEpoch());
    plan.count = m_count->value();
    plan.concurrency = m_concurrency->value();
    plan.ratePerSecond = m_pace->currentIndex() == 1 ? m_rate->value() : 0;
    plan.timeoutMs = m_timeout->value() * 1000;
    return plan;
}

QString SendLoadView::optionsProblem() const
{
    OutgoingRequest valid;
    valid.url = QUrl(QStringLiteral("http://127.0.0.1/"));
    return plan(valid).validate();
}

bool SendLoadView::start(const OutgoingRequest &request)
{
    m_request = request;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_statuses->setRowCount(0);
    m_failures->setRowCount(0);
    m_progress->setMaximum(m_count->value());
    m_progress->setValue(0);
    m_summary->setText(tr("Sending…"));
    if (!m_runner->start(plan(request)))
        return false;
    Q_EMIT runningChanged(true);
    return true;
}

void SendLoadView::cancel()
{
    m_runner->cancel();
}

void SendLoadView::onFinished(const LoadSummary &summary)
{
    Q_EMIT runningChanged(false);
    if (!summary.error.isEmpty()) {
        m_summary->setText(tr("Not sent: %1").arg(summary.error));
        return;
    }
    const QLocale locale;
    const QString counts =
        tr("%1 of %2 sent, %3 answered, %4 failed%5.")
            .arg(locale.toString(summary.sent), locale.toString(m_count->value()),
                 locale.toString(summary.answered), locale.toString(summary.failed),
                 summary.canceled ? tr(" (cancelled)") : QString());
    const QString speed = tr("%1 requests/s over %2 s.")
                              .arg(locale.toString(summary.requestsPerSecond, 'f', 1),
                                   locale.toString(summary.elapsedSeconds, 'f', 2));
    const QString latency = summary.answered == 0
                                ? tr("No latency: nothing was answered.")
                                : tr("Latency p50 %1 · p90 %2 · p99 %3 · max %4.")
                                      .arg(latencyText(summary.p50Us), latencyText(summary.p90Us),
                                           latencyText(summary.p99Us), latencyText(summary.maxUs));
    m_summary->setText(counts + QLatin1Char('\n') + speed + QLatin1Char('\n') + latency);
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        addRow(m_statuses, QString::number(it.key()), it.value(), summary.sent);
    for (auto it = summary.failureCounts.cbegin(); it != summary.failureCounts.cend(); ++it)
        addRow(m_failures, it.key(), it.value(), summary.sent);
    m_statuses->resizeColumnsToContents();
    m_failures->resizeColumnsToContents();

    SendRecord record = sendRecordOf(SendMode::Load, m_request, m_startedAt);
    setLoadDetail(&record, summary);
    record.outcome = counts;
    Q_EMIT recorded(record);
}

} // namespace hookbench
