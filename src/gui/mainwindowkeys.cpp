// MainWindow: the webhook keys of the sidebar's endpoint, in a window of their own beside the log.
#include "mainwindow.h"

#include "auth/keyring.h"
#include "auth/keysecret.h"
#include "eventdetailview.h"
#include "keyspanel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>
#include <QVBoxLayout>

namespace hookbench {

void MainWindow::setKeyRing(KeyRing *ring)
{
    m_keyRing = ring;
    QAction *keys = m_receiverMenu->addAction(QIcon::fromTheme(QStringLiteral("dialog-password")),
                                              tr("Webhook &Keys…"), this, &MainWindow::showKeys);
    keys->setObjectName(QStringLiteral("keysAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    // A first key closes an endpoint to strangers, its last revoked one opens it again.
    connect(ring, &KeyRing::keyAdded, this, &MainWindow::updateExposureMessage);
    connect(ring, &KeyRing::keyChanged, this, &MainWindow::updateExposureMessage);
    connect(m_detail, &EventDetailView::secretNeeded, this,
            [this](qint64 eventId, const QString &keyId) {
                const QPointer<EventDetailView> detail(m_detail);
                m_keyRing->reveal(keyId, [detail, eventId, keyId](const KeyRing::Result &result) {
                    if (detail)
                        detail->provideSecret(eventId, keyId, result.secret, result.error);
                });
            });
}

void MainWindow::withStoredKey(const Event &event, std::function<void(const Event &)> then)
{
    qsizetype header = -1;
    for (qsizetype i = 0; i < event.headers.size(); ++i) {
        if (event.headers.at(i).first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            header = i;
    }
    const bool placeholder =
        header >= 0 && event.auth == AuthOutcome::Ok && !event.keyId.isEmpty() &&
        webhookkey::redactedFingerprint(event.headers.at(header).second) == event.keyId;
    if (!placeholder || !m_keyRing)
        return then(event);
    const QPointer<MainWindow> self(this);
    m_keyRing->reveal(event.keyId, [self, event, header, then](const KeyRing::Result &result) {
        if (!self)
            return;
        Event withKey = event;
        if (result.error.isEmpty())
            withKey.headers[header].second = result.secret;
        else
            self->statusBar()->showMessage(
                tr("x-vwo-auth stays a placeholder: %1").arg(result.error), 10000);
        then(withKey);
    });
}

void MainWindow::showKeys()
{
    if (!m_keysDialog) {
        // Not modal: the keys (grace countdown, uses) can stay open while requests arrive.
        m_keysDialog = new QDialog(this);
        m_keysDialog->setObjectName(QStringLiteral("keysDialog"));
        m_keysPanel = new KeysPanel(m_keyRing, m_keysDialog);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_keysDialog);
        connect(buttons, &QDialogButtonBox::rejected, m_keysDialog, &QDialog::hide);
        auto *layout = new QVBoxLayout(m_keysDialog);
        layout->addWidget(m_keysPanel, 1);
        layout->addWidget(buttons);
        m_keysDialog->resize(900, 620);
    }
    // The endpoint chosen in the sidebar (the default one while it shows all endpoints).
    const QString endpoint = keysEndpoint();
    m_keysPanel->setEndpoint(endpoint);
    m_keysDialog->setWindowTitle(m_endpoints ? tr("Webhook Keys of %1").arg(endpoint)
                                             : tr("Webhook Keys"));
    m_keysDialog->show();
    m_keysDialog->raise();
    m_keysDialog->activateWindow();
}

} // namespace hookbench
