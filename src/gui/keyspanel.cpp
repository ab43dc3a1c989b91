#include "keyspanel.h"

#include "inlinemessage.h"
#include "keyauditmodel.h"
#include "keysemptystate.h"
#include "keysmodel.h"
#include "secretclipboard.h"
#include "secrets/secretstore.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace hookbench {

KeysPanel::KeysPanel(KeyRing *ring, QWidget *parent)
    : QWidget(parent)
    , m_ring(ring)
    , m_endpoint(KeyRing::defaultEndpoint())
    , m_keysModel(new KeysModel(ring, m_endpoint, this))
    , m_auditModel(new KeyAuditModel(ring, m_endpoint, this))
    , m_clipboard(new SecretClipboard(this))
    , m_backendMessage(new InlineMessage(this))
    , m_unavailableMessage(new InlineMessage(this))
    , m_statusMessage(new InlineMessage(this))
    , m_noKeyMessage(new InlineMessage(this))
    , m_pages(new QStackedWidget(this))
    , m_emptyPage(new KeysEmptyState(this))
{
    setObjectName(QStringLiteral("keysPanel"));
    setWindowTitle(tr("Webhook Keys"));

    m_backendMessage->setObjectName(QStringLiteral("backendMessage"));
    m_backendMessage->setType(InlineMessage::Warning);
    m_unavailableMessage->setObjectName(QStringLiteral("unavailableMessage"));
    m_unavailableMessage->setType(InlineMessage::Error);
    QPushButton *retry = m_unavailableMessage->addButton(tr("&Try Again"));
    retry->setObjectName(QStringLiteral("retrySecretsButton"));
    connect(retry, &QPushButton::clicked, this, [this] {
        m_unavailable.clear();
        updateUnavailableMessage();
        m_ring->retrySecrets();
    });
    m_statusMessage->setObjectName(QStringLiteral("statusMessage"));
    m_statusMessage->setCloseButtonVisible(true);
    m_statusMessage->hide();
    m_noKeyMessage->setObjectName(QStringLiteral("noKeyMessage"));
    m_noKeyMessage->setType(InlineMessage::Warning);
    m_noKeyMessage->setText(tr("No key of this endpoint is accepted, so every request is refused. "
                               "Generate or import a new key."));
    m_noKeyMessage->hide();

    createKeysPage();
    connect(m_emptyPage, &KeysEmptyState::generateRequested, this, &KeysPanel::generate);
    connect(m_emptyPage, &KeysEmptyState::importRequested, this, &KeysPanel::importKey);
    m_pages->addWidget(m_keysPage);
    m_pages->addWidget(m_emptyPage);

    m_auditView = new QTreeView(this);
    m_auditView->setObjectName(QStringLiteral("auditView"));
    m_auditView->setAccessibleName(tr("Audit trail"));
    m_auditView->setModel(m_auditModel);
    m_auditView->setRootIsDecorated(false);
    m_auditView->setUniformRowHeights(true);
    m_auditView->setAlternatingRowColors(true);
    m_auditView->header()->setSectionResizeMode(KeyAuditModel::TimeColumn,
                                                QHeaderView::ResizeToContents);
    m_auditView->header()->setSectionResizeMode(KeyAuditModel::KeyColumn,
                                                QHeaderView::ResizeToContents);
    m_auditSection = new QWidget(this);
    auto *auditLayout = new QVBoxLayout(m_auditSection);
    auditLayout->setContentsMargins(0, 6, 0, 0);
    auto *auditTitle = new QLabel(tr("Audit trail"), m_auditSection);
    QFont bold = auditTitle->font();
    bold.setBold(true);
    auditTitle->setFont(bold);
    auditLayout->addWidget(auditTitle);
    auditLayout->addWidget(m_auditView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_pages);
    splitter->addWidget(m_auditSection);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the dialog or dock around it has its own
    layout->setSpacing(8);
    layout->addWidget(m_backendMessage);
    layout->addWidget(m_unavailableMessage);
    layout->addWidget(m_noKeyMessage);
    layout->addWidget(m_statusMessage);
    layout->addWidget(splitter, 1);

    m_revealTimer.setSingleShot(true);
    connect(&m_revealTimer, &QTimer::timeout, this, &KeysPanel::hideSecret);
    m_revealTick.setInterval(1000);
    connect(&m_revealTick, &QTimer::timeout, this, &KeysPanel::updateRevealCountdown);

    connect(m_keysModel, &QAbstractItemModel::rowsInserted, this, &KeysPanel::updatePage);
    connect(m_keysModel, &QAbstractItemModel::modelReset, this, &KeysPanel::updatePage);
    connect(m_keysModel, &QAbstractItemModel::dataChanged, this, &KeysPanel::updateActions);
    connect(m_keysModel, &KeysModel::errorOccurred, this,
            [this](const QString &message) { showStatus(message, InlineMessage::Error); });
    connect(m_auditModel, &KeyAuditModel::errorOccurred, this,
            [this](const QString &message) { showStatus(message, InlineMessage::Error); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (!m_revealedId.isEmpty() && m_revealedId != selectedKeyId())
            hideSecret();
        updateActions();
    });
    connect(m_clipboard, &SecretClipboard::cleared, this, [this] {
        if (m_statusMessage->type() == InlineMessage::Information)
            m_statusMessage->hide(); // "on the clipboard" no longer holds
    });
    connect(ring, &KeyRing::keyChanged, this, &KeysPanel::keyChanged);
    connect(ring, &KeyRing::secretUnavailable, this, &KeysPanel::noteSecretUnavailable);
    connect(ring, &KeyRing::errorOccurred, this,
            [this](const QString &message) { showStatus(message, InlineMessage::Error); });
    connect(ring->secretStore(), &SecretStore::backendChanged, this,
            &KeysPanel::updateBackendMessage);

    updateBackendMessage();
    setEndpoint(m_endpoint);
}

