// HAR 1.2 export: every document is checked against the HAR 1.2 structure
// (http://www.softwareishard.com/blog/har-12-spec/) by a small validator below, then
// for content: headers, query, bodies (UTF-8 and binary), redaction, custom fields.
#include "export/harexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace hookbench;

namespace {
const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

// Required fields with their JSON types, optional ones, and the rule that any other
// field is custom and must start with '_'. Collects every problem with its JSON path.
class HarValidator
{
public:
    QStringList problems;

    void validate(const QJsonDocument &document)
    {
        if (!document.isObject())
            return fail(QStringLiteral("$"), QStringLiteral("not an object"));
        const QJsonObject root = document.object();
        check(root, QStringLiteral("$"), {{"log", QJsonValue::Object}}, {});
        const QJsonObject log = root.value(QStringLiteral("log")).toObject();
        check(log, QStringLiteral("log"),
              {{"version", QJsonValue::String},
               {"creator", QJsonValue::Object},
               {"entries", QJsonValue::Array}},
              {{"browser", QJsonValue::Object},
               {"pages", QJsonValue::Array},
               {"comment", QJsonValue::String}});
        if (log.value(QStringLiteral("version")).toString() != QLatin1String("1.2"))
            fail(QStringLiteral("log.version"), QStringLiteral("not 1.2"));
        check(log.value(QStringLiteral("creator")).toObject(), QStringLiteral("log.creator"),
              {{"name", QJsonValue::String}, {"version", QJsonValue::String}},
              {{"comment", QJsonValue::String}});
        const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
        for (int i = 0; i < entries.size(); ++i)
            entry(entries.at(i).toObject(), QStringLiteral("log.entries[%1]").arg(i));
    }

private:
    using Fields = QList<QPair<const char *, QJsonValue::Type>>;

    void fail(const QString &where, const QString &what) { problems << where + u": " + what; }

