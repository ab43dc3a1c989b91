#pragma once

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace hookbench {

// Shows a newly generated key once, with a Copy button, and says that it will not be shown
// again unless revealed (which the audit trail records). Copying is left to the panel, which
// audits it and clears the clipboard later.
class OneTimeSecretDialog : public QDialog
{
    Q_OBJECT
public:
    // `details`: a sentence on what happened to the previous primary, or empty.
    OneTimeSecretDialog(const QString &keyId, const QByteArray &secret, const QString &details,
                        QWidget *parent = nullptr);
    ~OneTimeSecretDialog() override;

    QString keyId() const { return m_keyId; }
    QByteArray secret() const;
    void setCopied(); // feedback on the button

Q_SIGNALS:
    void copyRequested();

private:
    QString m_keyId;
    QLineEdit *m_secret;
    QPushButton *m_copy;
};

} // namespace hookbench
