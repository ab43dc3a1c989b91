#include "endpointdialog.h"

#include "auth/keysecret.h"
#include "endpointchip.h"
#include "sentences.h"
#include "statuscolours.h"
#include "ui_endpointdialog.h"

#include <QColorDialog>
#include <QFontDatabase>
#include <QPushButton>
#include <QScreen>

namespace hookbench {

namespace {

// The core names the endpoint first ("endpoint staging: colour ..."); beside the field, the
// rest says it.
QString fieldProblem(const Endpoint &probe)
{
    QString problem = probe.check();
    const QString prefix = QStringLiteral("endpoint %1: ").arg(probe.name);
    if (problem.startsWith(prefix))
        problem = problem.mid(prefix.size());
    return problem.isEmpty() ? problem : asSentence(problem);
}

// An endpoint that passes every check, to try one field at a time.
Endpoint probe()
{
    Endpoint endpoint;
    endpoint.name = QStringLiteral("probe");
    endpoint.path = QStringLiteral("/probe");
    return endpoint;
}

} // namespace

EndpointDialog::EndpointDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::EndpointDialog>())
    , m_mode(mode)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("endpointDialog"));
    setWindowTitle(mode == Mode::Create ? tr("New Endpoint") : tr("Edit Endpoint"));
    m_ui->nameEdit->setVisible(mode == Mode::Create);
    m_ui->nameValue->setVisible(mode == Mode::Edit);
    m_ui->nameLabel->setText(mode == Mode::Create ? tr("&Name:") : tr("Name:"));
    m_ui->saveMessage->setType(InlineMessage::Error);
    m_ui->saveMessage->hide();
    m_ui->bodyEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Four lines to start with, growing with the dialog: a scroll area's size hint (192 px)
    // made the dialog taller than a laptop screen.
    m_ui->bodyEdit->setMinimumHeight(4 * m_ui->bodyEdit->fontMetrics().lineSpacing() +
                                     2 * m_ui->bodyEdit->frameWidth() + 8);
    m_ui->bodyEdit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    for (QLabel *error : {m_ui->nameError, m_ui->pathError, m_ui->colourError, m_ui->responseError,
                          m_ui->forwardError}) {
        QPalette palette = error->palette();
        palette.setColor(QPalette::WindowText, failureTextColour(palette));
        error->setPalette(palette);
        // As wide as the field above it (a form grows only expanding fields).
        QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        error->setSizePolicy(policy);
        error->hide();
    }

    const QStringList colours = endpointrules::palette();
    QWidget *previous = m_ui->portSpin;
    for (const QString &colour : colours) {
        auto *swatch = new QToolButton(this);
        swatch->setObjectName(QStringLiteral("swatch") + colour.mid(1));
        swatch->setIcon(endpointChip(QColor(colour)));
        swatch->setCheckable(true);
        swatch->setAutoRaise(true);
        swatch->setFocusPolicy(Qt::TabFocus);
        swatch->setAccessibleName(tr("Colour %1").arg(colour));
        swatch->setToolTip(colour);
        connect(swatch, &QToolButton::clicked, this, [this, colour] { setColour(colour); });
        m_ui->swatchLayout->addWidget(swatch);
        setTabOrder(previous, swatch);
        previous = swatch;
        m_swatches.append(swatch);
    }
    setTabOrder(previous, m_ui->colourEdit);

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &EndpointDialog::nameEdited);
    connect(m_ui->nameEdit, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = true;
        validate();
    });
    connect(m_ui->pathEdit, &QLineEdit::textEdited, this, [this] { m_pathFollowsName = false; });
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_ui->ownPortCheck, &QCheckBox::toggled, m_ui->portSpin, &QWidget::setEnabled);
    connect(m_ui->ownPortCheck, &QCheckBox::toggled, this, &EndpointDialog::validate);
    connect(m_ui->portSpin, &QSpinBox::valueChanged, this, &EndpointDialog::validate);
    connect(m_ui->colourEdit, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_ui->colourButton, &QToolButton::clicked, this, &EndpointDialog::pickColour);
    connect(m_ui->overrideGroup, &QGroupBox::toggled, this, &EndpointDialog::validate);
    connect(m_ui->statusCheck, &QCheckBox::toggled, m_ui->statusSpin, &QWidget::setEnabled);
    connect(m_ui->statusCheck, &QCheckBox::toggled, this, &EndpointDialog::validate);
    connect(m_ui->bodyEdit, &QPlainTextEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_ui->forwardGroup, &QGroupBox::toggled, this, &EndpointDialog::validate);
    connect(m_ui->forwardUrlEdit, &QLineEdit::textChanged, this, &EndpointDialog::validate);
    connect(m_ui->timeoutSpin, &QSpinBox::valueChanged, this, &EndpointDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &EndpointDialog::submit);

    Endpoint fresh;
    fresh.colour = suggestedColour();
    setEndpoint(fresh);
    resize(std::max(width(), fontMetrics().averageCharWidth() * 80), height());
}

EndpointDialog::~EndpointDialog() = default;

