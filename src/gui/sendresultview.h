#pragma once

#include "sender/requestsender.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

namespace hookbench {

class JsonHighlighter;

// The answer to a sent request, read-only: a status line ("200 OK · 12 ms", or the failure
// in words) tinted by success with colours picked for the palette, then the response body
// and headers.
class SendResultView : public QWidget
{
    Q_OBJECT
public:
    explicit SendResultView(QWidget *parent = nullptr);

    void clear(); // "Not sent yet"
    void showSending(const QUrl &url);
    void showResult(const SendResult &result);

    QString statusText() const;
    QString timingText() const; // "connecting at 0 ms · request sent at 1 ms · …"
    // The breakdown of one result, as timingText() shows it.
    static QString timingText(const SendResult &result);
    enum class Tone { Neutral, Success, Failure };
    Tone tone() const { return m_tone; }

    // Readable on `palette`'s window colour: darker on light themes, lighter on dark ones.
    static QColor toneColor(Tone tone, const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setStatus(const QString &text, Tone tone);
    void applyTone();

    Tone m_tone = Tone::Neutral;
    QLabel *m_status;
    QLabel *m_note;
    QLabel *m_timing; // the milestones QtNetwork reports
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    JsonHighlighter *m_highlighter;
    QPlainTextEdit *m_headers;
};

} // namespace hookbench
