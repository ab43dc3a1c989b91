#pragma once

#include "keyinfo.h"
#include "keyringstore.h"
#include "keyringverifier.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace hookbench {

class SecretStore;

// The webhook keys of every endpoint: metadata and audit trail in SQLite (KeyRingStore, in the
// event database), secret values only in SecretStore ("webhook-key/<endpoint>/<id>").
//
// Lives on one thread (the GUI's, or the CLI's main thread) and never blocks it on the secret
// store: operations take a `done` callback that runs later on this thread; the CLI uses the
// *Sync() variants, which spin a local event loop. Metadata reads are served from a cache that
// is refreshed after every change, by this object or by another process (polled cheaply through
// PRAGMA data_version), and each change is announced by a signal, so a panel or model only has
// to listen. verifier() hands the receiver a KeyRingVerifier that follows every change at once.
class KeyRing : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    struct Options
    {
        Clock clock; // default: the system clock (UTC); also used by the verifiers: thread-safe
        std::chrono::seconds defaultGrace{3600}; // VWO retries a webhook for an hour
        int watchIntervalMs = 1000; // look for other processes' changes this often; 0: never
        int usageFlushMs = 5000;    // write counted matches this often; 0: on flush/close only
    };
    struct Result
    {
        QString error;         // empty on success; one sentence
        bool rejected = false; // the request itself was wrong (bad input, unknown id, wrong
                               // state): nothing was tried; else a failure of the storage
        KeyInfo key;           // the key acted on (the new primary for generate/import/rotate)
        QByteArray secret;     // generate, rotate (generated): show once; reveal: the value
        QString replacedId;    // rotate: the previous primary, now in its grace period
        QString warning;       // succeeded, but something on the side failed (told in words)
    };
    using Done = std::function<void(const Result &result)>;

    static QString defaultEndpoint() { return QStringLiteral("default"); }

    // `secrets` is not owned and must outlive the key ring.
    explicit KeyRing(SecretStore *secrets, QObject *parent = nullptr);
    KeyRing(SecretStore *secrets, const Options &options, QObject *parent = nullptr);
    ~KeyRing() override; // close()

    // Opens (creating or migrating) the tables, loads the keys and starts reading the secrets of
    // accepted keys (secretsLoaded() when done). Empty string on success.
    QString open(const QString &databasePath);
    void close(); // flushes usage; verifiers keep their last keys
    bool isOpen() const;
    QString databasePath() const;
    SecretStore *secretStore() const { return m_secrets; }
    QDateTime now() const;
    std::chrono::seconds defaultGrace() const { return m_options.defaultGrace; }

    // Cached metadata, oldest first. Never secrets.
    QList<KeyInfo> keys(const QString &endpoint) const;
    QList<KeyInfo> allKeys() const { return m_keys; }
    std::optional<KeyInfo> key(const QString &id) const;
    std::optional<KeyInfo> primaryKey(const QString &endpoint) const;
    // Newest first, read from the database; keyId empty: the whole endpoint's trail.
    QList<KeyAuditEntry> auditTrail(const QString &endpoint, const QString &keyId = {},
                                    int limit = 500, QString *error = nullptr) const;

    // The verifier of an endpoint, created on first use and kept current. An endpoint without
    // any key (in any state) needs no authentication; once it has one, it always does. Created
    // while the ring is not open (say, open() failed), it refuses every request.
    std::shared_ptr<KeyRingVerifier> verifier(const QString &endpoint);
    bool secretsPending() const { return !m_pendingReads.isEmpty(); }
    QString secretError(const QString &id) const { return m_secretErrors.value(id); }

    // Operations; each calls `done` exactly once, later, on this thread.
    // generate: 256 random bits as 64 hex characters; the endpoint's first primary (else an
    // error: rotate instead). importKey: the same with a key from the VWO app (see webhookkey).
    void generate(const QString &endpoint, const QString &label, Done done);
    void importKey(const QString &endpoint, const QString &label, const QByteArray &secret,
                   Done done);
    // A new primary (generated, or `secret` when given); the previous primary stays accepted
    // for `grace` (default: Options::defaultGrace; 0 ends it at once).
    void rotate(const QString &endpoint, const QString &label,
                std::optional<std::chrono::seconds> grace, Done done,
                const QByteArray &secret = {});
    void revoke(const QString &id, Done done); // refused at once; its secret is removed
    void endGraceNow(const QString &id, Done done);
    void setLabel(const QString &id, const QString &label, Done done);
    void reveal(const QString &id, Done done);     // Result::secret; audited "revealed"
    void copyOut(const QString &id, Done done);    // Result::secret; audited "copied"
    void noteCopied(const QString &id, Done done); // audited "copied": the caller has the value

    // For the CLI: the same, waiting in a local event loop.
    Result generateSync(const QString &endpoint, const QString &label);
    Result importSync(const QString &endpoint, const QString &label, const QByteArray &secret);
    Result rotateSync(const QString &endpoint, const QString &label,
                      std::optional<std::chrono::seconds> grace, const QByteArray &secret = {});
    Result revokeSync(const QString &id);
    Result endGraceSync(const QString &id);
    Result setLabelSync(const QString &id, const QString &label);
    bool waitForSecrets(int timeoutMs); // true when no secret read is pending

