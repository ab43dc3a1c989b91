// KeysPanel's operations: each asks the key ring, disables the buttons until the callback, and
// reports in a banner. Callbacks hold a QPointer: the panel may be gone when they run.
#include "keyspanel.h"

#include "auth/keysecret.h"
#include "importkeydialog.h"
#include "inlinemessage.h"
#include "keysmodel.h"
#include "onetimesecretdialog.h"
#include "rotatekeydialog.h"
#include "secretclipboard.h"
#include "secrets/secretstore.h"
#include "sentences.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace hookbench {

namespace {

QString clockTime(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("HH:mm"));
}

} // namespace

void KeysPanel::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_busyLabel->setText(busy ? what : QString());
    updateActions();
}

void KeysPanel::showStatus(const QString &text, int type)
{
    m_statusMessage->setType(InlineMessage::Type(type));
    m_statusMessage->setText(text);
    m_statusMessage->show();
}

bool KeysPanel::report(const KeyRing::Result &result, const QString &failure)
{
    if (!result.error.isEmpty()) {
        showStatus(failure + QLatin1Char(' ') + asSentence(result.error), InlineMessage::Error);
        return false;
    }
    if (!result.warning.isEmpty())
        showStatus(asSentence(result.warning), InlineMessage::Warning);
    else
        m_statusMessage->hide(); // an older error no longer applies
    return true;
}

QString KeysPanel::graceEndText(const KeyRing::Result &result) const
{
    if (result.replacedId.isEmpty())
        return {};
    const std::optional<KeyInfo> old = m_ring->key(result.replacedId);
    if (old && old->acceptedAt(m_ring->now()))
        return tr("The previous key, %1, stays accepted until %2.")
            .arg(result.replacedId, clockTime(old->graceUntil));
    return tr("The previous key, %1, is refused from now on.").arg(result.replacedId);
}

void KeysPanel::generate()
{
    if (m_busy)
        return;
    setBusy(true, tr("Generating…"));
    const QPointer<KeysPanel> self(this);
    m_ring->generate(m_endpoint, {}, [self](const KeyRing::Result &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (self->report(result, tr("Could not generate a key.")))
            self->showNewSecret(result, {});
    });
}

void KeysPanel::rotate()
{
    const std::optional<KeyInfo> primary = m_ring->primaryKey(m_endpoint);
    if (m_busy || !primary)
        return;
    auto *dialog = new RotateKeyDialog(primary->id, m_ring->defaultGrace(), this);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        dialog->deleteLater();
        if (result != QDialog::Accepted || m_busy)
            return;
        setBusy(true, tr("Rotating…"));
        const QPointer<KeysPanel> self(this);
        m_ring->rotate(m_endpoint, dialog->label(), dialog->grace(),
                       [self](const KeyRing::Result &result) {
                           if (!self)
                               return;
                           self->setBusy(false);
                           if (self->report(result, tr("Could not rotate the key.")))
                               self->showNewSecret(result, self->graceEndText(result));
                       });
    });
    dialog->open();
}

void KeysPanel::importKey()
{
    if (m_busy)
        return;
    const std::optional<KeyInfo> primary = m_ring->primaryKey(m_endpoint);
    auto *dialog =
        new ImportKeyDialog(primary ? primary->id : QString(), m_ring->defaultGrace(), this);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        dialog->deleteLater();
        if (result != QDialog::Accepted || m_busy)
            return;
        setBusy(true, tr("Importing…"));
        const QPointer<KeysPanel> self(this);
        const auto done = [self](const KeyRing::Result &result) {
            if (!self)
                return;
            self->setBusy(false);
            if (!self->report(result, tr("Could not import the key.")))
                return;
            self->selectKey(result.key.id);
            const QString imported =
                tr("Key %1 is imported and is now the primary key.").arg(result.key.id);
            const QString previous = self->graceEndText(result);
            if (result.warning.isEmpty())
                self->showStatus(previous.isEmpty() ? imported
                                                    : imported + QLatin1Char(' ') + previous,
                                 InlineMessage::Information);
        };
        QByteArray secret = dialog->secret();
        if (dialog->rotates())
            m_ring->rotate(m_endpoint, dialog->label(), dialog->grace(), done, secret);
        else
            m_ring->importKey(m_endpoint, dialog->label(), secret, done);
        secret.fill('\0');
    });
    dialog->open();
}

