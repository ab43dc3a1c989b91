// DiffTreeModel, part two: the rows built from the two trees and the semantic changes.
#include "difftreemodel.h"

#include "diff/settingsdiff.h"

#include <QHash>
#include <QSet>

namespace hookbench {

namespace {

using State = DiffTreeModel::State;

State stateOf(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return State::Added;
    case ChangeKind::Removed:
        return State::Removed;
    case ChangeKind::Changed:
        break;
    case ChangeKind::Moved:
        return State::Moved;
    }
    return State::Changed;
}

// The list items of `node` (an array's elements; nothing for {}, a scalar or -1).
QList<int> elementsOf(const JsonTree &tree, int node)
{
    QList<int> list;
    if (node < 0 || tree.type(node) != JsonType::Array)
        return list;
    for (const int child : tree.children(node))
        list.append(child);
    return list;
}

// RFC 6901 "~1" and "~0" back to "/" and "~".
QString decodedToken(QString token)
{
    return token.replace(QLatin1String("~1"), QLatin1String("/"))
        .replace(QLatin1String("~0"), QLatin1String("~"));
}

QString scopeKey(int parent, const QString &label, std::pair<int, int> nodes)
{
    return QString::number(parent) + QLatin1Char('|') + QString::number(nodes.first) +
           QLatin1Char('|') + QString::number(nodes.second) + QLatin1Char('|') + label;
}

} // namespace

// Collects the rows: top-level lists in their order, nested scopes found again by key, changes
// placed on their scope's row (an entity's own change) or below it.
class DiffTreeModel::Builder
{
public:
    Builder(const JsonTree &oldTree, const JsonTree &newTree, const QList<JsonChange> &changes);
    void buildSettings();
    void buildGeneric();
    Rows finish();

private:
    int addItem(const QString &label, int parent, int oldNode, int newNode);
    int addTop(const QString &label, QList<int> *topList, int oldNode = -1, int newNode = -1);
    // The row of a scope below `parent` (or at the top, in `topList`), made on first use.
    int scope(int parent, const QString &label, std::pair<int, int> nodes, QList<int> *topList);
    // Counts change `change` on `item` and its ancestors; makes it the row's own change when
    // `own` (and it has none yet), else a row below labelled `leafLabel`.
    void place(int item, int change, bool own, const QString &leafLabel);
    void pairUnchanged(const QList<int> &oldCampaigns, const QSet<int> &claimed);
    void buildMembers();
    static QString pointerOf(const JsonChange &change); // in NEW unless removed

    const JsonTree &m_old;
    const JsonTree &m_new;
    const QList<JsonChange> &m_changes;
    std::vector<Item> m_items;
    std::vector<QList<int>> m_leaves; // by item: its change rows, put after its scopes
    QHash<QString, int> m_scopes;
    QList<int> m_main;    // NEW's campaigns or top-level members, in order
    QList<int> m_removed; // OLD's ones that are gone
    QList<int> m_others;  // other scopes with changes
};

DiffTreeModel::Builder::Builder(const JsonTree &oldTree, const JsonTree &newTree,
                                const QList<JsonChange> &changes)
    : m_old(oldTree)
    , m_new(newTree)
    , m_changes(changes)
{}

int DiffTreeModel::Builder::addItem(const QString &label, int parent, int oldNode, int newNode)
{
    Item item;
    item.label = label;
    item.parent = parent;
    item.oldNode = oldNode;
    item.newNode = newNode;
    m_items.push_back(std::move(item));
    m_leaves.emplace_back();
    return int(m_items.size()) - 1;
}

int DiffTreeModel::Builder::scope(int parent, const QString &label, std::pair<int, int> nodes,
                                  QList<int> *topList)
{
    const QString key = scopeKey(parent, label, nodes);
    const auto found = m_scopes.constFind(key);
    if (found != m_scopes.constEnd())
        return *found;
    const int item = addItem(label, parent, nodes.first, nodes.second);
    if (parent >= 0)
        m_items[size_t(parent)].children.append(item);
    else
        topList->append(item);
    m_scopes.insert(key, item);
    return item;
}