public Q_SLOTS:
    void refresh();      // re-read the keys now (normally automatic), announce changes
    void flushUsage();   // write the verifiers' counted matches now
    void retrySecrets(); // read again the secrets that could not be read

Q_SIGNALS:
    void keyAdded(const hookbench::KeyInfo &key);
    // State (including a grace period running out), label, last use or use count changed.
    void keyChanged(const hookbench::KeyInfo &key);
    void auditChanged();  // the audit trail has new rows
    void secretsLoaded(); // no secret read is pending any more
    // An accepted key whose secret cannot be read: requests signed with it are refused.
    void secretUnavailable(const QString &keyId, const QString &error);
    void errorOccurred(const QString &message); // a refresh or usage flush failed

private:
    void addKey(const QString &endpoint, const QString &label, const QByteArray &secret,
                KeyOrigin origin, std::optional<std::chrono::seconds> grace, Done done);
    void storeAddedKey(KeyInfo key, const QByteArray &secret, bool rotating,
                       std::chrono::seconds grace, Done done);
    // Runs a metadata-only operation (SQL), refreshes, completes `done` later.
    void finishLater(const Done &done, Result result);
    Result runSync(const std::function<void(Done)> &start);
    QString checkOpen() const;
    // Refreshes and finds `id`; else sets a rejected result.
    std::optional<KeyInfo> findForChange(const QString &id, Result *result);
    void rebuildVerifiers();
    // Reads a key's value for reveal/copy, audited as `action` before it is handed out.
    void handOut(const QString &id, KeyAuditAction action, Done done);
    void requestMissingSecrets();
    void scheduleExpiry();
    void watch();

    Options m_options;
    SecretStore *m_secrets;
    KeyRingStore m_store;
    QList<KeyInfo> m_keys;
    QDateTime m_keysAt; // clock reading of the last refresh (for grace running out)
    QHash<QString, QByteArray> m_secretValues; // accepted keys only
    QSet<QString> m_pendingReads;
    QHash<QString, QString> m_secretErrors;
    QHash<QString, std::shared_ptr<KeyRingVerifier>> m_verifiers;
    QHash<QString, KeyRingStore::Usage> m_unflushed;
    qint64 m_dataVersion = -1;
    qint64 m_lastAuditId = -1;
    quint64 m_generation = 0; // bumped by close(): late secret reads of a closed ring are dropped
    QTimer m_watchTimer;
    QTimer m_flushTimer;
    QTimer m_expiryTimer;
};

} // namespace hookbench
