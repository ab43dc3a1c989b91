#pragma once

#include "keyverifier.h"

#include <QDateTime>
#include <QHash>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace hookbench {

// The receiver's view of one endpoint's key ring: an immutable snapshot of the accepted keys,
// swapped whole by setKeys(), so a change applies to the very next request. verify() is
// thread-safe and lock-free apart from copying one shared_ptr; it compares the header with
// every key in constant time, so timing reveals neither which key matched nor where a wrong
// key differs. Grace deadlines are checked against the clock at verify time. Each match is
// counted in per-key atomics; the key ring collects them with takeUsage() now and then.
// Whenever a key is required, the event log gets "[redacted; fingerprint <12 hex>]" instead of
// the header's value: the id of the key that was sent (also of a revoked one), not the key.
class KeyRingVerifier : public KeyVerifier
{
public:
    using Clock = std::function<QDateTime()>; // must be callable from any thread

    struct Key
    {
        QString id;
        QByteArray secret;
        QDateTime graceUntil; // invalid: no deadline (the primary)
    };
    struct Usage
    {
        QString id;
        qint64 count = 0;
        QDateTime lastUsed;
    };

    explicit KeyRingVerifier(Clock clock = {});
    ~KeyRingVerifier() override;

    // authRequired false: every request is NotRequired (the endpoint has no keys at all).
    // true with no keys: every request fails (e.g. all keys revoked; never fail open).
    void setKeys(bool authRequired, const QList<Key> &keys);
    AuthResult verify(QByteArrayView header, bool present) const override;
    bool requiresKey() const override { return authRequired(); }

    bool authRequired() const;
    int keyCount() const; // keys in the snapshot (grace keys included until replaced)

    // Matches since the last call, per key (keys without matches are left out).
    QList<Usage> takeUsage();

private:
    struct Counter
    {
        std::atomic<qint64> count{0};
        std::atomic<qint64> lastUsedMs{0};
    };
    struct Entry
    {
        QString id;
        QByteArray secret;
        qint64 graceUntilMs = 0; // 0: no deadline
        std::shared_ptr<Counter> counter;
    };
    struct Snapshot
    {
        bool authRequired = false;
        std::vector<Entry> entries;
    };

    std::shared_ptr<const Snapshot> snapshot() const;

    Clock m_clock;
    mutable std::mutex m_snapshotMutex; // guards m_snapshot (the pointer, not what it points to)
    std::shared_ptr<const Snapshot> m_snapshot;
    std::mutex m_countersMutex; // setKeys() / takeUsage() only, never verify()
    QHash<QString, std::shared_ptr<Counter>> m_counters;
};

} // namespace hookbench
