#include "settingsdiff.h"

namespace hookbench {

namespace {

// A scalar member's text (a string's content, a number as written), or null.
QByteArray memberText(const JsonTree &tree, int node, QByteArrayView key)
{
    const int member = tree.member(node, key);
    if (member < 0 || tree.isContainer(member))
        return {};
    QByteArray text = tree.text(member);
    if (text.isNull())
        text = QByteArray(""); // present but empty: an identity all the same
    return text;
}

EntityIdentity identityBy(const char *key)
{
    return [key](const JsonTree &tree, int node) { return memberText(tree, node, key); };
}

// The name an entity goes by: its naming member, else "#id".
QByteArray nameOr(const JsonTree &tree, int node, QByteArrayView key)
{
    const QByteArray name = memberText(tree, node, key);
    if (!name.isEmpty())
        return name;
    const QByteArray id = memberText(tree, node, "id");
    return id.isEmpty() ? QByteArray() : '#' + id;
}

QString plural(qsizetype n, const char *noun)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(noun)) +
           (n == 1 ? QString() : QStringLiteral("s"));
}

QString campaignSummary(const JsonTree &tree, int node)
{
    QStringList parts;
    for (const char *key : {"type", "status"}) {
        const QByteArray text = memberText(tree, node, key);
        if (!text.isEmpty())
            parts.append(QString::fromUtf8(text));
    }
    const int variations = tree.member(node, "variations");
    if (variations >= 0 && tree.isContainer(variations))
        parts.append(plural(tree.childCount(variations), "variation"));
    return parts.join(QLatin1String(", "));
}

QString variationSummary(const JsonTree &tree, int node)
{
    const QByteArray weight = memberText(tree, node, "weight");
    return weight.isEmpty() ? QString() : QLatin1String("weight ") + QString::fromUtf8(weight);
}

QString goalSummary(const JsonTree &tree, int node)
{
    return QString::fromUtf8(memberText(tree, node, "type"));
}

QString variableSummary(const JsonTree &tree, int node)
{
    QStringList parts;
    const QByteArray type = memberText(tree, node, "type");
    if (!type.isEmpty())
        parts.append(QString::fromUtf8(type));
    const int value = tree.member(node, "value");
    if (value >= 0)
        parts.append(DiffContext::display(tree, value, false));
    return parts.join(QLatin1String(", "));
}

// Items of a list member, when it is one: an array, an empty {} (the quirk) or absent.
bool isCollection(const JsonTree &tree, int node)
{
    return node < 0 || tree.type(node) == JsonType::Array || tree.isEmptyContainer(node);
}

} // namespace

bool looksLikeSettingsFile(const JsonTree &tree)
{
    if (tree.isNull() || tree.type(JsonTree::Root) != JsonType::Object)
        return false;
    const int campaigns = tree.member(JsonTree::Root, "campaigns");
    return campaigns >= 0 && campaigns != JsonTree::Root &&
           (tree.type(campaigns) == JsonType::Array || tree.isEmptyContainer(campaigns));
}

void SettingsDiff::run()
{
    // Top-level fields: "settings: version 1 → 2".
    const DiffLocation root =
        DiffLocation().rescoped(QStringLiteral("settings"), JsonTree::Root, JsonTree::Root);
    m_context.compareMembers(root, JsonTree::Root, JsonTree::Root,
                             [this](const DiffLocation &at, const QByteArray &key, int o, int n) {
                                 return topLevel(at, key, o, n);
                             });
}

bool SettingsDiff::topLevel(const DiffLocation &at, const QByteArray &key, int o, int n)
{
    const JsonTree &oldTree = m_context.oldTree();
    const JsonTree &newTree = m_context.newTree();
    if (key == "campaigns" && isCollection(oldTree, o) && isCollection(newTree, n)) {
        DiffLocation list = at; // campaigns are a scope of their own, not inside "settings"
        list.scope.clear();
        list.scopeNodes.clear();
        return entityList(list, o, n, campaignRules());
    }
    if (key == "groups" && groups(at, o, n))
        return true;
    if (key == "campaignGroups" && campaignGroups(at, o, n))
        return true;
    const DiffLocation &place = at;
    if (key == "sdkKey") { // a credential: neither the sentence nor the values show it
        if (o >= 0 && n >= 0 && m_context.sameText(o, n))
            return true;
        const ChangeKind kind = o < 0   ? ChangeKind::Added
                                : n < 0 ? ChangeKind::Removed
                                        : ChangeKind::Changed;
        JsonChange &change = m_context.record(
            kind, place, o, n,
            QLatin1String("sdkKey ") + changeKindName(kind) + QLatin1String(" (not shown)"), false);
        for (QByteArray *value : {&change.oldValue, &change.newValue}) {
            if (!value->isEmpty())
                *value = QByteArrayLiteral("\"(hidden)\"");
        }
        return true;
    }
    if (o < 0)
        m_context.added(place, n);
    else if (n < 0)
        m_context.removed(place, o);
    else if (!(key == "accountId" && textField(place, o, n)))
        m_context.compare(place, o, n);
    return true;
}

QString SettingsDiff::campaignLabel(const JsonTree &tree, int node)
{
    return entityLabel(campaignRules(), tree, node);
}

QString SettingsDiff::entityLabel(const EntityRules &rules, const JsonTree &tree, int node)
{
    const QByteArray name = rules.name(tree, node);
    if (name.isEmpty())
        return rules.noun + QLatin1String(" (unnamed)");
    return rules.noun + QLatin1Char(' ') + QString::fromUtf8(name);
}

