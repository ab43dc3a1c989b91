#include "settingssummary.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace hookbench {

namespace {

const QLatin1String CampaignsKey("campaigns");

QJsonValue normalised(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.isEmpty())
            return QJsonArray();
        QJsonObject result;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            result.insert(it.key(), normalised(it.value()));
        return result;
    }
    if (value.isArray()) {
        QJsonArray result;
        for (const QJsonValue &item : value.toArray())
            result.append(normalised(item));
        return result;
    }
    return value;
}

// Campaigns by key, in file order. A list per key: a broken file may repeat a key.
struct Campaigns
{
    QStringList keys;
    QHash<QString, QJsonArray> byKey;
};

Campaigns campaignsOf(const QJsonObject &root)
{
    Campaigns campaigns;
    for (const QJsonValue &campaign : root.value(CampaignsKey).toArray()) {
        const QString key = campaign.toObject().value(QLatin1String("key")).toString();
        if (!campaigns.byKey.contains(key))
            campaigns.keys.append(key);
        campaigns.byKey[key].append(campaign);
    }
    return campaigns;
}

// Equal as the SDKs read them: the plain comparison settles almost every pair; only a
// difference is looked at again with {} read as [] (normalising costs a deep copy).
bool sameSettings(const QJsonValue &a, const QJsonValue &b)
{
    return a == b || normalised(a) == normalised(b);
}

bool sameCampaigns(const QJsonArray &a, const QJsonArray &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!sameSettings(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

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

// Top-level fields other than `campaigns` whose value changed, was added or was removed.
QStringList changedTopLevel(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = after.keys();
    for (const QString &key : before.keys()) {
        if (!after.contains(key))
            keys.append(key);
    }
    QStringList changed;
    for (const QString &key : std::as_const(keys)) {
        if (key != CampaignsKey && !sameSettings(before.value(key), after.value(key)))
            changed.append(key);
    }
    return changed;
}

bool parseObject(const QByteArray &bytes, QJsonObject *object)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    *object = doc.object();
    return error.error == QJsonParseError::NoError && doc.isObject();
}

} // namespace

QString summarizeSettingsChange(const QByteArray &previous, const QByteArray &current)
{
    QJsonObject after;
    if (!parseObject(current, &after))
        return QStringLiteral("not comparable: the new version is not a JSON object");
    const Campaigns now = campaignsOf(after);
    if (previous.isEmpty())
        return QLatin1String("first version: ") + campaignCount(now.byKey.size());
    QJsonObject before;
    if (!parseObject(previous, &before))
        return QStringLiteral("not comparable: the previous version is not a JSON object");
    const Campaigns then = campaignsOf(before);

    QStringList changed;
    QStringList added;
    QStringList removed;
    for (const QString &key : now.keys) {
        const auto it = then.byKey.constFind(key);
        if (it == then.byKey.constEnd())
            added.append(key);
        else if (!sameCampaigns(it.value(), now.byKey.value(key)))
            changed.append(key);
    }
    for (const QString &key : then.keys) {
        if (!now.byKey.contains(key))
            removed.append(key);
    }

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

    const QStringList fields = changedTopLevel(before, after);
    if (fields.isEmpty())
        return QStringLiteral("no campaign changed (only formatting or order differs)");
    return QLatin1String("no campaign changed (top-level fields changed: ") + listed(fields) +
           QLatin1Char(')');
}

} // namespace hookbench
