#include "senderform.h"

#include "eventdetailjson.h"
#include "headereditor.h"
#include "inlinemessage.h"
#include "jsonhighlighter.h"
#include "sender/vwopayload.h"
#include "senderpresets.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextCursor>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QPushButton *toolButton(const QString &text, const char *name, const char *icon, QWidget *parent)
{
    auto *b = new QPushButton(QIcon::fromTheme(QLatin1String(icon)), text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAutoDefault(false);
    return b;
}

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
    , m_presets(presets)
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_key(new QComboBox(this))
    , m_headers(new HeaderEditor(this))
    , m_body(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_body->document()))
    , m_bodyState(new QLabel(this))
    , m_presetChooser(new QComboBox(this))
    , m_deletePreset(toolButton(tr("Delete"), "deletePreset", "edit-delete", this))
    , m_message(new InlineMessage(this))
    , m_note(new InlineMessage(this))
{
    if (!m_presets) {
        m_ownPresets = std::make_unique<SenderPresets>();
        m_presets = m_ownPresets.get();
    }
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setType(InlineMessage::Error);
    m_message->hide();
    m_note->setObjectName(QStringLiteral("formNote"));
    m_note->setCloseButtonVisible(true);
    m_note->hide();
    connect(m_note, &InlineMessage::closed, m_note, &QWidget::hide);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("requestTabs"));
    tabs->addTab(createPayloadPage(), tr("&Payload"));
    tabs->addTab(m_headers, tr("&Headers"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createToolRow());
    layout->addWidget(createTargetRow());
    layout->addWidget(m_message);
    layout->addWidget(m_note);
    layout->addWidget(tabs, 1);

    connect(m_method, &QComboBox::editTextChanged, this, &SenderForm::validate);
    connect(m_url, &QLineEdit::textChanged, this, &SenderForm::validate);
    connect(m_headers, &HeaderEditor::changed, this, [this] {
        followTypedKey();
        validate();
    });
    connect(m_body, &QPlainTextEdit::textChanged, this, &SenderForm::validate);
    connect(m_key, &QComboBox::activated, this, &SenderForm::onKeyChosen);

    fillKeyChooser();
    fillPresets();
    useVwoTemplate();
    m_headers->setHeaders({{"Content-Type", "application/json"}});
    validate();
}

SenderForm::~SenderForm() = default;

QWidget *SenderForm::createToolRow()
{
    auto *row = new QWidget(this);
    m_presetChooser->setObjectName(QStringLiteral("presets"));
    m_presetChooser->setMinimumContentsLength(16);
    m_presetChooser->setToolTip(tr("Fill the form from a saved preset"));
    auto *label = new QLabel(tr("Pre&set:"), row);
    label->setBuddy(m_presetChooser);
    auto *save = toolButton(tr("Save as Preset…"), "savePreset", "document-save-as", row);
    save->setToolTip(tr("Save this form (a typed x-vwo-auth key is never saved)"));
    auto *curl = toolButton(tr("Import &curl…"), "importCurl", "document-import", row);
    curl->setToolTip(tr("Fill the form from a curl command line"));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_presetChooser);
    layout->addWidget(save);
    layout->addWidget(m_deletePreset);
    layout->addStretch();
    layout->addWidget(curl);
    connect(m_presetChooser, &QComboBox::activated, this,
            [this](int index) { applyPreset(m_presetChooser->itemText(index)); });
    connect(save, &QPushButton::clicked, this, &SenderForm::askPresetName);
    connect(m_deletePreset, &QPushButton::clicked, this, &SenderForm::deletePreset);
    connect(curl, &QPushButton::clicked, this, &SenderForm::askForCurl);
    return row;
}

QWidget *SenderForm::createTargetRow()
{
    m_method->setObjectName(QStringLiteral("method"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("GET"), QStringLiteral("DELETE")});
    m_method->setToolTip(tr("VWO sends POST; type any other method to test the endpoint"));
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setClearButtonEnabled(true);
    m_url->setPlaceholderText(QStringLiteral("https://example.com/vwo-webhook"));
    m_key->setObjectName(QStringLiteral("keyChooser"));
    m_key->setToolTip(tr("Where the x-vwo-auth header's value comes from"));
    m_key->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *row = new QWidget(this);
    auto *urlLabel = new QLabel(tr("&URL:"), row);
    urlLabel->setBuddy(m_url);
    auto *keyLabel = new QLabel(tr("&x-vwo-auth:"), row);
    keyLabel->setBuddy(m_key);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_method);
    layout->addWidget(urlLabel);
    layout->addWidget(m_url, 1);
    layout->addSpacing(8);
    layout->addWidget(keyLabel);
    layout->addWidget(m_key);
    return row;
}

