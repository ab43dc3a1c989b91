// The edits tst_jsondiff and tst_jsonpatch make to every fixture, with the sentences the
// semantic diff must say for each.
#include "tst_jsondiffedit.h"

#include <QRegularExpression>

namespace jsonedit {

namespace {

const QString Arrow = QStringLiteral(" \u2192 ");

// A value as a sentence shows it (scalars only): compact JSON, plain words without quotes when
// `bare` (both sides of the change are plain words).
QString shown(const QJsonValue &value, bool bare = false)
{
    if (value.isString() && bare)
        return value.toString();
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

bool plainWord(const QJsonValue &value)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_@:+.-][A-Za-z0-9_@:+.-]*$"));
    const QString text = value.toString();
    return value.isString() && word.match(text).hasMatch() && text != QLatin1String("true") &&
           text != QLatin1String("false") && text != QLatin1String("null");
}

QString campaign(const QJsonValue &root, int i)
{
    return QLatin1String("campaign ") +
           at(root, QStringLiteral("campaigns/%1/key").arg(i)).toString();
}

QString variation(const QJsonValue &root, int c, int v)
{
    const QJsonValue var = at(root, QStringLiteral("campaigns/%1/variations/%2").arg(c).arg(v));
    return QLatin1String("variation ") + var.toObject().value(QLatin1String("name")).toString();
}

int campaignCount(const QJsonValue &root)
{
    return at(root, QStringLiteral("campaigns")).toArray().size();
}

// The first campaign for which `test` holds, or -1.
int firstCampaign(const QJsonValue &root, const std::function<bool(const QJsonObject &)> &test)
{
    for (int i = 0; i < campaignCount(root); ++i) {
        if (test(at(root, QStringLiteral("campaigns/%1").arg(i)).toObject()))
            return i;
    }
    return -1;
}

// Where the first variables list is: "campaigns/1/variables" or
// "campaigns/0/variations/1/variables", and the scope a sentence gives it ("campaign k:" or
// "campaign k: variation n").
std::optional<QPair<QString, QString>> firstVariables(const QJsonValue &root)
{
    for (int c = 0; c < campaignCount(root); ++c) {
        const QString base = QStringLiteral("campaigns/%1").arg(c);
        if (!at(root, base + QLatin1String("/variables")).toArray().isEmpty())
            return qMakePair(base + QLatin1String("/variables"),
                             campaign(root, c) + QLatin1Char(':'));
        const QJsonArray variations = at(root, base + QLatin1String("/variations")).toArray();
        for (int v = 0; v < variations.size(); ++v) {
            const QString path = QStringLiteral("%1/variations/%2/variables").arg(base).arg(v);
            if (!at(root, path).toArray().isEmpty())
                return qMakePair(path,
                                 campaign(root, c) + QLatin1String(": ") + variation(root, c, v));
        }
    }
    return std::nullopt;
}

} // namespace

