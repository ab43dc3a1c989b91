#pragma once

#include "jsontree.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace hookbench {

// How items of a settings-file list are told apart, e.g. a variation's id as text. An empty
// result means the item has no such identity.
using EntityIdentity = std::function<QByteArray(const JsonTree &tree, int node)>;

struct IdentityPass
{
    EntityIdentity identity;
    // Only for items that had no identity in the earlier passes (campaigns without a key are
    // matched by id; a campaign whose key is gone is not matched to another by a shared id).
    bool onlyWithoutEarlier = false;
};

struct EntityMatch
{
    QList<int> newToOld;   // for each NEW item, the position of its OLD item, or -1 (added)
    QList<int> oldToNew;   // for each OLD item, the position of its NEW item, or -1 (removed)
    QList<bool> moved;     // for each NEW item: matched, but out of order with the others
    QList<bool> identical; // for each NEW item: matched to an OLD item of the very same text
};

// Pairs up two lists of items pass by pass: within a pass, items with the same identity pair in
// order (repeated ids: first with first). Items with no identity in any pass pair in order.
// In long lists, items whose text is identical pair up first (in order).
// `moved` marks the fewest matched items whose moving explains the new order (the rest form a
// longest increasing run of old positions).
EntityMatch matchEntities(const JsonTree &oldTree, const QList<int> &oldItems,
                          const JsonTree &newTree, const QList<int> &newItems,
                          const QList<IdentityPass> &passes);

} // namespace hookbench
