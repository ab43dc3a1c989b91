// SenderForm: the x-vwo-auth key chooser, presets and curl import.
#include "senderform.h"

#include "auth/keyring.h"
#include "headereditor.h"
#include "inlinemessage.h"
#include "sender/curlimport.h"
#include "senderpresets.h"
#include "ui_senderform.h"

#include <QComboBox>
#include <QInputDialog>
#include <QPushButton>
#include <QStandardItemModel>

namespace hookbench {

namespace {

const QString NoKey = QStringLiteral("none");
const QString TypedKey = QStringLiteral("typed");

} // namespace

void SenderForm::setKeyRing(KeyRing *ring)
{
    if (m_ring)
        disconnect(m_ring, nullptr, this, nullptr);
    m_ring = ring;
    if (ring) {
        connect(ring, &KeyRing::keyAdded, this, &SenderForm::fillKeyChooser);
        connect(ring, &KeyRing::keyChanged, this, &SenderForm::fillKeyChooser);
    }
    fillKeyChooser();
}

void SenderForm::fillKeyChooser()
{
    const QString current = keyChoice();
    const QSignalBlocker blocker(m_ui->keyChooser);
    m_ui->keyChooser->clear();
    m_ui->keyChooser->addItem(tr("No x-vwo-auth"), NoKey);
    if (m_ring) {
        const QDateTime now = m_ring->now();
        for (const KeyInfo &key : m_ring->allKeys()) {
            const QString label = key.label.isEmpty() ? tr("(no label)") : key.label;
            m_ui->keyChooser->addItem(
                QIcon::fromTheme(QStringLiteral("dialog-password")),
                tr("%1 · %2 (%3)").arg(label, key.id, keyStateName(key.stateAt(now))), key.id);
            // A revoked key's value is gone from the secret store.
            if (key.stateAt(now) == KeyState::Revoked) {
                if (auto *model = qobject_cast<QStandardItemModel *>(m_ui->keyChooser->model()))
                    model->item(m_ui->keyChooser->count() - 1)->setEnabled(false);
            }
        }
    }
    m_ui->keyChooser->addItem(tr("Typed below"), TypedKey);
    const int index = m_ui->keyChooser->findData(current.isEmpty() ? NoKey : current);
    m_ui->keyChooser->setCurrentIndex(index < 0 ? 0 : index);
}

QString SenderForm::keyChoice() const
{
    return m_ui->keyChooser->currentData().toString();
}

void SenderForm::chooseKey(const QString &choice)
{
    const int index = m_ui->keyChooser->findData(choice);
    if (index < 0)
        return;
    m_ui->keyChooser->setCurrentIndex(index);
    onKeyChosen();
}

void SenderForm::onKeyChosen()
{
    const QString choice = keyChoice();
    m_pendingKey.clear();
    m_ringValue.clear();
    ++m_keyRequest; // an answer for an earlier choice is dropped
    if (choice == NoKey) {
        setAuthHeader(nullptr);
    } else if (choice == TypedKey) {
        if (authKey().isEmpty()) {
            const QByteArray empty;
            setAuthHeader(&empty);
        }
        m_ui->headers->setSecretsRevealed(true); // the user types it: let them see it
    } else if (m_ring) {
        m_pendingKey = choice;
        const QPointer<SenderForm> self(this);
        const quint64 request = m_keyRequest;
        // Audited as "revealed": the value lands in this window's headers table.
        m_ring->reveal(choice, [self, request](const KeyRing::Result &result) {
            if (!self || request != self->m_keyRequest)
                return;
            self->m_pendingKey.clear();
            if (!result.error.isEmpty()) {
                self->m_ui->formNote->setType(InlineMessage::Error);
                self->m_ui->formNote->setText(
                    tr("x-vwo-auth: the key could not be read: %1").arg(result.error));
                self->m_ui->formNote->show();
                self->setAuthHeader(nullptr);
            } else {
                self->m_ringValue = result.secret;
                self->m_ui->headers->setSecretsRevealed(false);
                self->setAuthHeader(&result.secret);
            }
            self->validate();
        });
    }
    validate();
}

void SenderForm::setAuthHeader(const QByteArray *value)
{
    HeaderList headers;
    bool placed = false;
    for (const auto &header : m_ui->headers->headers()) {
        if (!HeaderEditor::isSecretHeader(header.first)) {
            headers.append(header);
        } else if (value && !placed) {
            headers.append({header.first, *value});
            placed = true;
        }
    }
    if (value && !placed)
        headers.append({QByteArrayLiteral("x-vwo-auth"), *value});
    m_updating = true; // one validate() for the whole change
    m_ui->headers->setHeaders(headers);
    m_updating = false;
}

void SenderForm::followTypedKey()
{
    if (m_updating || !m_pendingKey.isEmpty())
        return;
    const QString choice = keyChoice();
    const QByteArray value = authKey();
    bool hasHeader = false;
    for (const auto &header : m_ui->headers->headers())
        hasHeader = hasHeader || HeaderEditor::isSecretHeader(header.first);
    // Editing the value by hand makes it a typed key; removing the row makes it none.
    QString follows = choice;
    if (!hasHeader)
        follows = NoKey;
    else if (choice == NoKey || (choice != TypedKey && value != m_ringValue))
        follows = TypedKey;
    if (follows != choice) {
        m_ui->keyChooser->setCurrentIndex(m_ui->keyChooser->findData(follows));
        m_ringValue.clear();
    }
}

QString SenderForm::importCurl(const QString &commandLine)
{
    const CurlImport imported = hookbench::importCurl(commandLine);
    if (!imported.error.isEmpty())
        return imported.error;
    setRequest(imported.request);
    if (imported.notes.isEmpty()) {
        m_ui->formNote->hide();
    } else {
        m_ui->formNote->setType(InlineMessage::Information);
        m_ui->formNote->setText(tr("Imported. %1").arg(imported.notes.join(QStringLiteral("; "))));
        m_ui->formNote->show();
    }
    return {};
}

void SenderForm::askForCurl()
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        this, tr("Import curl Command"), tr("Paste a curl command line:"), QString(), &ok);
    if (!ok)
        return;
    const QString error = importCurl(text);
    if (error.isEmpty())
        return;
    m_ui->formNote->setType(InlineMessage::Error);
    m_ui->formNote->setText(tr("Not imported: %1.").arg(error));
    m_ui->formNote->show();
}

