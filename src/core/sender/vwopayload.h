#pragma once

#include <QByteArray>
#include <QList>

namespace hookbench {

// The body of a test webhook, with its `timestamp` set to "now" for every attempt: VWO stamps
// each webhook it sends, and a receiver that rejects stale timestamps must see fresh ones.
//
// The VWO template is what VWO sends. A user's own body keeps every byte as written (order,
// spacing, number spellings, unknown members) except the value of each top-level numeric
// `timestamp` member; any other body (not JSON, not an object, no numeric timestamp) is sent
// unchanged.
class VwoPayload
{
public:
    // {"timestamp":<unixSeconds>,"event":"settings_changed",
    //  "action":"campaign_settings_changed","triggered_by":"vwo"}
    static QByteArray templateBody(qint64 unixSeconds);
    static VwoPayload vwoTemplate();
    // Finds the timestamp(s) once; bodyAt() only splices the digits in.
    static VwoPayload fromBody(const QByteArray &body);

    VwoPayload() = default; // an empty body, never stamped

    bool hasTimestamp() const { return !m_slots.isEmpty(); }
    // The body with its timestamp(s) set to `unixSeconds`; the original when it has none.
    QByteArray bodyAt(qint64 unixSeconds) const;
    const QByteArray &original() const { return m_body; }

    // fromBody(body).bodyAt(unixSeconds), for one-off use.
    static QByteArray withTimestamp(const QByteArray &body, qint64 unixSeconds);

private:
    struct Slot
    {
        qsizetype offset; // first byte of the number in m_body
        qsizetype size;   // its length as written
    };
    QByteArray m_body;
    QList<Slot> m_slots; // in order; top-level members only
};

} // namespace hookbench