QList<QPair<const char *, Editor>> editors()
{
    QList<QPair<const char *, Editor>> list;
    list.append({"unchanged, keys sorted", [](const QJsonValue &root) -> std::optional<Edit> {
                     return Edit{root, {}};
                 }});
    list.append({"traffic", [](const QJsonValue &root) -> std::optional<Edit> {
                     if (campaignCount(root) == 0)
                         return std::nullopt;
                     const QJsonValue old = at(root, QStringLiteral("campaigns/0/percentTraffic"));
                     return Edit{edited(root, QStringLiteral("campaigns/0/percentTraffic"), 37),
                                 {campaign(root, 0) + QLatin1String(": percentTraffic ") +
                                  shown(old) + Arrow + QLatin1String("37")}};
                 }});
    list.append({"weight", [](const QJsonValue &root) -> std::optional<Edit> {
                     if (campaignCount(root) == 0)
                         return std::nullopt;
                     const QString path = QStringLiteral("campaigns/0/variations/0/weight");
                     return Edit{edited(root, path, 7),
                                 {campaign(root, 0) + QLatin1String(": ") + variation(root, 0, 0) +
                                  QLatin1String(" weight ") + shown(at(root, path)) + Arrow +
                                  QLatin1String("7")}};
                 }});
    list.append(
        {"status", [](const QJsonValue &root) -> std::optional<Edit> {
             if (campaignCount(root) == 0)
                 return std::nullopt;
             const QString old = at(root, QStringLiteral("campaigns/0/status")).toString();
             const QString now = old == QLatin1String("RUNNING") ? QStringLiteral("PAUSED")
                                                                 : QStringLiteral("RUNNING");
             return Edit{edited(root, QStringLiteral("campaigns/0/status"), now),
                         {campaign(root, 0) + QLatin1String(": status ") + old + Arrow + now}};
         }});
    list.append({"goal type changed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const int c = firstCampaign(root, [](const QJsonObject &o) {
                         return !o.value(QLatin1String("goals")).toArray().isEmpty();
                     });
                     if (c < 0)
                         return std::nullopt;
                     const QString base = QStringLiteral("campaigns/%1/goals/0/").arg(c);
                     const QString old = at(root, base + QLatin1String("type")).toString();
                     const QString now = old == QLatin1String("CUSTOM_GOAL")
                                             ? QStringLiteral("REVENUE_TRACKING")
                                             : QStringLiteral("CUSTOM_GOAL");
                     return Edit{edited(root, base + QLatin1String("type"), now),
                                 {campaign(root, c) + QLatin1String(": goal ") +
                                  at(root, base + QLatin1String("identifier")).toString() +
                                  QLatin1String(" type ") + old + Arrow + now}};
                 }});
    list.append(
        {"goal added", [](const QJsonValue &root) -> std::optional<Edit> {
             if (campaignCount(root) == 0)
                 return std::nullopt;
             const QJsonObject goal{{QStringLiteral("identifier"), QStringLiteral("purchase_x")},
                                    {QStringLiteral("id"), 999},
                                    {QStringLiteral("type"), QStringLiteral("REVENUE_TRACKING")}};
             return Edit{
                 edited(root, QStringLiteral("campaigns/0/goals/-"), goal),
                 {campaign(root, 0) + QLatin1String(": goal purchase_x added (REVENUE_TRACKING)")}};
         }});
    list.append({"goal removed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const int c = firstCampaign(root, [](const QJsonObject &o) {
                         return !o.value(QLatin1String("goals")).toArray().isEmpty();
                     });
                     if (c < 0)
                         return std::nullopt;
                     const QString goal = QStringLiteral("campaigns/%1/goals/0").arg(c);
                     return Edit{removed(root, goal),
                                 {campaign(root, c) + QLatin1String(": goal ") +
                                  at(root, goal + QLatin1String("/identifier")).toString() +
                                  QLatin1String(" removed")}};
                 }});
    list.append({"variable changed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const auto where = firstVariables(root);
                     if (!where)
                         return std::nullopt;
                     const QString base = where->first + QLatin1String("/0/");
                     const QJsonValue old = at(root, base + QLatin1String("value"));
                     if (old.isObject() || old.isArray())
                         return std::nullopt;
                     const bool bare = plainWord(old);
                     return Edit{edited(root, base + QLatin1String("value"), QStringLiteral("zzz")),
                                 {where->second + QLatin1String(" variable ") +
                                  at(root, base + QLatin1String("key")).toString() +
                                  QLatin1String(" value ") + shown(old, bare) + Arrow +
                                  shown(QStringLiteral("zzz"), bare)}};
                 }});
    list.append({"variable added", [](const QJsonValue &root) -> std::optional<Edit> {
                     const auto where = firstVariables(root);
                     if (!where)
                         return std::nullopt;
                     const QJsonObject variable{{QStringLiteral("id"), 99},
                                                {QStringLiteral("key"), QStringLiteral("NEW_VAR")},
                                                {QStringLiteral("type"), QStringLiteral("integer")},
                                                {QStringLiteral("value"), 5}};
                     return Edit{
                         edited(root, where->first + QLatin1String("/-"), variable),
                         {where->second + QLatin1String(" variable NEW_VAR added (integer, 5)")}};
                 }});
    list.append({"variable removed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const auto where = firstVariables(root);
                     if (!where)
                         return std::nullopt;
                     return Edit{removed(root, where->first + QLatin1String("/0")),
                                 {where->second + QLatin1String(" variable ") +
                                  at(root, where->first + QLatin1String("/0/key")).toString() +
                                  QLatin1String(" removed")}};
                 }});
    list.append(
        {"segments added", [](const QJsonValue &root) -> std::optional<Edit> {
             const QJsonValue old = at(root, QStringLiteral("campaigns/0/segments"));
             if (campaignCount(root) == 0 || !old.isObject() || !old.toObject().isEmpty())
                 return std::nullopt;
             const QJsonValue rule =
                 QJsonDocument::fromJson(R"({"or": [{"custom_variable": {"plan": "pro"}}]})")
                     .object();
             return Edit{
                 edited(root, QStringLiteral("campaigns/0/segments"), rule),
                 {campaign(root, 0) + QLatin1String(": segments.or added ([{\"custom_variable\": "
                                                    "{\"plan\": \"pro\"}}])")}};
         }});
    list.append(
        {"group campaigns", [](const QJsonValue &root) -> std::optional<Edit> {
             const QJsonObject groups = at(root, QStringLiteral("groups")).toObject();
             if (groups.isEmpty())
                 return std::nullopt;
             const QString id = groups.keys().first();
             const QJsonObject group = groups.value(id).toObject();
             QJsonArray campaigns = group.value(QLatin1String("campaigns")).toArray();
             const QString before = shown(campaigns).replace(QLatin1Char(','), QLatin1String(", "));
             campaigns.append(999);
             const QString after = shown(campaigns).replace(QLatin1Char(','), QLatin1String(", "));
             return Edit{edited(root, QStringLiteral("groups/%1/campaigns").arg(id), campaigns),
                         {QStringLiteral("group %1 (%2): campaigns ")
                              .arg(id, group.value(QLatin1String("name")).toString()) +
                          before + Arrow + after}};
         }});
    list.append({"group added", [](const QJsonValue &root) -> std::optional<Edit> {
                     if (at(root, QStringLiteral("groups")).isUndefined())
                         return std::nullopt;
                     const QJsonObject group{{QStringLiteral("name"), QStringLiteral("Pricing")},
                                             {QStringLiteral("campaigns"), QJsonArray{1, 2}}};
                     return Edit{edited(root, QStringLiteral("groups/99"), group),
                                 {QStringLiteral("group 99 (Pricing) added (campaigns [1, 2])")}};
                 }});
    list.append({"group removed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const QJsonObject groups = at(root, QStringLiteral("groups")).toObject();
                     if (groups.isEmpty())
                         return std::nullopt;
                     const QString id = groups.keys().first();
                     return Edit{
                         removed(root, QStringLiteral("groups/") + id),
                         {QStringLiteral("group %1 (%2) removed")
                              .arg(id, groups.value(id)[QLatin1String("name")].toString())}};
                 }});
    list.append(
        {"campaign moved to another group", [](const QJsonValue &root) -> std::optional<Edit> {
             const QJsonObject map = at(root, QStringLiteral("campaignGroups")).toObject();
             if (map.isEmpty())
                 return std::nullopt;
             const QString id = map.keys().first();
             return Edit{edited(root, QStringLiteral("campaignGroups/") + id, 99),
                         {QStringLiteral("campaignGroups: campaign %1 group %2")
                              .arg(id)
                              .arg(map.value(id).toInt()) +
                          Arrow + QLatin1String("99")}};
         }});
    list.append(
        {"campaign added", [](const QJsonValue &root) -> std::optional<Edit> {
             const QJsonObject variation{{QStringLiteral("id"), 1},
                                         {QStringLiteral("name"), QStringLiteral("Control")},
                                         {QStringLiteral("weight"), 34}};
             const QJsonObject banner{
                 {QStringLiteral("id"), 777},
                 {QStringLiteral("key"), QStringLiteral("new_banner")},
                 {QStringLiteral("type"), QStringLiteral("FEATURE_TEST")},
                 {QStringLiteral("status"), QStringLiteral("RUNNING")},
                 {QStringLiteral("variations"), QJsonArray{variation, variation, variation}}};
             QJsonArray campaigns = at(root, QStringLiteral("campaigns")).toArray();
             campaigns.append(banner); // {} (no campaigns) becomes [banner]
             return Edit{edited(root, QStringLiteral("campaigns"), campaigns),
                         {QStringLiteral("campaign new_banner added (FEATURE_TEST, RUNNING, "
                                         "3 variations)")}};
         }});
    list.append({"campaign removed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const int last = campaignCount(root) - 1;
                     if (last < 0)
                         return std::nullopt;
                     return Edit{removed(root, QStringLiteral("campaigns/%1").arg(last)),
                                 {campaign(root, last) + QLatin1String(" removed")}};
                 }});
    list.append(
        {"variation added", [](const QJsonValue &root) -> std::optional<Edit> {
             if (campaignCount(root) == 0)
                 return std::nullopt;
             const QJsonObject variation{{QStringLiteral("id"), 9},
                                         {QStringLiteral("name"), QStringLiteral("Variation-9")},
                                         {QStringLiteral("weight"), 0},
                                         {QStringLiteral("changes"), QJsonObject()}};
             return Edit{
                 edited(root, QStringLiteral("campaigns/0/variations/-"), variation),
                 {campaign(root, 0) + QLatin1String(": variation Variation-9 added (weight 0)")}};
         }});
    list.append({"variation removed", [](const QJsonValue &root) -> std::optional<Edit> {
                     const int last =
                         at(root, QStringLiteral("campaigns/0/variations")).toArray().size() - 1;
                     if (campaignCount(root) == 0 || last < 0)
                         return std::nullopt;
                     return Edit{
                         removed(root, QStringLiteral("campaigns/0/variations/%1").arg(last)),
                         {campaign(root, 0) + QLatin1String(": ") + variation(root, 0, last) +
                          QLatin1String(" removed")}};
                 }});
    list.append({"version", [](const QJsonValue &root) -> std::optional<Edit> {
                     const int version = at(root, QStringLiteral("version")).toInt();
                     return Edit{edited(root, QStringLiteral("version"), version + 1),
                                 {QStringLiteral("settings: version %1").arg(version) + Arrow +
                                  QString::number(version + 1)}};
                 }});
    list.append({"unknown key", [](const QJsonValue &root) -> std::optional<Edit> {
                     if (campaignCount(root) == 0)
                         return std::nullopt;
                     return Edit{edited(root, QStringLiteral("campaigns/0/customFlag"), true),
                                 {campaign(root, 0) + QLatin1String(": customFlag added (true)")}};
                 }});
    list.append({"reordered", [](const QJsonValue &root) -> std::optional<Edit> {
                     QJsonArray campaigns;
                     for (const QJsonValue &value :
                          reversed(at(root, QStringLiteral("campaigns")).toArray())) {
                         QJsonObject c = value.toObject();
                         for (const char *list : {"variations", "goals", "variables"}) {
                             if (c.contains(QLatin1String(list)))
                                 c[QLatin1String(list)] =
                                     reversed(c.value(QLatin1String(list)).toArray());
                         }
                         campaigns.append(c);
                     }
                     if (campaigns.size() < 2)
                         return std::nullopt;
                     return Edit{edited(root, QStringLiteral("campaigns"), campaigns), {}};
                 }});
    list.append(
        {"empty collections as {} and []", [](const QJsonValue &root) -> std::optional<Edit> {
             QJsonValue doc = root;
             if (campaignCount(root) == 0)
                 return Edit{edited(root, QStringLiteral("campaigns"), QJsonArray()), {}};
             for (int c = 0; c < campaignCount(root); ++c) {
                 for (const char *list : {"goals", "segments", "variables"}) {
                     const QString path =
                         QStringLiteral("campaigns/%1/%2").arg(c).arg(QLatin1String(list));
                     const QJsonValue value = at(root, path);
                     if (value.isArray() && value.toArray().isEmpty())
                         doc = edited(doc, path, QJsonObject());
                     else if (value.isObject() && value.toObject().isEmpty())
                         doc = edited(doc, path, QJsonArray());
                 }
             }
             return Edit{doc, {}};
         }});
    list.append(
        {"ids and weights as strings", [](const QJsonValue &root) -> std::optional<Edit> {
             QJsonValue doc = root;
             for (int c = 0; c < campaignCount(root); ++c) {
                 const int count =
                     at(root, QStringLiteral("campaigns/%1/variations").arg(c)).toArray().size();
                 for (int v = 0; v < count; ++v) {
                     for (const char *field : {"id", "weight"}) {
                         const QString path = QStringLiteral("campaigns/%1/variations/%2/%3")
                                                  .arg(c)
                                                  .arg(v)
                                                  .arg(QLatin1String(field));
                         const QJsonValue value = at(root, path);
                         if (value.isDouble())
                             doc = edited(doc, path, shown(value));
                     }
                 }
             }
             return Edit{doc, {}};
         }});
    return list;
}

} // namespace jsonedit
