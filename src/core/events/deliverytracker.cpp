#include "deliverytracker.h"

#include <algorithm>

namespace hookbench {

qint64 DeliveryTracker::firstAttempt(const QString &endpoint, qint64 timestamp,
                                     qint64 receivedAtMs) const
{
    const auto it = m_firsts.constFind(Key{endpoint, timestamp});
    if (it == m_firsts.constEnd())
        return 0;
    // Either direction: a wall clock stepped back must not split a delivery.
    const qint64 age = receivedAtMs - it->receivedAtMs;
    return (age < 0 ? -age : age) <= WindowMs ? it->id : 0;
}

void DeliveryTracker::recordFirst(const QString &endpoint, qint64 timestamp, const First &first)
{
    remember(Key{endpoint, timestamp}, first);
    expire();
}

void DeliveryTracker::remember(const Key &key, const First &first)
{
    m_firsts.insert(key, first);
    m_order.push_back({key, first});
    m_newestMs = std::max(m_newestMs, first.receivedAtMs);
}

// Every entry has a record in m_order (its latest); a record whose entry has since moved on
// (a newer first attempt, a promotion) is stale and only popped.
void DeliveryTracker::expire()
{
    while (!m_order.empty() && (qsizetype(m_order.size()) > MaxEntries ||
                                m_order.front().first.receivedAtMs < m_newestMs - WindowMs)) {
        const Recorded &oldest = m_order.front();
        const auto it = m_firsts.find(oldest.key);
        if (it != m_firsts.end() && it->id == oldest.first.id)
            m_firsts.erase(it);
        m_order.pop_front();
    }
}

void DeliveryTracker::applyDeletes(const std::function<bool(qint64)> &deleted,
                                   const QHash<qint64, First> &promoted)
{
    QList<QPair<Key, First>> moved;
    for (auto it = m_firsts.begin(); it != m_firsts.end();) {
        if (!deleted(it->id)) {
            ++it;
            continue;
        }
        const auto next = promoted.constFind(it->id);
        if (next != promoted.constEnd())
            moved.append({it.key(), *next});
        it = m_firsts.erase(it);
    }
    for (const auto &entry : std::as_const(moved))
        remember(entry.first, entry.second);
    expire();
}

void DeliveryTracker::clear()
{
    m_firsts.clear();
    m_order.clear();
    m_newestMs = 0;
}

} // namespace hookbench
