#include "receiversettingsdialog.h"

#include "appsettings.h"
#include "ui_receiversettingsdialog.h"

#include <QFontDatabase>
#include <QPushButton>
#include <QShowEvent>
#include <QUrl>

#include <algorithm>

namespace hookbench {

ReceiverSettingsDialog::ReceiverSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ReceiverSettingsDialog>())
{
    m_ui->setupUi(this);

    m_ui->hostWarning->setType(InlineMessage::Warning);
    m_ui->hostWarning->setText(tr("Reachable from other machines on your network"));
    m_ui->hostWarning->hide();
    m_ui->validationMessage->setType(InlineMessage::Error);
    m_ui->validationMessage->hide();
    m_ui->bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    connect(m_ui->hostEdit, &QLineEdit::textChanged, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ReceiverSettingsDialog::validate);
    connect(m_ui->statusCheck, &QCheckBox::toggled, m_ui->statusSpin, &QWidget::setEnabled);
    setUpHttps();

    setConfig(m_config);

    // Open compact (the .ui asks for a small height; the layout's minimum wins): the body
    // needs a few lines, not the editor's default 190 px, and still grows with the dialog.
    const int frame = 2 * m_ui->bodyEdit->frameWidth() + 8;
    m_ui->bodyEdit->setMinimumHeight(5 * m_ui->bodyEdit->fontMetrics().lineSpacing() + frame);
}

ReceiverSettingsDialog::~ReceiverSettingsDialog() = default;

void ReceiverSettingsDialog::showEvent(QShowEvent *event)
{
    // The wrapped hint and warning texts need height-for-width, which the layout's minimum
    // ignores: size once on first show, wide enough for the URL, tall enough for the text.
    if (!m_sized) {
        m_sized = true;
        const int w = std::max(width(), fontMetrics().averageCharWidth() * 80);
        resize(w, std::max(height(), heightForWidth(w)));
    }
    QDialog::showEvent(event);
}

ReceiverConfig ReceiverSettingsDialog::config() const
{
    ReceiverConfig config = m_config;
    const QHostAddress host = AppSettings::parseHost(m_ui->hostEdit->text());
    if (!host.isNull())
        config.host = host;
    config.port = quint16(m_ui->portSpin->value());
    if (AppSettings::isValidPath(m_ui->pathEdit->text()))
        config.path = m_ui->pathEdit->text();
    // The receiver applies body and delay even without a status, so "off" clears all.
    config.response = ResponseOverride();
    if (m_ui->overrideGroup->isChecked()) {
        config.response.status = m_ui->statusCheck->isChecked() ? m_ui->statusSpin->value() : 0;
        config.response.body = m_ui->bodyEdit->toPlainText().toUtf8();
        config.response.delayMs = m_ui->delaySpin->value();
    }
    config.tlsChoice = httpsChoice();
    return config;
}

void ReceiverSettingsDialog::setConfig(const ReceiverConfig &config)
{
    m_config = config;
    m_ui->hostEdit->setText(config.host.toString());
    m_ui->portSpin->setValue(config.port);
    m_ui->pathEdit->setText(config.path);

    const ResponseOverride &response = config.response;
    const bool active = response.status > 0 || !response.body.isEmpty() || response.delayMs > 0;
    m_ui->overrideGroup->setChecked(active);
    m_ui->statusCheck->setChecked(response.status > 0 || !active);
    m_ui->statusSpin->setEnabled(m_ui->statusCheck->isChecked());
    m_ui->statusSpin->setValue(response.status > 0 ? response.status : 503);
    m_ui->bodyEdit->setPlainText(QString::fromUtf8(response.body));
    m_ui->delaySpin->setValue(response.delayMs);
    setHttpsChoice(config.tlsChoice);
    validate();
}

void ReceiverSettingsDialog::setDefaultEndpointMode(
    std::function<QString(const QString &path)> pathCheck)
{
    m_pathCheck = std::move(pathCheck);
    m_ui->pathLabel->setText(tr("Default endpoint pa&th:"));
    m_ui->pathEdit->setToolTip(tr("The path of the endpoint named default. Other endpoints have "
                                  "their own: Endpoint > Edit Endpoint…"));
    m_ui->overrideGroup->setTitle(tr("&Override responses of the default endpoint"));
    m_ui->overrideGroup->setToolTip(
        tr("Other endpoints have their own override: Endpoint > Edit Endpoint…"));
    validate();
}

void ReceiverSettingsDialog::validate()
{
    m_problems.clear();

    const QString hostText = m_ui->hostEdit->text().trimmed();
    const QHostAddress host = AppSettings::parseHost(hostText);
    if (hostText.isEmpty())
        m_problems << tr("Address: enter an IP address, for example 127.0.0.1.");
    else if (host.isNull())
        m_problems << tr("Address: “%1” is not an IP address.").arg(hostText);
    // Binding elsewhere than loopback is allowed, but must be an explicit, informed choice.
    m_ui->hostWarning->setVisible(!host.isNull() && !host.isLoopback());

    const QString path = m_ui->pathEdit->text();
    if (path.isEmpty())
        m_problems << tr("Path: enter a path, for example /vwo-webhook.");
    else if (!path.startsWith(QLatin1Char('/')))
        m_problems << tr("Path: must start with “/”.");
    else if (!AppSettings::isValidPath(path))
        m_problems << tr("Path: must not contain spaces, “?” or “#”.");
    else if (const QString problem = m_pathCheck ? m_pathCheck(path) : QString();
             !problem.isEmpty())
        m_problems << tr("Path: %1").arg(problem);
    validateHttps();

    m_ui->validationMessage->setText(m_problems.join(QLatin1Char('\n')));
    m_ui->validationMessage->setVisible(!m_problems.isEmpty());
    if (QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok))
        ok->setEnabled(m_problems.isEmpty());
    updateEndpointUrl();
}

void ReceiverSettingsDialog::updateEndpointUrl()
{
    if (!m_problems.isEmpty()) {
        m_ui->urlValue->setText(tr("(incomplete)"));
        return;
    }
    const ReceiverConfig current = config();
    QUrl url;
    url.setScheme(current.tlsChoice.mode == TlsChoice::Mode::Off ? QStringLiteral("http")
                                                                 : QStringLiteral("https"));
    url.setHost(current.host.toString());
    url.setPath(current.path);
    // Port 0 is only known once the receiver is listening.
    url.setPort(current.port);
    QString text = url.toDisplayString();
    if (current.port == 0)
        text = tr("%1 (port chosen at start)").arg(text);
    m_ui->urlValue->setText(text);
}

} // namespace hookbench
