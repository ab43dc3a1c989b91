#include "settings/settingsfile.h"
#include "settings/settingssummary.h"
#include "vwofixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hookbench;

namespace {

QJsonObject campaign(const QString &key, int percentTraffic = 100)
{
    return QJsonObject{{QStringLiteral("id"), 1},
                       {QStringLiteral("key"), key},
                       {QStringLiteral("status"), QStringLiteral("RUNNING")},
                       {QStringLiteral("type"), QStringLiteral("VISUAL_AB")},
                       {QStringLiteral("percentTraffic"), percentTraffic},
                       {QStringLiteral("goals"), QJsonArray()},
                       {QStringLiteral("variations"),
                        QJsonArray{QJsonObject{{QStringLiteral("id"), 1},
                                               {QStringLiteral("name"), QStringLiteral("Control")},
                                               {QStringLiteral("weight"), 100},
                                               {QStringLiteral("changes"), QJsonObject()}}}},
                       {QStringLiteral("segments"), QJsonObject()}};
}

// A settings file with these campaigns; `traffic` overrides percentTraffic by key.
QByteArray file(const QStringList &keys, const QHash<QString, int> &traffic = {}, int version = 1)
{
    QJsonArray campaigns;
    for (const QString &key : keys)
        campaigns.append(campaign(key, traffic.value(key, 100)));
    const QJsonObject root{{QStringLiteral("version"), version},
                           {QStringLiteral("accountId"), 888888},
                           {QStringLiteral("campaigns"), campaigns}};
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact);
    if (!checkSettingsFile(bytes).ok)
        qFatal("test data: not a valid settings file");
    return bytes;
}

QStringList keys(const char *spaced)
{
    return QString::fromLatin1(spaced).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

// The one-line history summary: campaigns matched by key, {} and [] alike, as the diff says.
class TestSettingsSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void summary_data()
    {
        QTest::addColumn<QByteArray>("previous");
        QTest::addColumn<QByteArray>("current");
        QTest::addColumn<QString>("summary");

        QTest::addRow("first, several") << QByteArray() << file(keys("a b c d"))
                                        << QStringLiteral("first version: 4 campaigns");
        QTest::addRow("first, one") << QByteArray() << fixture("ab-campaign-two-variations.json")
                                    << QStringLiteral("first version: 1 campaign");
        QTest::addRow("first, none as {}")
            << QByteArray() << fixture("empty-campaigns-as-object.json")
            << QStringLiteral("first version: no campaigns");
        QTest::addRow("all three")
            << file(keys("checkout_cta pricing old_test keep"))
            << file(keys("checkout_cta pricing keep new_banner"),
                    {{QStringLiteral("checkout_cta"), 50}, {QStringLiteral("pricing"), 20}})
            << QStringLiteral("2 campaigns changed (checkout_cta, pricing), 1 added "
                              "(new_banner), 1 removed (old_test)");
        QTest::addRow("only added")
            << file(keys("a")) << file(keys("a b")) << QStringLiteral("1 campaign added (b)");
        QTest::addRow("only removed") << file(keys("a b c")) << file(keys("b"))
                                      << QStringLiteral("2 campaigns removed (a, c)");
        QTest::addRow("added and removed") << file(keys("a")) << file(keys("b"))
                                           << QStringLiteral("1 campaign added (b), 1 removed (a)");
        QTest::addRow("at most three named")
            << file(keys("a b c d e"))
            << file(keys("a b c d e"), {{QStringLiteral("e"), 1},
                                        {QStringLiteral("b"), 1},
                                        {QStringLiteral("c"), 1},
                                        {QStringLiteral("d"), 1}})
            << QStringLiteral("4 campaigns changed (b, c, d, \u2026)");
        QTest::addRow("version only")
            << file(keys("a b"), {}, 1) << file(keys("a b"), {}, 2)
            << QStringLiteral("no campaign changed (top-level fields changed: "
                              "version)");
        QTest::addRow("order and formatting only")
            << file(keys("a b"))
            << QJsonDocument::fromJson(file(keys("b a"))).toJson(QJsonDocument::Indented)
            << QStringLiteral("no campaign changed (only formatting or order differs)");
        QByteArray asArray = file(keys("a"));
        asArray.replace("\"segments\":{}", "\"segments\":[]");
        QVERIFY(asArray.contains("\"segments\":[]"));
        QTest::addRow("{} read as []")
            << file(keys("a")) << asArray
            << QStringLiteral("no campaign changed (only formatting or order differs)");
        QByteArray grouped = file(keys("a"));
        grouped.replace("\"version\":1", "\"version\":1,\"groups\":[],\"isNB\":true");
        QVERIFY(grouped.contains("isNB"));
        // As in the diff viewer: no groups and an empty `groups` are the same.
        QTest::addRow("top-level added, empty groups no change")
            << file(keys("a")) << grouped
            << QStringLiteral("no campaign changed (top-level fields changed: isNB)");
        grouped.replace("\"groups\":[]", "\"groups\":{\"7\":{\"name\":\"g\",\"campaigns\":[1]}}");
        QVERIFY(grouped.contains("\"name\":\"g\""));
        QTest::addRow("top-level added, groups")
            << file(keys("a")) << grouped
            << QStringLiteral("no campaign changed (top-level fields changed: groups, isNB)");
        QTest::addRow("empty to empty")
            << fixture("empty-campaigns-as-object.json")
            << QByteArray(R"({"sdkKey": "someuniquestuff1234567", "campaigns": [], "groups": {},)"
                          R"( "campaignGroups": {}, "accountId": 888888, "version": 1})")
            << QStringLiteral("no campaign changed (only formatting or order differs)");
        QTest::addRow("fixtures") << fixture("mutually-exclusive-groups.json")
                                  << fixture("event-arch-revenue-props-multi-campaign.json")
                                  << QStringLiteral(
                                         "2 campaigns changed (track1, track2), 1 added (track3), "
                                         "3 removed (DEV_TEST_162, DEV_TEST_163, DEV_TEST_164)");
    }
    void summary()
    {
        QFETCH(QByteArray, previous);
        QFETCH(QByteArray, current);
        QTEST(summarizeSettingsChange(previous, current), "summary");
    }

    void notComparable()
    {
        QCOMPARE(summarizeSettingsChange(file(keys("a")), "{"),
                 QStringLiteral("not comparable: the new version is not a JSON object"));
        QCOMPARE(summarizeSettingsChange("[]", file(keys("a"))),
                 QStringLiteral("not comparable: the previous version is not a JSON object"));
    }
};

QTEST_GUILESS_MAIN(TestSettingsSummary)
#include "tst_settingssummary.moc"