void EndpointDialog::showEvent(QShowEvent *event)
{
    // Once, on first show: tall enough for every group at its preferred size (wrapped texts
    // need height for their width), within the screen.
    if (!m_sized) {
        m_sized = true;
        int wanted = std::max(height(), heightForWidth(width()));
        if (const QScreen *screen = this->screen())
            wanted = std::min(wanted, screen->availableGeometry().height() * 9 / 10);
        resize(width(), std::max(wanted, minimumSizeHint().height()));
    }
    QDialog::showEvent(event);
}

void EndpointDialog::setEndpoint(const Endpoint &endpoint)
{
    m_original = endpoint;
    m_ui->nameEdit->setText(endpoint.name);
    m_ui->nameValue->setText(endpoint.name);
    if (m_mode == Mode::Edit || !endpoint.path.isEmpty()) {
        m_pathFollowsName = false;
        m_ui->pathEdit->setText(endpoint.path);
    } else {
        m_pathFollowsName = true;
        nameEdited(endpoint.name);
    }
    m_ui->ownPortCheck->setChecked(endpoint.port != 0);
    m_ui->portSpin->setEnabled(endpoint.port != 0);
    if (endpoint.port != 0)
        m_ui->portSpin->setValue(endpoint.port);
    m_ui->colourEdit->setText(endpoint.colour.isEmpty() && m_mode == Mode::Edit
                                  ? endpoint.effectiveColour()
                                  : endpoint.colour);

    const ResponseOverride &response = endpoint.response;
    const bool overridden = response.status > 0 || !response.body.isEmpty() || response.delayMs > 0;
    m_ui->overrideGroup->setChecked(overridden);
    m_ui->statusCheck->setChecked(response.status > 0 || !overridden);
    m_ui->statusSpin->setEnabled(m_ui->statusCheck->isChecked());
    m_ui->statusSpin->setValue(response.status > 0 ? response.status : 503);
    m_ui->delaySpin->setValue(response.delayMs);
    m_ui->bodyEdit->setPlainText(QString::fromUtf8(response.body));

    m_ui->forwardGroup->setChecked(endpoint.forward.isSet());
    m_ui->forwardUrlEdit->setText(endpoint.forward.url.toString());
    m_ui->appAnswerRadio->setChecked(endpoint.forward.followAnswer);
    m_ui->ourAnswerRadio->setChecked(!endpoint.forward.followAnswer);
    m_ui->timeoutSpin->setValue(endpoint.forward.timeoutMs);
    validate();
}

Endpoint EndpointDialog::endpoint() const
{
    Endpoint endpoint = m_original;
    endpoint.name = m_mode == Mode::Create ? m_ui->nameEdit->text().trimmed() : m_original.name;
    endpoint.path = m_ui->pathEdit->text().trimmed();
    endpoint.port = m_ui->ownPortCheck->isChecked() ? quint16(m_ui->portSpin->value()) : 0;
    endpoint.colour = m_ui->colourEdit->text().trimmed().toLower();
    endpoint.response = ResponseOverride(); // "off" clears status, body and delay alike
    if (m_ui->overrideGroup->isChecked()) {
        endpoint.response.status = m_ui->statusCheck->isChecked() ? m_ui->statusSpin->value() : 0;
        endpoint.response.delayMs = m_ui->delaySpin->value();
        endpoint.response.body = m_ui->bodyEdit->toPlainText().toUtf8();
    }
    endpoint.forward = ForwardTarget();
    endpoint.forward.timeoutMs = m_ui->timeoutSpin->value();
    if (m_ui->forwardGroup->isChecked()) {
        endpoint.forward.url = QUrl(m_ui->forwardUrlEdit->text().trimmed(), QUrl::StrictMode);
        endpoint.forward.followAnswer = m_ui->appAnswerRadio->isChecked();
    }
    return endpoint;
}

void EndpointDialog::setOtherEndpoints(const QList<Endpoint> &others)
{
    m_others = others;
    if (m_mode == Mode::Create && m_ui->colourEdit->text() == m_original.colour)
        m_ui->colourEdit->setText(suggestedColour());
    validate();
}

void EndpointDialog::setReceiverUrl(const QUrl &url)
{
    m_receiverUrl = url;
    validate();
}

void EndpointDialog::setSubmit(Submit submit)
{
    m_submit = std::move(submit);
}

QString EndpointDialog::suggestedColour() const
{
    const QStringList colours = endpointrules::palette();
    QStringList used;
    for (const Endpoint &other : m_others)
        used.append(other.effectiveColour());
    for (const QString &colour : colours) {
        if (!used.contains(colour))
            return colour;
    }
    return colours.at(int(m_others.size() % colours.size()));
}

void EndpointDialog::nameEdited(const QString &name)
{
    if (m_mode == Mode::Create && m_pathFollowsName)
        m_ui->pathEdit->setText(QStringLiteral("/vwo/") + name.trimmed());
    validate();
}

void EndpointDialog::setColour(const QString &colour)
{
    m_ui->colourEdit->setText(colour);
}