bool SettingsDiff::entityList(const DiffLocation &at, int o, int n, const EntityRules &rules)
{
    const JsonTree &oldTree = m_context.oldTree();
    const JsonTree &newTree = m_context.newTree();
    if (!isCollection(oldTree, o) || !isCollection(newTree, n))
        return false;
    const QList<int> oldItems = DiffContext::items(oldTree, o);
    const QList<int> newItems = DiffContext::items(newTree, n);
    const EntityMatch match = matchEntities(oldTree, oldItems, newTree, newItems, rules.passes);
    const bool reportOrder = m_context.options().reportOrder;
    for (qsizetype j = 0; j < newItems.size(); ++j) {
        const int i = match.newToOld[j];
        const int nn = newItems[j];
        const bool moved = i >= 0 && match.moved[j] && reportOrder;
        if (i >= 0 && !moved && (match.identical[j] || m_context.identical(oldItems[i], nn)))
            continue; // most of them: no label, no pointers
        const DiffLocation place = at.element(i, int(j)).entered(entityLabel(rules, newTree, nn),
                                                                 i >= 0 ? oldItems[i] : -1, nn);
        if (i < 0) {
            const QString summary = rules.summary(newTree, nn);
            m_context.record(ChangeKind::Added, place, -1, nn,
                             summary.isEmpty()
                                 ? QStringLiteral("added")
                                 : QLatin1String("added (") + summary + QLatin1Char(')'),
                             true);
            continue;
        }
        const int on = oldItems[i];
        if (moved) {
            m_context.record(ChangeKind::Moved, place, on, nn,
                             QStringLiteral("moved from index %1 to %2").arg(i).arg(j), true);
        }
        if (match.identical[j] || m_context.identical(on, nn))
            continue;
        if (oldTree.type(on) == JsonType::Object && newTree.type(nn) == JsonType::Object)
            (this->*rules.compare)(place, on, nn);
        else
            m_context.compare(place, on, nn); // not an entity at all: say what it is
    }
    for (qsizetype i = 0; i < oldItems.size(); ++i) {
        if (match.oldToNew[i] >= 0)
            continue;
        const int on = oldItems[i];
        const DiffLocation place =
            at.element(int(i), -1).entered(entityLabel(rules, oldTree, on), on, -1);
        m_context.record(ChangeKind::Removed, place, on, -1, QStringLiteral("removed"), true);
    }
    return true;
}

bool SettingsDiff::textField(const DiffLocation &at, int o, int n)
{
    if (o < 0 || n < 0 || m_context.oldTree().isContainer(o) || m_context.newTree().isContainer(n))
        return false;
    if (!m_context.sameText(o, n))
        m_context.changed(at, o, n);
    return true;
}

const SettingsDiff::EntityRules &SettingsDiff::campaignRules()
{
    static const EntityRules rules{
        QStringLiteral("campaign"),
        {{identityBy("key"), false}, {identityBy("id"), true}},
        [](const JsonTree &tree, int node) { return nameOr(tree, node, "key"); },
        campaignSummary,
        &SettingsDiff::campaign,
    };
    return rules;
}

const SettingsDiff::EntityRules &SettingsDiff::variationRules()
{
    static const EntityRules rules{
        QStringLiteral("variation"),
        {{identityBy("id"), false}, {identityBy("name"), false}},
        [](const JsonTree &tree, int node) { return nameOr(tree, node, "name"); },
        variationSummary,
        &SettingsDiff::variation,
    };
    return rules;
}

const SettingsDiff::EntityRules &SettingsDiff::goalRules()
{
    static const EntityRules rules{
        QStringLiteral("goal"),
        {{identityBy("identifier"), false}, {identityBy("id"), true}},
        [](const JsonTree &tree, int node) { return nameOr(tree, node, "identifier"); },
        goalSummary,
        &SettingsDiff::goal,
    };
    return rules;
}

const SettingsDiff::EntityRules &SettingsDiff::variableRules()
{
    static const EntityRules rules{
        QStringLiteral("variable"),
        {{identityBy("key"), false}, {identityBy("id"), true}},
        [](const JsonTree &tree, int node) { return nameOr(tree, node, "key"); },
        variableSummary,
        &SettingsDiff::variable,
    };
    return rules;
}

void SettingsDiff::campaign(const DiffLocation &at, int o, int n)
{
    m_context.compareMembers(
        at, o, n, [this](const DiffLocation &place, const QByteArray &key, int om, int nm) {
            if (key == "variations")
                return entityList(place, om, nm, variationRules());
            if (key == "goals")
                return entityList(place, om, nm, goalRules());
            if (key == "variables")
                return entityList(place, om, nm, variableRules());
            return key == "id" && textField(place, om, nm);
        });
}

void SettingsDiff::variation(const DiffLocation &at, int o, int n)
{
    m_context.compareMembers(
        at, o, n, [this](const DiffLocation &place, const QByteArray &key, int om, int nm) {
            if (key == "variables")
                return entityList(place, om, nm, variableRules());
            return (key == "id" || key == "weight") && textField(place, om, nm);
        });
}

void SettingsDiff::goal(const DiffLocation &at, int o, int n)
{
    m_context.compareMembers(at, o, n,
                             [this](const DiffLocation &place, const QByteArray &key, int om,
                                    int nm) { return key == "id" && textField(place, om, nm); });
}

void SettingsDiff::variable(const DiffLocation &at, int o, int n)
{
    goal(at, o, n); // the same rule: ids as text, the rest (value of any type) generically
}

} // namespace hookbench
