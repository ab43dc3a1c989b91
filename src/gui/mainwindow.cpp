#include "mainwindow.h"

#include "aboutdialog.h"

#include "appsettings.h"
#include "diffwindow.h"
#include "endpointlistmodel.h"
#include "endpoints/endpointdirectory.h"
#include "endpointsidebar.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "eventtableview.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "headerstate.h"
#include "inlinemessage.h"
#include "keyspanel.h"
#include "overridebanner.h"
#include "placeholderwidget.h"
#include "ratesparkline.h"
#include "receiversettingsdialog.h"
#include "traynotifier.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hookbench {

namespace {

QPixmap stateDot(const QColor &color, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(130), 1));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return pixmap;
}

// What VWO sends (DESIGN.md §1), so the hint's command produces a valid event. The
// JSON spans lines inside the single quotes: still one shell command, but narrow. Over HTTPS
// with a self-signed certificate, curl is told to trust that certificate.
QString curlExample(const QUrl &url, const QString &selfSignedCertificate)
{
    const QString trust = selfSignedCertificate.isEmpty()
                              ? QString()
                              : QStringLiteral("--cacert '%1' ").arg(selfSignedCertificate);
    return QStringLiteral("curl %3-H 'Content-Type: application/json' -d '{\n"
                          "  \"timestamp\": %1,\n"
                          "  \"event\": \"settings_changed\",\n"
                          "  \"action\": \"campaign_settings_changed\",\n"
                          "  \"triggered_by\": \"vwo\"\n"
                          "}' %2")
        .arg(QDateTime::currentSecsSinceEpoch())
        .arg(url.toString(), trust);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new EventLogModel(this))
    , m_filterBar(new FilterBar(this))
    , m_view(new EventTableView(this))
    , m_detail(new EventDetailView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_message(new InlineMessage(this))
    , m_overrideMessage(new InlineMessage(this))
    , m_messageArea(new QWidget(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(tr("Hookbench"));

    m_view->setObjectName(QStringLiteral("eventTable"));
    m_view->setAccessibleName(tr("Requests"));
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setModel(m_model);
    m_detail->setObjectName(QStringLiteral("eventDetail"));
    m_filterBar->setObjectName(QStringLiteral("filterBar"));

    m_message->setObjectName(QStringLiteral("receiverMessage"));

    auto *messageLayout = new QVBoxLayout(m_messageArea);
    messageLayout->setContentsMargins(8, 8, 8, 8);
    messageLayout->addWidget(m_message);
    messageLayout->addWidget(m_overrideMessage);
    m_messageArea->hide();
    connect(m_message, &InlineMessage::closed, this, [this] {
        m_message->hide();
        updateMessageArea();
    });
    createExposureMessage();
    messageLayout->addWidget(m_exposureMessage);

    // Visible for as long as responses are overridden: easy to forget, costly to miss.
    m_overrideMessage->setObjectName(QStringLiteral("overrideMessage"));
    m_overrideMessage->setType(InlineMessage::Information);
    m_overrideMessage->setCloseButtonVisible(false);
    m_overrideMessage->hide();
    QPushButton *turnOff = m_overrideMessage->addButton(tr("Turn Off"));
    turnOff->setObjectName(QStringLiteral("turnOffOverrideButton"));
    connect(turnOff, &QPushButton::clicked, this, &MainWindow::turnOffOverrides);

    connect(m_view->placeholder(), &PlaceholderWidget::actionTriggered, this,
            &MainWindow::sendWelcomeWebhook);
    // Nothing to detail while the log is empty: the hint (the welcome view) gets the room.
    connect(m_view, &EventTableView::emptyChanged, m_detail,
            [this](bool empty) { m_detail->setVisible(!empty); });
    m_detail->setVisible(!m_view->isEmpty());

    // Wireshark's arrangement: the list above, the selected request below.
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({400, 300}); // size hints alone leave the details a sliver

    auto *filterArea = new QWidget(this);
    auto *filterLayout = new QVBoxLayout(filterArea);
    filterLayout->setContentsMargins(6, 6, 6, 4);
    filterLayout->addWidget(m_filterBar);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_messageArea);
    layout->addWidget(createEndpointArea(filterArea), 1); // the endpoint sidebar beside the log
    setCentralWidget(central);

    connect(m_filterBar, &FilterBar::filterApplied, m_model, &EventLogModel::setUserFilter);
    connect(m_model, &EventLogModel::loadingChanged, this, &MainWindow::updateMatchCount);
    connect(m_model, &EventLogModel::loadProgress, this,
            [this](qint64, qint64 scanned, qint64 span) {
                m_scanPercent = span > 0 ? int(scanned * 100 / span) : 100;
                updateMatchCount();
            });
    connect(m_model, &EventLogModel::liveRowsAppended, this, &MainWindow::updateMatchCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateMatchCount);
    connect(m_filterBar, &FilterBar::cancelCountRequested, m_model, &EventLogModel::cancelLoad);
    connect(m_model, &EventLogModel::errorOccurred, this, &MainWindow::receiverError);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentEvent);
    // The selected row may still be on its way from the store.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_view->currentIndex().row();
                if (row < topLeft.row() || row > bottomRight.row())
                    return;
                // A delivery row shows its final attempt, which a retry can replace.
                const qint64 shown = m_model->eventAt(row).id;
                if (shown != 0 && shown != m_detail->shownEvent().id)
                    showCurrentEvent();
            });
    connect(m_detail, &EventDetailView::copied, this,
            [this](const QString &message) { statusBar()->showMessage(message, 3000); });

    createActions();
    createStatusBar();
    setState(State::Stopped);
    resize(1100, 760);
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *compareFiles = fileMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-compare")), tr("&Compare Files…"), this,
        [this] { (new DiffWindow(this))->show(); });
    compareFiles->setObjectName(QStringLiteral("compareFilesAction"));
    compareFiles->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    compareFiles->setToolTip(
        tr("Compare two JSON files, e.g. settings files (drop them on the window)"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")),
                                        tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setMenuRole(QAction::QuitRole);
    quit->setShortcuts(QKeySequence::keyBindings(QKeySequence::Quit));
    if (quit->shortcuts().isEmpty())
        quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    m_receiverMenu = menuBar()->addMenu(tr("&Receiver"));
    QMenu *receiverMenu = m_receiverMenu;
    receiverMenu->setToolTipsVisible(true); // a disabled item says why in its tooltip
    m_copyUrlAction = receiverMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
                                              tr("&Copy URL"), this, &MainWindow::copyUrl);
    m_copyUrlAction->setObjectName(QStringLiteral("copyUrlAction"));
    m_copyUrlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyUrlAction->setToolTip(tr("Copy the webhook URL to the clipboard"));
    receiverMenu->addSeparator();
    m_startStopAction =
        receiverMenu->addAction(tr("S&top Receiver"), this, &MainWindow::toggleReceiver);
    m_startStopAction->setObjectName(QStringLiteral("startStopAction"));
    m_startStopAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QAction *settings =
        receiverMenu->addAction(QIcon::fromTheme(QStringLiteral("configure")), tr("&Settings…"),
                                this, &MainWindow::editReceiverSettings);
    settings->setObjectName(QStringLiteral("receiverSettingsAction"));
    settings->setShortcuts(QKeySequence::keyBindings(QKeySequence::Preferences));
    if (settings->shortcuts().isEmpty()) // most Linux desktops bind none: as GNOME's apps do
        settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));

    QMenu *eventMenu = menuBar()->addMenu(tr("R&equest"));
    QAction *find = eventMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-find")),
                                         tr("&Filter…"), m_filterBar, &FilterBar::focusFilter);
    find->setObjectName(QStringLiteral("filterAction"));
    find->setShortcut(QKeySequence::Find);
    m_copyCurlAction =
        eventMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy as &curl"),
                             m_detail, &EventDetailView::copyAsCurl);
    m_copyCurlAction->setObjectName(QStringLiteral("copyCurlAction"));
    m_copyCurlAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_copyBodyAction = eventMenu->addAction(tr("Copy &Body"), m_detail, &EventDetailView::copyBody);
    m_copyBodyAction->setObjectName(QStringLiteral("copyBodyAction"));
    m_copyBodyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    eventMenu->addSeparator();
    createRequestSendActions(eventMenu);
    createStarAction(eventMenu);
    eventMenu->addSeparator();
    QAction *newest =
        eventMenu->addAction(QIcon::fromTheme(QStringLiteral("go-bottom")), tr("Go to &Newest"),
                             m_view, &EventTableView::followTail);
    newest->setObjectName(QStringLiteral("goNewestAction"));
    newest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    eventMenu->addSeparator();
    QAction *exportAction = eventMenu->addAction(
        QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export…"), this, [this] {
            ExportDialog::run(this, m_model->database(), selectedIds(), m_model->filter(),
                              m_model->matchedCount(),
                              qMax<qint64>(m_totalRows, m_model->matchedCount()));
        });
    exportAction->setObjectName(QStringLiteral("exportAction"));
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_deleteAction =
        eventMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-delete")),
                             tr("&Delete Selected"), this, &MainWindow::deleteSelected);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_deleteAction); // Del acts on the table, not on text being edited
    QAction *clear = eventMenu->addAction(QIcon::fromTheme(QStringLiteral("edit-clear-history")),
                                          tr("C&lear All…"), this, &MainWindow::clearAll);
    clear->setObjectName(QStringLiteral("clearAllAction"));
    createSenderMenu();
    createHelpMenu();
    m_copyCurlAction->setEnabled(false);
    m_copyBodyAction->setEnabled(false);
    m_deleteAction->setEnabled(false);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const bool selected = m_view->selectionModel()->hasSelection();
        m_deleteAction->setEnabled(selected);
        m_starAction->setEnabled(selected);
    });
}

