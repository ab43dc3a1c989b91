#include "keyinfo.h"

namespace hookbench {

namespace {

template<typename Enum, size_t N>
Enum fromName(const QString &name, const Enum (&all)[N], QString (*nameOf)(Enum), bool *ok)
{
    for (Enum value : all) {
        if (nameOf(value) == name) {
            if (ok)
                *ok = true;
            return value;
        }
    }
    if (ok)
        *ok = false;
    return all[0];
}

} // namespace

QString keyStateName(KeyState state)
{
    switch (state) {
    case KeyState::Primary:
        break;
    case KeyState::Grace:
        return QStringLiteral("grace");
    case KeyState::Expired:
        return QStringLiteral("expired");
    case KeyState::Revoked:
        return QStringLiteral("revoked");
    }
    return QStringLiteral("primary");
}

KeyState keyStateFromName(const QString &name, bool *ok)
{
    static const KeyState all[] = {KeyState::Primary, KeyState::Grace, KeyState::Expired,
                                   KeyState::Revoked};
    return fromName(name, all, keyStateName, ok);
}

QString keyOriginName(KeyOrigin origin)
{
    return origin == KeyOrigin::Imported ? QStringLiteral("imported") : QStringLiteral("generated");
}

KeyState KeyInfo::stateAt(const QDateTime &now) const
{
    if (state == KeyState::Grace && graceUntil.isValid() && now >= graceUntil)
        return KeyState::Expired;
    return state;
}

bool KeyInfo::acceptedAt(const QDateTime &now) const
{
    const KeyState current = stateAt(now);
    return current == KeyState::Primary || current == KeyState::Grace;
}

bool operator==(const KeyInfo &a, const KeyInfo &b)
{
    return a.id == b.id && a.endpoint == b.endpoint && a.label == b.label && a.origin == b.origin &&
           a.created == b.created && a.state == b.state && a.graceUntil == b.graceUntil &&
           a.revokedAt == b.revokedAt && a.lastUsed == b.lastUsed && a.useCount == b.useCount;
}

QString keyAuditActionName(KeyAuditAction action)
{
    switch (action) {
    case KeyAuditAction::Generated:
        break;
    case KeyAuditAction::Imported:
        return QStringLiteral("imported");
    case KeyAuditAction::Rotated:
        return QStringLiteral("rotated");
    case KeyAuditAction::Revoked:
        return QStringLiteral("revoked");
    case KeyAuditAction::Revealed:
        return QStringLiteral("revealed");
    case KeyAuditAction::Copied:
        return QStringLiteral("copied");
    case KeyAuditAction::GraceEnded:
        return QStringLiteral("grace ended");
    case KeyAuditAction::LabelChanged:
        return QStringLiteral("label changed");
    }
    return QStringLiteral("generated");
}

KeyAuditAction keyAuditActionFromName(const QString &name, bool *ok)
{
    static const KeyAuditAction all[] = {KeyAuditAction::Generated,  KeyAuditAction::Imported,
                                         KeyAuditAction::Rotated,    KeyAuditAction::Revoked,
                                         KeyAuditAction::Revealed,   KeyAuditAction::Copied,
                                         KeyAuditAction::GraceEnded, KeyAuditAction::LabelChanged};
    return fromName(name, all, keyAuditActionName, ok);
}

} // namespace hookbench
