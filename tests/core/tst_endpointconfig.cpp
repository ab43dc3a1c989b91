// The shared endpoint set-up as JSON: exact round trip, never a secret, and every bad input
// refused with a message naming where (line and column, or the field's JSON path).
#include "endpoints/endpointconfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hookbench;

namespace {

EndpointConfiguration sample()
{
    EndpointConfiguration configuration;
    Endpoint byDefault = Endpoint::defaultEndpoint();
    Endpoint staging;
    staging.name = QStringLiteral("staging");
    staging.path = QStringLiteral("/vwo/staging");
    staging.port = 4100;
    staging.colour = QStringLiteral("#26a269");
    staging.response.status = 503;
    staging.response.body = "down for maintenance \xc3\xa9"; // UTF-8 text
    staging.response.delayMs = 1500;
    staging.forward.url = QUrl(QStringLiteral("http://localhost:3000/hooks/vwo?src=hookbench"));
    staging.forward.followAnswer = true;
    staging.forward.timeoutMs = 2500;
    Endpoint binary;
    binary.name = QStringLiteral("qa.binary-body_1");
    binary.path = QStringLiteral("/qa");
    binary.response.body = QByteArray("\x00\xff\xfe raw", 7); // not UTF-8: base64
    Endpoint idleForward;                                     // a timeout without URL survives
    idleForward.name = QStringLiteral("idle");
    idleForward.path = QStringLiteral("/idle");
    idleForward.forward.timeoutMs = 5000;
    configuration.endpoints = {byDefault, staging, binary, idleForward};
    AccountProfile profile;
    profile.endpoint = QStringLiteral("staging");
    profile.accountId = QStringLiteral("888888");
    profile.baseUrl = QStringLiteral("http://127.0.0.1:8080");
    profile.autoFetch = false;
    profile.timeoutMs = 12000;
    configuration.profiles = {profile};
    return configuration;
}

// JSON written with single quotes (easier to read in C++), as JSON.
QByteArray json(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}

// A valid file with `endpoint` (or several) as its endpoints, given as JSON text.
QByteArray withEndpoint(const char *endpoint)
{
    return json("{'hookbench': 'endpoints', 'version': 1, 'endpoints': [") + json(endpoint) + "]}";
}

} // namespace

class TestEndpointConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const EndpointConfiguration original = sample();
        const QByteArray json = exportEndpointConfiguration(original);
        EndpointConfiguration read;
        QCOMPARE(importEndpointConfiguration(json, &read), QString());
        QCOMPARE(read.endpoints, original.endpoints);
        QCOMPARE(read.profiles, original.profiles);
        // Export again: the same bytes.
        QCOMPARE(exportEndpointConfiguration(read), json);

        const QJsonObject root = QJsonDocument::fromJson(json).object();
        QCOMPARE(root.value(QStringLiteral("hookbench")).toString(), QStringLiteral("endpoints"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    }

    void holdsNoSecret()
    {
        // The profile type has no SDK key at all; the format has no field for one or for keys.
        const QByteArray json = exportEndpointConfiguration(sample());
        for (const char *word : {"sdk", "secret", "key", "x-vwo-auth"})
            QVERIFY2(!json.toLower().contains(word), word);
    }

    void unsetProfilesAreLeftOut()
    {
        EndpointConfiguration configuration;
        configuration.endpoints = {Endpoint::defaultEndpoint()};
        AccountProfile none;
        none.endpoint = QStringLiteral("default");
        configuration.profiles = {none};
        const QByteArray json = exportEndpointConfiguration(configuration);
        QVERIFY(!json.contains("account"));
        EndpointConfiguration read;
        QCOMPARE(importEndpointConfiguration(json, &read), QString());
        QVERIFY(read.profiles.isEmpty());
    }

    void readsMinimalAndNumericAccount()
    {
        EndpointConfiguration read;
        QCOMPARE(importEndpointConfiguration(
                     withEndpoint("{'name': 'prod', 'path': '/p', 'account': {'account_id': 123}}"),
                     &read),
                 QString());
        QCOMPARE(read.endpoints.size(), 1);
        QCOMPARE(read.endpoints.first().port, quint16(0));
        QCOMPARE(read.endpoints.first().colour, QString());
        QCOMPARE(read.profiles.size(), 1);
        QCOMPARE(read.profiles.first().endpoint, QStringLiteral("prod"));
        QCOMPARE(read.profiles.first().accountId, QStringLiteral("123"));
        QVERIFY(read.profiles.first().autoFetch);
        // An empty list is a valid (if useless) file.
        QCOMPARE(importEndpointConfiguration(
                     json("{'hookbench':'endpoints','version':1,'endpoints':[]}"), &read),
                 QString());
        QVERIFY(read.endpoints.isEmpty());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message"); // the whole message
        QTest::addRow("empty") << QByteArray()
                               << QStringLiteral(
                                      "not valid JSON: line 1, column 1: no JSON value (the "
                                      "input is empty)");
        QTest::addRow("missing comma")
            << QByteArray("{\"hookbench\": \"endpoints\",\n  \"version\": 1\n  \"endpoints\": []}")
            << QStringLiteral("not valid JSON: line 3, column 3: expected ',' or '}' after an "
                              "object member, found '\"'");
        QTest::addRow("array") << QByteArray("[]")
                               << QStringLiteral("top level: expected an object {\"hookbench\": "
                                                 "\"endpoints\", \"version\": 1, \"endpoints\": "
                                                 "[...]}, got an array");
        QTest::addRow("other kind")
            << json("{'hookbench': 'keys', 'version': 1, 'endpoints': []}")
            << QStringLiteral("hookbench: expected \"endpoints\", got \"keys\": not an endpoint "
                              "configuration");
        QTest::addRow("no version") << json("{'hookbench': 'endpoints', 'endpoints': []}")
                                    << QStringLiteral("version: missing");
        QTest::addRow("version 2")
            << json("{'hookbench': 'endpoints', 'version': 2, 'endpoints': []}")
            << QStringLiteral("version: version 2 is not supported; this Hookbench reads "
                              "version 1");
        QTest::addRow("version as text")
            << json("{'hookbench': 'endpoints', 'version': '1', 'endpoints': []}")
            << QStringLiteral("version: expected a whole number from 0 to 2147483647, got a "
                              "string");
        QTest::addRow("unknown top-level field")
            << json("{'hookbench': 'endpoints', 'version': 1, 'endpoints': [], 'x': 1}")
            << QStringLiteral("top level: unknown field 'x' (expected: hookbench, version, "
                              "endpoints)");
        QTest::addRow("endpoints not a list")
            << json("{'hookbench': 'endpoints', 'version': 1, 'endpoints': {}}")
            << QStringLiteral("endpoints: expected an array, got an object");
        QTest::addRow("endpoint not an object")
            << withEndpoint("\"staging\"")
            << QStringLiteral("endpoints[0]: expected an object, got a string");
        QTest::addRow("missing name")
            << withEndpoint("{'path': '/p'}") << QStringLiteral("endpoints[0].name: missing");
        QTest::addRow("bad name") << withEndpoint("{'name': '', 'path': '/p'}")
                                  << QStringLiteral(
                                         "endpoints[0].name: the endpoint name is empty");
        QTest::addRow("name as number") << withEndpoint("{'name': 7, 'path': '/p'}")
                                        << QStringLiteral("endpoints[0].name: expected a string, "
                                                          "got a number");
        QTest::addRow("missing path")
            << withEndpoint("{'name': 'a'}") << QStringLiteral("endpoints[0].path: missing");
        QTest::addRow("relative path") << withEndpoint("{'name': 'a', 'path': 'x'}")
                                       << QStringLiteral("endpoints[0].path: path 'x' must start "
                                                         "with '/'");
        QTest::addRow("fractional port")
            << withEndpoint("{'name': 'a', 'path': '/a', 'port': 1.5}")
            << QStringLiteral("endpoints[0].port: expected a whole number from 0 to 65535, got "
                              "1.5");
        QTest::addRow("port too big")
            << withEndpoint("{'name': 'a', 'path': '/a', 'port': 70000}")
            << QStringLiteral("endpoints[0].port: expected a whole number from 0 to 65535, got "
                              "70000");
        QTest::addRow("port as text")
            << withEndpoint("{'name': 'a', 'path': '/a', 'port': '80'}")
            << QStringLiteral("endpoints[0].port: expected a whole number from 0 to 65535, got "
                              "a string");
        QTest::addRow("bad colour")
            << withEndpoint("{'name': 'a', 'path': '/a', 'colour': 'blue'}")
            << QStringLiteral("endpoints[0].colour: 'blue' is not of the form #rrggbb");
        QTest::addRow("unknown field")
            << withEndpoint("{'name': 'a', 'path': '/a', 'colour': '', 'secret': 'x'}")
            << QStringLiteral("endpoints[0]: unknown field 'secret' (expected: name, path, port, "
                              "colour, response, forward, account)");
        QTest::addRow("response not an object")
            << withEndpoint("{'name': 'a', 'path': '/a', 'response': 503}")
            << QStringLiteral("endpoints[0].response: expected an object, got a number");
        QTest::addRow("bad status")
            << withEndpoint("{'name': 'a', 'path': '/a', 'response': {'status': 42}}")
            << QStringLiteral("endpoints[0].response: response status 42 is not an HTTP status "
                              "(100-599)");
        QTest::addRow("body as number")
            << withEndpoint("{'name': 'a', 'path': '/a', 'response': {'body': 1}}")
            << QStringLiteral("endpoints[0].response.body: expected a string, got a number");
        QTest::addRow("bad base64")
            << withEndpoint("{'name': 'a', 'path': '/a', 'response': {'body_base64': '@@'}}")
            << QStringLiteral("endpoints[0].response.body_base64: not valid base64");
        QTest::addRow("unknown response field")
            << withEndpoint("{'name': 'a', 'path': '/a', 'response': {'code': 500}}")
            << QStringLiteral("endpoints[0].response: unknown field 'code' (expected: status, "
                              "body, body_base64, delay_ms)");
        QTest::addRow("follow as text")
            << withEndpoint("{'name': 'a', 'path': '/a', 'forward': {'url': 'http://h/', "
                            "'follow_answer': 'yes'}}")
            << QStringLiteral("endpoints[0].forward.follow_answer: expected true or false, got a "
                              "string");
        QTest::addRow("ftp forward")
            << withEndpoint("{'name': 'a', 'path': '/a', 'forward': {'url': 'ftp://h/x'}}")
            << QStringLiteral("endpoints[0].forward: forward URL must start with http:// or "
                              "https://, not 'ftp://h/x'");
        QTest::addRow("account without id")
            << withEndpoint("{'name': 'a', 'path': '/a', 'account': {'auto_fetch': true}}")
            << QStringLiteral("endpoints[0].account.account_id: missing");
        QTest::addRow("account id letters")
            << withEndpoint("{'name': 'a', 'path': '/a', 'account': {'account_id': '12a'}}")
            << QStringLiteral("endpoints[0].account.account_id: ");
        QTest::addRow("account with sdk key")
            << withEndpoint(
                   "{'name': 'a', 'path': '/a', 'account': {'account_id': '1', 'sdk_key': 's'}}")
            << QStringLiteral("endpoints[0].account: unknown field 'sdk_key' (expected: "
                              "account_id, base_url, auto_fetch, timeout_ms)");
        QTest::addRow("duplicate names")
            << withEndpoint("{'name': 'a', 'path': '/a'}, {'name': 'b', 'path': '/b'}, {'name': "
                            "'a', 'path': '/c'}")
            << QStringLiteral("endpoints[2].name: 'a' is already the name of endpoints[0]");
        QTest::addRow("clash") << withEndpoint("{'name': 'a', 'path': '/a', 'port': 4100}, "
                                               "{'name': 'b', 'path': '/a', 'port': 4100}")
                               << QStringLiteral(
                                      "endpoints[1].path: a and b both use /a on port 4100");
    }
    void refuses()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        EndpointConfiguration read = sample();
        const QString error = importEndpointConfiguration(json, &read);
        if (message.endsWith(QLatin1String(": ")))
            QVERIFY2(error.startsWith(message) && error.size() > message.size(), qPrintable(error));
        else
            QCOMPARE(error, message);
        QVERIFY(read.endpoints.isEmpty()); // nothing half-read is handed back
        QVERIFY(read.profiles.isEmpty());
    }

    void syntaxErrorCountsCharacters()
    {
        // Columns count characters, not bytes: "é" is two bytes.
        EndpointConfiguration read;
        const QString error =
            importEndpointConfiguration("{\"hookbench\": \"é\" \"version\": 1}", &read);
        QVERIFY2(error.startsWith(QLatin1String("not valid JSON: line 1, column 19: ")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEndpointConfig)
#include "tst_endpointconfig.moc"