void EndpointDialog::pickColour()
{
    const QColor current(m_ui->colourEdit->text());
    const QColor picked = QColorDialog::getColor(
        current.isValid() ? current : QColor(suggestedColour()), this, tr("Endpoint Colour"));
    if (picked.isValid())
        setColour(picked.name());
}

void EndpointDialog::updateSwatches()
{
    const QString colour = m_ui->colourEdit->text().trimmed().toLower();
    for (QToolButton *swatch : std::as_const(m_swatches))
        swatch->setChecked(swatch->toolTip() == colour);
}

void EndpointDialog::showFieldError(QLabel *label, QWidget *field, const QString &error,
                                    bool visible)
{
    label->setText(error);
    label->setVisible(visible && !error.isEmpty());
    field->setAccessibleDescription(error);
    if (!error.isEmpty())
        m_problems.append(error);
}

void EndpointDialog::validate()
{
    m_problems.clear();
    const Endpoint edited = endpoint();

    QString nameError;
    if (m_mode == Mode::Create) {
        nameError = webhookkey::checkEndpoint(edited.name);
        if (!nameError.isEmpty())
            nameError = asSentence(nameError);
        for (const Endpoint &other : std::as_const(m_others)) {
            if (nameError.isEmpty() && other.name == edited.name)
                nameError = tr("An endpoint named %1 exists already.").arg(edited.name);
        }
    }
    // A name not typed yet is no error to shout about: OK just waits for it.
    showFieldError(m_ui->nameError, m_ui->nameEdit, nameError,
                   m_nameTouched || !edited.name.isEmpty());

    QString pathError = endpointrules::checkPath(edited.path);
    if (!pathError.isEmpty()) {
        pathError = asSentence(pathError);
    } else if (edited.port != 0 && m_receiverUrl.port() == edited.port) {
        pathError = tr("Port %1 is the receiver's own port: clear Own port to serve it there.")
                        .arg(edited.port);
    } else {
        QList<Endpoint> all = m_others;
        Endpoint named = edited;
        if (named.name.isEmpty() || !nameError.isEmpty())
            named.name = tr("this endpoint");
        all.append(named);
        const QString clash = endpointrules::findClash(all);
        if (!clash.isEmpty()) // it starts with an endpoint's name: keep its case
            pathError = clash + QLatin1Char('.');
    }
    showFieldError(m_ui->pathError, m_ui->pathEdit, pathError);

    Endpoint colourProbe = probe();
    colourProbe.colour = edited.colour;
    showFieldError(m_ui->colourError, m_ui->colourEdit, fieldProblem(colourProbe));
    updateSwatches();

    Endpoint responseProbe = probe();
    responseProbe.response = edited.response;
    showFieldError(m_ui->responseError, m_ui->bodyEdit, fieldProblem(responseProbe));

    QString forwardError;
    if (m_ui->forwardGroup->isChecked() && m_ui->forwardUrlEdit->text().trimmed().isEmpty())
        forwardError = tr("Enter the URL of your app, for example "
                          "http://localhost:3000/vwo-webhook.");
    else if (const QString problem = edited.forward.check(); !problem.isEmpty())
        forwardError = asSentence(problem);
    showFieldError(m_ui->forwardError, m_ui->forwardUrlEdit, forwardError);

    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(m_problems.isEmpty());
    updateUrl();
    // A wrapped message needs height for its width, which the layout's minimum ignores: grow
    // by what the shown messages lack.
    if (isVisible()) {
        layout()->activate();
        int missing = 0;
        for (QLabel *error : {m_ui->nameError, m_ui->pathError, m_ui->colourError,
                              m_ui->responseError, m_ui->forwardError}) {
            if (error->isVisible())
                missing += std::max(0, error->heightForWidth(error->width()) - error->height());
        }
        if (missing > 0)
            resize(width(), height() + missing);
    }
}

void EndpointDialog::updateUrl()
{
    const Endpoint edited = endpoint();
    if (!m_ui->pathError->text().isEmpty()) {
        m_ui->urlValue->setText(tr("(incomplete)"));
        return;
    }
    if (!m_receiverUrl.isValid() || m_receiverUrl.isEmpty()) {
        m_ui->urlValue->setText(edited.port != 0
                                    ? tr("%1 on port %2").arg(edited.path).arg(edited.port)
                                    : tr("%1 on the receiver's port").arg(edited.path));
        return;
    }
    QUrl url = m_receiverUrl;
    url.setPath(edited.path);
    if (edited.port != 0)
        url.setPort(edited.port);
    m_ui->urlValue->setText(url.toDisplayString());
}

void EndpointDialog::submit()
{
    validate();
    if (!m_problems.isEmpty())
        return;
    const QString error = m_submit ? m_submit(endpoint()) : QString();
    if (error.isEmpty()) {
        m_ui->saveMessage->hide();
        accept();
        return;
    }
    m_ui->saveMessage->setText(tr("Not saved: %1").arg(asSentence(error)));
    m_ui->saveMessage->show();
}

} // namespace hookbench
