#include "resenddialog.h"

#include "eventdetailhexdump.h"
#include "eventdetailjson.h"
#include "headereditor.h"
#include "inlinemessage.h"
#include "jsonhighlighter.h"
#include "sendresultview.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextCursor>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QPushButton *button(const QString &text, const char *objectName, const char *icon, QWidget *parent)
{
    auto *b = new QPushButton(QIcon::fromTheme(QLatin1String(icon)), text, parent);
    b->setObjectName(QLatin1String(objectName));
    b->setAutoDefault(false); // Return in a field must not send or close
    return b;
}

// "line L, column C" of a byte offset, both from 1.
QString position(const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return ResendDialog::tr("line %1, column %2")
        .arg(before.count('\n') + 1)
        .arg(offset - lineStart + 1);
}

} // namespace

ResendDialog::ResendDialog(Mode mode, const Event &event, const QUrl &target, QWidget *parent)
    : QDialog(parent)
    , m_sender(new RequestSender(this))
    , m_method(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_message(new InlineMessage(this))
    , m_headers(new HeaderEditor(this))
    , m_body(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_body->document()))
    , m_bodyNote(new QLabel(this))
    , m_format(button(tr("&Format JSON"), "formatJson", "format-indent-more", this))
    , m_result(new SendResultView(this))
    , m_send(button(tr("&Send"), "send", "document-send", this))
    , m_cancel(button(tr("Ca&ncel"), "cancel", "process-stop", this))
    , m_close(button(tr("Close"), "close", "window-close", this))
{
    setWindowTitle(mode == Mode::Replay ? tr("Replay request") : tr("Resend request"));
    const OutgoingRequest initial = OutgoingRequest::fromEvent(event, target);

    m_method->setObjectName(QStringLiteral("method"));
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({QStringLiteral("POST"), QStringLiteral("GET"), QStringLiteral("PUT"),
                        QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                        QStringLiteral("OPTIONS")});
    m_method->setCurrentText(QString::fromLatin1(initial.method));
    m_method->setToolTip(tr("Any HTTP method; type one that is not in the list"));
    m_url->setObjectName(QStringLiteral("url"));
    m_url->setText(initial.url.toString(QUrl::FullyEncoded));
    m_url->setClearButtonEnabled(true);
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:4000/vwo-webhook"));
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setType(InlineMessage::Error);
    m_message->hide();

    m_headers->setHeaders(initial.headers);
    m_originalBody = initial.body;
    m_binaryBody = !isDisplayableText(m_originalBody);
    m_body->setPlainText(m_binaryBody ? QString() : QString::fromUtf8(m_originalBody));
    m_originalBodyText = m_body->toPlainText();

    auto *methodLabel = new QLabel(tr("&Method:"), this);
    methodLabel->setBuddy(m_method);
    auto *urlLabel = new QLabel(tr("&URL:"), this);
    urlLabel->setBuddy(m_url);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(methodLabel);
    targetRow->addWidget(m_method);
    targetRow->addSpacing(8);
    targetRow->addWidget(urlLabel);
    targetRow->addWidget(m_url, 1);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("requestTabs"));
    tabs->addTab(m_headers, tr("&Headers"));
    tabs->addTab(createBodyPage(), tr("&Body"));
    auto *requestPart = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestPart);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addLayout(targetRow);
    requestLayout->addWidget(m_message);
    requestLayout->addWidget(tabs, 1);

    auto *response = new QGroupBox(tr("Response"), this);
    auto *responseLayout = new QVBoxLayout(response);
    responseLayout->addWidget(m_result);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(requestPart);
    splitter->addWidget(response);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_send->setToolTip(tr("Send the request (Ctrl+Return)"));
    m_cancel->setToolTip(tr("Stop waiting for the answer (Escape)"));
    auto *sendAction = new QAction(this);
    sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    connect(sendAction, &QAction::triggered, this, &ResendDialog::send);
    addAction(sendAction);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);

    connect(m_method, &QComboBox::editTextChanged, this, &ResendDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &ResendDialog::validate);
    connect(m_headers, &HeaderEditor::changed, this, &ResendDialog::validate);
    connect(m_body, &QPlainTextEdit::textChanged, this, [this] {
        m_bodyNote->setVisible(m_binaryBody);
        validate();
    });
    connect(m_format, &QPushButton::clicked, this, &ResendDialog::formatBody);
    connect(m_send, &QPushButton::clicked, this, &ResendDialog::send);
    connect(m_cancel, &QPushButton::clicked, this, &ResendDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_sender, &RequestSender::finished, this, &ResendDialog::onFinished);

    const QFontMetrics metrics = fontMetrics();
    resize(metrics.averageCharWidth() * 100, metrics.lineSpacing() * 40);
    validate();
    m_url->setFocus();
}