void MainWindow::createHelpMenu()
{
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = m_helpMenu->addAction(QIcon::fromTheme(QStringLiteral("help-about")),
                                           tr("&About Hookbench"), this, [this] {
                                               AboutDialog dialog(this);
                                               dialog.exec();
                                           });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QAction *aboutQt = m_helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(rows.size());
    for (const QModelIndex &row : rows)
        ids.append(m_model->idsAt(row.row())); // a delivery: all its attempts
    // A delivery and its listed attempts can both be selected.
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

void MainWindow::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (!ids.isEmpty())
        Q_EMIT removeEventsRequested(ids);
}

void MainWindow::clearAll()
{
    const auto answer = QMessageBox::warning(
        this, tr("Clear All Requests"),
        tr("Delete every stored request from the event log? This cannot be undone."),
        QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Discard)
        Q_EMIT clearEventsRequested();
}

void MainWindow::eventsRemoved()
{
    m_detail->clear();
    m_model->reload();
    refreshEventCounts();
}

void MainWindow::setTrayNotifier(TrayNotifier *notifier)
{
    m_receiverMenu->addSeparator();
    m_receiverMenu->addAction(notifier->action());
    connect(notifier, &TrayNotifier::eventActivated, this, &MainWindow::revealEvent);
    connect(notifier, &TrayNotifier::windowRequested, this, [this] { revealEvent(0); });
}

