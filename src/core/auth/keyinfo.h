#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace hookbench {

// Life of a webhook key. Stored states are Primary, Grace, Expired (grace ended early) and
// Revoked; a Grace key whose deadline has passed reads as Expired (stateAt()).
enum class KeyState { Primary, Grace, Expired, Revoked };
enum class KeyOrigin { Generated, Imported };

QString keyStateName(KeyState state); // "primary", "grace", "expired", "revoked"
KeyState keyStateFromName(const QString &name, bool *ok = nullptr);
QString keyOriginName(KeyOrigin origin); // "generated", "imported"

// Metadata of one key; never the secret. A plain value, handed to models as whole snapshots.
struct KeyInfo
{
    QString id; // short fingerprint of the secret (StaticKeyVerifier::fingerprint)
    QString endpoint = QStringLiteral("default");
    QString label;
    KeyOrigin origin = KeyOrigin::Generated;
    QDateTime created; // UTC
    KeyState state = KeyState::Primary;
    QDateTime graceUntil; // Grace: accepted until then; Expired: when the grace ended
    QDateTime revokedAt;  // Revoked: when
    QDateTime lastUsed;   // invalid: never matched a request
    qint64 useCount = 0;

    // The state as of `now`: a Grace key past its deadline is Expired.
    KeyState stateAt(const QDateTime &now) const;
    bool acceptedAt(const QDateTime &now) const; // Primary, or Grace before its deadline

    friend bool operator==(const KeyInfo &a, const KeyInfo &b);
    friend bool operator!=(const KeyInfo &a, const KeyInfo &b) { return !(a == b); }
};

enum class KeyAuditAction {
    Generated,
    Imported,
    Rotated, // the key stopped being primary; relatedKeyId = the new primary
    Revoked,
    Revealed,
    Copied,
    GraceEnded,
    LabelChanged,
};

QString keyAuditActionName(KeyAuditAction action); // "generated", …, "grace ended", "label changed"
KeyAuditAction keyAuditActionFromName(const QString &name, bool *ok = nullptr);

// One row of the audit trail: who-did-what to which key, never the secret.
struct KeyAuditEntry
{
    qint64 id = 0; // increasing; newest = largest
    QDateTime at;  // UTC
    QString endpoint;
    QString keyId;
    KeyAuditAction action = KeyAuditAction::Generated;
    QString relatedKeyId; // Rotated: the new primary
    QDateTime until;      // Rotated: end of the old key's grace
    QString label;        // Generated/Imported/LabelChanged: the (new) label
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::KeyInfo)
Q_DECLARE_METATYPE(hookbench::KeyAuditEntry)
