#pragma once

#include <QHash>
#include <QList>
#include <QPair>

namespace hookbench {

// VWO retries a webhook every 1-2 s for up to an hour until it gets a 200; the store marks each
// retry with the id of its delivery's first attempt. This index knows, for the whole store, which
// ids are attempts of which delivery, and which deliveries the user has expanded. Retries are
// rare in healthy traffic, so it stays small however large the log is.
class DeliveryIndex
{
public:
    void clear();
    // (retry id, first attempt id) pairs, ascending by retry id.
    void setRetries(const QList<QPair<qint64, qint64>> &retries);
    void addRetry(qint64 id, qint64 head); // a live retry: newer than every attempt known

    // The delivery an id belongs to: its first attempt's id (the id itself for first attempts).
    qint64 headOf(qint64 id) const { return m_headOf.value(id, id); }
    bool isRetry(qint64 id) const { return m_headOf.contains(id); }
    bool hasRetries(qint64 head) const { return m_attempts.contains(head); }
    // Every attempt of a delivery, ascending, the first included; one element for a lone event.
    QList<qint64> attempts(qint64 head) const;
    int attemptCount(qint64 head) const;
    qint64 finalAttempt(qint64 head) const;
    bool isEmpty() const { return m_attempts.isEmpty(); }

    bool isExpanded(qint64 head) const;
    bool setExpanded(qint64 head, bool expanded);                // false when nothing changed
    const QList<qint64> &expanded() const { return m_expanded; } // ascending
    void clearExpanded() { m_expanded.clear(); }

private:
    QHash<qint64, qint64> m_headOf;          // retry id -> first attempt id
    QHash<qint64, QList<qint64>> m_attempts; // first attempt id -> all attempt ids
    QList<qint64> m_expanded;
};

} // namespace hookbench