void MainWindow::revealEvent(qint64 id)
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (id <= 0)
        return;
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        statusBar()->showMessage(tr("That request is not in the list: the filter hides it, or "
                                    "it was deleted."),
                                 5000);
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
}

void MainWindow::setReceiverConfig(const ReceiverConfig &config)
{
    m_config = config;
    if (m_keysPanel)
        m_keysPanel->setEndpoint(keysEndpoint());
    updateOverrideBanner();
    updateExposureMessage();
}

void MainWindow::updateOverrideBanner()
{
    // With endpoints, every endpoint's override counts, and the banner names the endpoints.
    const QString text = m_endpoints ? overrideBannerText(m_endpoints->endpoints())
                                     : overrideBannerText(m_config.response);
    const bool active = !text.isEmpty();
    m_overrideMessage->setText(text);
    m_overrideMessage->setVisible(active);
    updateMessageArea();
}

void MainWindow::editReceiverSettings()
{
    ReceiverSettingsDialog dialog(this);
    dialog.setConfig(m_config);
    if (m_endpoints) // the path and override are the default endpoint's
        dialog.setDefaultEndpointMode(defaultPathCheck());
    if (dialog.exec() == QDialog::Accepted)
        applyReceiverSettings(dialog.config());
}

void MainWindow::toggleReceiver()
{
    if (m_state == State::Stopped)
        Q_EMIT restartRequested(quint16(qMax(0, m_url.port(m_config.port))));
    else
        Q_EMIT stopRequested();
}

void MainWindow::receiverStopped()
{
    setState(State::Stopped);
}

void MainWindow::restoreLayout(const AppSettings &settings)
{
    if (!settings.windowGeometry().isEmpty())
        restoreGeometry(settings.windowGeometry());
    if (!settings.windowState().isEmpty())
        restoreState(settings.windowState());
    if (!settings.splitterState().isEmpty())
        m_splitter->restoreState(settings.splitterState());
    if (!settings.endpointSplitterState().isEmpty())
        m_endpointSplitter->restoreState(settings.endpointSplitterState());
    if (!settings.headerState().isEmpty()) {
        QStringList saved = settings.headerColumns();
        if (saved.isEmpty()) { // saved before column names were kept: before the Settings column
            saved = EventLogDisplay::columnKeys();
            saved.removeOne(QStringLiteral("settings"));
            saved.removeOne(QStringLiteral("endpoint")); // newer still
        }
        restoreHeaderState(m_view->horizontalHeader(), settings.headerState(), saved,
                           EventLogDisplay::columnKeys());
    }
}

