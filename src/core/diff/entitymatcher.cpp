#include "entitymatcher.h"

#include "jsonpatchalignment.h"
#include "jsontext.h"

#include <QHash>

#include <algorithm>

namespace hookbench {

namespace {

// Marks the matched NEW items outside a longest increasing run of their old positions.
QList<bool> outOfOrder(const QList<int> &newToOld)
{
    QList<bool> moved(newToOld.size(), false);
    QList<int> tails;                         // tails[k]: NEW position ending a run of length k+1
    QList<int> previous(newToOld.size(), -1); // the NEW position before j in its run
    for (qsizetype j = 0; j < newToOld.size(); ++j) {
        if (newToOld[j] < 0)
            continue;
        const auto it = std::lower_bound(tails.begin(), tails.end(), newToOld[j],
                                         [&](int tail, int old) { return newToOld[tail] < old; });
        if (it != tails.begin())
            previous[j] = *(it - 1);
        if (it == tails.end())
            tails.append(int(j));
        else
            *it = int(j);
    }
    QList<bool> inRun(newToOld.size(), false);
    for (int j = tails.isEmpty() ? -1 : tails.last(); j >= 0; j = previous[j])
        inRun[j] = true;
    for (qsizetype j = 0; j < newToOld.size(); ++j)
        moved[j] = newToOld[j] >= 0 && !inRun[j];
    return moved;
}

// A cheap stand-in for a hash of an item's text: its length and its first and last 32 bytes.
// Two different items may share it; the byte comparison after the alignment decides.
quint64 sketch(QByteArrayView text)
{
    if (text.size() <= 64)
        return fastHash(text);
    return fastHash(text.first(32), fastHash(text.last(32), quint64(text.size())));
}

// Long lists (5,000 campaigns) are mostly unchanged: pairing the items whose text is identical
// first costs one pass over the source, where looking up every item's identity would jump
// around memory. An identical pair's identities are the same anyway.
void matchIdentical(const JsonTree &oldTree, const QList<int> &oldItems, const JsonTree &newTree,
                    const QList<int> &newItems, EntityMatch &match)
{
    QList<quint64> oldSketches, newSketches;
    oldSketches.reserve(oldItems.size());
    newSketches.reserve(newItems.size());
    for (const int item : oldItems)
        oldSketches.append(sketch(oldTree.raw(item)));
    for (const int item : newItems)
        newSketches.append(sketch(newTree.raw(item)));
    for (const auto &[i, j] : alignSequences(oldSketches, newSketches, 200)) {
        if (oldTree.raw(oldItems[i]) == newTree.raw(newItems[j])) {
            match.newToOld[j] = i;
            match.oldToNew[i] = j;
            match.identical[j] = true;
        }
    }
}

} // namespace

EntityMatch matchEntities(const JsonTree &oldTree, const QList<int> &oldItems,
                          const JsonTree &newTree, const QList<int> &newItems,
                          const QList<IdentityPass> &passes)
{
    EntityMatch match;
    match.newToOld.fill(-1, newItems.size());
    match.oldToNew.fill(-1, oldItems.size());
    match.identical.fill(false, newItems.size());
    QList<bool> oldIdentified(oldItems.size(), false);
    QList<bool> newIdentified(newItems.size(), false);
    if (oldItems.size() + newItems.size() > 64)
        matchIdentical(oldTree, oldItems, newTree, newItems, match);

    for (const IdentityPass &pass : passes) {
        QHash<QByteArray, QList<int>> oldById; // positions, last first: takeLast() goes in order
        for (qsizetype i = oldItems.size() - 1; i >= 0; --i) {
            if (match.oldToNew[i] >= 0 || (pass.onlyWithoutEarlier && oldIdentified[i]))
                continue;
            const QByteArray id = pass.identity(oldTree, oldItems[i]);
            if (id.isNull())
                continue;
            oldById[id].append(int(i));
        }
        QList<bool> identifiedNow(newItems.size(), false);
        for (qsizetype j = 0; j < newItems.size(); ++j) {
            if (match.newToOld[j] >= 0 || (pass.onlyWithoutEarlier && newIdentified[j]))
                continue;
            const QByteArray id = pass.identity(newTree, newItems[j]);
            if (id.isNull())
                continue;
            identifiedNow[j] = true;
            const auto it = oldById.find(id);
            if (it == oldById.end() || it->isEmpty())
                continue;
            const int i = it->takeLast();
            match.newToOld[j] = i;
            match.oldToNew[i] = int(j);
        }
        for (auto it = oldById.cbegin(); it != oldById.cend(); ++it) {
            for (const int i : *it)
                oldIdentified[i] = true;
        }
        for (qsizetype i = 0; i < oldItems.size(); ++i)
            oldIdentified[i] = oldIdentified[i] || match.oldToNew[i] >= 0;
        for (qsizetype j = 0; j < newItems.size(); ++j)
            newIdentified[j] = newIdentified[j] || identifiedNow[j];
    }

    // Items no pass could name pair up in order.
    qsizetype i = 0;
    for (qsizetype j = 0; j < newItems.size(); ++j) {
        if (newIdentified[j] || match.newToOld[j] >= 0)
            continue;
        while (i < oldItems.size() && (oldIdentified[i] || match.oldToNew[i] >= 0))
            ++i;
        if (i == oldItems.size())
            break;
        match.newToOld[j] = int(i);
        match.oldToNew[i] = int(j);
        ++i;
    }
    match.moved = outOfOrder(match.newToOld);
    return match;
}

} // namespace hookbench
