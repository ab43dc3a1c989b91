#pragma once

#include "sender/outgoingrequest.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hookbench {

class HeaderEditor;
class InlineMessage;
class JsonHighlighter;
class KeyRing;
class SenderPresets;

// The request of the test-webhook sender: URL, method, the x-vwo-auth key (from the key ring,
// typed, or none), headers and payload, with presets and curl import. Validates as you type:
// problem() names the first bad field, and changed() tells when it may have changed.
class SenderForm : public QWidget
{
    Q_OBJECT
public:
    // `presets` is not owned; null: presets in the default QSettings.
    explicit SenderForm(SenderPresets *presets = nullptr, QWidget *parent = nullptr);
    ~SenderForm() override;

    // The URL a fresh form targets: our own receiver.
    void setDefaultUrl(const QUrl &url);
    // The keys offered for x-vwo-auth; `ring` is not owned.
    void setKeyRing(KeyRing *ring);

    OutgoingRequest request() const; // with x-vwo-auth as it will be sent
    QByteArray authKey() const;      // the x-vwo-auth value; empty: none
    QString problem() const { return m_problem; }
    // Fills the form; an x-vwo-auth header keeps its value as typed, "[redacted]" is dropped.
    void setRequest(const OutgoingRequest &request);

    // The key chooser: "none", "typed" or a key ring id.
    QString keyChoice() const;
    void chooseKey(const QString &choice);

    // Parses a curl command into the form. Empty on success, else the reason.
    QString importCurl(const QString &commandLine);
    void savePreset(const QString &name);
    bool applyPreset(const QString &name);

public Q_SLOTS:
    void useVwoTemplate(); // the VWO payload with `timestamp` set to now
    void formatPayload();

Q_SIGNALS:
    void changed();

private:
    QWidget *createTargetRow();
    QWidget *createPayloadPage();
    QWidget *createToolRow();
    void validate();
    QString payloadProblem() const;
    // senderformkeys.cpp
    void fillKeyChooser();
    void onKeyChosen();
    void setAuthHeader(const QByteArray *value); // null: remove the header
    void followTypedKey();
    void askForCurl();
    void askPresetName();
    void fillPresets();
    void deletePreset();

    SenderPresets *m_presets;
    std::unique_ptr<SenderPresets> m_ownPresets;
    QPointer<KeyRing> m_ring;
    QComboBox *m_method;
    QLineEdit *m_url;
    QComboBox *m_key;
    HeaderEditor *m_headers;
    QPlainTextEdit *m_body;
    JsonHighlighter *m_highlighter;
    QLabel *m_bodyState;
    QComboBox *m_presetChooser;
    QPushButton *m_deletePreset;
    InlineMessage *m_message;
    InlineMessage *m_note; // curl import notes, key ring errors
    QString m_problem;
    QString m_pendingKey;   // the key ring id whose value is on its way
    QByteArray m_ringValue; // the value filled in from the ring, to notice edits
    quint64 m_keyRequest = 0;
    bool m_updating = false;
};

} // namespace hookbench