void MainWindow::saveLayout(AppSettings &settings) const
{
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setSplitterState(m_splitter->saveState());
    settings.setEndpointSplitterState(m_endpointSplitter->saveState());
    settings.setHeaderState(m_view->horizontalHeader()->saveState());
    settings.setHeaderColumns(EventLogDisplay::columnKeys());
}

void MainWindow::showCurrentEvent()
{
    const QModelIndex current = m_view->currentIndex();
    const Event event = current.isValid() ? m_model->eventAt(current.row()) : Event();
    if (event.id == 0) { // not read yet: dataChanged brings it
        m_detail->clear();
    } else {
        m_detail->setEvent(event);
        const auto [attempt, attempts] = m_model->attemptPosition(current.row());
        m_detail->setDeliveryPosition(attempt, attempts);
        showSettingsFetch();
    }
    m_copyCurlAction->setEnabled(m_detail->hasEvent());
    m_copyBodyAction->setEnabled(m_detail->hasEvent());
    updateRequestSendActions();
}

void MainWindow::updateMatchCount()
{
    updatePlaceholder();
    // The unfiltered count is the total the export dialog offers as "All".
    if (m_model->isComplete() && m_model->filter().matchesAll())
        m_totalRows = m_model->matchedCount();
    if (m_model->filter().matchesAll())
        m_filterBar->clearMatchCount();
    else if (m_model->isLoading())
        m_filterBar->setMatchCount(m_model->matchedCount(), false, m_scanPercent);
    else if (!m_model->isComplete())
        m_filterBar->setPartialMatchCount(m_model->matchedCount(), m_scanPercent);
    else
        m_filterBar->setMatchCount(m_model->matchedCount(), true);
}

void MainWindow::setDatabase(const QString &path)
{
    if (m_model->database() != path)
        m_model->setDatabase(path);
}

void MainWindow::createStatusBar()
{
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("requestCountLabel"));
    m_countLabel->setToolTip(tr("Requests received since Hookbench started; the log and the "
                                "sidebar count every stored request"));
    statusBar()->addWidget(m_countLabel);

    auto *receiver = new QWidget(this);
    auto *layout = new QHBoxLayout(receiver);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_stateIcon = new QLabel(receiver);
    m_stateLabel = new QLabel(receiver);
    m_stateLabel->setObjectName(QStringLiteral("receiverStateLabel"));
    m_urlLabel = new QLabel(receiver);
    m_urlLabel->setObjectName(QStringLiteral("receiverUrlLabel"));
    m_urlLabel->setTextFormat(Qt::PlainText);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlLabel->setAccessibleName(tr("Webhook URL"));
    auto *copyButton = new QToolButton(receiver);
    copyButton->setDefaultAction(m_copyUrlAction);
    copyButton->setAutoRaise(true);
    copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_stateLabel);
    layout->addSpacing(6);
    layout->addWidget(m_urlLabel);
    layout->addWidget(copyButton);
    statusBar()->addPermanentWidget(receiver);

    m_rate = new RateSparkline(this);
    m_rate->setObjectName(QStringLiteral("rateSparkline"));
    statusBar()->addPermanentWidget(m_rate);
}

void MainWindow::receiverStarting(const QUrl &url)
{
    m_url = url;
    setState(State::Starting);
}

void MainWindow::receiverStarted(const QUrl &url)
{
    m_url = url;
    QUrl base = url; // "Copy as curl" replays to this receiver, whatever the Host header said
    base.setPath(QString());
    m_detail->setReceiverBaseUrl(base);
    m_message->hide();
    m_message->clearButtons();
    updateOverrideBanner(); // the area stays while an override is on
    setState(State::Listening);
}

void MainWindow::receiverFailed(const QString &message, bool addressInUse, quint16 suggestedPort)
{
    setState(State::Stopped);
    if (addressInUse && m_url.isValid()) {
        showStartFailure(tr("Port %1 on %2 is already in use by another program.")
                                 .arg(m_url.port())
                                 .arg(m_url.host()) +
                             QLatin1Char(' ') +
                             tr("Use a free port instead (webhooks must then be sent to the "
                                "new URL), or stop the other program and retry."),
                         suggestedPort);
    } else {
        showStartFailure(tr("The receiver could not start: %1").arg(message),
                         addressInUse ? suggestedPort : 0);
    }
}

