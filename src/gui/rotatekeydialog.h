#pragma once

#include <QDialog>

#include <chrono>

class QLineEdit;
class QSpinBox;

namespace hookbench {

// Asks before a rotation: how long the current primary stays accepted, and a label for the new
// key. The grace period defaults to the key ring's (VWO retries a webhook for an hour).
class RotateKeyDialog : public QDialog
{
    Q_OBJECT
public:
    RotateKeyDialog(const QString &primaryId, std::chrono::seconds defaultGrace,
                    QWidget *parent = nullptr);

    std::chrono::seconds grace() const;
    QString label() const;

    // A spin box in minutes, also used by the import dialog when importing rotates.
    static QSpinBox *createGraceSpinBox(std::chrono::seconds grace, QWidget *parent);

private:
    QSpinBox *m_grace;
    QLineEdit *m_label;
};

} // namespace hookbench
