// MainWindow: the endpoints (one per VWO environment) in a sidebar beside the log, scoping it,
// and the Endpoint menu that creates, edits, renames, deletes, exports and imports them.
#include "mainwindow.h"

#include "endpointlistmodel.h"
#include "endpoints/endpointdirectory.h"
#include "endpointsidebar.h"
#include "endpointtransfer.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "eventtableview.h"
#include "filterbar.h"
#include "filterlineedit.h"
#include "keyspanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QHeaderView>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace hookbench {

namespace {

// The newest request of each endpoint, read once (an index range each) when the counts are.
QHash<QString, QDateTime> readLastEvents(const QString &databasePath, const QStringList &names)
{
    QHash<QString, QDateTime> times;
    EventStore store;
    if (!store.open(databasePath).isEmpty())
        return times;
    for (const QString &name : names) {
        const QList<Event> newest = store.query(EventLogModel::scoped(EventFilter(), name), 1);
        if (!newest.isEmpty())
            times.insert(name, newest.first().receivedAt);
    }
    store.close();
    return times;
}

} // namespace

QWidget *MainWindow::createEndpointArea(QWidget *logArea)
{
    auto *log = new QWidget(this);
    auto *layout = new QVBoxLayout(log);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(logArea);
    layout->addWidget(m_splitter, 1);

    m_sidebar = new EndpointSidebar(this);
    m_sidebar->hide(); // until there is an endpoint directory
    m_endpointSplitter = new QSplitter(Qt::Horizontal, this);
    m_endpointSplitter->setObjectName(QStringLiteral("endpointSplitter"));
    m_endpointSplitter->addWidget(m_sidebar);
    m_endpointSplitter->addWidget(log);
    m_endpointSplitter->setCollapsible(1, false);
    m_endpointSplitter->setStretchFactor(0, 0);
    m_endpointSplitter->setStretchFactor(1, 1);

    connect(m_sidebar, &EndpointSidebar::currentEndpointChanged, this,
            &MainWindow::endpointScopeChanged);
    connect(m_sidebar, &EndpointSidebar::endpointActivated, this, &MainWindow::editEndpoint);
    connect(m_sidebar, &EndpointSidebar::contextMenuRequested, this,
            [this](const QString &, const QPoint &globalPos) {
                if (m_endpointMenu)
                    m_endpointMenu->exec(globalPos);
            });
    return m_endpointSplitter;
}

void MainWindow::setEndpointDirectory(EndpointDirectory *directory)
{
    m_endpoints = directory;
    // The log keeps its width beside the sidebar (a saved geometry is restored after this).
    const int sidebarWidth = fontMetrics().averageCharWidth() * 34;
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect();
    const int wider = width() + sidebarWidth;
    resize(screen.isValid() ? std::min(wider, screen.width()) : wider, height());
    m_sidebar->show();
    m_endpointSplitter->setSizes({sidebarWidth, width() - sidebarWidth});
    createEndpointMenu();
    connect(directory, &EndpointDirectory::changed, this, &MainWindow::endpointsChanged);
    endpointsChanged();
    refreshEventCounts();
    // Keyboard order: endpoints, filter, requests, details.
    setTabOrder(m_sidebar->view(), m_filterBar->lineEdit());
}

void MainWindow::fitEndpointColumn(const QList<Endpoint> &endpoints)
{
    // Widen (never narrow: the user's width wins) to the longest name, within reason.
    const QFontMetrics metrics = m_view->fontMetrics();
    int widest = metrics.averageCharWidth() * 8;
    for (const Endpoint &endpoint : endpoints)
        widest = std::max(widest, metrics.horizontalAdvance(endpoint.name));
    const int chipAndMargins = m_view->iconSize().isValid() ? m_view->iconSize().width() + 24 : 40;
    const int wanted = std::min(widest, metrics.averageCharWidth() * 24) + chipAndMargins;
    QHeaderView *header = m_view->horizontalHeader();
    if (header->sectionSize(EventLogDisplay::EndpointColumn) < wanted)
        header->resizeSection(EventLogDisplay::EndpointColumn, wanted);
}

