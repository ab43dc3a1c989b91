#include "endpointsidebar.h"

#include "endpointdelegate.h"
#include "endpointlistmodel.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace hookbench {

namespace {
constexpr int DefaultRefreshMs = 15 * 1000;
} // namespace

EndpointSidebar::EndpointSidebar(QWidget *parent)
    : QWidget(parent)
    , m_model(new EndpointListModel(this))
    , m_view(new QListView(this))
    , m_newButton(new QToolButton(this))
    , m_refreshTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("endpointSidebar"));
    auto *title = new QLabel(tr("Endpoints"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_newButton->setObjectName(QStringLiteral("newEndpointButton"));
    m_newButton->setAutoRaise(true);
    m_newButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_newButton->hide(); // until there is an action

    auto *header = new QHBoxLayout;
    header->setContentsMargins(8, 6, 4, 2);
    header->addWidget(title, 1);
    header->addWidget(m_newButton);

    m_view->setObjectName(QStringLiteral("endpointList"));
    m_view->setAccessibleName(tr("Endpoints"));
    m_view->setAccessibleDescription(
        tr("Choose an endpoint to show only its requests, or All endpoints to show every one"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new EndpointDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true); // tooltips per row
    title->setBuddy(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EndpointSidebar::currentRowChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &EndpointSidebar::restoreCurrent);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QModelIndex index = m_view->indexAt(pos);
        QPoint global = m_view->viewport()->mapToGlobal(pos);
        if (index.isValid()) {
            m_view->setCurrentIndex(index);
        } else {
            index = m_view->currentIndex(); // the menu key: the current row's
            const QRect rect = m_view->visualRect(index);
            if (index.isValid() && !rect.isEmpty())
                global = m_view->viewport()->mapToGlobal(rect.center());
        }
        Q_EMIT contextMenuRequested(currentEndpoint(), global);
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString name = m_model->nameAt(index.row());
        if (!name.isEmpty())
            Q_EMIT endpointActivated(name);
    });
    connect(m_refreshTimer, &QTimer::timeout, m_model, &EndpointListModel::refreshTimes);
    m_refreshTimer->start(DefaultRefreshMs);

    m_view->setCurrentIndex(m_model->index(0));
    setMinimumWidth(fontMetrics().averageCharWidth() * 18);
}

QString EndpointSidebar::currentEndpoint() const
{
    return m_current;
}

void EndpointSidebar::setCurrentEndpoint(const QString &name)
{
    const int row = m_model->rowOf(name);
    m_view->setCurrentIndex(m_model->index(row < 0 ? 0 : row));
}

void EndpointSidebar::setNewAction(QAction *action)
{
    m_newButton->setDefaultAction(action);
    m_newButton->setVisible(action != nullptr);
    if (action && action->icon().isNull())
        m_newButton->setText(QStringLiteral("+"));
}

void EndpointSidebar::setRefreshInterval(int milliseconds)
{
    m_refreshTimer->start(milliseconds);
}

void EndpointSidebar::currentRowChanged()
{
    const QString name = m_model->nameAt(m_view->currentIndex().row());
    if (name == m_current)
        return;
    m_current = name;
    Q_EMIT currentEndpointChanged(name);
}

void EndpointSidebar::restoreCurrent()
{
    const int row = m_model->rowOf(m_current);
    // An endpoint that went away: back to all of them.
    m_view->setCurrentIndex(m_model->index(row < 0 ? 0 : row));
    currentRowChanged();
}

} // namespace hookbench
