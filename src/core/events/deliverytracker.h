#pragma once

#include <QHash>
#include <QString>

#include <deque>
#include <functional>

namespace hookbench {

// The event store's memory of recent deliveries: VWO retries a webhook every 1-2 s for an hour
// until it gets a 200, and every attempt of one delivery carries the same endpoint and payload
// timestamp. Maps (endpoint, timestamp) to the delivery's first attempt. Pure bookkeeping: the
// store decides what is stored and calls this only after its transaction committed.
class DeliveryTracker
{
public:
    // An hour of retries plus slack for slow answers and clock drift.
    static constexpr qint64 WindowMs = 65 * 60 * 1000;
    // Bounds memory (~100 bytes an entry) when many distinct timestamps arrive within the window.
    static constexpr qsizetype MaxEntries = 100000;

    struct First
    {
        qint64 id = 0;
        qint64 receivedAtMs = 0;
    };

    // Id of the live first attempt (received within WindowMs of receivedAtMs), else 0.
    qint64 firstAttempt(const QString &endpoint, qint64 timestamp, qint64 receivedAtMs) const;
    // The event `id` starts a delivery; replaces an expired one for the same key.
    void recordFirst(const QString &endpoint, qint64 timestamp, const First &first);

    // After a delete: entries whose first attempt is gone move to the promoted retry
    // (`promoted`: old first id -> new first) or, with no retry left, are dropped.
    void applyDeletes(const std::function<bool(qint64)> &deleted,
                      const QHash<qint64, First> &promoted);
    void clear();
    qsizetype size() const { return m_firsts.size(); }

private:
    struct Key
    {
        QString endpoint;
        qint64 timestamp = 0;
        bool operator==(const Key &other) const
        {
            return timestamp == other.timestamp && endpoint == other.endpoint;
        }
    };
    friend size_t qHash(const Key &key, size_t seed)
    {
        return qHashMulti(seed, key.endpoint, key.timestamp);
    }
    struct Recorded
    {
        Key key;
        First first;
    };

    void remember(const Key &key, const First &first);
    void expire();

    QHash<Key, First> m_firsts;
    std::deque<Recorded> m_order; // oldest record first: expiry and the size bound pop here
    qint64 m_newestMs = 0;
};

} // namespace hookbench
