#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace hookbench {

// Where a compared pair of values sits: its pointers in OLD and NEW, the scope a sentence names
// it by ("campaign checkout_cta", "variation Control") and its field path within that scope.
struct DiffLocation
{
    QString oldPath;
    QString newPath;
    QStringList scope;
    // Each scope level's JSON nodes in OLD and NEW (-1 where absent), parallel to `scope`: where
    // a tree view of the changes jumps for "campaign checkout_cta".
    QList<std::pair<int, int>> scopeNodes;
    QString field; // "percentTraffic", "segments.or[0].custom_variable.plan"

    // A member by key; its field path grows by ".key".
    DiffLocation member(const QByteArray &key) const;
    // An array element at its index in OLD and in NEW (-1 where absent): field "name[i]".
    DiffLocation element(int oldIndex, int newIndex) const;
    // The same place entered as a named thing of its own (nodes o in OLD, n in NEW, -1 where
    // absent): a new scope level, no field.
    DiffLocation entered(const QString &label, int o, int n) const;
    // This place as a top-level scope of its own (a group, "campaignGroups"), no field.
    DiffLocation rescoped(const QString &label, int o, int n) const;
};

} // namespace hookbench
