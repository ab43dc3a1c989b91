#include "senderform.h"

#include "eventdetailjson.h"
#include "headereditor.h"
#include "inlinemessage.h"
#include "jsonhighlighter.h"
#include "sender/vwopayload.h"
#include "senderpresets.h"
#include "ui_senderform.h"

#include <QComboBox>
#include <QDateTime>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>

namespace hookbench {

namespace {

// "line L, column C" of a byte offset, both from 1.
QString position(const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return SenderForm::tr("line %1, column %2")
        .arg(before.count('\n') + 1)
        .arg(offset - lineStart + 1);
}

} // namespace

SenderForm::SenderForm(SenderPresets *presets, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SenderForm>())
    , m_presets(presets)
{
    m_ui->setupUi(this);
    if (!m_presets) {
        m_ownPresets = std::make_unique<SenderPresets>();
        m_presets = m_ownPresets.get();
    }
    // Theme icons are looked up at run time, so they are set here rather than in the form.
    const std::pair<QPushButton *, const char *> icons[] = {
        {m_ui->savePreset, "document-save-as"},
        {m_ui->deletePreset, "edit-delete"},
        {m_ui->importCurl, "document-import"},
        {m_ui->vwoTemplate, "document-new"},
        {m_ui->formatPayload, "format-indent-more"}};
    for (const auto &[button, icon] : icons)
        button->setIcon(QIcon::fromTheme(QLatin1String(icon)));
    m_ui->validationMessage->setType(InlineMessage::Error);
    m_ui->validationMessage->hide();
    m_ui->formNote->setCloseButtonVisible(true);
    m_ui->formNote->hide();
    connect(m_ui->formNote, &InlineMessage::closed, m_ui->formNote, &QWidget::hide);

    m_ui->payload->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->payload->setMinimumHeight(m_ui->payload->fontMetrics().lineSpacing() * 8);
    m_highlighter = new JsonHighlighter(m_ui->payload->document());

    connect(m_ui->presets, &QComboBox::activated, this,
            [this](int index) { applyPreset(m_ui->presets->itemText(index)); });
    connect(m_ui->savePreset, &QPushButton::clicked, this, &SenderForm::askPresetName);
    connect(m_ui->deletePreset, &QPushButton::clicked, this, &SenderForm::deletePreset);
    connect(m_ui->importCurl, &QPushButton::clicked, this, &SenderForm::askForCurl);
    connect(m_ui->vwoTemplate, &QPushButton::clicked, this, &SenderForm::useVwoTemplate);
    connect(m_ui->formatPayload, &QPushButton::clicked, this, &SenderForm::formatPayload);
    connect(m_ui->method, &QComboBox::editTextChanged, this, &SenderForm::validate);
    connect(m_ui->url, &QLineEdit::textChanged, this, &SenderForm::validate);
    connect(m_ui->headers, &HeaderEditor::changed, this, [this] {
        followTypedKey();
        validate();
    });
    connect(m_ui->payload, &QPlainTextEdit::textChanged, this, &SenderForm::validate);
    connect(m_ui->keyChooser, &QComboBox::activated, this, &SenderForm::onKeyChosen);

    fillKeyChooser();
    fillPresets();
    useVwoTemplate();
    m_ui->headers->setHeaders({{"Content-Type", "application/json"}});
    validate();
}

SenderForm::~SenderForm() = default;

void SenderForm::setDefaultUrl(const QUrl &url)
{
    if (m_ui->url->text().isEmpty())
        m_ui->url->setText(url.toString());
}

OutgoingRequest SenderForm::request() const
{
    OutgoingRequest request;
    request.method = m_ui->method->currentText().trimmed().toUtf8();
    request.url = QUrl(m_ui->url->text().trimmed(), QUrl::TolerantMode);
    request.headers = m_ui->headers->headers();
    request.body = m_ui->payload->toPlainText().toUtf8();
    return request;
}

QByteArray SenderForm::authKey() const
{
    for (const auto &[name, value] : m_ui->headers->headers()) {
        if (HeaderEditor::isSecretHeader(name))
            return value;
    }
    return {};
}

void SenderForm::setRequest(const OutgoingRequest &request)
{
    m_updating = true;
    m_ui->method->setCurrentText(QString::fromUtf8(request.method));
    m_ui->url->setText(request.url.toString());
    HeaderList headers;
    bool typedKey = false;
    for (const auto &header : request.headers) {
        if (HeaderEditor::isSecretHeader(header.first)) {
            if (header.second == "[redacted]")
                continue; // the history never keeps the key
            typedKey = true;
        }
        headers.append(header);
    }
    m_ui->headers->setHeaders(headers);
    m_ui->payload->setPlainText(QString::fromUtf8(request.body));
    m_updating = false;
    chooseKey(typedKey ? QStringLiteral("typed") : QStringLiteral("none"));
    validate();
}

void SenderForm::useVwoTemplate()
{
    const QByteArray body = VwoPayload::templateBody(QDateTime::currentSecsSinceEpoch());
    // Through a cursor, so Ctrl+Z brings the previous payload back.
    QTextCursor cursor(m_ui->payload->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prettyJson(body));
}

void SenderForm::formatPayload()
{
    const QByteArray bytes = m_ui->payload->toPlainText().toUtf8();
    QJsonParseError error{};
    QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return; // the state line already says why
    QTextCursor cursor(m_ui->payload->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prettyJson(bytes));
}

QString SenderForm::payloadProblem() const
{
    const QByteArray bytes = m_ui->payload->toPlainText().toUtf8();
    if (bytes.trimmed().isEmpty())
        return {};
    QByteArray contentType;
    for (const auto &[name, value] : m_ui->headers->headers()) {
        if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = value;
    }
    const bool json = contentType.isEmpty() || contentType.toLower().contains("json");
    QJsonParseError error{};
    QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        m_ui->payloadState->setText(tr("Valid JSON, %1 bytes.").arg(bytes.size()));
        return {};
    }
    const QString where = tr("%1 at %2").arg(error.errorString(), position(bytes, error.offset));
    m_ui->payloadState->setText(json ? tr("Not valid JSON: %1.").arg(where)
                                     : tr("Not JSON (%1); sent as typed.").arg(where));
    // A deliberate non-JSON payload needs a Content-Type that says so.
    return json ? tr("Payload: not valid JSON (%1); set a non-JSON Content-Type to send it anyway")
                      .arg(where)
                : QString();
}

void SenderForm::validate()
{
    if (m_updating)
        return;
    m_ui->payloadState->setText(tr("No body."));
    m_problem = request().validate();
    const QString payload = payloadProblem();
    if (m_problem.isEmpty())
        m_problem = payload;
    if (m_problem.isEmpty() && !m_pendingKey.isEmpty())
        m_problem = tr("x-vwo-auth: reading the key from the key ring…");
    m_ui->validationMessage->setText(m_problem);
    m_ui->validationMessage->setVisible(!m_problem.isEmpty());
    Q_EMIT changed();
}

} // namespace hookbench