void MainWindow::showStartFailure(const QString &text, quint16 suggestedPort)
{
    m_message->clearButtons();
    m_message->setType(InlineMessage::Warning);
    m_message->setText(text);
    m_message->setCloseButtonVisible(false); // the window is of no use until this is solved
    if (suggestedPort != 0) {
        QPushButton *usePort = m_message->addButton(tr("Use Free Port %1").arg(suggestedPort));
        usePort->setObjectName(QStringLiteral("useFreePortButton"));
        usePort->setDefault(true);
        connect(usePort, &QPushButton::clicked, this,
                [this, suggestedPort] { Q_EMIT restartRequested(suggestedPort); });
    }
    const int port = m_url.port();
    if (port > 0) {
        QPushButton *retry = m_message->addButton(tr("Retry"));
        retry->setObjectName(QStringLiteral("retryButton"));
        connect(retry, &QPushButton::clicked, this,
                [this, port] { Q_EMIT restartRequested(quint16(port)); });
    }
    m_message->show();
    m_messageArea->show();
}

void MainWindow::receiverError(const QString &message)
{
    m_message->clearButtons();
    m_message->setType(InlineMessage::Error);
    m_message->setText(message);
    m_message->setCloseButtonVisible(true);
    m_message->show();
    m_messageArea->show();
}

void MainWindow::appendEvents(const QList<Event> &events)
{
    m_model->appendEvents(events);
    m_sidebar->model()->addEvents(events);
    m_received += events.size();
    m_totalRows += events.size();
    m_rate->addEvents(int(events.size()));
    m_rate->setTotal(m_received);
    m_countLabel->setText(tr("Received since start: %1").arg(QLocale().toString(m_received)));
}

void MainWindow::copyUrl()
{
    if (m_state != State::Listening)
        return;
    QApplication::clipboard()->setText(m_url.toString());
    statusBar()->showMessage(tr("Copied %1 to the clipboard").arg(m_url.toString()), 3000);
}

void MainWindow::setState(State state)
{
    m_state = state;
    updateRequestSendActions();
    QColor color;
    switch (state) {
    case State::Listening:
        m_stateLabel->setText(tr("Listening", "receiver state"));
        m_urlLabel->setText(m_url.toString());
        color = QColor(0x27, 0xae, 0x60);
        break;
    case State::Starting:
        m_stateLabel->setText(tr("Starting…", "receiver state"));
        m_urlLabel->setText(m_url.toString());
        color = QColor(0xf6, 0x74, 0x00);
        break;
    case State::Stopped:
        m_stateLabel->setText(tr("Stopped", "receiver state"));
        m_urlLabel->setText(tr("Not listening"));
        color = QColor(0xda, 0x44, 0x53);
        break;
    }
    const int size = m_stateLabel->fontMetrics().height() * 2 / 3;
    m_stateIcon->setPixmap(stateDot(color, size, devicePixelRatioF()));
    m_urlLabel->setEnabled(state == State::Listening);
    m_copyUrlAction->setEnabled(state == State::Listening);
    m_startStopAction->setText(state == State::Stopped ? tr("S&tart Receiver")
                                                       : tr("S&top Receiver"));
    m_countLabel->setText(tr("Received since start: %1").arg(QLocale().toString(m_received)));
    updatePlaceholder();
}

void MainWindow::updatePlaceholder()
{
    if (showScopePlaceholder()) // an endpoint without requests yet (mainwindowendpoints.cpp)
        return;
    // An empty table under a filter means "nothing matches", not "nothing arrived".
    if (!m_model->filter().matchesAll() && m_state != State::Starting) {
        m_view->setPlaceholder(
            tr("No matching requests"),
            m_model->isComplete()
                ? tr("No stored request matches the filter. Clear the filter to see every "
                     "request.")
                : tr("No request matches the filter so far; the search goes on."));
        return;
    }
    switch (m_state) {
    case State::Listening:
        m_view->setPlaceholder(
            tr("Waiting for webhooks"),
            tr("POST to %1 and every request shows up here as it arrives.").arg(m_url.toString()) +
                QLatin1Char('\n') + tr("To try it from a terminal:"),
            curlExample(m_url, m_config.tls.isEnabled() ? m_selfSignedCertificate : QString()));
        m_view->placeholder()->setAction(tr("Send a &Test Webhook"));
        m_view->placeholder()->setNote(tunnelGuidance());
        break;
    case State::Starting:
        m_view->setPlaceholder(tr("Starting the receiver…"), QString());
        break;
    case State::Stopped:
        m_view->setPlaceholder(tr("The receiver is not running"),
                               tr("Requests are shown here once Hookbench is listening."));
        break;
    }
}

} // namespace hookbench