void SenderForm::savePreset(const QString &name)
{
    const OutgoingRequest current = request();
    SenderPreset preset;
    preset.name = name.trimmed();
    preset.method = current.method;
    preset.url = m_ui->url->text().trimmed();
    preset.headers = current.headers; // save() drops x-vwo-auth
    const QString choice = keyChoice();
    if (choice != NoKey && choice != TypedKey)
        preset.keyId = choice;
    preset.body = current.body;
    m_presets->save(preset);
    fillPresets();
    m_ui->presets->setCurrentText(preset.name);
}

bool SenderForm::applyPreset(const QString &name)
{
    const std::optional<SenderPreset> preset = m_presets->preset(name);
    if (!preset)
        return false;
    OutgoingRequest request;
    request.method = preset->method;
    request.url = QUrl(preset->url, QUrl::TolerantMode);
    request.headers = preset->headers;
    request.body = preset->body;
    setRequest(request);
    if (!preset->keyId.isEmpty()) {
        if (m_ui->keyChooser->findData(preset->keyId) >= 0) {
            chooseKey(preset->keyId);
        } else {
            m_ui->formNote->setType(InlineMessage::Warning);
            m_ui->formNote->setText(
                tr("The preset's key %1 is not in the key ring any more: choose "
                   "another one.")
                    .arg(preset->keyId));
            m_ui->formNote->show();
        }
    }
    return true;
}

void SenderForm::askPresetName()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as Preset"), tr("Preset name:"),
                                               QLineEdit::Normal, m_ui->presets->currentText(), &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        savePreset(name);
}

void SenderForm::fillPresets()
{
    const QString current = m_ui->presets->currentText();
    const QSignalBlocker blocker(m_ui->presets);
    m_ui->presets->clear();
    m_ui->presets->addItems(m_presets->names());
    m_ui->presets->setCurrentIndex(m_ui->presets->findText(current));
    m_ui->presets->setPlaceholderText(tr("No presets yet"));
    m_ui->presets->setEnabled(m_ui->presets->count() > 0);
    m_ui->deletePreset->setEnabled(m_ui->presets->count() > 0);
}

void SenderForm::deletePreset()
{
    const QString name = m_ui->presets->currentText();
    if (name.isEmpty())
        return;
    m_presets->remove(name);
    fillPresets();
}

} // namespace hookbench
