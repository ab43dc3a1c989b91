#include "settingsfetchlog.h"

#include "settingsfetchmodel.h"

#include <QHeaderView>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hookbench {

SettingsFetchLog::SettingsFetchLog(SettingsFetchModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_toggle(new QToolButton(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("fetchLog"));
    m_toggle->setObjectName(QStringLiteral("fetchLogToggle"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setAutoRaise(true);
    m_toggle->setCheckable(true);
    QFont bold = m_toggle->font();
    bold.setBold(true);
    m_toggle->setFont(bold);
    connect(m_toggle, &QToolButton::toggled, this, &SettingsFetchLog::setExpanded);

    m_view->setObjectName(QStringLiteral("fetchLogTable"));
    m_view->setAccessibleName(tr("Fetch log"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    // Compact rows: the log is secondary and should show many fetches in little height.
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setMinimumSectionSize(40);
    for (int column = 0; column < SettingsFetchModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, column == SettingsFetchModel::ErrorColumn
                                                 ? QHeaderView::Stretch
                                                 : QHeaderView::ResizeToContents);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toggle, 0, Qt::AlignLeft);
    layout->addWidget(m_view, 1);

    connect(model, &QAbstractItemModel::modelReset, this, &SettingsFetchLog::updateTitle);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SettingsFetchLog::updateTitle);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SettingsFetchLog::updateTitle);
    m_expanded = false; // so that setExpanded(true) below does the work
    setExpanded(true);
}

QString SettingsFetchLog::title() const
{
    return m_toggle->text();
}

void SettingsFetchLog::setExpanded(bool expanded)
{
    if (expanded == m_expanded && m_toggle->isChecked() == expanded)
        return;
    m_expanded = expanded;
    {
        const QSignalBlocker blocker(m_toggle);
        m_toggle->setChecked(expanded);
    }
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_toggle->setToolTip(expanded ? tr("Hide the fetch log") : tr("Show the fetch log"));
    m_view->setVisible(expanded);
    // Folded, the section is one line high; a splitter around it then gives the rest away.
    setMaximumHeight(expanded ? QWIDGETSIZE_MAX : m_toggle->sizeHint().height());
    updateTitle();
    Q_EMIT expandedChanged(expanded);
}

void SettingsFetchLog::updateTitle()
{
    const int count = m_model->rowCount();
    const int failed = m_model->failedCount();
    // Counts in brackets: no plural forms to get wrong.
    QString text = tr("Fetch log (%1)").arg(count);
    if (count == 0)
        text = tr("Fetch log (no fetches yet)");
    else if (failed > 0)
        text = tr("Fetch log (%1, %2 failed)", "fetches, failed fetches").arg(count).arg(failed);
    m_toggle->setText(text);
}

} // namespace hookbench
