#include "importkeydialog.h"

#include "auth/keysecret.h"
#include "rotatekeydialog.h"
#include "sentences.h"
#include "statuscolours.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace hookbench {

ImportKeyDialog::ImportKeyDialog(const QString &primaryId, std::chrono::seconds defaultGrace,
                                 QWidget *parent)
    : QDialog(parent)
    , m_key(new QLineEdit(this))
    , m_show(new QCheckBox(tr("&Show key"), this))
    , m_message(new QLabel(this))
    , m_label(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("importKeyDialog"));
    setWindowTitle(tr("Import Key"));

    auto *intro = new QLabel(tr("Paste the webhook's authentication key from the VWO app."), this);
    intro->setWordWrap(true);

    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setMaxLength(webhookkey::MaxImportLength + 1); // one more, to say it is too long
    m_key->setAccessibleName(tr("Key"));
    m_show->setObjectName(QStringLiteral("showKeyCheck"));
    connect(m_show, &QCheckBox::toggled, this, [this](bool show) {
        m_key->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_message->setObjectName(QStringLiteral("validationLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    // Room for two lines, so the dialog does not jump while typing.
    m_message->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_label->setObjectName(QStringLiteral("labelEdit"));
    m_label->setMaxLength(webhookkey::MaxLabelLength);
    m_label->setPlaceholderText(tr("Optional, e.g. “production”"));

    auto *keyLabel = new QLabel(tr("&Key:"), this);
    keyLabel->setBuddy(m_key);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_show);
    auto *form = new QFormLayout;
    form->addRow(keyLabel, keyRow);
    form->addRow(QString(), m_message);
    form->addRow(tr("&Label:"), m_label);
    if (!primaryId.isEmpty()) {
        auto *rotation = new QLabel(tr("The imported key replaces key %1 as the primary key. "
                                       "Requests signed with %1 stay accepted for the grace "
                                       "period.")
                                        .arg(primaryId),
                                    this);
        rotation->setWordWrap(true);
        m_grace = RotateKeyDialog::createGraceSpinBox(defaultGrace, this);
        form->addRow(rotation);
        form->addRow(tr("&Grace period:"), m_grace);
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_key, &QLineEdit::textChanged, this, &ImportKeyDialog::validate);
    connect(m_label, &QLineEdit::textChanged, this, &ImportKeyDialog::validate);
    setMinimumWidth(520);
    validate();
}

ImportKeyDialog::~ImportKeyDialog()
{
    m_key->clear();
}

QByteArray ImportKeyDialog::secret() const
{
    // UTF-8, so a non-ASCII character reaches the check as such (and is refused by it).
    return m_key->text().toUtf8();
}

QString ImportKeyDialog::label() const
{
    return m_label->text().trimmed();
}

std::chrono::seconds ImportKeyDialog::grace() const
{
    return std::chrono::minutes(m_grace ? m_grace->value() : 0);
}

void ImportKeyDialog::validate()
{
    QByteArray key = secret();
    const bool empty = key.isEmpty();
    m_problem = empty ? QString() : webhookkey::checkImported(key);
    key.fill('\0');
    if (m_problem.isEmpty())
        m_problem = webhookkey::checkLabel(label());
    QPalette palette = m_message->palette();
    if (!m_problem.isEmpty()) {
        m_message->setText(asSentence(m_problem));
        palette.setColor(QPalette::WindowText, failureTextColour(palette));
    } else {
        m_message->setText(empty ? tr("16 to 256 printable ASCII characters, no spaces.")
                                 : tr("The key can be imported."));
        palette.setColor(QPalette::WindowText,
                         QGuiApplication::palette().color(QPalette::PlaceholderText));
    }
    m_message->setPalette(palette);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!empty && m_problem.isEmpty());
}

void ImportKeyDialog::done(int result)
{
    if (result != QDialog::Accepted)
        m_key->clear();
    QDialog::done(result);
}

} // namespace hookbench
