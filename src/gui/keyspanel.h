#pragma once

#include "auth/keyring.h"

#include <QElapsedTimer>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace hookbench {

class InlineMessage;
class KeyAuditModel;
class KeysEmptyState;
class KeysModel;
class SecretClipboard;

// "Webhook Keys": one endpoint's keys with their state, the buttons that change them, the
// selected key's secret (hidden until revealed, for a limited time) and the audit trail.
// Every key ring operation is asynchronous: the buttons are disabled while one runs and its
// error shows in a banner; the GUI thread never waits for the keychain.
class KeysPanel : public QWidget
{
    Q_OBJECT
    Q_PROPERTY(int revealDurationMs READ revealDurationMs WRITE setRevealDurationMs)
    Q_PROPERTY(int clipboardClearMs READ clipboardClearMs WRITE setClipboardClearMs)
public:
    // `ring` is not owned and must outlive the panel.
    explicit KeysPanel(KeyRing *ring, QWidget *parent = nullptr);
    ~KeysPanel() override;

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);

    int revealDurationMs() const { return m_revealDurationMs; }
    void setRevealDurationMs(int ms) { m_revealDurationMs = ms; }
    int clipboardClearMs() const;
    void setClipboardClearMs(int ms);

    KeysModel *keysModel() const { return m_keysModel; }
    KeyAuditModel *auditModel() const { return m_auditModel; }
    QString selectedKeyId() const;
    void selectKey(const QString &id);
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void generate();
    void importKey();      // asks for the key
    void rotate();         // asks for the grace period
    void revokeSelected(); // asks for confirmation
    void endGraceSelected();
    void revealSelected();
    void copySelected();
    void hideSecret();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void createKeysPage();
    QWidget *createSecretRow();
    void updatePage();
    void updateActions();
    void updateBackendMessage();
    void updateUnavailableMessage();
    void noteSecretUnavailable(const QString &keyId, const QString &error);
    void keyChanged(const hookbench::KeyInfo &key);
    void updateRevealCountdown();

    // keyspaneloperations.cpp
    void setBusy(bool busy, const QString &what = {});
    // Shows the error or warning of `result`; false when the operation failed.
    bool report(const KeyRing::Result &result, const QString &failure);
    void showStatus(const QString &text, int type);
    void showNewSecret(const KeyRing::Result &result, const QString &details);
    // Audits a copy of a value already in hand (the one-time display), then puts it there.
    void copySecret(const QString &id, const QByteArray &secret,
                    QPointer<QWidget> feedback = nullptr);
    void putOnClipboard(const QString &id, const QByteArray &secret, QPointer<QWidget> feedback);
    void revoke(const QString &id);
    QString graceEndText(const KeyRing::Result &result) const;

    KeyRing *m_ring;
    QString m_endpoint;
    KeysModel *m_keysModel;
    KeyAuditModel *m_auditModel;
    SecretClipboard *m_clipboard;

    InlineMessage *m_backendMessage;
    InlineMessage *m_unavailableMessage;
    InlineMessage *m_statusMessage;
    InlineMessage *m_noKeyMessage; // keys, but none accepted: every request is refused
    QStackedWidget *m_pages;
    KeysEmptyState *m_emptyPage;
    QWidget *m_keysPage = nullptr;
    QWidget *m_auditSection = nullptr;
    QTableView *m_table = nullptr;
    QTreeView *m_auditView = nullptr;
    QPushButton *m_generateButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_rotateButton = nullptr;
    QPushButton *m_revokeButton = nullptr;
    QPushButton *m_endGraceButton = nullptr;
    QLabel *m_busyLabel = nullptr;

    QLabel *m_secretCaption = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QPushButton *m_revealButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QString m_revealedId;
    QElapsedTimer m_revealedFor;
    QTimer m_revealTimer; // hides the secret
    QTimer m_revealTick;  // counts down
    int m_revealDurationMs = 30000;

    QMap<QString, QString> m_unavailable; // key id -> why its secret cannot be read
    bool m_busy = false;
};

} // namespace hookbench
