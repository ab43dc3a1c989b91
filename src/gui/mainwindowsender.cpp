// MainWindow: the Send menu, which opens the test-webhook sender.
#include "mainwindow.h"

#include "eventlogmodel.h"
#include "senderwindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace hookbench {

void MainWindow::createSenderMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Send"));
    QAction *send = menu->addAction(QIcon::fromTheme(QStringLiteral("document-send")),
                                    tr("Send &Test Webhook…"), this, [this] { showSender(false); });
    send->setObjectName(QStringLiteral("sendTestWebhookAction"));
    send->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    send->setToolTip(tr("Send a webhook like VWO does, to this receiver or any endpoint"));
    QAction *check = menu->addAction(QIcon::fromTheme(QStringLiteral("security-medium")),
                                     tr("&Check an Endpoint…"), this, [this] { showSender(true); });
    check->setObjectName(QStringLiteral("checkEndpointAction"));
    check->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    check->setToolTip(tr("See how an endpoint treats good and bad webhooks"));
}

void MainWindow::showSender(bool audit)
{
    if (!m_senderWindow) {
        // A window of its own: runs can last an hour while the log keeps updating.
        m_senderWindow = new SenderWindow(nullptr, this);
        m_senderWindow->setWindowFlag(Qt::Window);
        m_senderWindow->setReceiverUrl(m_url);
        m_senderWindow->setKeyRing(m_keyRing);
        if (!m_model->database().isEmpty()) {
            const QString error = m_senderWindow->setDatabase(m_model->database());
            if (!error.isEmpty())
                statusBar()->showMessage(tr("Send history unavailable: %1").arg(error), 10000);
        }
    }
    if (audit)
        m_senderWindow->setMode(SenderWindow::Mode::Audit);
    m_senderWindow->show();
    m_senderWindow->raise();
    m_senderWindow->activateWindow();
}

} // namespace hookbench