void DiffTreeModel::Builder::place(int item, int change, bool own, const QString &leafLabel)
{
    const JsonChange &c = m_changes.at(change);
    for (int at = item; at >= 0; at = m_items[size_t(at)].parent)
        ++m_items[size_t(at)].changeCount;
    Item &target = m_items[size_t(item)];
    if (own && target.change < 0) {
        target.change = change;
        target.state = stateOf(c.kind);
        if (target.oldNode < 0)
            target.oldNode = c.oldNode;
        if (target.newNode < 0)
            target.newNode = c.newNode;
        return;
    }
    const int leaf = addItem(leafLabel, item, c.oldNode, c.newNode);
    m_items[size_t(leaf)].change = change;
    m_items[size_t(leaf)].state = stateOf(c.kind);
    m_items[size_t(leaf)].changeCount = 1;
    m_leaves[size_t(item)].append(leaf);
}

void DiffTreeModel::Builder::buildSettings()
{
    const QList<int> newCampaigns =
        elementsOf(m_new, m_new.member(JsonTree::Root, QByteArrayView("campaigns")));
    const QList<int> oldCampaigns =
        elementsOf(m_old, m_old.member(JsonTree::Root, QByteArrayView("campaigns")));
    QHash<int, int> byNewNode; // campaign node in NEW → its row
    byNewNode.reserve(newCampaigns.size());
    for (const int node : newCampaigns) {
        const int item = addItem(SettingsDiff::campaignLabel(m_new, node), -1, -1, node);
        m_items[size_t(item)].campaign = true;
        m_main.append(item);
        byNewNode.insert(node, item);
    }
    const QSet<int> oldSet(oldCampaigns.cbegin(), oldCampaigns.cend());
    QSet<int> claimed; // OLD campaigns a change names
    for (int c = 0; c < m_changes.size(); ++c) {
        const JsonChange &change = m_changes.at(c);
        if (change.scope.isEmpty()) { // not expected in a settings diff: a row of its own
            place(addTop(change.detail, &m_others), c, true, {});
            continue;
        }
        const auto nodes = change.scopeNodes.value(0, {-1, -1});
        int item = nodes.second >= 0 ? byNewNode.value(nodes.second, -1) : -1;
        if (item >= 0) {
            Item &row = m_items[size_t(item)];
            if (row.oldNode < 0 && nodes.first >= 0)
                row.oldNode = nodes.first;
        } else if (nodes.second < 0 && oldSet.contains(nodes.first)) {
            item = scope(-1, change.scope.first(), nodes, &m_removed);
            m_items[size_t(item)].campaign = true;
        } else {
            item = scope(-1, change.scope.first(), nodes, &m_others);
        }
        if (m_items[size_t(item)].campaign)
            claimed.insert(nodes.first);
        for (int level = 1; level < change.scope.size(); ++level)
            item = scope(item, change.scope.at(level), change.scopeNodes.value(level, {-1, -1}),
                         nullptr);
        place(item, c, change.entity, change.detail);
    }
    pairUnchanged(oldCampaigns, claimed);
}

void DiffTreeModel::Builder::pairUnchanged(const QList<int> &oldCampaigns, const QSet<int> &claimed)
{
    // Unchanged campaigns have no change to name their OLD node: pair them by label, in order.
    QHash<QString, QList<int>> byLabel;
    for (auto it = oldCampaigns.crbegin(); it != oldCampaigns.crend(); ++it) {
        if (!claimed.contains(*it))
            byLabel[SettingsDiff::campaignLabel(m_old, *it)].append(*it); // reversed: takeLast
    }
    for (const int item : std::as_const(m_main)) {
        Item &row = m_items[size_t(item)];
        if (row.changeCount > 0 || row.oldNode >= 0)
            continue;
        const auto found = byLabel.find(row.label);
        if (found != byLabel.end() && !found->isEmpty())
            row.oldNode = found->takeLast();
    }
}

int DiffTreeModel::Builder::addTop(const QString &label, QList<int> *topList, int oldNode,
                                   int newNode)
{
    const int item = addItem(label, -1, oldNode, newNode);
    topList->append(item);
    return item;
}

void DiffTreeModel::Builder::buildGeneric()
{
    QList<int> rootChanges;
    bool rootReplaced = false;
    for (int c = 0; c < m_changes.size(); ++c) {
        const JsonChange &change = m_changes.at(c);
        if (pointerOf(change).isEmpty()) {
            rootChanges.append(c);
            rootReplaced = rootReplaced || change.kind != ChangeKind::Moved;
        }
    }
    if (!rootReplaced)
        buildMembers();
    for (const int c : std::as_const(rootChanges))
        place(addTop(DiffTreeModel::tr("(root)"), &m_others, JsonTree::Root, JsonTree::Root), c,
              true, {});
}

