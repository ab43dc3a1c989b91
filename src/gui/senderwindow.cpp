#include "senderwindow.h"

#include "appicon.h"
#include "sendauditview.h"
#include "senderform.h"
#include "sendhistoryview.h"
#include "sendloadview.h"
#include "sendretryview.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hookbench {

SenderWindow::SenderWindow(SenderPresets *presets, QWidget *parent)
    : QMainWindow(parent)
    , m_form(new SenderForm(presets, this))
    , m_modes(new QTabWidget(this))
    , m_once(new SendRetryView(RetryPolicy::None, this))
    , m_vwo(new SendRetryView(RetryPolicy::Vwo, this))
    , m_load(new SendLoadView(this))
    , m_audit(new SendAuditView(this))
    , m_history(new SendHistoryView(this))
    , m_problem(new QLabel(this))
    , m_send(new QPushButton(QIcon::fromTheme(QStringLiteral("document-send")), tr("&Send"), this))
    , m_cancel(
          new QPushButton(QIcon::fromTheme(QStringLiteral("process-stop")), tr("Ca&ncel"), this))
{
    setObjectName(QStringLiteral("senderWindow"));
    setWindowTitle(tr("Send Test Webhook"));
    setWindowIcon(appIcon());
    m_modes->setObjectName(QStringLiteral("modes"));
    m_modes->addTab(m_once, tr("&Once"));
    m_modes->addTab(m_vwo, tr("As &VWO"));
    m_modes->addTab(m_load, tr("&Load"));
    m_modes->addTab(m_audit, tr("&Audit"));
    m_modes->addTab(m_history, tr("H&istory"));
    m_modes->setTabToolTip(0, tr("Send the request once and show the answer"));
    m_modes->setTabToolTip(1, tr("Retry like VWO until the endpoint answers 200"));
    m_modes->setTabToolTip(2, tr("Send many copies and measure throughput and latency"));
    m_modes->setTabToolTip(3, tr("Check how the endpoint treats good and bad webhooks"));

    m_problem->setObjectName(QStringLiteral("sendProblem"));
    m_problem->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setToolTip(tr("Run the current mode (Ctrl+Return)"));
    m_cancel->setObjectName(QStringLiteral("cancel"));
    auto *sendAction = new QAction(this);
    sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(sendAction, &QAction::triggered, this, &SenderWindow::send);
    addAction(sendAction);

    auto *bottom = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_send);
    buttons->addWidget(m_cancel);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(buttons);
    bottomLayout->addWidget(m_modes, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_form);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(splitter);
    setCentralWidget(central);

    connect(m_form, &SenderForm::changed, this, &SenderWindow::updateButtons);
    connect(m_modes, &QTabWidget::currentChanged, this, &SenderWindow::updateButtons);
    for (SendModePage *page : pages()) {
        connect(page, &SendModePage::optionsChanged, this, &SenderWindow::updateButtons);
        connect(page, &SendModePage::runningChanged, this, &SenderWindow::updateButtons);
        connect(page, &SendModePage::recorded, this, &SenderWindow::record);
    }
    connect(m_send, &QPushButton::clicked, this, &SenderWindow::send);
    connect(m_cancel, &QPushButton::clicked, this, &SenderWindow::cancel);
    connect(m_history, &SendHistoryView::loadRequested, this,
            [this](const OutgoingRequest &request) {
                m_form->setRequest(request);
                statusBar()->showMessage(tr("Loaded; choose the x-vwo-auth key again"), 5000);
            });
    m_history->setStore(nullptr, tr("No history: the event database is not known."));

    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 165, metrics.lineSpacing() * 50);
    updateButtons();
}

SenderWindow::~SenderWindow()
{
    for (SendModePage *page : pages())
        disconnect(page, nullptr, this, nullptr); // no record() into a half-destroyed window
}

QList<SendModePage *> SenderWindow::pages() const
{
    return {m_once, m_vwo, m_load, m_audit};
}

void SenderWindow::setReceiverUrl(const QUrl &url)
{
    m_form->setDefaultUrl(url);
}

void SenderWindow::setKeyRing(KeyRing *ring)
{
    m_form->setKeyRing(ring);
}

QString SenderWindow::setDatabase(const QString &path)
{
    const QString error = m_store.open(path);
    m_history->setStore(&m_store,
                        error.isEmpty() ? QString() : tr("History unavailable: %1").arg(error));
    return error;
}

void SenderWindow::setMode(Mode mode)
{
    m_modes->setCurrentIndex(int(mode));
}

SenderWindow::Mode SenderWindow::mode() const
{
    return Mode(m_modes->currentIndex());
}

SendModePage *SenderWindow::currentPage() const
{
    return qobject_cast<SendModePage *>(m_modes->currentWidget());
}

bool SenderWindow::isRunning() const
{
    for (SendModePage *page : pages()) {
        if (page->isRunning())
            return true;
    }
    return false;
}

QString SenderWindow::problem() const
{
    if (!m_form->problem().isEmpty())
        return m_form->problem();
    if (SendModePage *page = currentPage())
        return page->optionsProblem();
    return {};
}

bool SenderWindow::canSend() const
{
    return currentPage() && !isRunning() && problem().isEmpty();
}

void SenderWindow::updateButtons()
{
    const bool running = isRunning();
    m_send->setEnabled(canSend());
    m_cancel->setEnabled(running);
    // The form shows its own problems; the mode's options are told here.
    const QString pageProblem = currentPage() ? currentPage()->optionsProblem() : QString();
    m_problem->setText(running ? tr("Running…") : pageProblem);
}

void SenderWindow::send()
{
    if (!canSend())
        return;
    currentPage()->start(m_form->request());
    updateButtons();
}

void SenderWindow::cancel()
{
    for (SendModePage *page : pages()) {
        if (page->isRunning())
            page->cancel();
    }
}

void SenderWindow::record(SendRecord record)
{
    if (!m_store.isOpen())
        return;
    const QString error = m_store.append(&record);
    if (!error.isEmpty())
        statusBar()->showMessage(tr("Not kept in the history: %1").arg(error), 10000);
    m_history->reload();
}

void SenderWindow::closeEvent(QCloseEvent *event)
{
    cancel(); // a closed window sends nothing more
    QMainWindow::closeEvent(event);
}

} // namespace hookbench
