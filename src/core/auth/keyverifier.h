#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

struct AuthResult
{
    AuthOutcome outcome = AuthOutcome::NotRequired;
    QString keyId; // fingerprint of the matched key (never the secret) when outcome == Ok
    // Non-empty: what the event log stores instead of the x-vwo-auth value, so a managed secret
    // (or a near miss of one) never reaches the database. Empty: the value is stored as sent.
    QByteArray storedHeader;
};

// Checks x-vwo-auth. The key-management issue plugs its key ring in here.
// Implementations must be thread-safe for verify() (called on the receiver thread).
class KeyVerifier
{
public:
    virtual ~KeyVerifier() = default;
    // header: the x-vwo-auth value; present: whether the header was sent at all.
    virtual AuthResult verify(QByteArrayView header, bool present) const = 0;
    // False when every request passes as NotRequired (no key configured).
    virtual bool requiresKey() const = 0;
};

// A fixed list of keys (from --key-file, HOOKBENCH_KEYS, --key).
// No keys configured -> NotRequired; header absent -> Missing; no match -> Failed.
class StaticKeyVerifier : public KeyVerifier
{
public:
    explicit StaticKeyVerifier(QList<QByteArray> keys = {});
    AuthResult verify(QByteArrayView header, bool present) const override;
    bool requiresKey() const override { return !m_keys.isEmpty(); }
    bool isEmpty() const { return m_keys.isEmpty(); }

    // Short fingerprint used as key id: first 12 hex chars of SHA-256(key).
    static QString fingerprint(QByteArrayView key);

private:
    QList<QByteArray> m_keys;
    QStringList m_ids;
};

// Compares in time independent of where the first difference is (and of the
// candidate's content); length mismatch is still compared over the full input.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

// Key sources for the CLI: a key file (one key a line, blank lines and lines
// starting with '#' ignored, surrounding whitespace trimmed) and HOOKBENCH_KEYS
// (keys separated by commas or whitespace). Errors name the file and line.
struct KeyLoadResult
{
    QList<QByteArray> keys;
    QString error;
};
KeyLoadResult loadKeyFile(const QString &path);
QList<QByteArray> parseKeyList(const QByteArray &text);

} // namespace hookbench