void DiffTreeModel::Builder::buildMembers()
{
    const JsonType newType = m_new.type(JsonTree::Root);
    const JsonType oldType = m_old.type(JsonTree::Root);
    const bool newArray = newType == JsonType::Array;
    const bool oldArray = oldType == JsonType::Array || (oldType != JsonType::Object && newArray);
    // OLD's members by token, repeated keys in order (reversed: takeLast yields the first).
    QHash<QString, QList<int>> oldByToken;
    if (m_old.isContainer(JsonTree::Root) && oldType == newType) {
        QList<std::pair<QString, int>> members;
        int i = 0;
        for (const int child : m_old.children(JsonTree::Root))
            members.append(
                {oldArray ? QString::number(i++) : QString::fromUtf8(m_old.key(child)), child});
        for (auto it = members.crbegin(); it != members.crend(); ++it)
            oldByToken[it->first].append(it->second);
    }
    QHash<QString, int> byToken; // NEW's first member of each key → its row
    if (m_new.isContainer(JsonTree::Root)) {
        int i = 0;
        for (const int child : m_new.children(JsonTree::Root)) {
            const QString token =
                newArray ? QString::number(i++) : QString::fromUtf8(m_new.key(child));
            auto old = oldByToken.find(token);
            const int oldNode = old != oldByToken.end() && !old->isEmpty() ? old->takeLast() : -1;
            const int item = addTop(newArray ? QLatin1Char('[') + token + QLatin1Char(']') : token,
                                    &m_main, oldNode, child);
            if (!byToken.contains(token))
                byToken.insert(token, item);
        }
    }
    QHash<QString, int> extra; // rows of members only OLD has
    for (int c = 0; c < m_changes.size(); ++c) {
        const JsonChange &change = m_changes.at(c);
        const QString path = pointerOf(change);
        if (path.isEmpty())
            continue;
        const qsizetype end = path.indexOf(QLatin1Char('/'), 1);
        const QString rawToken = path.mid(1, end < 0 ? -1 : end - 1);
        const QString token = decodedToken(rawToken);
        const bool atMember = end < 0;
        int item = byToken.value(token, -1);
        if (item < 0 || (atMember && change.kind == ChangeKind::Removed)) {
            const bool array = change.kind == ChangeKind::Removed ? oldArray : newArray;
            const QString label = array ? QLatin1Char('[') + token + QLatin1Char(']') : token;
            if (atMember && change.kind == ChangeKind::Removed) {
                item = addTop(label, &m_removed);
            } else {
                item = extra.value(token, -1);
                if (item < 0) {
                    item = addTop(label, &m_removed);
                    extra.insert(token, item);
                }
            }
        }
        // The detail starts with the change's pointer: below the member, only the rest of it.
        const QString prefix = QLatin1Char('/') + rawToken;
        const QString label =
            change.detail.startsWith(prefix) ? change.detail.mid(prefix.size()) : change.detail;
        place(item, c, atMember, label);
    }
}

QString DiffTreeModel::Builder::pointerOf(const JsonChange &change)
{
    return change.kind == ChangeKind::Removed ? change.oldPath : change.newPath;
}

DiffTreeModel::Rows DiffTreeModel::Builder::finish()
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        Item &item = m_items[i];
        item.children += m_leaves[i];
        for (int row = 0; row < item.children.size(); ++row)
            m_items[size_t(item.children[row])].row = row;
        if (item.change < 0)
            item.state = item.changeCount > 0 ? State::ContainsChanges : State::Unchanged;
    }
    return {std::move(m_items), m_main + m_removed + m_others};
}

DiffTreeModel::Rows DiffTreeModel::buildRows(const JsonTree &oldTree, const JsonTree &newTree,
                                             const JsonDiff &diff)
{
    Builder builder(oldTree, newTree, diff.changes);
    if (diff.settingsFiles)
        builder.buildSettings();
    else
        builder.buildGeneric();
    return builder.finish();
}

} // namespace hookbench
