#include "settingssummary.h"

#include "diff/jsondiff.h"
#include "diff/jsontree.h"

#include <QSet>
#include <QStringList>

namespace hookbench {

namespace {

const QByteArray CampaignsKey = QByteArrayLiteral("campaigns");

QString listed(const QStringList &keys)
{
    QStringList shown = keys.mid(0, MaxListedKeys);
    if (keys.size() > MaxListedKeys)
        shown.append(QString(QChar(0x2026)));
    return shown.join(QLatin1String(", "));
}

QString campaignCount(qsizetype count)
{
    if (count == 0)
        return QStringLiteral("no campaigns");
    return QString::number(count) +
           (count == 1 ? QLatin1String(" campaign") : QLatin1String(" campaigns"));
}

// The first two tokens of a pointer: "/campaigns/3/variations" → {"campaigns", "3"}.
QStringList leadingTokens(const QString &pointer)
{
    return pointer.split(QLatin1Char('/')).mid(1, 2);
}

QString unescapedToken(QString token)
{
    return token.replace(QLatin1String("~1"), QLatin1String("/"))
        .replace(QLatin1String("~0"), QLatin1String("~"));
}

// The `key` of the campaign at `index` of the tree's campaigns ("" when it has none).
QString campaignKey(const JsonTree &tree, const QString &index)
{
    const int campaigns = tree.member(JsonTree::Root, CampaignsKey);
    const int campaign = campaigns < 0 ? -1 : tree.element(campaigns, index.toInt());
    const int key =
        campaign < 0 || tree.type(campaign) != JsonType::Object ? -1 : tree.member(campaign, "key");
    return key < 0 ? QString() : tree.string(key);
}

qsizetype distinctCampaignKeys(const JsonTree &tree)
{
    QSet<QByteArray> keys;
    const int campaigns = tree.member(JsonTree::Root, CampaignsKey);
    if (campaigns < 0 || tree.type(campaigns) != JsonType::Array)
        return 0;
    for (int campaign : tree.children(campaigns)) {
        const int key = tree.type(campaign) == JsonType::Object ? tree.member(campaign, "key") : -1;
        keys.insert(key < 0 ? QByteArray() : tree.text(key));
    }
    return keys.size();
}

JsonTree parseObject(const QByteArray &bytes)
{
    JsonTree tree = JsonTree::parse(bytes);
    return !tree.isNull() && tree.type(JsonTree::Root) == JsonType::Object ? tree : JsonTree();
}

void appendOnce(QStringList &list, const QString &item)
{
    if (!list.contains(item))
        list.append(item);
}

} // namespace

QString summarizeSettingsChange(const QByteArray &previous, const QByteArray &current)
{
    const JsonTree after = parseObject(current);
    if (after.isNull())
        return QStringLiteral("not comparable: the new version is not a JSON object");
    if (previous.isEmpty())
        return QLatin1String("first version: ") + campaignCount(distinctCampaignKeys(after));
    const JsonTree before = parseObject(previous);
    if (before.isNull())
        return QStringLiteral("not comparable: the previous version is not a JSON object");

    // The semantic diff decides (campaigns by key, {} as [], order alone no change); this only
    // sorts its changes into campaigns and top-level fields.
    QStringList changed;
    QStringList added;
    QStringList removed;
    QStringList fields;
    for (const JsonChange &change : diffJson(before, after).changes) {
        if (change.kind == ChangeKind::Moved)
            continue;
        const QStringList tokens = leadingTokens(change.path());
        if (tokens.size() < 2 || tokens.at(0) != QLatin1String(CampaignsKey)) {
            appendOnce(fields, tokens.isEmpty() ? QStringLiteral("(the whole file)")
                                                : unescapedToken(tokens.at(0)));
            continue;
        }
        const QString key =
            campaignKey(change.kind == ChangeKind::Removed ? before : after, tokens.at(1));
        const bool wholeCampaign = change.entity && change.scope.size() == 1;
        if (wholeCampaign && change.kind == ChangeKind::Added)
            appendOnce(added, key);
        else if (wholeCampaign && change.kind == ChangeKind::Removed)
            appendOnce(removed, key);
        else
            appendOnce(changed, key);
    }
    for (const QString &key : std::as_const(added))
        changed.removeAll(key);
    for (const QString &key : std::as_const(removed))
        changed.removeAll(key);

    QStringList parts;
    const auto add = [&parts](const QStringList &keys, QLatin1String what) {
        if (keys.isEmpty())
            return;
        const QString count =
            parts.isEmpty() ? campaignCount(keys.size()) : QString::number(keys.size());
        parts.append(count + QLatin1Char(' ') + what + QLatin1String(" (") + listed(keys) +
                     QLatin1Char(')'));
    };
    add(changed, QLatin1String("changed"));
    add(added, QLatin1String("added"));
    add(removed, QLatin1String("removed"));
    if (!parts.isEmpty())
        return parts.join(QLatin1String(", "));
    if (fields.isEmpty())
        return QStringLiteral("no campaign changed (only formatting or order differs)");
    return QLatin1String("no campaign changed (top-level fields changed: ") + listed(fields) +
           QLatin1Char(')');
}

} // namespace hookbench
