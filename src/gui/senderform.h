#pragma once

#include "sender/outgoingrequest.h"

#include <QPointer>
#include <QWidget>

#include <memory>

namespace hookbench {

namespace Ui {
class SenderForm;
}

class JsonHighlighter;
class KeyRing;
class SenderPresets;

// The request of the test-webhook sender (ui/senderform.ui): URL, method, the x-vwo-auth key (from
// the key ring, typed, or none), headers and payload, with presets and curl import. Validates as
// you type: problem() names the first bad field, and changed() tells when it may have changed.
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

    std::unique_ptr<Ui::SenderForm> m_ui; // formNote: curl import notes, key ring errors
    SenderPresets *m_presets;
    std::unique_ptr<SenderPresets> m_ownPresets;
    QPointer<KeyRing> m_ring;
    JsonHighlighter *m_highlighter;
    QString m_problem;
    QString m_pendingKey;   // the key ring id whose value is on its way
    QByteArray m_ringValue; // the value filled in from the ring, to notice edits
    quint64 m_keyRequest = 0;
    bool m_updating = false;
};

} // namespace hookbench
