#pragma once

// SQL helpers shared by keyringstore.cpp and keyringstorechanges.cpp (internal).

#include "keyinfo.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace hookbench::keyringsql {

inline const QLatin1String KeyColumns("id, endpoint, label, origin, created_at, state, grace_until,"
                                      " revoked_at, last_used, use_count");

inline QVariant toMs(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType::fromType<qint64>());
}

inline QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

inline QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

inline KeyInfo keyFromRow(const QSqlQuery &query)
{
    KeyInfo key;
    key.id = query.value(0).toString();
    key.endpoint = query.value(1).toString();
    key.label = query.value(2).toString();
    key.origin = query.value(3).toString() == QLatin1String("imported") ? KeyOrigin::Imported
                                                                        : KeyOrigin::Generated;
    key.created = fromMs(query.value(4));
    bool known = false;
    key.state = keyStateFromName(query.value(5).toString(), &known);
    if (!known)
        key.state = KeyState::Revoked; // a state from a newer version: never accept it
    key.graceUntil = fromMs(query.value(6));
    key.revokedAt = fromMs(query.value(7));
    key.lastUsed = fromMs(query.value(8));
    key.useCount = query.value(9).toLongLong();
    return key;
}

} // namespace hookbench::keyringsql