KeysPanel::~KeysPanel() = default;

void KeysPanel::setEndpoint(const QString &endpoint)
{
    hideSecret();
    m_endpoint = endpoint;
    m_keysModel->setEndpoint(endpoint);
    m_auditModel->setEndpoint(endpoint);
    m_unavailable.clear();
    for (const KeyInfo &key : m_ring->keys(endpoint)) {
        const QString error = m_ring->secretError(key.id);
        if (!error.isEmpty() && key.acceptedAt(m_ring->now()))
            m_unavailable.insert(key.id, error);
    }
    updateUnavailableMessage();
    updatePage();
}

int KeysPanel::clipboardClearMs() const
{
    return m_clipboard->clearAfterMs();
}

void KeysPanel::setClipboardClearMs(int ms)
{
    m_clipboard->setClearAfterMs(ms);
}

QString KeysPanel::selectedKeyId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_keysModel->keyAt(current.row()).id : QString();
}

void KeysPanel::selectKey(const QString &id)
{
    const int row = m_keysModel->rowOfId(id);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_keysModel->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect |
                                                   QItemSelectionModel::Rows);
}

void KeysPanel::updatePage()
{
    const bool empty = m_keysModel->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? m_emptyPage : m_keysPage);
    m_auditSection->setVisible(!empty);
    if (!empty && !m_table->selectionModel()->currentIndex().isValid())
        selectKey(m_keysModel->keyAt(0).id);
    updateActions();
}