void MainWindow::createEndpointMenu()
{
    m_endpointMenu = new QMenu(tr("E&ndpoint"), this);
    m_endpointMenu->setObjectName(QStringLiteral("endpointMenu"));
    m_endpointMenu->setToolTipsVisible(true); // a disabled item says why
    // Between Receiver and Request.
    const QList<QAction *> menus = menuBar()->actions();
    const qsizetype receiver = menus.indexOf(m_receiverMenu->menuAction());
    menuBar()->insertMenu(menus.value(receiver + 1), m_endpointMenu);

    QAction *create =
        m_endpointMenu->addAction(QIcon::fromTheme(QStringLiteral("list-add")),
                                  tr("&New Endpoint…"), this, &MainWindow::newEndpoint);
    create->setObjectName(QStringLiteral("newEndpointAction"));
    create->setShortcut(QKeySequence::New);
    create->setToolTip(tr("Add an endpoint for another VWO environment"));
    m_sidebar->setNewAction(create);
    m_editEndpointAction = m_endpointMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-edit")), tr("&Edit Endpoint…"), this,
        [this] { editEndpoint(currentEndpoint()); });
    m_editEndpointAction->setObjectName(QStringLiteral("editEndpointAction"));
    m_editEndpointAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_renameEndpointAction =
        m_endpointMenu->addAction(tr("&Rename…"), this, &MainWindow::renameEndpoint);
    m_renameEndpointAction->setObjectName(QStringLiteral("renameEndpointAction"));
    m_renameEndpointAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameEndpointAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_deleteEndpointAction =
        m_endpointMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")),
                                  tr("&Delete Endpoint…"), this, &MainWindow::deleteEndpoint);
    m_deleteEndpointAction->setObjectName(QStringLiteral("deleteEndpointAction"));
    m_deleteEndpointAction->setShortcut(QKeySequence::Delete);
    m_deleteEndpointAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // F2 and Del act on the sidebar's endpoint only while the sidebar has the focus.
    m_sidebar->addAction(m_renameEndpointAction);
    m_sidebar->addAction(m_deleteEndpointAction);
    m_endpointMenu->addSeparator();
    m_copyEndpointUrlAction =
        m_endpointMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
                                  tr("Copy Endpoint &URL"), this, &MainWindow::copyEndpointUrl);
    m_copyEndpointUrlAction->setObjectName(QStringLiteral("copyEndpointUrlAction"));
    m_copyEndpointUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    // The endpoint's own keys and settings file, also in its context menu.
    m_endpointKeysAction = m_endpointMenu->addAction(
        QIcon::fromTheme(QStringLiteral("dialog-password")), tr("Webhook &Keys…"), this, [this] {
            if (m_keyRing)
                showKeys();
        });
    m_endpointKeysAction->setObjectName(QStringLiteral("endpointKeysAction"));
    m_endpointHistoryAction = m_endpointMenu->addAction(
        tr("Settings-File &History"), this, [this] { showSettingsHistoryOf(currentEndpoint()); });
    m_endpointHistoryAction->setObjectName(QStringLiteral("endpointHistoryAction"));
    m_endpointAccountAction = m_endpointMenu->addAction(
        tr("Settings-File &Account…"), this, [this] { editAccountProfileOf(currentEndpoint()); });
    m_endpointAccountAction->setObjectName(QStringLiteral("endpointAccountAction"));
    m_endpointMenu->addSeparator();
    QAction *exportAction = m_endpointMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-export")), tr("E&xport Configuration…"), this,
        [this] { EndpointTransfer::exportInteractively(this, m_endpoints); });
    exportAction->setObjectName(QStringLiteral("exportEndpointsAction"));
    exportAction->setToolTip(
        tr("Save every endpoint and its settings-file account to share with the team "
           "(no keys)"));
    QAction *importAction = m_endpointMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-import")), tr("&Import Configuration…"), this,
        [this] { EndpointTransfer::importInteractively(this, m_endpoints); });
    importAction->setObjectName(QStringLiteral("importEndpointsAction"));
    updateEndpointActions();
}

QString MainWindow::currentEndpoint() const
{
    return m_sidebar ? m_sidebar->currentEndpoint() : QString();
}

void MainWindow::setCurrentEndpoint(const QString &name)
{
    m_sidebar->setCurrentEndpoint(name);
}

QString MainWindow::keysEndpoint() const
{
    const QString current = currentEndpoint();
    return current.isEmpty() ? m_config.endpoint : current;
}

