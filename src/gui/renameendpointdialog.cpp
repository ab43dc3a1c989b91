#include "renameendpointdialog.h"

#include "auth/keysecret.h"
#include "inlinemessage.h"
#include "sentences.h"
#include "statuscolours.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace hookbench {

RenameEndpointDialog::RenameEndpointDialog(const QString &from, const QStringList &taken,
                                           QWidget *parent)
    : QDialog(parent)
    , m_from(from)
    , m_taken(taken)
    , m_edit(new QLineEdit(from, this))
    , m_error(new QLabel(this))
    , m_message(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("renameEndpointDialog"));
    setWindowTitle(tr("Rename Endpoint"));
    auto *intro = new QLabel(tr("Events, webhook keys, the settings-file account and its "
                                "history move to the new name. The endpoint's URL stays."),
                             this);
    intro->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("newNameEdit"));
    m_edit->setMaxLength(64);
    m_edit->selectAll();
    m_error->setObjectName(QStringLiteral("newNameError"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, failureTextColour(palette));
    m_error->setPalette(palette);
    m_error->hide();
    m_message->setObjectName(QStringLiteral("renameMessage"));
    m_message->setType(InlineMessage::Error);
    m_message->hide();

    auto *form = new QFormLayout;
    auto *label = new QLabel(tr("&New name:"), this);
    label->setBuddy(m_edit);
    form->addRow(label, m_edit);
    form->addRow(QString(), m_error);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_edit, &QLineEdit::textChanged, this, &RenameEndpointDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RenameEndpointDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(std::max(width(), fontMetrics().averageCharWidth() * 60), height());
}

void RenameEndpointDialog::setRename(Rename rename)
{
    m_rename = std::move(rename);
}

QString RenameEndpointDialog::newName() const
{
    return m_edit->text().trimmed();
}

void RenameEndpointDialog::validate()
{
    const QString name = newName();
    m_problem = webhookkey::checkEndpoint(name);
    if (!m_problem.isEmpty())
        m_problem = asSentence(m_problem);
    else if (name != m_from && m_taken.contains(name))
        m_problem = tr("An endpoint named %1 exists already.").arg(name);
    m_error->setText(m_problem);
    m_error->setVisible(!m_problem.isEmpty());
    m_edit->setAccessibleDescription(m_problem);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_problem.isEmpty() && name != m_from && !m_busy);
}

void RenameEndpointDialog::submit()
{
    validate();
    if (!m_problem.isEmpty() || newName() == m_from || m_busy)
        return;
    if (!m_rename)
        return accept();
    m_busy = true;
    m_edit->setEnabled(false);
    validate();
    const QPointer<RenameEndpointDialog> self(this);
    m_rename(newName(), [self](const QString &error) {
        if (!self)
            return;
        self->m_busy = false;
        self->m_edit->setEnabled(true);
        self->validate();
        if (error.isEmpty())
            return self->accept();
        self->m_message->setText(tr("Not renamed: %1").arg(asSentence(error)));
        self->m_message->show();
    });
}

} // namespace hookbench