QWidget *SenderForm::createPayloadPage()
{
    m_body->setObjectName(QStringLiteral("payload"));
    m_body->setAccessibleName(tr("Payload"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setPlaceholderText(tr("No body"));
    m_body->setMinimumHeight(m_body->fontMetrics().lineSpacing() * 8);
    m_bodyState->setObjectName(QStringLiteral("payloadState"));
    m_bodyState->setTextFormat(Qt::PlainText);
    m_bodyState->setWordWrap(true);
    auto *page = new QWidget(this);
    auto *vwo = toolButton(tr("&VWO Template"), "vwoTemplate", "document-new", page);
    vwo->setToolTip(tr("The payload VWO sends; its timestamp is set to now on every attempt"));
    auto *format = toolButton(tr("&Format"), "formatPayload", "format-indent-more", page);
    format->setToolTip(tr("Indent the payload when it is JSON"));
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_bodyState, 1);
    tools->addWidget(vwo);
    tools->addWidget(format);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_body, 1);
    layout->addLayout(tools);
    connect(vwo, &QPushButton::clicked, this, &SenderForm::useVwoTemplate);
    connect(format, &QPushButton::clicked, this, &SenderForm::formatPayload);
    return page;
}

void SenderForm::setDefaultUrl(const QUrl &url)
{
    if (m_url->text().isEmpty())
        m_url->setText(url.toString());
}

OutgoingRequest SenderForm::request() const
{
    OutgoingRequest request;
    request.method = m_method->currentText().trimmed().toUtf8();
    request.url = QUrl(m_url->text().trimmed(), QUrl::TolerantMode);
    request.headers = m_headers->headers();
    request.body = m_body->toPlainText().toUtf8();
    return request;
}

QByteArray SenderForm::authKey() const
{
    for (const auto &[name, value] : m_headers->headers()) {
        if (HeaderEditor::isSecretHeader(name))
            return value;
    }
    return {};
}

void SenderForm::setRequest(const OutgoingRequest &request)
{
    m_updating = true;
    m_method->setCurrentText(QString::fromUtf8(request.method));
    m_url->setText(request.url.toString());
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
    m_headers->setHeaders(headers);
    m_body->setPlainText(QString::fromUtf8(request.body));
    m_updating = false;
    chooseKey(typedKey ? QStringLiteral("typed") : QStringLiteral("none"));
    validate();
}

void SenderForm::useVwoTemplate()
{
    const QByteArray body = VwoPayload::templateBody(QDateTime::currentSecsSinceEpoch());
    // Through a cursor, so Ctrl+Z brings the previous payload back.
    QTextCursor cursor(m_body->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prettyJson(body));
}

void SenderForm::formatPayload()
{
    const QByteArray bytes = m_body->toPlainText().toUtf8();
    QJsonParseError error{};
    QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return; // the state line already says why
    QTextCursor cursor(m_body->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prettyJson(bytes));
}

QString SenderForm::payloadProblem() const
{
    const QByteArray bytes = m_body->toPlainText().toUtf8();
    if (bytes.trimmed().isEmpty())
        return {};
    QByteArray contentType;
    for (const auto &[name, value] : m_headers->headers()) {
        if (name.compare("Content-Type", Qt::CaseInsensitive) == 0)
            contentType = value;
    }
    const bool json = contentType.isEmpty() || contentType.toLower().contains("json");
    QJsonParseError error{};
    QJsonDocument::fromJson(bytes, &error);
    if (error.error == QJsonParseError::NoError) {
        m_bodyState->setText(tr("Valid JSON, %1 bytes.").arg(bytes.size()));
        return {};
    }
    const QString where = tr("%1 at %2").arg(error.errorString(), position(bytes, error.offset));
    m_bodyState->setText(json ? tr("Not valid JSON: %1.").arg(where)
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
    m_bodyState->setText(tr("No body."));
    m_problem = request().validate();
    const QString payload = payloadProblem();
    if (m_problem.isEmpty())
        m_problem = payload;
    if (m_problem.isEmpty() && !m_pendingKey.isEmpty())
        m_problem = tr("x-vwo-auth: reading the key from the key ring…");
    m_message->setText(m_problem);
    m_message->setVisible(!m_problem.isEmpty());
    Q_EMIT changed();
}

} // namespace hookbench
