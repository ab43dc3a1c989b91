#include "diff/jsondiff.h"

#include <QTest>

using namespace hookbench;

namespace {

// A settings file around some campaigns ("{...},{...}") and extra top-level members.
QByteArray settings(const QByteArray &campaigns, const QByteArray &extra = {})
{
    return R"({"version": 1, "accountId": 888, )" + extra + R"("campaigns": [)" + campaigns + "]}";
}

// A campaign `key` with two variations, one goal, and `more` members (",\"x\": 1" …).
QByteArray campaign(const char *key, const QByteArray &more = {}, int id = 1)
{
    return R"({"id": )" + QByteArray::number(id) + R"(, "key": ")" + key +
           R"(", "status": "RUNNING", "type": "VISUAL_AB", "percentTraffic": 50,
"goals": [{"identifier": "purchase", "id": 3, "type": "CUSTOM_GOAL"}],
"variations": [{"id": 1, "name": "Control", "weight": 50, "changes": {}},
               {"id": 2, "name": "B", "weight": 50, "changes": {}}],
"segments": {})" +
           more + "}";
}

QByteArray replaced(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    if (!text.contains(from))
        qFatal("test data: no '%s'", from.constData());
    return text.replace(from, to);
}

QStringList sentences(const QByteArray &before, const QByteArray &after, bool reportOrder = false)
{
    DiffOptions options;
    options.reportOrder = reportOrder;
    const JsonTree oldTree = JsonTree::parse(before);
    const JsonTree newTree = JsonTree::parse(after);
    if (oldTree.isNull() || newTree.isNull())
        qFatal("test data: invalid JSON");
    QStringList out;
    for (const JsonChange &change : diffJson(oldTree, newTree, options).changes)
        out.append(change.sentence);
    return out;
}

const QString Arrow = QStringLiteral(" \u2192 ");

QString s(const char *text) // "a -> b" written with the arrow
{
    return QString::fromUtf8(text).replace(QLatin1String(" -> "), Arrow);
}

} // namespace

