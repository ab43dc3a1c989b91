#pragma once

#include <QDialog>

#include <chrono>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hookbench {

// Takes a key pasted from the VWO app. The key is checked as it is typed, with the key ring's
// own rules (webhookkey::checkImported), so the message is the one the CLI gives. When the
// endpoint already has a primary key, importing rotates: the dialog asks for the grace period.
class ImportKeyDialog : public QDialog
{
    Q_OBJECT
public:
    // primaryId empty: the key becomes the endpoint's first primary.
    ImportKeyDialog(const QString &primaryId, std::chrono::seconds defaultGrace,
                    QWidget *parent = nullptr);
    ~ImportKeyDialog() override;

    QByteArray secret() const;
    QString label() const;
    bool rotates() const { return m_grace != nullptr; }
    std::chrono::seconds grace() const;
    QString problem() const { return m_problem; } // why the key is refused; empty when fine

    void done(int result) override; // forgets the key

private:
    void validate();

    QLineEdit *m_key;
    QCheckBox *m_show;
    QLabel *m_message;
    QLineEdit *m_label;
    QSpinBox *m_grace = nullptr;
    QDialogButtonBox *m_buttons;
    QString m_problem;
};

} // namespace hookbench
