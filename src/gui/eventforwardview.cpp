#include "eventforwardview.h"

#include "eventdetailbodyview.h"
#include "eventdetailhexdump.h"
#include "eventdetailjson.h"
#include "eventdetailtext.h"
#include "inlinemessage.h"
#include "jsonhighlighter.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hookbench {

EventForwardView::EventForwardView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new InlineMessage(this))
    , m_mode(new QLabel(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_note(new QLabel(this))
    , m_body(EventDetailBodyView::createTextView(QStringLiteral("forwardBody"),
                                                 tr("The app's answer body"), this))
    , m_highlighter(new JsonHighlighter(m_body->document()))
{
    setObjectName(QStringLiteral("forwardPage"));
    m_summary->setObjectName(QStringLiteral("forwardSummary"));
    m_summary->setCloseButtonVisible(false);
    m_summary->setAccessibleName(tr("Forwarding outcome"));
    for (QLabel *label : {m_mode, m_note}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_mode->setObjectName(QStringLiteral("forwardMode"));
    m_note->setObjectName(QStringLiteral("forwardNote"));
    m_headers->setObjectName(QStringLiteral("forwardHeaders"));
    m_headers->setAccessibleName(tr("The app's answer headers"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 8);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setTabKeyNavigation(false);
    // A few headers: the body gets the room.
    m_headers->setMaximumHeight(m_headers->verticalHeader()->defaultSectionSize() * 6);
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_highlighter->updateColors(m_body->palette());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_mode);
    layout->addWidget(m_headers);
    layout->addWidget(m_note);
    layout->addWidget(m_body, 1);
    setEvent(Event());
}

void EventForwardView::setEvent(const Event &event)
{
    const bool done = event.forwardState == ForwardState::Done;
    const ForwardResult &forward = event.forward;
    const bool answered = done && forward.answered();
    m_summary->setType(done && !answered ? InlineMessage::Error : InlineMessage::Information);
    m_summary->setText(EventDetailText::forward(event));
    if (event.forwardState == ForwardState::None)
        m_mode->clear();
    else if (forward.followed)
        m_mode->setText(tr("VWO gets the app's answer (502 when the app cannot be reached)."));
    else
        m_mode->setText(tr("VWO gets Hookbench's own answer; the app's is only shown here."));

    m_headers->setRowCount(answered ? int(forward.headers.size()) : 0);
    int row = 0;
    for (const auto &[name, value] : forward.headers) {
        if (!answered)
            break;
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(name)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(value)));
        ++row;
    }
    m_headers->resizeColumnToContents(0);
    m_headers->setVisible(answered);

    m_note->setVisible(answered && (forward.bodyTruncated || forward.body.isEmpty()));
    m_note->setText(forward.body.isEmpty()
                        ? tr("The answer has no body.")
                        : tr("Only the first %1 of the answer were kept.")
                              .arg(QLocale().formattedDataSize(ForwardResult::MaxBodyBytes)));
    m_body->setVisible(answered && !forward.body.isEmpty());
    QJsonParseError error{};
    QJsonDocument::fromJson(forward.body, &error);
    const bool json = answered && error.error == QJsonParseError::NoError;
    m_highlighter->setDocument(json ? m_body->document() : nullptr);
    if (!answered)
        m_body->clear();
    else if (json)
        m_body->setPlainText(prettyJson(forward.body));
    else if (forward.body.isValidUtf8())
        m_body->setPlainText(QString::fromUtf8(forward.body));
    else
        m_body->setPlainText(hexDump(forward.body));
}

void EventForwardView::changeEvent(QEvent *event)
{
    // Light/dark switches: the highlighter's colours are picked for the palette.
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(m_body->palette());
    QWidget::changeEvent(event);
}

} // namespace hookbench