ResendDialog::~ResendDialog() = default;

QWidget *ResendDialog::createBodyPage()
{
    m_body->setObjectName(QStringLiteral("body"));
    m_body->setAccessibleName(tr("Request body"));
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setPlaceholderText(tr("No body"));
    m_body->setReadOnly(m_binaryBody);
    m_bodyNote->setObjectName(QStringLiteral("bodyNote"));
    m_bodyNote->setTextFormat(Qt::PlainText);
    m_bodyNote->setWordWrap(true);
    if (m_binaryBody) {
        m_bodyNote->setText(tr("The body is binary (%1 bytes): it is sent unchanged and cannot "
                               "be edited here.")
                                .arg(QLocale().toString(m_originalBody.size())));
    }
    m_bodyNote->setVisible(m_binaryBody);
    m_format->setToolTip(tr("Indent the body when it is JSON"));
    m_format->setEnabled(!m_binaryBody);

    auto *page = new QWidget(this);
    auto *tools = new QHBoxLayout;
    tools->addWidget(m_bodyNote, 1);
    tools->addWidget(m_format, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_body, 1);
    layout->addLayout(tools);
    return page;
}

bool ResendDialog::revealSecrets() const
{
    return m_headers->secretsRevealed();
}

void ResendDialog::setRevealSecrets(bool reveal)
{
    m_headers->setSecretsRevealed(reveal);
}

QByteArray ResendDialog::body() const
{
    if (m_binaryBody)
        return m_originalBody;
    const QString text = m_body->toPlainText();
    return text == m_originalBodyText ? m_originalBody : text.toUtf8();
}

OutgoingRequest ResendDialog::request() const
{
    OutgoingRequest request;
    request.method = m_method->currentText().trimmed().toUtf8();
    request.url = QUrl(m_url->text().trimmed(), QUrl::TolerantMode);
    request.headers = m_headers->headers();
    request.body = body();
    return request;
}

bool ResendDialog::isSending() const
{
    return m_sender->isBusy();
}

QString ResendDialog::statusText() const
{
    return m_result->statusText();
}

void ResendDialog::validate()
{
    OutgoingRequest probe;
    probe.method = m_method->currentText().trimmed().toUtf8();
    probe.url = QUrl(m_url->text().trimmed(), QUrl::TolerantMode);
    probe.headers = m_headers->headers();
    // validate() only asks whether there is a body: no copy of the text per keystroke.
    if (m_binaryBody || !m_body->document()->isEmpty())
        probe.body = QByteArrayLiteral(" ");
    m_problem = probe.validate();
    m_message->setText(m_problem);
    m_message->setVisible(!m_problem.isEmpty());
    updateButtons();
}

void ResendDialog::updateButtons()
{
    const bool sending = isSending();
    m_send->setEnabled(!sending && m_problem.isEmpty());
    m_cancel->setEnabled(sending);
}

void ResendDialog::send()
{
    if (isSending() || !m_problem.isEmpty())
        return;
    m_lastRequest = request();
    m_result->showSending(m_lastRequest.url);
    m_sender->send(m_lastRequest, m_timeoutMs);
    updateButtons();
}

void ResendDialog::cancel()
{
    m_sender->abort();
}

void ResendDialog::onFinished(const SendResult &result)
{
    m_result->showResult(result);
    updateButtons();
    Q_EMIT sent(m_lastRequest, result);
}

void ResendDialog::formatBody()
{
    if (m_binaryBody)
        return;
    const QByteArray bytes = m_body->toPlainText().toUtf8();
    QJsonParseError error{};
    QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        m_bodyNote->setText(tr("Not formatted: the body is not JSON (%1 at %2).")
                                .arg(error.errorString(), position(bytes, error.offset)));
        m_bodyNote->show();
        return;
    }
    // Through a cursor, so Ctrl+Z brings the original text back.
    QTextCursor cursor(m_body->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(prettyJson(bytes));
}

void ResendDialog::reject()
{
    if (isSending()) {
        cancel();
        return;
    }
    QDialog::reject();
}

void ResendDialog::closeEvent(QCloseEvent *event)
{
    cancel(); // closing drops the request in flight
    QDialog::closeEvent(event);
}

void ResendDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(m_body->palette());
    QDialog::changeEvent(event);
}

} // namespace hookbench
