// SettingsDiff, part two: mutually exclusive groups and the campaign-to-group map.
#include "settingsdiff.h"

#include <algorithm>

namespace hookbench {

namespace {

const QString &arrow()
{
    static const QString text = QStringLiteral(" \u2192 ");
    return text;
}

bool isMap(const JsonTree &tree, int node)
{
    return node < 0 || tree.type(node) == JsonType::Object || tree.isEmptyContainer(node);
}

// "group 12 (Pricing)", named as in NEW when it is there.
QString groupLabel(const JsonTree &oldTree, int o, const JsonTree &newTree, int n,
                   const QByteArray &id)
{
    const JsonTree &tree = n >= 0 ? newTree : oldTree;
    const int node = n >= 0 ? n : o;
    QString label = QLatin1String("group ") + QString::fromUtf8(id);
    const int name = tree.member(node, "name");
    if (name >= 0 && tree.type(name) == JsonType::String && !tree.text(name).isEmpty())
        label += QLatin1String(" (") + tree.string(name) + QLatin1Char(')');
    return label;
}

// A group's campaign ids as texts, sorted: the list is a set (1 and "1" alike).
QList<QByteArray> idSet(const JsonTree &tree, int node)
{
    QList<QByteArray> ids;
    for (const int child : tree.children(node))
        ids.append(DiffContext::scalarText(tree, child));
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

bool SettingsDiff::groups(const DiffLocation &at, int o, int n)
{
    if (!isMap(m_context.oldTree(), o) || !isMap(m_context.newTree(), n))
        return false;
    m_context.compareMembers(at, o, n,
                             [this](const DiffLocation &place, const QByteArray &id, int og,
                                    int ng) { return group(place, id, og, ng); });
    return true;
}

bool SettingsDiff::group(const DiffLocation &at, const QByteArray &id, int o, int n)
{
    const JsonTree &oldTree = m_context.oldTree();
    const JsonTree &newTree = m_context.newTree();
    const DiffLocation place = at.rescoped(groupLabel(oldTree, o, newTree, n, id), o, n);
    if (o < 0 || n < 0) {
        QString detail = o < 0 ? QStringLiteral("added") : QStringLiteral("removed");
        const int campaigns = o < 0 ? newTree.member(n, "campaigns") : -1;
        if (campaigns >= 0)
            detail += QLatin1String(" (campaigns ") +
                      DiffContext::display(newTree, campaigns, false) + QLatin1Char(')');
        m_context.record(o < 0 ? ChangeKind::Added : ChangeKind::Removed, place, o, n, detail,
                         true);
        return true;
    }
    if (oldTree.type(o) != JsonType::Object || newTree.type(n) != JsonType::Object) {
        m_context.compare(place, o, n);
        return true;
    }
    m_context.compareMembers(
        place, o, n, [this](const DiffLocation &member, const QByteArray &key, int om, int nm) {
            return key == "campaigns" && groupCampaigns(member, om, nm);
        });
    return true;
}

bool SettingsDiff::groupCampaigns(const DiffLocation &at, int o, int n)
{
    const JsonTree &oldTree = m_context.oldTree();
    const JsonTree &newTree = m_context.newTree();
    const auto isList = [](const JsonTree &tree, int node) {
        return node >= 0 && (tree.type(node) == JsonType::Array || tree.isEmptyContainer(node));
    };
    if (!isList(oldTree, o) || !isList(newTree, n))
        return false;
    if (idSet(oldTree, o) != idSet(newTree, n)) {
        m_context.changed(at, o, n);
    } else if (m_context.options().reportOrder && DiffContext::items(oldTree, o).size() > 1 &&
               !m_context.identical(o, n)) {
        // The same ids: reordered, or only spelt differently (1 and "1"); say so only if reordered.
        QList<QByteArray> oldIds, newIds;
        for (const int child : oldTree.children(o))
            oldIds.append(DiffContext::scalarText(oldTree, child));
        for (const int child : newTree.children(n))
            newIds.append(DiffContext::scalarText(newTree, child));
        if (oldIds != newIds)
            m_context.record(ChangeKind::Moved, at, o, n,
                             QLatin1String("campaigns order ") +
                                 DiffContext::display(oldTree, o, false) + arrow() +
                                 DiffContext::display(newTree, n, false),
                             false);
    }
    return true;
}

bool SettingsDiff::campaignGroups(const DiffLocation &at, int o, int n)
{
    if (!isMap(m_context.oldTree(), o) || !isMap(m_context.newTree(), n))
        return false;
    const DiffLocation place = at.rescoped(QStringLiteral("campaignGroups"), o, n);
    m_context.compareMembers(
        place, o, n, [this](const DiffLocation &entry, const QByteArray &id, int og, int ng) {
            const JsonTree &oldTree = m_context.oldTree();
            const JsonTree &newTree = m_context.newTree();
            if ((og >= 0 && oldTree.isContainer(og)) || (ng >= 0 && newTree.isContainer(ng)))
                return false; // not a group id: compared generically
            const QString campaign = QLatin1String("campaign ") + QString::fromUtf8(id);
            if (og < 0) {
                m_context.record(ChangeKind::Added, entry, -1, ng,
                                 campaign + QLatin1String(" added (group ") +
                                     QString::fromUtf8(newTree.text(ng)) + QLatin1Char(')'),
                                 false);
            } else if (ng < 0) {
                m_context.record(ChangeKind::Removed, entry, og, -1,
                                 campaign + QLatin1String(" removed (was group ") +
                                     QString::fromUtf8(oldTree.text(og)) + QLatin1Char(')'),
                                 false);
            } else if (!m_context.sameText(og, ng)) {
                m_context.record(ChangeKind::Changed, entry, og, ng,
                                 campaign + QLatin1String(" group ") +
                                     QString::fromUtf8(oldTree.text(og)) + arrow() +
                                     QString::fromUtf8(newTree.text(ng)),
                                 false);
            }
            return true;
        });
    return true;
}

} // namespace hookbench