void KeysPanel::updateActions()
{
    const int row = m_keysModel->rowOfId(selectedKeyId());
    const bool selected = row >= 0;
    const KeyState state = selected ? m_keysModel->stateAt(row) : KeyState::Revoked;
    const bool hasPrimary = m_ring->primaryKey(m_endpoint).has_value();
    const QDateTime now = m_ring->now();
    const QList<KeyInfo> keys = m_ring->keys(m_endpoint);
    m_noKeyMessage->setVisible(
        !keys.isEmpty() && std::none_of(keys.cbegin(), keys.cend(),
                                        [&](const KeyInfo &key) { return key.acceptedAt(now); }));
    m_generateButton->setEnabled(!m_busy && !hasPrimary);
    m_generateButton->setToolTip(hasPrimary ? tr("This endpoint has a primary key: rotate to "
                                                 "replace it")
                                            : tr("Generate a random 256-bit key"));
    m_emptyPage->setButtonsEnabled(!m_busy);
    m_importButton->setEnabled(!m_busy);
    m_importButton->setToolTip(hasPrimary ? tr("Replace the primary key with a key from the VWO "
                                               "app (a rotation)")
                                          : tr("Use a key from the VWO app"));
    m_rotateButton->setEnabled(!m_busy && hasPrimary);
    m_revokeButton->setEnabled(!m_busy && selected && state != KeyState::Revoked);
    m_endGraceButton->setEnabled(!m_busy && selected && state == KeyState::Grace);
    const bool hasSecret = selected && state != KeyState::Revoked;
    m_revealButton->setEnabled(!m_busy && (hasSecret || !m_revealedId.isEmpty()));
    m_copyButton->setEnabled(!m_busy && hasSecret);
    m_secretEdit->setEnabled(hasSecret);
    m_secretCaption->setText(selected ? tr("Key %1:").arg(m_keysModel->keyAt(row).id) : tr("Key:"));
    if (m_revealedId.isEmpty()) {
        m_secretEdit->setPlaceholderText(!selected ? QString()
                                         : state == KeyState::Revoked
                                             ? tr("Removed when the key was revoked")
                                             : tr("Hidden; Reveal shows it for %n s", nullptr,
                                                  (m_revealDurationMs + 999) / 1000));
    }
}

void KeysPanel::updateBackendMessage()
{
    const SecretStore *store = m_ring->secretStore();
    const bool file = store->backend() == SecretStore::Backend::File;
    m_backendMessage->setVisible(file);
    if (file) {
        m_backendMessage->setText(
            tr("Keys are stored in a file only you can read, %1, because %2. The system keychain "
               "would keep them safer.")
                .arg(store->fallbackPath(), store->fallbackReason()));
    }
}

void KeysPanel::noteSecretUnavailable(const QString &keyId, const QString &error)
{
    const std::optional<KeyInfo> key = m_ring->key(keyId);
    if (!key || key->endpoint != m_endpoint)
        return;
    m_unavailable.insert(keyId, error);
    updateUnavailableMessage();
}

void KeysPanel::updateUnavailableMessage()
{
    m_unavailableMessage->setVisible(!m_unavailable.isEmpty());
    if (m_unavailable.isEmpty())
        return;
    QStringList reasons;
    for (auto it = m_unavailable.cbegin(); it != m_unavailable.cend(); ++it)
        reasons.append(tr("key %1: %2").arg(it.key(), it.value()));
    m_unavailableMessage->setText(
        tr("The secret of %n key(s) cannot be read, so requests signed with it are refused "
           "(%1).",
           nullptr, int(m_unavailable.size()))
            .arg(reasons.join(QStringLiteral("; "))));
}

void KeysPanel::keyChanged(const KeyInfo &key)
{
    // A key that is no longer accepted does not need its secret.
    if (!key.acceptedAt(m_ring->now()) && m_unavailable.remove(key.id) > 0)
        updateUnavailableMessage();
    if (key.id == m_revealedId && key.state == KeyState::Revoked)
        hideSecret();
}

void KeysPanel::updateRevealCountdown()
{
    if (m_revealedId.isEmpty())
        return;
    const qint64 left = qMax<qint64>(0, m_revealDurationMs - m_revealedFor.elapsed());
    // On the button that hides it: the countdown and the way to end it early, in one place.
    m_revealButton->setText(tr("&Hide (%n s)", nullptr, int((left + 999) / 1000)));
}

void KeysPanel::hideSecret()
{
    m_revealTimer.stop();
    m_revealTick.stop();
    m_revealedId.clear();
    m_secretEdit->clear();
    m_revealButton->setText(tr("Re&veal"));
    updateActions();
}

void KeysPanel::hideEvent(QHideEvent *event)
{
    // Nobody is looking: no reason to leave the key on screen.
    hideSecret();
    QWidget::hideEvent(event);
}

} // namespace hookbench
