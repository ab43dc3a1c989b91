#include "events/event.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hookbench;

// Event::toJsonLine() is written by hand for speed: check it against Qt's own JSON parser.
class TestEvent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonLineRoundTrip();
    void jsonLineEscapes_data();
    void jsonLineEscapes();
    void timestampFormat_data();
    void timestampFormat();
    void secretIsRedacted();
    void authNames();
};

namespace {
QJsonObject parse(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << line;
    return document.object();
}
} // namespace

void TestEvent::jsonLineRoundTrip()
{
    Event event;
    event.id = 42;
    event.receivedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "a=1&b=2";
    event.headers = {{"Content-Type", "application/json"}};
    event.body = R"({"timestamp": 1})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = 5555;
    event.size = 120;
    event.status = 400;
    event.handlingMicros = 17;
    event.auth = AuthOutcome::Failed;
    event.valid = false;
    event.error = QStringLiteral("missing field \"event\"");

    const QByteArray line = event.toJsonLine();
    QVERIFY(!line.contains('\n'));
    const QJsonObject json = parse(line);
    QCOMPARE(json.value(QStringLiteral("id")).toInteger(), 42);
    QCOMPARE(json.value(QStringLiteral("received_at")).toString(),
             QStringLiteral("2026-01-02T03:04:05.678Z"));
    QCOMPARE(json.value(QStringLiteral("endpoint")).toString(), QStringLiteral("default"));
    QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(json.value(QStringLiteral("path")).toString(), QStringLiteral("/vwo-webhook"));
    QCOMPARE(json.value(QStringLiteral("query")).toString(), QStringLiteral("a=1&b=2"));
    QCOMPARE(json.value(QStringLiteral("status")).toInt(), 400);
    QCOMPARE(json.value(QStringLiteral("auth")).toString(), QStringLiteral("failed"));
    QCOMPARE(json.value(QStringLiteral("valid")).toBool(), false);
    QCOMPARE(json.value(QStringLiteral("error")).toString(), event.error);
    QCOMPARE(json.value(QStringLiteral("remote_port")).toInt(), 5555);
    QCOMPARE(json.value(QStringLiteral("size")).toInt(), 120);
    QCOMPARE(json.value(QStringLiteral("handling_us")).toInt(), 17);
    QCOMPARE(json.value(QStringLiteral("body")).toString(), QString::fromUtf8(event.body));
    const QJsonArray header = json.value(QStringLiteral("headers")).toArray().first().toArray();
    QCOMPARE(header.at(0).toString(), QStringLiteral("Content-Type"));
    QCOMPARE(header.at(1).toString(), QStringLiteral("application/json"));

    // Delivery and star only when set: a lone, unstarred request keeps the line it always had.
    QVERIFY(!json.contains(QStringLiteral("delivery_of")));
    QVERIFY(!json.contains(QStringLiteral("starred")));
    event.payloadTimestamp = 1606482285; // transient: never written
    QCOMPARE(event.toJsonLine(), line);

    event.valid = true;
    event.error.clear();
    QVERIFY(!parse(event.toJsonLine()).contains(QStringLiteral("error")));

    event.deliveryOf = 40;
    event.starred = true;
    const QJsonObject retry = parse(event.toJsonLine());
    QCOMPARE(retry.value(QStringLiteral("delivery_of")).toInteger(), 40);
    QCOMPARE(retry.value(QStringLiteral("starred")).toBool(false), true);
    QCOMPARE(retry.value(QStringLiteral("id")).toInteger(), 42);
}

void TestEvent::jsonLineEscapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("quotes and backslash") << QByteArray("a\"b\\c") << QStringLiteral("a\"b\\c");
    QTest::addRow("control characters")
        << QByteArray("l1\nl2\r\t\x01\x1f") << QStringLiteral("l1\nl2\r\t\x01\x1f");
    QTest::addRow("utf-8") << QByteArray("gr\xc3\xbc\xc3\x9f \xe2\x82\xac")
                           << QStringLiteral("gr\u00fc\u00df \u20ac");
    QTest::addRow("invalid utf-8") << QByteArray("ok\xff\xfe") << QStringLiteral("ok\ufffd\ufffd");
    QTest::addRow("nul byte") << QByteArray("a\0b", 3)
                              << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
    QTest::addRow("empty") << QByteArray() << QString();
}

void TestEvent::jsonLineEscapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    Event event;
    event.body = body;
    event.headers = {{"X-Latin", "caf\xe9"}};
    const QJsonObject json = parse(event.toJsonLine());
    QCOMPARE(json.value(QStringLiteral("body")).toString(), expected);
    QCOMPARE(json.value(QStringLiteral("headers")).toArray().first().toArray().at(1).toString(),
             QStringLiteral("caf\u00e9"));
}

void TestEvent::timestampFormat_data()
{
    QTest::addColumn<qint64>("msecs");
    QTest::addRow("epoch") << qint64(0);
    QTest::addRow("vwo sample") << qint64(1606482285) * 1000 + 7;
    QTest::addRow("leap day")
        << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    QTest::addRow("before epoch") << qint64(-1);
    QTest::addRow("far before epoch") << qint64(-86400001);
    QTest::addRow("year 2100")
        << QDateTime(QDate(2100, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

void TestEvent::timestampFormat()
{
    // The hand-written formatter must agree with QDateTime's ISO form everywhere.
    QFETCH(qint64, msecs);
    Event event;
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    QCOMPARE(parse(event.toJsonLine()).value(QStringLiteral("received_at")).toString(),
             event.receivedAt.toString(Qt::ISODateWithMs));
}

void TestEvent::secretIsRedacted()
{
    Event event;
    event.headers = {{"X-VWO-Auth", "super-secret-key-value"}};
    const QByteArray line = event.toJsonLine();
    QVERIFY(!line.contains("super-secret"));
    QVERIFY(line.contains("[redacted]"));
}

void TestEvent::authNames()
{
    for (AuthOutcome outcome :
         {AuthOutcome::NotRequired, AuthOutcome::Ok, AuthOutcome::Failed, AuthOutcome::Missing}) {
        bool ok = false;
        QCOMPARE(authOutcomeFromName(authOutcomeName(outcome), &ok), outcome);
        QVERIFY(ok);
    }
    bool ok = true;
    authOutcomeFromName(QStringLiteral("maybe"), &ok);
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestEvent)
#include "tst_event.moc"
