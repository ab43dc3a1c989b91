#include "deliveryindex.h"

#include <algorithm>

namespace hookbench {

void DeliveryIndex::clear()
{
    m_headOf.clear();
    m_attempts.clear();
    m_expanded.clear();
}

void DeliveryIndex::setRetries(const QList<QPair<qint64, qint64>> &retries)
{
    m_headOf.clear();
    m_attempts.clear();
    m_headOf.reserve(retries.size());
    for (const auto &[id, head] : retries)
        addRetry(id, head);
}

void DeliveryIndex::addRetry(qint64 id, qint64 head)
{
    if (id == head || m_headOf.contains(id))
        return;
    m_headOf.insert(id, head);
    QList<qint64> &attempts = m_attempts[head];
    if (attempts.isEmpty())
        attempts.append(head);
    attempts.append(id);
}

QList<qint64> DeliveryIndex::attempts(qint64 head) const
{
    const auto it = m_attempts.constFind(head);
    return it == m_attempts.cend() ? QList<qint64>{head} : *it;
}

int DeliveryIndex::attemptCount(qint64 head) const
{
    const auto it = m_attempts.constFind(head);
    return it == m_attempts.cend() ? 1 : int(it->size());
}

qint64 DeliveryIndex::finalAttempt(qint64 head) const
{
    const auto it = m_attempts.constFind(head);
    return it == m_attempts.cend() ? head : it->constLast();
}

bool DeliveryIndex::isExpanded(qint64 head) const
{
    return std::binary_search(m_expanded.cbegin(), m_expanded.cend(), head);
}

bool DeliveryIndex::setExpanded(qint64 head, bool expanded)
{
    const auto it = std::lower_bound(m_expanded.begin(), m_expanded.end(), head);
    const bool present = it != m_expanded.end() && *it == head;
    if (present == expanded || (expanded && !hasRetries(head)))
        return false;
    if (expanded)
        m_expanded.insert(it, head);
    else
        m_expanded.erase(it);
    return true;
}

} // namespace hookbench
