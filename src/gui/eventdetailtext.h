#pragma once

#include "events/event.h"

#include <QCoreApplication>
#include <QString>

namespace hookbench {

// The words the detail pane uses for an event: what happened, and its fields formatted
// for people (local time, sizes, durations). Kept apart from the widgets so the
// sentences can be tested and reused (e.g. in a tooltip) without building a view.
class EventDetailText
{
    Q_DECLARE_TR_FUNCTIONS(EventDetailText)
public:
    // One sentence: the answer's category and status, then why, e.g.
    // "Refused (401): x-vwo-auth did not match any configured key".
    static QString outcome(const Event &event);
    // Whether the outcome is a success (2xx) - the pane tints the sentence by it.
    static bool isSuccess(const Event &event) { return event.status >= 200 && event.status < 300; }

    static QString requestLine(const Event &event);  // "POST /vwo-webhook?x=1"
    static QString receivedAt(const QDateTime &utc); // local, with date and milliseconds
    static QString remote(const Event &event);
    static QString size(qint64 bytes);
    static QString duration(qint64 micros);
    static QString status(int status); // "200 OK"
    static QString auth(const Event &event);
    static QString payload(const Event &event);
    // False for requests refused before their body was looked at (404, 405, 413, 431,
    // malformed): their `valid` says nothing about the payload.
    static bool payloadChecked(const Event &event);

    // Forwarding (issue 8), eventdetailforward.cpp. "Forwarded to URL: 200 OK in 12 ms",
    // "Forwarding to URL…", or why it failed; empty for events not forwarded.
    static QString forward(const Event &event);
    static bool forwardFailed(const Event &event);

private:
    // outcome() of a webhook whose answer VWO got from the app (follow mode).
    static QString followedOutcome(const Event &event);
};

} // namespace hookbench
