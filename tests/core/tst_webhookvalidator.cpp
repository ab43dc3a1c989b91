#include "receiver/webhookvalidator.h"

#include <QCoreApplication>
#include <QTest>

using namespace hookbench;

class TestWebhookValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addRow("VWO sample")
            << QByteArray(R"({"timestamp": 1606482285, "event": "settings_changed", )"
                          R"("action": "campaign_settings_changed", "triggered_by": "vwo"})");
        QTest::addRow("compact, other order")
            << QByteArray(R"({"triggered_by":"vwo","action":"a","event":"e","timestamp":1})");
        QTest::addRow("unknown fields")
            << QByteArray(R"({"timestamp": 1606482285, "event": "e", "action": "a", )"
                          R"("triggered_by": "vwo", "campaign": {"id": 7}, "extra": [1, 2]})");
        QTest::addRow("pretty printed")
            << QByteArray("{\n  \"timestamp\": 1606482285,\n  \"event\": \"e\",\n"
                          "  \"action\": \"a\",\n  \"triggered_by\": \"vwo\"\n}\n");
        QTest::addRow("integral double") << QByteArray(
            R"({"timestamp": 1606482285.0, "event": "e", "action": "a", "triggered_by": "v"})");
        QTest::addRow("exponent") << QByteArray(
            R"({"timestamp": 1.606482285e9, "event": "e", "action": "a", "triggered_by": "v"})");
        QTest::addRow("zero") << QByteArray(
            R"({"timestamp": 0, "event": "e", "action": "a", "triggered_by": "v"})");
        QTest::addRow("2^53") << QByteArray(
            R"({"timestamp": 9007199254740992, "event": "e", "action": "a", "triggered_by": "v"})");
        QTest::addRow("unicode strings") << QByteArray(
            "{\"timestamp\": 1, \"event\": \"\xC3\xA9v\xC3\xA9nement\", \"action\": \"a\", "
            "\"triggered_by\": \"\\u00e9\"}");
        QTest::addRow("surrounding whitespace")
            << QByteArray("\r\n\t {\"timestamp\":1,\"event\":\"e\",\"action\":\"a\","
                          "\"triggered_by\":\"v\"} \n");
    }

    void valid()
    {
        QFETCH(QByteArray, body);
        const ValidationResult result = validateWebhookPayload(body);
        QVERIFY2(result.valid, qPrintable(result.error));
        QVERIFY(result.error.isEmpty());
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected"); // whole message or a part that must appear

        const QString intTs =
            QStringLiteral("field \"timestamp\" must be an integer (Unix seconds), got ");
        QTest::addRow("empty") << QByteArray()
                               << QStringLiteral("empty body: expected a JSON object");
        QTest::addRow("blank") << QByteArray(" \r\n\t ")
                               << QStringLiteral("empty body: expected a JSON object");
        QTest::addRow("array") << QByteArray("[1, 2]")
                               << QStringLiteral("expected a JSON object, got an array");
        QTest::addRow("empty array")
            << QByteArray("[]") << QStringLiteral("expected a JSON object, got an array");
        QTest::addRow("number") << QByteArray("42")
                                << QStringLiteral("expected a JSON object, got a number");
        QTest::addRow("string") << QByteArray("\"hello\"")
                                << QStringLiteral("expected a JSON object, got a string");
        QTest::addRow("null") << QByteArray("null")
                              << QStringLiteral("expected a JSON object, got null");
        QTest::addRow("boolean") << QByteArray("true")
                                 << QStringLiteral("expected a JSON object, got a boolean");

        // Malformed JSON: line and column come from QJsonParseError::offset.
        // (No raw string here: moc mis-lexes one with an odd number of quotes.)
        QTest::addRow("unterminated string")
            << QByteArray("{\"event\": \"a")
            << QStringLiteral("malformed JSON at line 1, column 13: unterminated string");
        QTest::addRow("missing comma on line 4")
            << QByteArray("{\n  \"timestamp\": 1,\n  \"event\": \"e\"\n  \"action\": \"a\"\n}")
            << QStringLiteral("malformed JSON at line 4, column 4: unterminated object");
        QTest::addRow("unterminated array")
            << QByteArray("{\"a\": [1, 2}")
            << QStringLiteral("malformed JSON at line 1, column 13: unterminated array");
        QTest::addRow("trailing comma")
            << QByteArray(R"({"a":1,})")
            << QStringLiteral(
                   "malformed JSON at line 1, column 9: object is missing after a comma");
        QTest::addRow("missing colon")
            << QByteArray(R"({"a" 1})")
            << QStringLiteral("malformed JSON at line 1, column 7: missing name separator");
        QTest::addRow("garbage after")
            << QByteArray("{}x")
            << QStringLiteral(
                   "malformed JSON at line 1, column 3: garbage at the end of the document");
        QTest::addRow("bad literal on line 3")
            << QByteArray("{\n  \"timestamp\": 1,\n  \"event\": tru,\n}")
            << QStringLiteral("malformed JSON at line 3, column 16: illegal value");
        QTest::addRow("column counts characters")
            << QByteArray("{\"\xC3\xA9\xC3\xA9\": x}")
            << QStringLiteral("malformed JSON at line 1, column 8: illegal number");
        QTest::addRow("single quotes") << QByteArray("{'timestamp': 1}")
                                       << QStringLiteral("malformed JSON at line 1, column ");
        QTest::addRow("invalid UTF-8")
            << QByteArray("{\"a\":\"\xFF\"}")
            << QStringLiteral("malformed JSON at line 1, column 7: invalid UTF8 string");
        QTest::addRow("form-encoded") << QByteArray("timestamp=1&event=e")
                                      << QStringLiteral("malformed JSON at line 1, column ");

        // Shape of the object.
        QTest::addRow("empty object")
            << QByteArray("{}") << QStringLiteral("missing field \"timestamp\"");
        QTest::addRow("all missing lists each")
            << QByteArray("{}")
            << QStringLiteral("missing field \"timestamp\"; missing field \"event\"; missing field "
                              "\"action\"; missing field \"triggered_by\"");
        QTest::addRow("missing event")
            << QByteArray(R"({"timestamp": 1, "action": "a", "triggered_by": "v"})")
            << QStringLiteral("missing field \"event\"");
        QTest::addRow("missing action")
            << QByteArray(R"({"timestamp": 1, "event": "e", "triggered_by": "v"})")
            << QStringLiteral("missing field \"action\"");
        QTest::addRow("missing triggered_by")
            << QByteArray(R"({"timestamp": 1, "event": "e", "action": "a"})")
            << QStringLiteral("missing field \"triggered_by\"");
        QTest::addRow("missing timestamp")
            << QByteArray(R"({"event": "e", "action": "a", "triggered_by": "v"})")
            << QStringLiteral("missing field \"timestamp\"");
        QTest::addRow("field names are case sensitive")
            << QByteArray(R"({"Timestamp": 1, "event": "e", "action": "a", "triggered_by": "v"})")
            << QStringLiteral("missing field \"timestamp\"");

        const QByteArray rest(R"(, "event": "e", "action": "a", "triggered_by": "v"})");
        QTest::addRow("timestamp string") << QByteArray(R"({"timestamp": "1606482285")") + rest
                                          << intTs + QStringLiteral("a string");
        QTest::addRow("timestamp fraction")
            << QByteArray(R"({"timestamp": 1.5)") + rest << intTs + QStringLiteral("1.5");
        QTest::addRow("timestamp null")
            << QByteArray(R"({"timestamp": null)") + rest << intTs + QStringLiteral("null");
        QTest::addRow("timestamp bool")
            << QByteArray(R"({"timestamp": true)") + rest << intTs + QStringLiteral("a boolean");
        QTest::addRow("timestamp array")
            << QByteArray(R"({"timestamp": [1])") + rest << intTs + QStringLiteral("an array");
        QTest::addRow("timestamp object")
            << QByteArray(R"({"timestamp": {})") + rest << intTs + QStringLiteral("an object");
        QTest::addRow("timestamp 2^53+1") << QByteArray(R"({"timestamp": 9007199254740993)") + rest
                                          << QStringLiteral("field \"timestamp\" is out of range");
        QTest::addRow("timestamp -2^53-1")
            << QByteArray(R"({"timestamp": -9007199254740993)") + rest
            << QStringLiteral("field \"timestamp\" is out of range");
        QTest::addRow("timestamp 1e20") << QByteArray(R"({"timestamp": 1e20)") + rest
                                        << QStringLiteral("field \"timestamp\" is out of range");

        const QString ts(QStringLiteral(R"({"timestamp": 1, )"));
        QTest::addRow("event number")
            << (ts + QStringLiteral(R"("event": 5, "action": "a", "triggered_by": "v"})")).toUtf8()
            << QStringLiteral("field \"event\" must be a string, got a number");
        QTest::addRow("event null")
            << (ts + QStringLiteral(R"("event": null, "action": "a", "triggered_by": "v"})"))
                   .toUtf8()
            << QStringLiteral("field \"event\" must be a string, got null");
        QTest::addRow("action object")
            << (ts + QStringLiteral(R"("event": "e", "action": {}, "triggered_by": "v"})")).toUtf8()
            << QStringLiteral("field \"action\" must be a string, got an object");
        QTest::addRow("triggered_by array")
            << (ts + QStringLiteral(R"("event": "e", "action": "a", "triggered_by": []})")).toUtf8()
            << QStringLiteral("field \"triggered_by\" must be a string, got an array");
        QTest::addRow("triggered_by bool")
            << (ts + QStringLiteral(R"("event": "e", "action": "a", "triggered_by": false})"))
                   .toUtf8()
            << QStringLiteral("field \"triggered_by\" must be a string, got a boolean");
    }

    void invalid()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const ValidationResult result = validateWebhookPayload(body);
        QVERIFY(!result.valid);
        QVERIFY2(result.error.contains(expected),
                 qPrintable(QStringLiteral("got: ") + result.error));
        QVERIFY(!result.error.contains(QLatin1Char('\n')));
        QCOMPARE(result.timestamp, 0); // only a valid payload groups VWO's retries
    }

    // The timestamp is what groups a delivery's retries: read exactly, however it is written.
    void timestamp_data()
    {
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<qint64>("expected");
        QTest::addRow("VWO sample") << QByteArray("1606482285") << qint64(1606482285);
        QTest::addRow("integral double") << QByteArray("1606482285.0") << qint64(1606482285);
        QTest::addRow("exponent") << QByteArray("1.606482285e9") << qint64(1606482285);
        QTest::addRow("zero") << QByteArray("0") << qint64(0);
        QTest::addRow("negative") << QByteArray("-5") << qint64(-5);
        QTest::addRow("2^53") << QByteArray("9007199254740992") << qint64(9007199254740992);
        QTest::addRow("-2^53") << QByteArray("-9007199254740992") << qint64(-9007199254740992);
    }
    void timestamp()
    {
        QFETCH(QByteArray, timestamp);
        QFETCH(qint64, expected);
        const ValidationResult result = validateWebhookPayload(
            "{\"timestamp\": " + timestamp +
            ", \"event\": \"e\", \"action\": \"a\", \"triggered_by\": \"v\"}");
        QVERIFY2(result.valid, qPrintable(result.error));
        QCOMPARE(result.timestamp, expected);
    }

    void lineAndColumn_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addRow("start") << QByteArray("abc") << 0 << 1 << 1;
        QTest::addRow("middle") << QByteArray("abc") << 2 << 1 << 3;
        QTest::addRow("end") << QByteArray("abc") << 3 << 1 << 4;
        QTest::addRow("past end is clamped") << QByteArray("abc") << 99 << 1 << 4;
        QTest::addRow("negative is clamped") << QByteArray("abc") << -5 << 1 << 1;
        QTest::addRow("on the newline") << QByteArray("ab\ncd") << 2 << 1 << 3;
        QTest::addRow("after newline") << QByteArray("ab\ncd") << 3 << 2 << 1;
        QTest::addRow("second line") << QByteArray("ab\ncd") << 4 << 2 << 2;
        QTest::addRow("CRLF") << QByteArray("a\r\nb\r\nc") << 6 << 3 << 1;
        QTest::addRow("empty lines") << QByteArray("\n\n\nx") << 3 << 4 << 1;
        QTest::addRow("UTF-8 counts characters")
            << QByteArray("\xC3\xA9\xE2\x82\xAC!") << 5 << 1 << 3;
    }

    void lineAndColumn()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        int gotLine = 0;
        int gotColumn = 0;
        hookbench::lineAndColumn(text, offset, &gotLine, &gotColumn);
        QCOMPARE(gotLine, line);
        QCOMPARE(gotColumn, column);
    }
};

QTEST_GUILESS_MAIN(TestWebhookValidator)
#include "tst_webhookvalidator.moc"