void KeysPanel::showNewSecret(const KeyRing::Result &result, const QString &details)
{
    selectKey(result.key.id);
    auto *dialog = new OneTimeSecretDialog(result.key.id, result.secret, details, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<OneTimeSecretDialog> guarded(dialog);
    connect(dialog, &OneTimeSecretDialog::copyRequested, this, [this, guarded] {
        if (guarded)
            copySecret(guarded->keyId(), guarded->secret(), guarded.data());
    });
    dialog->open();
}

void KeysPanel::revokeSelected()
{
    const QString id = selectedKeyId();
    const std::optional<KeyInfo> key = m_ring->key(id);
    if (m_busy || !key || key->state == KeyState::Revoked)
        return;
    // One text, not text + informative text: QMessageBox wraps a short question very narrow.
    QString text = tr("Revoke key %1?").arg(id) + QLatin1Char(' ') +
                   tr("Requests signed with it are refused at once, and its secret is deleted. "
                      "This cannot be undone.");
    const QDateTime now = m_ring->now();
    const QList<KeyInfo> keys = m_ring->keys(m_endpoint);
    const bool lastAccepted =
        key->acceptedAt(now) && std::none_of(keys.cbegin(), keys.cend(), [&](const KeyInfo &other) {
            return other.id != id && other.acceptedAt(now);
        });
    if (lastAccepted) {
        text += QStringLiteral("\n\n") + tr("It is the endpoint's last accepted key: every request "
                                            "is refused until you generate or import a new one.");
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Revoke Key"), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revokeConfirmation"));
    QPushButton *revoke = box->addButton(tr("&Revoke"), QMessageBox::DestructiveRole);
    revoke->setObjectName(QStringLiteral("confirmRevokeButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, revoke, id] {
        box->deleteLater();
        if (box->clickedButton() == revoke)
            this->revoke(id);
    });
    box->open();
}

void KeysPanel::revoke(const QString &id)
{
    if (m_busy)
        return;
    setBusy(true, tr("Revoking…"));
    const QPointer<KeysPanel> self(this);
    m_ring->revoke(id, [self, id](const KeyRing::Result &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (self->report(result, tr("Could not revoke key %1.").arg(id)) &&
            result.warning.isEmpty())
            self->showStatus(tr("Key %1 is revoked: requests signed with it are refused.").arg(id),
                             InlineMessage::Information);
    });
}

void KeysPanel::endGraceSelected()
{
    const QString id = selectedKeyId();
    if (m_busy || id.isEmpty())
        return;
    setBusy(true, tr("Ending the grace period…"));
    const QPointer<KeysPanel> self(this);
    m_ring->endGraceNow(id, [self, id](const KeyRing::Result &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (self->report(result, tr("Could not end the grace period of key %1.").arg(id)))
            self->showStatus(tr("Key %1 is refused from now on.").arg(id),
                             InlineMessage::Information);
    });
}

void KeysPanel::revealSelected()
{
    const QString id = selectedKeyId();
    if (m_busy || id.isEmpty())
        return;
    setBusy(true, tr("Reading the key…"));
    const QPointer<KeysPanel> self(this);
    m_ring->reveal(id, [self, id](const KeyRing::Result &result) {
        if (!self)
            return;
        self->setBusy(false);
        // The selection may have moved on while the key was read: show nothing then.
        if (!self->report(result, tr("Could not reveal key %1.").arg(id)) ||
            self->selectedKeyId() != id || !self->isVisible())
            return;
        self->m_revealedId = id;
        self->m_secretEdit->setText(QString::fromLatin1(result.secret));
        self->m_revealedFor.start();
        self->m_revealTimer.start(self->m_revealDurationMs);
        self->m_revealTick.start();
        self->updateRevealCountdown();
        self->updateActions();
    });
}

void KeysPanel::copySelected()
{
    const std::optional<KeyInfo> key = m_ring->key(selectedKeyId());
    if (m_busy || !key)
        return;
    setBusy(true, tr("Reading the key…"));
    const QPointer<KeysPanel> self(this);
    const QString id = key->id;
    m_ring->copyOut(id, [self, id](KeyRing::Result result) {
        if (!self)
            return;
        self->setBusy(false);
        if (!self->report(result, tr("Could not copy key %1.").arg(id)))
            return;
        self->putOnClipboard(id, result.secret, {});
        result.secret.fill('\0');
    });
}

void KeysPanel::copySecret(const QString &id, const QByteArray &secret, QPointer<QWidget> feedback)
{
    if (m_busy)
        return;
    setBusy(true, tr("Copying…"));
    // Audited first: no copy without a trace.
    const QPointer<KeysPanel> self(this);
    m_ring->noteCopied(id, [self, id, secret, feedback](const KeyRing::Result &result) {
        if (!self)
            return;
        self->setBusy(false);
        if (!self->report(result, tr("Could not copy key %1.").arg(id)))
            return;
        self->putOnClipboard(id, secret, feedback);
    });
}

void KeysPanel::putOnClipboard(const QString &id, const QByteArray &secret,
                               QPointer<QWidget> feedback)
{
    m_clipboard->copy(secret);
    const int seconds = (m_clipboard->clearAfterMs() + 999) / 1000;
    showStatus(tr("Key %1 is on the clipboard; it is cleared in %n s unless you copy something "
                  "else.",
                  nullptr, seconds)
                   .arg(id),
               InlineMessage::Information);
    if (auto *dialog = qobject_cast<OneTimeSecretDialog *>(feedback.data()))
        dialog->setCopied();
}

} // namespace hookbench