void MainWindow::endpointsChanged()
{
    const QList<Endpoint> endpoints = m_endpoints->endpoints();
    m_sidebar->model()->setEndpoints(endpoints);
    QHash<QString, QString> colours;
    for (const Endpoint &endpoint : endpoints)
        colours.insert(endpoint.name, endpoint.effectiveColour());
    m_model->setEndpointColours(colours);
    fitEndpointColumn(endpoints);
    updateOverrideBanner();
    updateEndpointActions();
}

void MainWindow::endpointScopeChanged(const QString &name)
{
    m_detail->clear();
    m_model->setScope(name);
    updateEndpointActions();
    if (m_keysDialog && m_keysDialog->isVisible()) {
        m_keysPanel->setEndpoint(keysEndpoint());
        m_keysDialog->setWindowTitle(tr("Webhook Keys of %1").arg(keysEndpoint()));
    }
    Q_EMIT currentEndpointChanged(name);
}

void MainWindow::refreshEventCounts()
{
    if (!m_endpoints)
        return;
    QString error;
    const QHash<QString, qint64> counts = m_endpoints->eventCounts(&error);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Request counts could not be read: %1").arg(error), 10000);
        return;
    }
    m_sidebar->model()->setEventCounts(counts);
    m_sidebar->model()->setLastEvents(readLastEvents(m_endpoints->databasePath(), counts.keys()));
}

void MainWindow::updateEndpointActions()
{
    if (!m_endpointMenu)
        return;
    const QString current = currentEndpoint();
    const bool chosen = !current.isEmpty();
    const bool isDefault = current == QLatin1String(Endpoint::DefaultName);
    const QString choose = tr("Choose an endpoint in the sidebar first");
    m_editEndpointAction->setEnabled(chosen);
    m_editEndpointAction->setToolTip(chosen ? tr("Edit %1's path, colour, response and "
                                                 "forwarding")
                                                  .arg(current)
                                            : choose);
    m_renameEndpointAction->setEnabled(chosen && !isDefault);
    m_deleteEndpointAction->setEnabled(chosen && !isDefault);
    if (isDefault) {
        m_renameEndpointAction->setToolTip(
            tr("The default endpoint keeps its name: hookbench-cli and the receiver's own path "
               "use it"));
        m_deleteEndpointAction->setToolTip(
            tr("The default endpoint cannot be deleted: it is the receiver's own path"));
    } else {
        m_renameEndpointAction->setToolTip(chosen ? tr("Give %1 another name").arg(current)
                                                  : choose);
        m_deleteEndpointAction->setToolTip(chosen ? tr("Delete %1").arg(current) : choose);
    }
    for (QAction *action :
         {m_endpointKeysAction, m_endpointHistoryAction, m_endpointAccountAction}) {
        action->setEnabled(chosen);
        action->setToolTip(chosen ? QString() : choose);
    }
    const bool served = m_endpointUrls.contains(current);
    m_copyEndpointUrlAction->setEnabled(chosen && served);
    m_copyEndpointUrlAction->setToolTip(
        !chosen  ? choose
        : served ? tr("Copy %1 to the clipboard").arg(m_endpointUrls.value(current).toString())
                 : tr("The receiver is not serving %1 now").arg(current));
}

void MainWindow::setEndpointUrls(const QHash<QString, QUrl> &urls)
{
    m_endpointUrls = urls;
    m_sidebar->model()->setUrls(urls);
    updateEndpointActions();
}

void MainWindow::copyEndpointUrl()
{
    const QUrl url = m_endpointUrls.value(currentEndpoint());
    if (url.isEmpty())
        return;
    QApplication::clipboard()->setText(url.toString());
    statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(url.toString()), 3000);
}

bool MainWindow::showScopePlaceholder()
{
    const QString scope = m_model->scope();
    if (scope.isEmpty() || !m_model->userFilter().matchesAll() || m_state == State::Starting)
        return false;
    const QUrl url = m_endpointUrls.value(scope);
    m_view->setPlaceholder(
        tr("No requests for %1 yet").arg(scope),
        url.isEmpty()
            ? tr("Requests to this endpoint show up here once the receiver serves it.")
            : tr("POST to %1 and every request shows up here as it arrives.").arg(url.toString()));
    return true;
}

} // namespace hookbench
