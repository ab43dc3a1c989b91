#pragma once

#include "events/event.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace hookbench {

class InlineMessage;
class JsonHighlighter;

// The detail pane's "App's Answer" tab for a forwarded webhook (issue 8): where it went, what
// the app answered (status, time, headers, body; JSON pretty-printed) or why it could not, and
// whether VWO got that answer or Hookbench's own.
class EventForwardView : public QWidget
{
    Q_OBJECT
public:
    explicit EventForwardView(QWidget *parent = nullptr);

    void setEvent(const Event &event); // empty for events not forwarded

protected:
    void changeEvent(QEvent *event) override;

private:
    InlineMessage *m_summary;
    QLabel *m_mode;
    QTableWidget *m_headers;
    QLabel *m_note;
    QPlainTextEdit *m_body;
    JsonHighlighter *m_highlighter;
};

} // namespace hookbench