// The semantic diff's rules, one quirk at a time, with the exact sentences.
class TestJsonDiffCases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<bool>("reportOrder");
        QTest::addColumn<QStringList>("expected");

        const QByteArray a = campaign("a");
        const QByteArray base = settings(a);
        auto row = [](const char *name, const QByteArray &before, const QByteArray &after,
                      const QStringList &expected, bool reportOrder = false) {
            QTest::addRow("%s", name) << before << after << reportOrder << expected;
        };

        row("brief: traffic", base,
            replaced(base, "\"percentTraffic\": 50", "\"percentTraffic\": 75"),
            {s("campaign a: percentTraffic 50 -> 75")});
        row("brief: weight", base,
            replaced(base, "\"weight\": 50, \"changes\": {}},\n",
                     "\"weight\": 25, \"changes\": {}},\n"),
            {s("campaign a: variation Control weight 50 -> 25")});
        row("brief: goal removed", base,
            replaced(base, R"({"identifier": "purchase", "id": 3, "type": "CUSTOM_GOAL"})", ""),
            {s("campaign a: goal purchase removed")});
        row("variation ids 1 and \"1\", weights as strings", base,
            replaced(replaced(base, R"("id": 1, "name": "Control", "weight": 50)",
                              R"("id": "1", "name": "Control", "weight": "50")"),
                     R"("id": 2, "name": "B")", R"("id": "2", "name": "B")"),
            {});
        row("variation matched by name when its id changed", base,
            replaced(base, R"("id": 1, "name": "Control")", R"("id": 3, "name": "Control")"),
            {s("campaign a: variation Control id 1 -> 3")});
        row("campaign, goal and account ids as text", base,
            replaced(replaced(replaced(base, R"({"id": 1, "key")", R"({"id": "1", "key")"),
                              R"("id": 3, "type")", R"("id": "3", "type")"),
                     R"("accountId": 888)", R"("accountId": "888")"),
            {});
        row("repeated campaign ids under different keys",
            settings(campaign("a") + ',' + campaign("b")),
            settings(campaign("a") + ',' +
                     replaced(campaign("b"), "\"percentTraffic\": 50", "\"percentTraffic\": 75")),
            {s("campaign b: percentTraffic 50 -> 75")});
        row("a key gone and another added, same id", settings(campaign("a")),
            settings(campaign("b")),
            {s("campaign b added (VISUAL_AB, RUNNING, 2 variations)"), s("campaign a removed")});
        row("repeated keys pair in order",
            settings(campaign("dup") + ',' +
                     replaced(campaign("dup"), "\"percentTraffic\": 50", "\"percentTraffic\": 20")),
            settings(campaign("dup") + ',' +
                     replaced(campaign("dup"), "\"percentTraffic\": 50", "\"percentTraffic\": 25")),
            {s("campaign dup: percentTraffic 20 -> 25")});
        row("repeated keys, the first removed",
            settings(campaign("dup") + ',' +
                     replaced(campaign("dup"), "\"percentTraffic\": 50", "\"percentTraffic\": 20")),
            settings(replaced(campaign("dup"), "\"percentTraffic\": 50", "\"percentTraffic\": 20")),
            {s("campaign dup: percentTraffic 50 -> 20"), s("campaign dup removed")});
        const QByteArray variables =
            R"(, "variables": [{"id": 1, "key": "A", "type": "integer", "value": 1},
                                                       {"id": 1, "key": "B", "type": "integer", "value": 2}])";
        row("repeated variable ids, matched by key", settings(campaign("a", variables)),
            settings(campaign("a", replaced(variables, "\"value\": 2", "\"value\": 3"))),
            {s("campaign a: variable B value 2 -> 3")});
        row("{} and [] are the same empty collection", settings(campaign("a")),
            replaced(replaced(settings(campaign("a")), "\"segments\": {}", "\"segments\": []"),
                     "\"changes\": {}}]", "\"changes\": []}]"),
            {});
        row("no campaigns as {} and as []", R"({"campaigns": {}, "groups": {}})",
            R"({"campaigns": [], "groups": []})", {});
        row("a goal into an empty {}",
            replaced(base, R"([{"identifier": "purchase", "id": 3, "type": "CUSTOM_GOAL"}])", "{}"),
            base, {s("campaign a: goal purchase added (CUSTOM_GOAL)")});
        row("numbers by value", base,
            replaced(replaced(base, "\"percentTraffic\": 50", "\"percentTraffic\": 5.0e1"),
                     "\"version\": 1", "\"version\": 1.0"),
            {});
        row("a number against a string", base,
            replaced(base, "\"percentTraffic\": 50", "\"percentTraffic\": \"50\""),
            {s("campaign a: percentTraffic 50 -> \"50\"")});
        row("the SDK key is never shown", settings(a, R"("sdkKey": "secret-one", )"),
            settings(a, R"("sdkKey": "secret-two", )"),
            {s("settings: sdkKey changed (not shown)")});
        row("top-level field added and removed", settings(a, R"("isNB": true, )"),
            settings(a, R"("isEventArchEnabled": false, )"),
            {s("settings: isEventArchEnabled added (false)"),
             s("settings: isNB removed (was true)")});
        row("account id", base, replaced(base, "888", "889"),
            {s("settings: accountId 888 -> 889")});
        const QByteArray groups = R"("groups": {"12": {"name": "Pricing", "campaigns": [1, 2]}}, )";
        row("brief: group campaigns", settings(a, groups),
            settings(a, replaced(groups, "[1, 2]", "[1, 2, 5]")),
            {s("group 12 (Pricing): campaigns [1, 2] -> [1, 2, 5]")});
        row("group campaigns are a set", settings(a, groups),
            settings(a, replaced(groups, "[1, 2]", "[\"2\", 1]")), {});
        row("group campaigns reordered, reported", settings(a, groups),
            settings(a, replaced(groups, "[1, 2]", "[2, 1]")),
            {s("group 12 (Pricing): campaigns order [1, 2] -> [2, 1]")}, true);
        row("group priority and weights compared generically",
            settings(
                a,
                R"("groups": {"1": {"name": "g", "campaigns": [1], "et": 2, "p": [1, 2], "wt": {"1": 50}}}, )"),
            settings(
                a,
                R"("groups": {"1": {"name": "g", "campaigns": [1], "et": 2, "p": [2, 1], "wt": {"1": 60}}}, )"),
            {s("group 1 (g): p[0] 1 -> 2"), s("group 1 (g): p[1] 2 -> 1"),
             s("group 1 (g): wt.1 50 -> 60")});
        row("group added and removed", settings(a, groups),
            settings(a, R"("groups": {"13": {"name": "Hero", "campaigns": [3]}}, )"),
            {s("group 13 (Hero) added (campaigns [3])"), s("group 12 (Pricing) removed")});
        const QByteArray map = R"("campaignGroups": {"1": 12, "2": 12}, )";
        row("campaignGroups by campaign id", settings(a, map),
            settings(a, R"("campaignGroups": {"1": "12", "2": 13, "5": 12}, )"),
            {s("campaignGroups: campaign 2 group 12 -> 13"),
             s("campaignGroups: campaign 5 added (group 12)")});
        row("campaignGroups entry removed", settings(a, map),
            settings(a, R"("campaignGroups": {"2": 12}, )"),
            {s("campaignGroups: campaign 1 removed (was group 12)")});
        row("campaigns reordered: no change", settings(campaign("a") + ',' + campaign("b", {}, 2)),
            settings(campaign("b", {}, 2) + ',' + campaign("a")), {});
        row("campaigns reordered, reported", settings(campaign("a") + ',' + campaign("b", {}, 2)),
            settings(campaign("b", {}, 2) + ',' + campaign("a")),
            {s("campaign b moved from index 1 to 0")}, true);
        row("variations reordered, reported", base,
            replaced(
                base, R"([{"id": 1, "name": "Control", "weight": 50, "changes": {}},
               {"id": 2, "name": "B", "weight": 50, "changes": {}}])",
                R"([{"id": 2, "name": "B", "weight": 50, "changes": {}}, {"id": 1, "name": "Control", "weight": 50, "changes": {}}])"),
            {s("campaign a: variation B moved from index 1 to 0")}, true);
        const QByteArray segments =
            R"json(, "extra": {"or": [{"custom_variable": {"plan": "regex(a)"}}]})json";
        row("nested unknown member", settings(campaign("a", segments)),
            settings(campaign("a", replaced(segments, "regex(a)", "regex(b)"))),
            {s("campaign a: extra.or[0].custom_variable.plan \"regex(a)\" -> \"regex(b)\"")});
        const QByteArray json =
            R"(, "variables": [{"id": 1, "key": "J", "type": "json", "value": {"a": 1, "b": [1, 2]}}])";
        row("json variable value", settings(campaign("a", json)),
            settings(campaign("a", replaced(json, "\"a\": 1", "\"a\": 2"))),
            {s("campaign a: variable J value.a 1 -> 2")});
        row("variation variable", settings(campaign("a", {})),
            settings(replaced(
                campaign("a"), R"("weight": 50, "changes": {}},)",
                R"("weight": 50, "changes": {}, "variables": [{"id": 1, "key": "V", "type": "string", "value": "on"}]},)")),
            {s("campaign a: variation Control variable V added (string, \"on\")")});
        row("long values are cut", base,
            replaced(base, "\"status\": \"RUNNING\"",
                     "\"status\": \"" + QByteArray(100, 'x') + '"'),
            {s("campaign a: status \"RUNNING\" -> \"") + QString(59, QLatin1Char('x')) +
             QChar(0x2026)});
        row("campaign without a key", settings(R"({"id": 7, "percentTraffic": 1})"),
            settings(R"({"id": 7, "percentTraffic": 2})"),
            {s("campaign #7: percentTraffic 1 -> 2")});
        row("not a campaign object", settings("1"), settings("\"x\""),
            {s("campaign (unnamed): 1 -> \"x\"")});

        // Any other JSON: objects by key, arrays by index.
        row("generic", R"({"a": 1, "b": [1, 2]})", R"({"a": 2, "b": [1, 2, 3], "c": true})",
            {s("/a: 1 -> 2"), s("/b/2 added (3)"), s("/c added (true)")});
        row("generic arrays by index", "[1, 2, 3]", "[1, 3]",
            {s("/1: 2 -> 3"), s("/2 removed (was 3)")});
        row("generic root type", R"({"a": 1})", "[1]", {s("(root): {\"a\": 1} -> [1]")});
        row("generic {} and []", R"({"x": {}})", R"({"x": []})", {});
        row("generic key order", R"({"a": 1, "b": 2})", R"({"b": 2, "a": 1})", {});
        row("generic key order, reported", R"({"a": 1, "b": 2})", R"({"b": 2, "a": 1})",
            {s("(root) key order changed")}, true);
        row("generic escaped keys", R"({"a/b": 1})", R"({"a\/b": 2})", {s("/a~1b: 1 -> 2")});
        row("generic strings by content", R"(["\u0041"])", R"(["A"])", {});
        row("generic scalars", "1", "1.0", {});
        row("one side no settings file", base, R"({"campaigns": 3})",
            {s("/campaigns: [{\"id\": 1, \"key\": \"a\", \"status\": \"RUNNING\", \"type\": "
               "\"VISUAL_\u2026 -> 3"),
             s("/version removed (was 1)"), s("/accountId removed (was 888)")});
    }
    void cases()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(bool, reportOrder);
        QFETCH(QStringList, expected);
        QCOMPARE(sentences(before, after, reportOrder), expected);
    }

    // What a viewer gets besides the sentence: kind, pointers, values, scope, detail.
    void changeFields()
    {
        const QByteArray before = settings(campaign("checkout_cta"));
        const QByteArray after =
            settings(replaced(campaign("checkout_cta"), "\"weight\": 50, \"changes\": {}},\n",
                              "\"weight\": 25, \"changes\": {}},\n") +
                     ',' + campaign("new_banner", {}, 2));
        const JsonTree oldTree = JsonTree::parse(before);
        const JsonTree newTree = JsonTree::parse(after);
        const JsonDiff diff = diffJson(oldTree, newTree);
        QVERIFY(diff.settingsFiles);
        QCOMPARE(diff.changes.size(), 2);

        const JsonChange &weight = diff.changes[0];
        QCOMPARE(weight.kind, ChangeKind::Changed);
        QCOMPARE(weight.oldPath, QStringLiteral("/campaigns/0/variations/0/weight"));
        QCOMPARE(weight.newPath, QStringLiteral("/campaigns/0/variations/0/weight"));
        QCOMPARE(weight.path(), weight.oldPath);
        QCOMPARE(weight.oldValue, QByteArray("50"));
        QCOMPARE(weight.newValue, QByteArray("25"));
        QCOMPARE(weight.scope, (QStringList{QStringLiteral("campaign checkout_cta"),
                                            QStringLiteral("variation Control")}));
        QCOMPARE(weight.detail, s("weight 50 -> 25"));
        QVERIFY(!weight.entity);
        QCOMPARE(weight.sentence, s("campaign checkout_cta: variation Control weight 50 -> 25"));
        QCOMPARE(oldTree.raw(weight.oldNode), QByteArrayView("50"));
        QCOMPARE(newTree.position(weight.newNode).line, 3);

        const JsonChange &added = diff.changes[1];
        QCOMPARE(added.kind, ChangeKind::Added);
        QCOMPARE(added.newPath, QStringLiteral("/campaigns/1"));
        QCOMPARE(added.path(), QStringLiteral("/campaigns/1"));
        QVERIFY(added.oldPath.isNull());
        QCOMPARE(added.oldNode, -1);
        QVERIFY(added.oldValue.isEmpty());
        QVERIFY(added.newValue.startsWith(R"({"id":2,"key":"new_banner","status":"RUNNING")"));
        QCOMPARE(added.scope, QStringList{QStringLiteral("campaign new_banner")});
        QVERIFY(added.entity);
        QCOMPARE(added.sentence, s("campaign new_banner added (VISUAL_AB, RUNNING, 2 variations)"));
        QCOMPARE(diffSummaryText(diff),
                 weight.sentence + QLatin1Char('\n') + added.sentence + QLatin1Char('\n'));
    }

    void sdkKeyHidden()
    {
        const QByteArray a = campaign("a");
        const JsonDiff diff = diffJson(JsonTree::parse(settings(a, R"("sdkKey": "secret-one", )")),
                                       JsonTree::parse(settings(a, R"("sdkKey": "secret-two", )")));
        QCOMPARE(diff.changes.size(), 1);
        const JsonChange &change = diff.changes[0];
        QCOMPARE(change.path(), QStringLiteral("/sdkKey"));
        QCOMPARE(change.oldValue, QByteArray("\"(hidden)\""));
        QCOMPARE(change.newValue, QByteArray("\"(hidden)\""));
        QVERIFY(!diffSummaryText(diff).contains(QLatin1String("secret")));
    }

    void orderAloneIsNoChange()
    {
        const JsonTree before =
            JsonTree::parse(settings(campaign("a") + ',' + campaign("b", {}, 2)));
        const JsonTree after =
            JsonTree::parse(settings(campaign("b", {}, 2) + ',' + campaign("a")));
        DiffOptions options;
        options.reportOrder = true;
        const JsonDiff diff = diffJson(before, after, options);
        QCOMPARE(diff.changes.size(), 1);
        QCOMPARE(diff.changes[0].kind, ChangeKind::Moved);
        QCOMPARE(diff.changes[0].oldPath, QStringLiteral("/campaigns/1"));
        QCOMPARE(diff.changes[0].newPath, QStringLiteral("/campaigns/0"));
        QVERIFY(diff.isEmpty());
        options.generic = true; // settings files compared structurally on request
        const JsonDiff generic = diffJson(before, after, options);
        QVERIFY(!generic.settingsFiles);
        QVERIFY(!generic.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonDiffCases)
#include "tst_jsondiffcases.moc"
