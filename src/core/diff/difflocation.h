#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hookbench {

// Where a compared pair of values sits: its pointers in OLD and NEW, the scope a sentence names
// it by ("campaign checkout_cta", "variation Control") and its field path within that scope.
struct DiffLocation
{
    QString oldPath;
    QString newPath;
    QStringList scope;
    QString field; // "percentTraffic", "segments.or[0].custom_variable.plan"

    // A member by key; its field path grows by ".key".
    DiffLocation member(const QByteArray &key) const;
    // An array element at its index in OLD and in NEW (-1 where absent): field "name[i]".
    DiffLocation element(int oldIndex, int newIndex) const;
    // The same place entered as a named thing of its own: a new scope level, no field.
    DiffLocation entered(const QString &label) const;
};

} // namespace hookbench
