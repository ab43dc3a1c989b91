#pragma once

#include "events/event.h"
#include "sender/requestsender.h"

#include <QDialog>
#include <QUrl>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace hookbench {

class HeaderEditor;
class InlineMessage;
class JsonHighlighter;
class SendResultView;

// "Replay request" / "Resend request": a captured request, editable (method, URL, headers,
// body) and sent with RequestSender as often as the user likes; the answer shows below.
// Fields are checked as the user types: the first problem is named and Send stays disabled
// until there is none. Works modeless (show()) or modal; nothing blocks the GUI thread.
class ResendDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Replay, Resend }; // only the title differs

    // `target` as for OutgoingRequest::fromEvent(): a bare "http://host:port" keeps the
    // event's path and query, a URL with a path is used as it is.
    ResendDialog(Mode mode, const Event &event, const QUrl &target, QWidget *parent = nullptr);
    ~ResendDialog() override;

    bool revealSecrets() const;
    void setRevealSecrets(bool reveal); // off by default

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    OutgoingRequest request() const;              // as the fields say now
    QString problem() const { return m_problem; } // empty when the request can be sent
    bool isSending() const;
    QString statusText() const; // the response status line, e.g. "200 OK · 12 ms"

public Q_SLOTS:
    void send();
    void cancel();
    void formatBody(); // pretty-prints the body when it is JSON, else says why not

Q_SIGNALS:
    // After every send, whatever the outcome (answer, failure, cancel).
    void sent(const hookbench::OutgoingRequest &request, const hookbench::SendResult &result);

protected:
    void reject() override; // Escape: cancels a send in flight, else closes
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeadersPage();
    QWidget *createBodyPage();
    QByteArray body() const;
    void validate();
    void updateButtons();
    void onFinished(const SendResult &result);

    RequestSender *m_sender;
    QComboBox *m_method;
    QLineEdit *m_url;
    InlineMessage *m_message;
    HeaderEditor *m_headers;
    QPlainTextEdit *m_body;
    JsonHighlighter *m_highlighter;
    QLabel *m_bodyNote;
    QPushButton *m_format;
    SendResultView *m_result;
    QPushButton *m_send;
    QPushButton *m_cancel;
    QPushButton *m_close;

    QByteArray m_originalBody;     // sent as is while the text is unchanged
    QString m_originalBodyText;    // the editor's text for m_originalBody
    bool m_binaryBody = false;     // not editable as text: always m_originalBody
    OutgoingRequest m_lastRequest; // what is in flight
    QString m_problem;
    int m_timeoutMs = 30000;
};

} // namespace hookbench