    void check(const QJsonObject &object, const QString &where, const Fields &required,
               const Fields &optional)
    {
        QSet<QString> known;
        for (const Fields *fields : {&required, &optional}) {
            for (const auto &[name, type] : *fields) {
                const QString key = QString::fromLatin1(name);
                known.insert(key);
                if (!object.contains(key)) {
                    if (fields == &required)
                        fail(where, QStringLiteral("missing ") + key);
                } else if (object.value(key).type() != type) {
                    fail(where + u'.' + key, QStringLiteral("wrong type"));
                }
            }
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()) && !it.key().startsWith(u'_'))
                fail(where, QStringLiteral("unknown field without '_': ") + it.key());
        }
    }

    void pairs(const QJsonValue &array, const QString &where)
    {
        const QJsonArray items = array.toArray();
        for (int i = 0; i < items.size(); ++i)
            check(items.at(i).toObject(), where + QStringLiteral("[%1]").arg(i),
                  {{"name", QJsonValue::String}, {"value", QJsonValue::String}},
                  {{"comment", QJsonValue::String}});
    }

    void entry(const QJsonObject &e, const QString &where)
    {
        check(e, where,
              {{"startedDateTime", QJsonValue::String},
               {"time", QJsonValue::Double},
               {"request", QJsonValue::Object},
               {"response", QJsonValue::Object},
               {"cache", QJsonValue::Object},
               {"timings", QJsonValue::Object}},
              {{"pageref", QJsonValue::String},
               {"serverIPAddress", QJsonValue::String},
               {"connection", QJsonValue::String},
               {"comment", QJsonValue::String}});
        static const QRegularExpression iso(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$)"));
        if (!iso.match(e.value(QStringLiteral("startedDateTime")).toString()).hasMatch())
            fail(where + u".startedDateTime", QStringLiteral("not ISO 8601"));

        const QString rq = where + u".request";
        const QJsonObject request = e.value(QStringLiteral("request")).toObject();
        check(request, rq,
              {{"method", QJsonValue::String},
               {"url", QJsonValue::String},
               {"httpVersion", QJsonValue::String},
               {"cookies", QJsonValue::Array},
               {"headers", QJsonValue::Array},
               {"queryString", QJsonValue::Array},
               {"headersSize", QJsonValue::Double},
               {"bodySize", QJsonValue::Double}},
              {{"postData", QJsonValue::Object}, {"comment", QJsonValue::String}});
        pairs(request.value(QStringLiteral("headers")), rq + u".headers");
        pairs(request.value(QStringLiteral("queryString")), rq + u".queryString");
        if (request.contains(QStringLiteral("postData"))) {
            // "encoding" is our documented extension (mirrors content.encoding).
            check(request.value(QStringLiteral("postData")).toObject(), rq + u".postData",
                  {{"mimeType", QJsonValue::String},
                   {"params", QJsonValue::Array},
                   {"text", QJsonValue::String}},
                  {{"comment", QJsonValue::String}, {"encoding", QJsonValue::String}});
        }

        const QString rs = where + u".response";
        const QJsonObject response = e.value(QStringLiteral("response")).toObject();
        check(response, rs,
              {{"status", QJsonValue::Double},
               {"statusText", QJsonValue::String},
               {"httpVersion", QJsonValue::String},
               {"cookies", QJsonValue::Array},
               {"headers", QJsonValue::Array},
               {"content", QJsonValue::Object},
               {"redirectURL", QJsonValue::String},
               {"headersSize", QJsonValue::Double},
               {"bodySize", QJsonValue::Double}},
              {{"comment", QJsonValue::String}});
        pairs(response.value(QStringLiteral("headers")), rs + u".headers");
        check(response.value(QStringLiteral("content")).toObject(), rs + u".content",
              {{"size", QJsonValue::Double}, {"mimeType", QJsonValue::String}},
              {{"compression", QJsonValue::Double},
               {"text", QJsonValue::String},
               {"encoding", QJsonValue::String},
               {"comment", QJsonValue::String}});

        check(e.value(QStringLiteral("cache")).toObject(), where + u".cache", {},
              {{"beforeRequest", QJsonValue::Object},
               {"afterRequest", QJsonValue::Object},
               {"comment", QJsonValue::String}});
        const QJsonObject timings = e.value(QStringLiteral("timings")).toObject();
        check(timings, where + u".timings",
              {{"send", QJsonValue::Double},
               {"wait", QJsonValue::Double},
               {"receive", QJsonValue::Double}},
              {{"blocked", QJsonValue::Double},
               {"dns", QJsonValue::Double},
               {"connect", QJsonValue::Double},
               {"ssl", QJsonValue::Double},
               {"comment", QJsonValue::String}});
        // time is the sum of the timings that apply (-1 = not applicable).
        double sum = 0;
        for (const char *phase : {"blocked", "dns", "connect", "send", "wait", "receive"}) {
            const double value = timings.value(QLatin1String(phase)).toDouble(-1);
            if (value >= 0)
                sum += value;
        }
        if (!qFuzzyCompare(1 + sum, 1 + e.value(QStringLiteral("time")).toDouble()))
            fail(where + u".time", QStringLiteral("is not the sum of the timings"));
    }
};

Event sampleEvent()
{
    Event event;
    event.id = 7;
    event.endpoint = QStringLiteral("staging");
    event.receivedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "a=1&b=%20x+y&c=%C3%A9&flag&&d=";
    event.headers = {{"Host", "127.0.0.1:4000"},
                     {"Content-Type", "application/json"},
                     {"x-vwo-auth", Key},
                     {"X-Unicode", "Grüße"},
                     {"X-Latin1", "caf\xe9"},
                     {"X-Dup", "1"},
                     {"X-Dup", "2"}};
    event.body = R"({"timestamp": 1606482285, "name": "東京"})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = 51234;
    event.size = 300;
    event.status = 401;
    event.handlingMicros = 1234;
    event.auth = AuthOutcome::Failed;
    event.error = QStringLiteral("wrong key");
    return event;
}

QJsonObject parseHar(const QByteArray &har, QStringList *problems)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(har, &error);
    if (error.error != QJsonParseError::NoError)
        problems->append(error.errorString());
    HarValidator validator;
    validator.validate(document);
    *problems += validator.problems;
    return document.object();
}

QJsonObject firstEntry(const QJsonObject &har)
{
    return har[QStringLiteral("log")][QStringLiteral("entries")][0].toObject();
}
} // namespace

class TestHarExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void structure_data();
    void structure();
    void requestRoundTrip();
    void binaryBody();
    void redaction();
    void customFields();
    void incrementalWriting();
};

void TestHarExport::structure_data()
{
    QTest::addColumn<QList<Event>>("events");
    Event bare; // defaults everywhere, no body, no headers, no time
    bare.receivedAt = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    Event binary = sampleEvent();
    binary.body = QByteArray("\x00\xff\xfe", 3);
    QTest::addRow("no events") << QList<Event>{};
    QTest::addRow("one event") << QList<Event>{sampleEvent()};
    QTest::addRow("mixed") << QList<Event>{sampleEvent(), bare, binary};
}

void TestHarExport::structure()
{
    QFETCH(QList<Event>, events);
    QStringList problems;
    const QJsonObject har = parseHar(toHar(events), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QJsonObject log = har[QStringLiteral("log")].toObject();
    QCOMPARE(log[QStringLiteral("creator")][QStringLiteral("name")].toString(),
             QStringLiteral("Hookbench"));
    QCOMPARE(log[QStringLiteral("creator")][QStringLiteral("version")].toString(),
             QStringLiteral(HOOKBENCH_VERSION));
    QCOMPARE(log[QStringLiteral("entries")].toArray().size(), events.size());
}

void TestHarExport::requestRoundTrip()
{
    const Event event = sampleEvent();
    QStringList problems;
    const QJsonObject entry = firstEntry(parseHar(toHar({event}), &problems));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(entry[QStringLiteral("startedDateTime")].toString(),
             QStringLiteral("2026-01-02T03:04:05.678Z"));
    QCOMPARE(entry[QStringLiteral("time")].toDouble(), 1.234);

    const QJsonObject request = entry[QStringLiteral("request")].toObject();
    QCOMPARE(request[QStringLiteral("method")].toString(), QStringLiteral("POST"));
    QCOMPARE(request[QStringLiteral("url")].toString(),
             QStringLiteral("http://127.0.0.1:4000/vwo-webhook?a=1&b=%20x+y&c=%C3%A9&flag&&d="));
    QCOMPARE(request[QStringLiteral("bodySize")].toInteger(), event.body.size());

    QList<QPair<QString, QString>> headers;
    for (const QJsonValue &header : request[QStringLiteral("headers")].toArray())
        headers.append({header[QStringLiteral("name")].toString(),
                        header[QStringLiteral("value")].toString()});
    QCOMPARE(headers.size(), event.headers.size()); // order and duplicates kept
    QCOMPARE(headers.at(3), qMakePair(QStringLiteral("X-Unicode"), QStringLiteral("Grüße")));
    QCOMPARE(headers.at(4), qMakePair(QStringLiteral("X-Latin1"), QStringLiteral("café")));
    QCOMPARE(headers.at(6), qMakePair(QStringLiteral("X-Dup"), QStringLiteral("2")));

    QList<QPair<QString, QString>> query;
    for (const QJsonValue &param : request[QStringLiteral("queryString")].toArray())
        query.append(
            {param[QStringLiteral("name")].toString(), param[QStringLiteral("value")].toString()});
    const QList<QPair<QString, QString>> expected{{QStringLiteral("a"), QStringLiteral("1")},
                                                  {QStringLiteral("b"), QStringLiteral(" x y")},
                                                  {QStringLiteral("c"), QStringLiteral("é")},
                                                  {QStringLiteral("flag"), QString()},
                                                  {QStringLiteral("d"), QString()}};
    QCOMPARE(query, expected);

    const QJsonObject postData = request[QStringLiteral("postData")].toObject();
    QCOMPARE(postData[QStringLiteral("mimeType")].toString(), QStringLiteral("application/json"));
    QCOMPARE(postData[QStringLiteral("text")].toString().toUtf8(), event.body);
    QVERIFY(!postData.contains(QStringLiteral("encoding")));

    const QJsonObject response = entry[QStringLiteral("response")].toObject();
    QCOMPARE(response[QStringLiteral("status")].toInt(), 401);
    QCOMPARE(response[QStringLiteral("statusText")].toString(), QStringLiteral("Unauthorized"));

    // No body: no postData at all; no Host header: the default base.
    Event get;
    get.method = "GET";
    get.path = "/x";
    get.receivedAt = event.receivedAt;
    const QJsonObject getRequest =
        firstEntry(parseHar(toHar({get}), &problems))[QStringLiteral("request")].toObject();
    QVERIFY(!getRequest.contains(QStringLiteral("postData")));
    QCOMPARE(getRequest[QStringLiteral("url")].toString(),
             QStringLiteral("http://127.0.0.1:4000/x"));
    HarOptions options;
    options.baseUrl = QStringLiteral("https://hooks.example.com/prefix/");
    const QJsonObject based =
        firstEntry(parseHar(toHar({get}, options), &problems))[QStringLiteral("request")]
            .toObject();
    QCOMPARE(based[QStringLiteral("url")].toString(),
             QStringLiteral("https://hooks.example.com/prefix/x"));
}

void TestHarExport::binaryBody()
{
    Event event = sampleEvent();
    for (int i = 0; i < 256; ++i)
        event.body += char(255 - i);
    QStringList problems;
    const QJsonObject postData = firstEntry(parseHar(
        toHar({event}), &problems))[QStringLiteral("request")][QStringLiteral("postData")]
                                     .toObject();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(postData[QStringLiteral("encoding")].toString(), QStringLiteral("base64"));
    QCOMPARE(QByteArray::fromBase64(postData[QStringLiteral("text")].toString().toLatin1()),
             event.body);
}

void TestHarExport::redaction()
{
    const Event event = sampleEvent();
    const QByteArray masked = toHar({event});
    QVERIFY(!masked.contains(Key));
    QVERIFY(masked.contains(R"({"name":"x-vwo-auth","value":"[redacted]"})"));
    HarOptions reveal;
    reveal.revealSecrets = true;
    const QByteArray revealed = toHar({event}, reveal);
    QVERIFY(revealed.contains(QByteArray(R"({"name":"x-vwo-auth","value":")" + Key + "\"}")));
}

