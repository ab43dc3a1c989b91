#pragma once

#include "events/sqlitesession.h"
#include "keyinfo.h"

#include <QList>
#include <QString>

namespace hookbench {

// The key ring's SQL: tables `keys` and `key_audit` in the event database, on a connection of
// its own. Never sees a secret. Each write is one transaction that re-reads the rows it changes,
// because another process (the CLI, a second window) may have changed them since.
// Not thread-safe: use from the thread that opened it.
class KeyRingStore
{
public:
    struct Usage
    {
        QString id;
        qint64 count = 0;
        QDateTime lastUsed;
    };

    KeyRingStore();
    ~KeyRingStore();
    KeyRingStore(const KeyRingStore &) = delete;
    KeyRingStore &operator=(const KeyRingStore &) = delete;

    // Creates or migrates the event tables (through EventStore, so a foreign or newer file is
    // refused with the same words) and then the key ring's. Empty string on success.
    QString open(const QString &path);
    void close();
    bool isOpen() const { return m_session.isOpen(); }
    QString path() const { return m_session.path(); }

    QString loadKeys(QList<KeyInfo> *keys) const; // every endpoint, oldest first
    // Newest first; endpoint empty: every endpoint; keyId non-empty: that key only.
    QString loadAudit(const QString &endpoint, const QString &keyId, int limit,
                      QList<KeyAuditEntry> *entries) const;
    qint64 lastAuditId() const; // -1 on error
    // SQLite's PRAGMA data_version: changes when another connection committed. -1 on error.
    qint64 dataVersion() const;

    // Adds a key. Without `graceUntil` it must be the endpoint's first primary; with it, the
    // current primary (if any) enters grace until then (*replacedId says which).
    QString addKey(const KeyInfo &key, const QDateTime &graceUntil, QString *replacedId);
    QString revoke(const QString &id, const QDateTime &now);
    QString endGrace(const QString &id, const QDateTime &now);
    QString setLabel(const QString &id, const QString &label, const QDateTime &now);
    QString record(const QString &id, KeyAuditAction action, const QDateTime &now);
    // Keys whose grace period ran out by `now` become expired, each with a "grace ended" audit
    // row at its deadline. Guarded by the state, so several processes write it only once.
    QString settleEndedGrace(const QDateTime &now);
    QString addUsage(const QList<Usage> &usage); // adds counts, keeps the latest time

    // Why `key` cannot be revoked / have its grace ended now; empty when it can. The key ring
    // asks first (to tell a wrong request from a failure); the store asks again in the write.
    static QString refuseRevoke(const KeyInfo &key);
    static QString refuseEndGrace(const KeyInfo &key, const QDateTime &now);

private:
    // Reads one key inside a transaction; error (and a rollback) when it does not exist.
    QString readKey(const QString &id, KeyInfo *key);
    QString insertAudit(const KeyAuditEntry &entry);
    QString updateKey(const QString &sql, const QVariantList &values);

    SqliteSession m_session;
};

} // namespace hookbench
