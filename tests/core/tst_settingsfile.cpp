#include "settings/settingsfile.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace hookbench;

namespace {

QString fixturesDir()
{
    return QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings");
}

// A small file exercising every checked field; bad rows replace one piece of it.
const QByteArray Base = R"({
  "version": 3,
  "accountId": 888888,
  "sdkKey": "0123456789abcdef",
  "campaigns": [
    {
      "id": 1, "key": "checkout_cta", "status": "RUNNING", "type": "FEATURE_TEST",
      "percentTraffic": 100,
      "goals": [{"id": 1, "identifier": "purchase", "type": "REVENUE_TRACKING"}],
      "variations": [
        {"id": 1, "name": "Control", "weight": 50,
         "variables": [{"id": 1, "key": "label", "type": "string", "value": "Buy"}]},
        {"id": "2", "name": "B", "weight": "50", "segments": {}}
      ],
      "variables": [{"id": 1, "key": "label", "type": "string", "value": "Buy"}],
      "segments": {}
    }
  ],
  "groups": {"7": {"name": "g", "campaigns": [1], "et": 2}},
  "campaignGroups": {"1": 7}
})";

QByteArray replaced(const char *from, const char *to)
{
    QByteArray bytes = Base;
    const qsizetype at = bytes.indexOf(from);
    if (at < 0)
        qFatal("test data: \"%s\" is not in the base file", from);
    return bytes.replace(at, qsizetype(qstrlen(from)), to);
}

} // namespace

