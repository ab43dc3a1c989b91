#include "onetimesecretdialog.h"

#include "inlinemessage.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hookbench {

OneTimeSecretDialog::OneTimeSecretDialog(const QString &keyId, const QByteArray &secret,
                                         const QString &details, QWidget *parent)
    : QDialog(parent)
    , m_keyId(keyId)
    , m_secret(new QLineEdit(this))
    , m_copy(new QPushButton(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy"), this))
{
    setObjectName(QStringLiteral("oneTimeSecretDialog"));
    setWindowTitle(tr("New Webhook Key"));

    auto *title = new QLabel(tr("Key %1 is the new primary key").arg(keyId), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setTextFormat(Qt::PlainText);

    QString text = tr("Enter this key as the webhook's authentication key in the VWO app: VWO "
                      "then sends it in the x-vwo-auth header of every webhook.");
    if (!details.isEmpty())
        text += QLatin1Char(' ') + details;
    auto *intro = new QLabel(text, this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setText(QString::fromLatin1(secret));
    m_secret->setAccessibleName(tr("New key"));
    // Wide enough for the 64 characters of a generated key.
    m_secret->setMinimumWidth(QFontMetrics(m_secret->font()).horizontalAdvance(m_secret->text()) +
                              24);
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_copy->setAutoDefault(false); // Enter closes the dialog
    connect(m_copy, &QPushButton::clicked, this, &OneTimeSecretDialog::copyRequested);
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_copy);

    auto *warning = new InlineMessage(this);
    warning->setObjectName(QStringLiteral("onceWarning"));
    warning->setType(InlineMessage::Warning);
    warning->setText(tr("Hookbench will not show this key again. If you need it later, select "
                        "the key and click Reveal; each reveal is recorded in the audit trail."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(warning);
    layout->addWidget(buttons);
    m_secret->selectAll();
    m_secret->setFocus();
}

OneTimeSecretDialog::~OneTimeSecretDialog()
{
    m_secret->clear();
}

QByteArray OneTimeSecretDialog::secret() const
{
    return m_secret->text().toLatin1();
}

void OneTimeSecretDialog::setCopied()
{
    m_copy->setText(tr("Copied"));
}

} // namespace hookbench
