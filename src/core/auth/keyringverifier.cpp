#include "keyringverifier.h"

#include "keysecret.h"

#include <QSet>

namespace hookbench {

KeyRingVerifier::KeyRingVerifier(Clock clock)
    : m_clock(std::move(clock))
    , m_snapshot(std::make_shared<Snapshot>())
{}

KeyRingVerifier::~KeyRingVerifier() = default;

void KeyRingVerifier::setKeys(bool authRequired, const QList<Key> &keys)
{
    auto next = std::make_shared<Snapshot>();
    next->authRequired = authRequired;
    next->entries.reserve(size_t(keys.size()));
    {
        const std::lock_guard<std::mutex> lock(m_countersMutex);
        for (const Key &key : keys) {
            std::shared_ptr<Counter> &counter = m_counters[key.id];
            if (!counter)
                counter = std::make_shared<Counter>();
            next->entries.push_back(
                {key.id, key.secret,
                 key.graceUntil.isValid() ? key.graceUntil.toMSecsSinceEpoch() : 0, counter});
        }
    }
    std::shared_ptr<const Snapshot> previous;
    {
        const std::lock_guard<std::mutex> lock(m_snapshotMutex);
        previous = std::exchange(m_snapshot, std::move(next));
    }
    // `previous` may still be in use by a verify() in flight; it goes when the last copy does.
}

std::shared_ptr<const KeyRingVerifier::Snapshot> KeyRingVerifier::snapshot() const
{
    const std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_snapshot;
}

AuthResult KeyRingVerifier::verify(QByteArrayView header, bool present) const
{
    AuthResult result;
    const std::shared_ptr<const Snapshot> keys = snapshot();
    if (!keys->authRequired)
        return result; // NotRequired
    if (!present) {
        result.outcome = AuthOutcome::Missing;
        return result;
    }
    const qint64 now =
        m_clock ? m_clock().toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
    // Every entry is compared, expired grace keys included, and the match is selected without
    // branching on secret data: the time depends on the number and lengths of keys only.
    qsizetype matched = -1;
    for (size_t i = 0; i < keys->entries.size(); ++i) {
        const Entry &entry = keys->entries[i];
        const qsizetype equal = constantTimeEquals(header, entry.secret) ? 1 : 0;
        const qsizetype inTime = (entry.graceUntilMs == 0) | (now < entry.graceUntilMs);
        const qsizetype mask = -(equal & inTime); // all ones when accepted, else zero
        matched = (qsizetype(i) & mask) | (matched & ~mask);
    }
    if (matched < 0) {
        // After the comparison, and only on failure (the answer says so anyway): SHA-256 costs
        // more than the rest of verify(); on a match the fingerprint is the key's id.
        result.outcome = AuthOutcome::Failed;
        result.storedHeader = webhookkey::redactedHeader(StaticKeyVerifier::fingerprint(header));
        return result;
    }
    const Entry &entry = keys->entries[size_t(matched)];
    result.storedHeader = webhookkey::redactedHeader(entry.id);
    entry.counter->count.fetch_add(1, std::memory_order_relaxed);
    entry.counter->lastUsedMs.store(now, std::memory_order_relaxed);
    result.outcome = AuthOutcome::Ok;
    result.keyId = entry.id;
    return result;
}

bool KeyRingVerifier::authRequired() const
{
    return snapshot()->authRequired;
}

int KeyRingVerifier::keyCount() const
{
    return int(snapshot()->entries.size());
}

QList<KeyRingVerifier::Usage> KeyRingVerifier::takeUsage()
{
    QSet<QString> current;
    for (const Entry &entry : snapshot()->entries)
        current.insert(entry.id);
    QList<Usage> usage;
    const std::lock_guard<std::mutex> lock(m_countersMutex);
    for (auto it = m_counters.begin(); it != m_counters.end();) {
        const qint64 count = it.value()->count.exchange(0, std::memory_order_relaxed);
        if (count > 0) {
            const qint64 last = it.value()->lastUsedMs.load(std::memory_order_relaxed);
            usage.append({it.key(), count, QDateTime::fromMSecsSinceEpoch(last, Qt::UTC)});
        }
        // A key gone from the snapshot has no more matches to count (a verify() still holding
        // the old snapshot could add one more; losing that one count is acceptable).
        if (current.contains(it.key()))
            ++it;
        else
            it = m_counters.erase(it);
    }
    return usage;
}

} // namespace hookbench
