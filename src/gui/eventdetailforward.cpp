// The detail pane's words and widgets for forwarded webhooks (issue 8): EventDetailText's
// sentences and EventDetailView's "Forwarded" row and "App's Answer" tab.
#include "eventdetailtext.h"
#include "eventdetailview.h"
#include "eventforwardview.h"
#include "statuscolours.h"

#include <QFormLayout>
#include <QLabel>
#include <QTabWidget>

namespace hookbench {

QString EventDetailText::forward(const Event &event)
{
    const ForwardResult &forward = event.forward;
    switch (event.forwardState) {
    case ForwardState::None:
        return {};
    case ForwardState::Pending:
        return tr("Forwarding to %1\u2026").arg(forward.url);
    case ForwardState::Done:
        break;
    }
    // The error is technical English (also the 502's body): quoted after a translated lead-in.
    if (!forward.answered())
        return tr("Forwarding to %1 failed: %2").arg(forward.url, forward.error);
    return tr("Forwarded to %1: %2 in %3 ms")
        .arg(forward.url, status(forward.status))
        .arg(forward.elapsedMs);
}

bool EventDetailText::forwardFailed(const Event &event)
{
    return event.forwardState == ForwardState::Done && !event.forward.answered();
}

QString EventDetailText::followedOutcome(const Event &event)
{
    const ForwardResult &forward = event.forward;
    if (event.forwardState == ForwardState::Pending)
        return tr("Waiting for the app: VWO gets the answer of %1 once it comes").arg(forward.url);
    if (event.status == 0)
        return tr("Not answered: VWO closed the connection before the app answered");
    if (!forward.answered()) {
        return tr("Answered %1: the app at %2 could not be reached (%3)")
            .arg(event.status)
            .arg(forward.url, forward.error);
    }
    return tr("Answered %1 as the app at %2 did; the webhook itself was accepted")
        .arg(event.status)
        .arg(forward.url);
}

void EventDetailView::fillForward()
{
    auto *row = findChild<QLabel *>(QStringLiteral("overviewForward"));
    const QString text = EventDetailText::forward(m_event);
    m_form->setRowVisible(row, !text.isEmpty());
    const bool failed = EventDetailText::forwardFailed(m_event);
    row->setText(failed ? QStringLiteral("\u26a0 ") + text : text);
    QPalette palette = this->palette();
    if (failed)
        palette.setColor(QPalette::WindowText, failureTextColour(palette));
    row->setPalette(palette);
    m_forward->setEvent(m_event);
    m_tabs->setTabVisible(m_tabs->indexOf(m_forward),
                          m_hasEvent && m_event.forwardState != ForwardState::None);
}

void EventDetailView::setForwardResult(qint64 eventId, const ForwardResult &result)
{
    if (!m_hasEvent || m_event.id != eventId)
        return;
    m_event.applyForward(result); // in follow mode what VWO got is only known now
    fillOverview();
    fillForward();
}

} // namespace hookbench
