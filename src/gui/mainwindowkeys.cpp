// MainWindow: the webhook keys, in a window of their own beside the log.
#include "mainwindow.h"

#include "keyspanel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QVBoxLayout>

namespace hookbench {

void MainWindow::setKeyRing(KeyRing *ring)
{
    m_keyRing = ring;
    QAction *keys = m_receiverMenu->addAction(QIcon::fromTheme(QStringLiteral("dialog-password")),
                                              tr("Webhook &Keys…"), this, &MainWindow::showKeys);
    keys->setObjectName(QStringLiteral("keysAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
}

void MainWindow::showKeys()
{
    if (!m_keysDialog) {
        // Not modal: the keys (grace countdown, uses) can stay open while requests arrive.
        m_keysDialog = new QDialog(this);
        m_keysDialog->setObjectName(QStringLiteral("keysDialog"));
        m_keysDialog->setWindowTitle(tr("Webhook Keys"));
        m_keysPanel = new KeysPanel(m_keyRing, m_keysDialog);
        m_keysPanel->setEndpoint(m_config.endpoint);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_keysDialog);
        connect(buttons, &QDialogButtonBox::rejected, m_keysDialog, &QDialog::hide);
        auto *layout = new QVBoxLayout(m_keysDialog);
        layout->addWidget(m_keysPanel, 1);
        layout->addWidget(buttons);
        m_keysDialog->resize(900, 620);
    }
    m_keysDialog->show();
    m_keysDialog->raise();
    m_keysDialog->activateWindow();
}

} // namespace hookbench