// Checks of the classic settings-file shape: every real file passes, every broken one is named
// with a path (or a line and column) a user can act on.
class TestSettingsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesValidate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("accountId");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("campaigns");
        const QStringList files =
            QDir(fixturesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 10);
        const QHash<QString, int> counts = {
            {QStringLiteral("bucketing-seed-new-algo.json"), 3},
            {QStringLiteral("empty-campaigns-as-object.json"), 0},
            {QStringLiteral("event-arch-revenue-props-multi-campaign.json"), 3},
            {QStringLiteral("mutually-exclusive-groups-priority-weights.json"), 5},
            {QStringLiteral("mutually-exclusive-groups.json"), 5}};
        const QHash<QString, QString> accounts = {
            {QStringLiteral("event-arch-revenue-props-multi-campaign.json"), QStringLiteral("1")},
            {QStringLiteral("feature-rollout.json"), QStringLiteral("123456")},
            {QStringLiteral("feature-test-json-variables.json"), QStringLiteral("123456")},
            {QStringLiteral("feature-test-with-variables.json"), QStringLiteral("123456")},
            {QStringLiteral("mutually-exclusive-groups-priority-weights.json"),
             QStringLiteral("1")},
            {QStringLiteral("mutually-exclusive-groups.json"), QStringLiteral("1")},
            {QStringLiteral("whitelisting-enabled.json"), QStringLiteral("88888888")}};
        for (const QString &file : files) {
            const bool v2 = file.startsWith(QLatin1String("feature-"));
            QTest::addRow("%s", qPrintable(file))
                << QDir(fixturesDir()).filePath(file)
                << accounts.value(file, QStringLiteral("888888"))
                << (v2 ? QStringLiteral("2") : QStringLiteral("1")) << counts.value(file, 1);
        }
    }
    void fixturesValidate()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const SettingsFileCheck check = checkSettingsFile(file.readAll());
        QCOMPARE(check.error, QString());
        QVERIFY(check.ok);
        QTEST(check.accountId, "accountId");
        QTEST(check.version, "version");
        QTEST(check.campaignCount, "campaigns");
    }

    void baseIsValid()
    {
        const SettingsFileCheck check = checkSettingsFile(Base);
        QCOMPARE(check.error, QString());
        QVERIFY(check.ok);
        QCOMPARE(check.accountId, QStringLiteral("888888"));
        QCOMPARE(check.version, QStringLiteral("3"));
        QCOMPARE(check.campaignCount, 1);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");

        QTest::addRow("empty") << QByteArray()
                               << QStringLiteral(
                                      "empty body: expected a settings file (a JSON object)");
        QTest::addRow("whitespace")
            << QByteArray(" \r\n\t ")
            << QStringLiteral("empty body: expected a settings file (a JSON object)");
        // Cut after the opening bracket of "campaigns": the parser runs out at the very end.
        QTest::addRow("truncated")
            << Base.left(Base.indexOf("\"campaigns\": [") + 14)
            << QStringLiteral("malformed JSON at line 5, column 17: unterminated array");
        QTest::addRow("missing comma")
            << replaced("\"accountId\": 888888,", "\"accountId\": 888888")
            // Qt stops one character into the next member's name.
            << QStringLiteral("malformed JSON at line 4, column 4: unterminated object");
        QTest::addRow("top-level array")
            << QByteArray("[{\"version\": 1}]")
            << QStringLiteral(
                   "top level: expected a settings file (a JSON object), found an array");
        QTest::addRow("top-level number")
            << QByteArray("42")
            << QStringLiteral("top level: expected a settings file (a JSON object), found 42");
        QTest::addRow("top-level string")
            << QByteArray("\"settings\"")
            << QStringLiteral(
                   "top level: expected a settings file (a JSON object), found \"settings\"");
        QTest::addRow("version missing")
            << replaced("\"version\": 3,", "") << QStringLiteral("top level: missing \"version\"");
        QTest::addRow("accountId null")
            << replaced("\"accountId\": 888888", "\"accountId\": null")
            << QStringLiteral("accountId: expected a number or a string, found null");
        QTest::addRow("v2 file") << QByteArray(R"({"version": 1, "accountId": 1, "features": []})")
                                 << QStringLiteral(
                                        "top level: missing \"campaigns\" (this looks like a v2 "
                                        "settings file with \"features\", which is not a classic "
                                        "settings file)");
        QTest::addRow("campaigns a string")
            << QByteArray(R"({"version": 1, "accountId": 1, "campaigns": "none"})")
            << QStringLiteral("campaigns: expected an array (or {} when empty), found \"none\"");
        QTest::addRow("campaigns non-empty object")
            << QByteArray(R"({"version": 1, "accountId": 1, "campaigns": {"a": 1}})")
            << QStringLiteral("campaigns: expected an array (or {} when empty), found an object");
        QTest::addRow("campaign a number")
            << QByteArray(R"({"version": 1, "accountId": 1, "campaigns": [7]})")
            << QStringLiteral("campaigns[0]: expected an object, found 7");
        QTest::addRow("campaign missing key") << replaced("\"key\": \"checkout_cta\",", "")
                                              << QStringLiteral("campaigns[0]: missing \"key\"");
        QTest::addRow("percentTraffic string")
            << replaced("\"percentTraffic\": 100", "\"percentTraffic\": \"100\"")
            << QStringLiteral("campaigns[0].percentTraffic: expected a number, found \"100\"");
        QTest::addRow("goals wrong type")
            << replaced("\"goals\": [{\"id\": 1, \"identifier\": \"purchase\", \"type\": "
                        "\"REVENUE_TRACKING\"}]",
                        "\"goals\": \"purchase\"")
            << QStringLiteral(
                   "campaigns[0].goals: expected an array (or {} when empty), found \"purchase\"");
        QTest::addRow("goal without identifier")
            << replaced("\"identifier\": \"purchase\", ", "")
            << QStringLiteral("campaigns[0].goals[0]: missing \"identifier\"");
        QTest::addRow("variations missing")
            << QByteArray(R"({"version": 1, "accountId": 1, "campaigns": [{"id": 1, "key": "k",)"
                          R"( "status": "RUNNING", "type": "VISUAL_AB", "percentTraffic": 5,)"
                          R"( "goals": []}]})")
            << QStringLiteral("campaigns[0]: missing \"variations\"");
        QTest::addRow("weight true")
            << replaced("\"weight\": \"50\"", "\"weight\": true")
            << QStringLiteral("campaigns[0].variations[1].weight: expected a number "
                              "or a numeric string, found true");
        QTest::addRow("weight text")
            << replaced("\"weight\": \"50\"", "\"weight\": \"half\"")
            << QStringLiteral("campaigns[0].variations[1].weight: expected a number "
                              "or a numeric string, found \"half\"");
        QTest::addRow("variation id object")
            << replaced("\"id\": \"2\"", "\"id\": {}")
            << QStringLiteral(
                   "campaigns[0].variations[1].id: expected a number or a string, found an "
                   "empty object");
        QTest::addRow("variable type unknown")
            << replaced("\"type\": \"string\", \"value\": \"Buy\"}]},",
                        "\"type\": \"float\", \"value\": \"Buy\"}]},")
            << QStringLiteral("campaigns[0].variations[0].variables[0].type: expected one of "
                              "string, integer, double, boolean, json, found \"float\"");
        QTest::addRow("variable without value")
            << replaced("\"type\": \"string\", \"value\": \"Buy\"}],\n      \"segments\"",
                        "\"type\": \"string\"}],\n      \"segments\"")
            << QStringLiteral("campaigns[0].variables[0]: missing \"value\"");
        QTest::addRow("segments an array")
            << replaced("\"segments\": {}\n", "\"segments\": [1]\n")
            << QStringLiteral(
                   "campaigns[0].segments: expected an object (or [] when empty), found an array");
        QTest::addRow("group id not numeric")
            << replaced("\"groups\": {\"7\"", "\"groups\": {\"seven\"")
            << QStringLiteral("groups[\"seven\"]: expected a numeric group id as the key");
        QTest::addRow("group campaigns missing")
            << replaced("\"campaigns\": [1], ", "")
            << QStringLiteral("groups[\"7\"]: missing \"campaigns\"");
        QTest::addRow("group member null")
            << replaced("\"campaigns\": [1]", "\"campaigns\": [1, null]")
            << QStringLiteral("groups[\"7\"].campaigns[1]: expected a campaign id, found null");
        QTest::addRow("campaignGroups an array")
            << replaced("\"campaignGroups\": {\"1\": 7}", "\"campaignGroups\": [7]")
            << QStringLiteral("campaignGroups: expected an object (or [] when empty), found an "
                              "array");
        QTest::addRow("status a number")
            << replaced("\"status\": \"RUNNING\"", "\"status\": 1")
            << QStringLiteral("campaigns[0].status: expected a string, found 1");
        QTest::addRow("key an array")
            << replaced("\"key\": \"checkout_cta\"", "\"key\": [\"checkout_cta\"]")
            << QStringLiteral("campaigns[0].key: expected a string, found an array");
        QTest::addRow("string shown shortened")
            << replaced("\"percentTraffic\": 100",
                        "\"percentTraffic\": \"0123456789012345678901234567890123456789XYZ\"")
            << QStringLiteral("campaigns[0].percentTraffic: expected a number, found "
                              "\"0123456789012345678901234567890123456789\u2026\"");
    }
    void rejects()
    {
        QFETCH(QByteArray, bytes);
        const SettingsFileCheck check = checkSettingsFile(bytes);
        QTEST(check.error, "error");
        QVERIFY(!check.ok);
        QCOMPARE(check.campaignCount, 0);
        QVERIFY(check.accountId.isEmpty());
    }

    void emptyCollectionsEitherWay_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("goals {}") << replaced(
            "[{\"id\": 1, \"identifier\": \"purchase\", \"type\": \"REVENUE_TRACKING\"}]", "{}");
        QTest::addRow("variables {}")
            << replaced("[{\"id\": 1, \"key\": \"label\", \"type\": \"string\", \"value\": "
                        "\"Buy\"}],\n      \"segments\"",
                        "{},\n      \"segments\"");
        QTest::addRow("segments []") << replaced("\"segments\": {}\n", "\"segments\": []\n");
        QTest::addRow("variation segments []")
            << replaced("\"weight\": \"50\", \"segments\": {}", "\"weight\": \"50\", "
                                                                "\"segments\": []");
        QTest::addRow("groups []") << replaced("{\"7\": {\"name\": \"g\", \"campaigns\": [1], "
                                               "\"et\": 2}}",
                                               "[]");
        QTest::addRow("campaignGroups []") << replaced("{\"1\": 7}", "[]");
        QTest::addRow("group campaigns {}") << replaced("\"campaigns\": [1]", "\"campaigns\": {}");
        QTest::addRow("campaigns []")
            << QByteArray(R"({"version": "7", "accountId": "888888", "campaigns": []})");
        QTest::addRow("segments absent") << replaced(",\n      \"segments\": {}\n", "\n");
    }
    void emptyCollectionsEitherWay()
    {
        QFETCH(QByteArray, bytes);
        const SettingsFileCheck check = checkSettingsFile(bytes);
        QCOMPARE(check.error, QString());
        QVERIFY(check.ok);
    }

    void unknownKeysAllowed()
    {
        QByteArray bytes = Base;
        bytes.replace("\"version\": 3,",
                      "\"version\": 3, \"isNBv2\": true, \"future\": {\"a\": [1]},");
        bytes.replace("\"status\": \"RUNNING\"", "\"status\": \"RUNNING\", \"isMAB\": false");
        bytes.replace("\"weight\": 50", "\"weight\": 50, \"changes\": {\"x\": null}");
        const SettingsFileCheck check = checkSettingsFile(bytes);
        QCOMPARE(check.error, QString());
        QVERIFY(check.ok);
    }

    void accountIdAndVersionAsText_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("accountId");
        QTest::addColumn<QString>("version");
        QTest::addRow("strings")
            << QByteArray(R"({"version": "2024-01", "accountId": "000123", "campaigns": {}})")
            << QStringLiteral("000123") << QStringLiteral("2024-01");
        QTest::addRow("large integer")
            << QByteArray(R"({"version": 1.5, "accountId": 9007199254740993, "campaigns": []})")
            << QStringLiteral("9007199254740993") << QStringLiteral("1.5");
    }
    void accountIdAndVersionAsText()
    {
        QFETCH(QByteArray, bytes);
        const SettingsFileCheck check = checkSettingsFile(bytes);
        QVERIFY2(check.ok, qPrintable(check.error));
        QTEST(check.accountId, "accountId");
        QTEST(check.version, "version");
        QCOMPARE(check.campaignCount, 0);
    }
};

QTEST_GUILESS_MAIN(TestSettingsFile)
#include "tst_settingsfile.moc"
