#include "rotatekeydialog.h"

#include "auth/keysecret.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace hookbench {

namespace {
constexpr int MaxGraceMinutes = 7 * 24 * 60;
}

QSpinBox *RotateKeyDialog::createGraceSpinBox(std::chrono::seconds grace, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QStringLiteral("graceSpin"));
    spin->setRange(0, MaxGraceMinutes);
    spin->setSuffix(tr(" min", "grace period unit"));
    spin->setSpecialValueText(tr("None: refuse it at once"));
    spin->setValue(int(std::clamp<qint64>((qint64(grace.count()) + 59) / 60, 0, MaxGraceMinutes)));
    spin->setAccessibleName(tr("Grace period in minutes"));
    spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a number, not a text field
    return spin;
}

RotateKeyDialog::RotateKeyDialog(const QString &primaryId, std::chrono::seconds defaultGrace,
                                 QWidget *parent)
    : QDialog(parent)
    , m_grace(createGraceSpinBox(defaultGrace, this))
    , m_label(new QLineEdit(this))
{
    setObjectName(QStringLiteral("rotateKeyDialog"));
    setWindowTitle(tr("Rotate Key"));

    auto *text = new QLabel(
        tr("A new primary key is generated. Requests signed with key %1 stay accepted for the "
           "grace period, so that webhooks VWO is still retrying get through; after it they are "
           "refused.")
            .arg(primaryId),
        this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);

    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setMaxLength(webhookkey::MaxLabelLength);
    m_label->setPlaceholderText(tr("Optional, e.g. “staging”"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Grace period:"), m_grace);
    form->addRow(tr("&Label of the new key:"), m_label);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rotate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

std::chrono::seconds RotateKeyDialog::grace() const
{
    return std::chrono::minutes(m_grace->value());
}

QString RotateKeyDialog::label() const
{
    return m_label->text().trimmed();
}

} // namespace hookbench