void TestHarExport::customFields()
{
    Event event = sampleEvent();
    event.auth = AuthOutcome::Ok;
    event.keyId = QStringLiteral("k1");
    event.valid = true;
    event.error.clear();
    QStringList problems;
    const QJsonObject custom =
        firstEntry(parseHar(toHar({event}), &problems))[QStringLiteral("_hookbench")].toObject();
    QCOMPARE(custom[QStringLiteral("id")].toInteger(), 7);
    QCOMPARE(custom[QStringLiteral("endpoint")].toString(), QStringLiteral("staging"));
    QCOMPARE(custom[QStringLiteral("auth")].toString(), QStringLiteral("ok"));
    QCOMPARE(custom[QStringLiteral("valid")].toBool(), true);
    QCOMPARE(custom[QStringLiteral("error")].toString(), QString());
    QCOMPARE(custom[QStringLiteral("keyId")].toString(), QStringLiteral("k1"));
    QCOMPARE(custom[QStringLiteral("remotePort")].toInt(), 51234);
}

void TestHarExport::incrementalWriting()
{
    // The streaming pieces make the same document as toHar(), one entry per line.
    QList<Event> events;
    for (int i = 0; i < 50; ++i) {
        Event event = sampleEvent();
        event.id = i + 1;
        events.append(event);
    }
    HarWriter writer;
    QByteArray streamed = writer.begin();
    for (const Event &event : std::as_const(events))
        streamed += writer.entry(event);
    streamed += writer.end();
    QCOMPARE(streamed, toHar(events));
    QCOMPARE(streamed.count('\n'), events.size() + 2);
    QStringList problems;
    const QJsonObject har = parseHar(streamed, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const QJsonArray entries = har[QStringLiteral("log")][QStringLiteral("entries")].toArray();
    QCOMPARE(entries.size(), 50);
    QCOMPARE(entries.last()[QStringLiteral("_hookbench")][QStringLiteral("id")].toInteger(), 50);
}

QTEST_GUILESS_MAIN(TestHarExport)

#include "tst_harexport.moc"
