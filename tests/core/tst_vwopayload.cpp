#include "sender/vwopayload.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hookbench;

class TestVwoPayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateIsWhatVwoSends();
    void templateTakesTheTimestamp();
    void userBodyKeepsEveryOtherByte_data();
    void userBodyKeepsEveryOtherByte();
    void leftAlone_data();
    void leftAlone();
    void refreshIsRepeatable();
};

void TestVwoPayload::templateIsWhatVwoSends()
{
    const QByteArray body = VwoPayload::templateBody(1606482285);
    QCOMPARE(body,
             QByteArrayLiteral(R"({"timestamp":1606482285,"event":"settings_changed",)"
                               R"("action":"campaign_settings_changed","triggered_by":"vwo"})"));
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QCOMPARE(object.value(QLatin1String("timestamp")).toInteger(), 1606482285);
    QCOMPARE(object.size(), 4);
}

void TestVwoPayload::templateTakesTheTimestamp()
{
    const VwoPayload payload = VwoPayload::vwoTemplate();
    QVERIFY(payload.hasTimestamp());
    QCOMPARE(payload.bodyAt(1700000000), VwoPayload::templateBody(1700000000));
    QCOMPARE(payload.bodyAt(5), VwoPayload::templateBody(5));
}

void TestVwoPayload::userBodyKeepsEveryOtherByte_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("expected");

    QTest::addRow("spacing, order and extra members")
        << QByteArray("{\n  \"event\" : \"settings_changed\",\n  \"timestamp\" : 1606482285 ,\n"
                      "  \"extra\": [1.0, \"timestamp\", {\"timestamp\": 3}]\n}\n")
        << QByteArray("{\n  \"event\" : \"settings_changed\",\n  \"timestamp\" : 1700000000 ,\n"
                      "  \"extra\": [1.0, \"timestamp\", {\"timestamp\": 3}]\n}\n");
    QTest::addRow("number spellings") << QByteArray(R"({"timestamp":1.6e9,"n":1.50})")
                                      << QByteArray(R"({"timestamp":1700000000,"n":1.50})");
    QTest::addRow("shorter than before") << QByteArray(R"({"timestamp":99999999999999,"a":1})")
                                         << QByteArray(R"({"timestamp":1700000000,"a":1})");
    QTest::addRow("longer than before") << QByteArray(R"({"a":"ü","timestamp":0})")
                                        << QByteArray(R"({"a":"ü","timestamp":1700000000})");
    QTest::addRow("every top-level duplicate")
        << QByteArray(R"({"timestamp":1,"b":2,"timestamp":3})")
        << QByteArray(R"({"timestamp":1700000000,"b":2,"timestamp":1700000000})");
    QTest::addRow("escaped key") << QByteArray(R"({"time\u0073tamp":1})")
                                 << QByteArray(R"({"time\u0073tamp":1700000000})");
    QTest::addRow("negative") << QByteArray(R"({"timestamp":-5})")
                              << QByteArray(R"({"timestamp":1700000000})");
}

void TestVwoPayload::userBodyKeepsEveryOtherByte()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, expected);
    const VwoPayload payload = VwoPayload::fromBody(body);
    QVERIFY(payload.hasTimestamp());
    QCOMPARE(payload.original(), body);
    QCOMPARE(payload.bodyAt(1700000000), expected);
    QCOMPARE(VwoPayload::withTimestamp(body, 1700000000), expected);
}

void TestVwoPayload::leftAlone_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("not JSON") << QByteArray("timestamp=1606482285");
    QTest::addRow("broken JSON") << QByteArray(R"({"timestamp":1606482285,)");
    QTest::addRow("array") << QByteArray(R"([{"timestamp":1606482285}])");
    QTest::addRow("string timestamp") << QByteArray(R"({"timestamp":"1606482285"})");
    QTest::addRow("null timestamp") << QByteArray(R"({"timestamp":null})");
    QTest::addRow("nested only") << QByteArray(R"({"data":{"timestamp":1606482285}})");
    QTest::addRow("other case") << QByteArray(R"({"Timestamp":1606482285})");
}

void TestVwoPayload::leftAlone()
{
    QFETCH(QByteArray, body);
    const VwoPayload payload = VwoPayload::fromBody(body);
    QVERIFY(!payload.hasTimestamp());
    QCOMPARE(payload.bodyAt(1700000000), body);
}

void TestVwoPayload::refreshIsRepeatable()
{
    // Each attempt starts from the original, not from the last attempt's body.
    const VwoPayload payload = VwoPayload::fromBody(R"({ "timestamp" : 1 })");
    QCOMPARE(payload.bodyAt(1000000000), QByteArray(R"({ "timestamp" : 1000000000 })"));
    QCOMPARE(payload.bodyAt(7), QByteArray(R"({ "timestamp" : 7 })"));
    QCOMPARE(payload.bodyAt(1000000001), QByteArray(R"({ "timestamp" : 1000000001 })"));
}

QTEST_GUILESS_MAIN(TestVwoPayload)
#include "tst_vwopayload.moc"
