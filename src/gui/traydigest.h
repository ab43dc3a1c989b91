#pragma once

#include "events/event.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace hookbench {

// A notification to show: what failed, and the request a click on it selects.
struct TrayMessage
{
    QString title;
    QString text;
    qint64 eventId = 0; // the last failed request it reports
    int count = 0;      // failed requests it reports
};

// Decides what the tray says about committed events, without a tray: which requests count as
// failed, and how bursts are coalesced. At most one message per Interval: the first failure
// after a quiet Interval is shown at once; failures arriving sooner wait for flush() and are
// then reported together ("12 requests failed in the last 10 s: …").
class TrayDigest
{
    Q_DECLARE_TR_FUNCTIONS(TrayDigest)
public:
    static constexpr qint64 IntervalMs = 10000;

    // Why a request counts as failed. Requests for another path (404), with another method
    // (405) or refused before their body was read are noise, not failed webhooks: None.
    enum class Problem { None, WrongKey, MissingKey, InvalidPayload, Count };
    static Problem problem(const Event &event);

    // Off: nothing is collected and what was pending is dropped.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Takes the events of one commit at nowMs (a monotonic clock). Returns the message to show
    // now, or none: nothing failed, or a message was shown less than IntervalMs ago and the
    // failures wait for flush().
    std::optional<TrayMessage> add(const QList<Event> &events, qint64 nowMs);
    // The failures held back, once IntervalMs have passed since the last message; else none.
    std::optional<TrayMessage> flush(qint64 nowMs);
    // When flush() has something to show; -1 when nothing is pending.
    qint64 flushDueMs() const;

private:
    TrayMessage take(qint64 nowMs);
    static QString reason(Problem problem, const Event &event);

    bool m_enabled = false;
    bool m_shown = false; // a message was shown at m_shownAtMs
    qint64 m_shownAtMs = 0;
    std::array<int, size_t(Problem::Count)> m_pending{};
    int m_pendingTotal = 0;
    Event m_last; // the last pending failure: a single one is described, and clicks select it
};

} // namespace hookbench
