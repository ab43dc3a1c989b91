#include "sendhistoryview.h"

#include "eventdetailjson.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QString modeText(SendMode mode)
{
    switch (mode) {
    case SendMode::Once:
        return SendHistoryView::tr("Once");
    case SendMode::Vwo:
        return SendHistoryView::tr("As VWO");
    case SendMode::Load:
        return SendHistoryView::tr("Load");
    case SendMode::Audit:
        return SendHistoryView::tr("Audit");
    }
    return {};
}

} // namespace

SendHistoryView::SendHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_state(new QLabel(this))
    , m_table(new QTableWidget(0, 4, this))
    , m_detail(new QPlainTextEdit(this))
    , m_load(new QPushButton(QIcon::fromTheme(QStringLiteral("document-open")),
                             tr("&Load into Form"), this))
    , m_delete(
          new QPushButton(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete"), this))
    , m_clear(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-clear-history")),
                              tr("C&lear History…"), this))
{
    setObjectName(QStringLiteral("historyPage"));
    m_state->setWordWrap(true);
    m_state->hide();
    m_table->setObjectName(QStringLiteral("history"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Mode"), tr("Request"), tr("Outcome")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_detail->setObjectName(QStringLiteral("historyDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a send to see its request and outcome"));
    m_load->setObjectName(QStringLiteral("loadIntoForm"));
    m_load->setToolTip(tr("Put this request back in the form; choose the key again"));
    m_load->setEnabled(false);
    m_delete->setObjectName(QStringLiteral("deleteHistoryEntry"));
    m_delete->setToolTip(tr("Remove the selected send from the history"));
    m_delete->setEnabled(false);
    m_clear->setObjectName(QStringLiteral("clearHistory"));
    m_clear->setToolTip(tr("Remove every send and audit from the history"));
    m_clear->setEnabled(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_table);
    splitter->addWidget(m_detail);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addWidget(m_clear);
    buttons->addStretch();
    buttons->addWidget(m_load);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SendHistoryView::showSelected);
    connect(m_delete, &QPushButton::clicked, this, &SendHistoryView::deleteSelected);
    connect(m_clear, &QPushButton::clicked, this, &SendHistoryView::clearAll);
    connect(m_load, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_records.size())
            return;
        const SendRecord &record = m_records.at(row);
        OutgoingRequest request;
        request.method = record.method;
        request.url = QUrl(record.url, QUrl::TolerantMode);
        request.headers = record.headers;
        request.body = record.body;
        Q_EMIT loadRequested(request);
    });
}

void SendHistoryView::setStore(SendHistoryStore *store, const QString &why)
{
    m_store = store;
    m_state->setText(why);
    m_state->setVisible(!why.isEmpty());
    reload();
}

void SendHistoryView::reload()
{
    m_records.clear();
    if (m_store && m_store->isOpen()) {
        const QString error = m_store->recent(ShownRecords, &m_records);
        m_state->setText(error.isEmpty() ? QString() : tr("History unavailable: %1").arg(error));
        m_state->setVisible(!error.isEmpty());
    }
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(int(m_records.size()));
    for (int row = 0; row < m_records.size(); ++row) {
        const SendRecord &record = m_records.at(row);
        m_table->setItem(row, 0,
                         new QTableWidgetItem(QLocale().toString(record.startedAt.toLocalTime(),
                                                                 QLocale::ShortFormat)));
        m_table->setItem(row, 1, new QTableWidgetItem(modeText(record.mode)));
        m_table->setItem(
            row, 2,
            new QTableWidgetItem(QString::fromUtf8(record.method) + QLatin1Char(' ') + record.url));
        auto *outcome =
            new QTableWidgetItem(QIcon::fromTheme(record.success ? QStringLiteral("dialog-ok")
                                                                 : QStringLiteral("dialog-error")),
                                 record.outcome);
        m_table->setItem(row, 3, outcome);
    }
    m_table->resizeColumnsToContents();
    m_detail->clear();
    m_load->setEnabled(false);
    m_delete->setEnabled(false);
    m_clear->setEnabled(!m_records.isEmpty());
}

void SendHistoryView::showStoreError(const QString &error)
{
    m_state->setText(tr("The history was not changed: %1").arg(error));
    m_state->show();
}

void SendHistoryView::deleteSelected()
{
    const int row = m_table->currentRow();
    if (!m_store || row < 0 || row >= m_records.size())
        return;
    const QString error = m_store->remove(m_records.at(row).id);
    reload();
    if (!error.isEmpty())
        showStoreError(error);
    else if (row < m_table->rowCount())
        m_table->selectRow(row); // the next one, for deleting several in a row
}

void SendHistoryView::clearAll()
{
    if (!m_store || m_records.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Clear the Send History"),
        tr("Remove all %1 sends and audits from the history? This cannot be undone.")
            .arg(m_records.size()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    const QString error = m_store->clear();
    reload();
    if (!error.isEmpty())
        showStoreError(error);
}

QString SendHistoryView::detailText() const
{
    return m_detail->toPlainText();
}

void SendHistoryView::showSelected()
{
    const int row = m_table->currentRow();
    m_load->setEnabled(row >= 0 && row < m_records.size());
    m_delete->setEnabled(m_load->isEnabled());
    if (!m_load->isEnabled()) {
        m_detail->clear();
        return;
    }
    const SendRecord &record = m_records.at(row);
    QString text = record.outcome + QLatin1String("\n\n") + QString::fromUtf8(record.method) +
                   QLatin1Char(' ') + record.url + QLatin1Char('\n');
    for (const auto &[name, value] : record.headers)
        text += QString::fromUtf8(name + ": " + value) + QLatin1Char('\n');
    text += QLatin1Char('\n') + QString::fromUtf8(record.body);
    if (!record.detail.isEmpty())
        text +=
            QLatin1String("\n\n") + tr("Details:") + QLatin1Char('\n') + prettyJson(record.detail);
    m_detail->setPlainText(text);
}

} // namespace hookbench
