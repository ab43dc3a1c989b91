// The receiver settings' HTTPS group: off, a self-signed certificate for testing, or the user's
// certificate and key files (checked here for being there; their content when the receiver
// starts, with the file named in the error).
#include "receiversettingsdialog.h"

#include "ui_receiversettingsdialog.h"

#include <QFileDialog>
#include <QFileInfo>

namespace hookbench {

void ReceiverSettingsDialog::setUpHttps()
{
    for (QLineEdit *edit : {m_ui->certificateEdit, m_ui->keyEdit})
        connect(edit, &QLineEdit::textChanged, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->httpsGroup, &QGroupBox::toggled, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->filesRadio, &QRadioButton::toggled, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->certificateBrowse, &QPushButton::clicked, this,
            [this] { browse(m_ui->certificateEdit, tr("Certificate File")); });
    connect(m_ui->keyBrowse, &QPushButton::clicked, this,
            [this] { browse(m_ui->keyEdit, tr("Private Key File")); });
}

void ReceiverSettingsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).path();
    const QString path = QFileDialog::getOpenFileName(
        this, title, start, tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

TlsChoice ReceiverSettingsDialog::httpsChoice() const
{
    TlsChoice choice;
    if (m_ui->httpsGroup->isChecked())
        choice.mode =
            m_ui->filesRadio->isChecked() ? TlsChoice::Mode::Files : TlsChoice::Mode::SelfSigned;
    choice.certificatePath = m_ui->certificateEdit->text().trimmed();
    choice.keyPath = m_ui->keyEdit->text().trimmed();
    return choice;
}

void ReceiverSettingsDialog::setHttpsChoice(const TlsChoice &choice)
{
    m_ui->httpsGroup->setChecked(choice.mode != TlsChoice::Mode::Off);
    m_ui->filesRadio->setChecked(choice.mode == TlsChoice::Mode::Files);
    m_ui->selfSignedRadio->setChecked(choice.mode != TlsChoice::Mode::Files);
    m_ui->certificateEdit->setText(choice.certificatePath);
    m_ui->keyEdit->setText(choice.keyPath);
}

void ReceiverSettingsDialog::validateHttps()
{
    const bool files = m_ui->httpsGroup->isChecked() && m_ui->filesRadio->isChecked();
    const QList<QWidget *> fileWidgets{m_ui->certificateLabel,  m_ui->certificateEdit,
                                       m_ui->certificateBrowse, m_ui->keyLabel,
                                       m_ui->keyEdit,           m_ui->keyBrowse};
    for (QWidget *widget : fileWidgets)
        widget->setEnabled(files);
    if (!files)
        return;
    const auto check = [this](const QString &what, const QString &path) {
        if (path.isEmpty())
            m_problems << tr("%1: choose a file.").arg(what);
        else if (!QFileInfo(path).isFile())
            m_problems << tr("%1: “%2” is not a file.").arg(what, path);
        else if (!QFileInfo(path).isReadable())
            m_problems << tr("%1: “%2” cannot be read.").arg(what, path);
    };
    check(tr("Certificate"), m_ui->certificateEdit->text().trimmed());
    check(tr("Private key"), m_ui->keyEdit->text().trimmed());
}

} // namespace hookbench
