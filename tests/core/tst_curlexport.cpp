// Copy as curl, end to end: each generated command is run by /bin/sh (dash on Debian,
// so no bash-isms slip through) against a real in-process receiver, and the request
// the receiver captured must be the original one: method, path, query, body bytes and
// headers (no headers added by curl beyond Host and Content-Length).
#include "export/curlexport.h"
#include "receiver/receiverservice.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {
const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
const QByteArray Path = QByteArrayLiteral("/vwo-webhook");
const QByteArray Payload =
    QByteArrayLiteral(R"({"timestamp": 1606482285, "event": "settings_changed", )"
                      R"("action": "campaign_settings_changed", "triggered_by": "vwo"})");

struct ShellRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
} // namespace

class TestCurlExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void replay_data();
    void replay();
    void maskedNeedsVariable();
    void secretTextMaskedUnlessRevealed();
    void largeBinaryBody();
    void shellQuoting_data();
    void shellQuoting();

private:
    QProcessEnvironment environment(bool withKey) const;
    ShellRun runShell(const QString &command, bool withKey);
    // Runs the command and returns the one event the receiver committed for it.
    bool replayed(const QString &command, Event *captured, ShellRun *run);
    QString base() const
    {
        return QStringLiteral("http://127.0.0.1:") + QString::number(m_service.port());
    }

    QTemporaryDir m_dir;
    ReceiverService m_service;
};

void TestCurlExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/curl")), "curl is required");
    ReceiverConfig config;
    config.port = 0;
    config.databasePath = m_dir.filePath(QStringLiteral("events.sqlite"));
    config.keys = {Key};
    config.limits.maxBodyBytes = 4 * 1024 * 1024;
    QVERIFY2(m_service.start(config), qPrintable(m_service.errorString()));
}

void TestCurlExport::cleanupTestCase()
{
    m_service.stop();
}

QProcessEnvironment TestCurlExport::environment(bool withKey) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // No proxy and no ~/.curlrc may change what reaches the receiver.
    for (const char *name : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                             "ALL_PROXY", "no_proxy", "NO_PROXY", "CURL_HOME", CurlSecretVariable})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
    if (withKey)
        env.insert(QString::fromLatin1(CurlSecretVariable), QString::fromLatin1(Key));
    return env;
}

ShellRun TestCurlExport::runShell(const QString &command, bool withKey)
{
    QProcess process;
    process.setProcessEnvironment(environment(withKey));
    // --max-time guards the test against a hung transfer.
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command, QStringLiteral("sh")});
    ShellRun run;
    process.closeWriteChannel();
    run.finished = process.waitForFinished(20000);
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

bool TestCurlExport::replayed(const QString &command, Event *captured, ShellRun *run)
{
    QSignalSpy spy(&m_service, &ReceiverService::eventsCommitted);
    *run = runShell(command, true);
    if (!run->finished || run->exitCode != 0) {
        qWarning() << "command failed:" << run->exitCode << run->err << command;
        return false;
    }
    // The answer is written after the commit; the signal is queued to this thread.
    if (!QTest::qWaitFor([&spy]() { return !spy.isEmpty(); }, 5000))
        return false;
    const auto events = spy.first().first().value<QList<Event>>();
    if (events.size() != 1 || spy.size() != 1)
        return false;
    *captured = events.first();
    return true;
}

void TestCurlExport::replay_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fromHostHeader"); // else CurlOptions::baseUrl
    QTest::addColumn<bool>("reveal");

    const HeaderList json{{"Content-Type", "application/json"}, {"x-vwo-auth", Key}};
    QByteArray allBytes;
    for (int i = 0; i < 256; ++i)
        allBytes += char(i);

    QTest::addRow("vwo webhook, masked key")
        << QByteArray("POST") << Path << json << Payload << true << false;
    QTest::addRow("vwo webhook, revealed key")
        << QByteArray("POST") << Path << json << Payload << false << true;
    QTest::addRow("shell metacharacters in body")
        << QByteArray("POST") << Path << json
        << QByteArray("{\"q\": \"it's \\\"quoted\\\" $HOME `id` $(id) \\\\ % %s '' \\n\"}\n"
                      "second line\ttab\n")
        << false << false;
    QTest::addRow("body starting with @")
        << QByteArray("POST") << Path << json << QByteArray("@/etc/passwd") << false << false;
    QTest::addRow("carriage returns")
        << QByteArray("POST") << Path << json << QByteArray("a\r\nb\r\n") << false << false;
    QTest::addRow("every byte value, NUL included")
        << QByteArray("POST") << Path << HeaderList{{"Content-Type", "application/octet-stream"}}
        << (allBytes + allBytes) << false << false;
    QTest::addRow("invalid UTF-8") << QByteArray("POST") << Path << json
                                   << QByteArray("caf\xe9 \xff\xfe 100% \\0 '") << false << false;
    QTest::addRow("UTF-8 text") << QByteArray("POST") << Path << json
                                << QByteArray("{\"name\": \"Grüße, 東京 🚀\"}") << false << false;
    QTest::addRow("empty body with Content-Length: 0")
        << QByteArray("POST") << Path << HeaderList{{"x-vwo-auth", Key}, {"Content-Length", "0"}}
        << QByteArray() << true << false;
    QTest::addRow("POST without body or headers")
        << QByteArray("POST") << Path << HeaderList{} << QByteArray() << false << false;
    QTest::addRow("GET with query")
        << QByteArray("GET") << QByteArray("/vwo-webhook?a=1&b=%20x+y&c[]=2&d={e}&f=%27&g=$x")
        << HeaderList{{"Accept", "*/*"}, {"User-Agent", "VWO-Webhook/1.0"}} << QByteArray() << true
        << false;
    QTest::addRow("custom headers")
        << QByteArray("POST") << Path
        << HeaderList{{"Content-Type", "application/json; charset=utf-8"},
                      {"X-Quote", "it's \"a\" `b` $c \\d"},
                      {"X-Empty", ""},
                      {"X-Unicode", "Grüße"},
                      {"X-Latin1", "caf\xe9"},
                      {"x-lower-Case", "v"},
                      {"X-Percent", "100% %s"},
                      {"x-vwo-auth", Key}}
        << Payload << false << false;
    QTest::addRow("PUT") << QByteArray("PUT") << QByteArray("/vwo-webhook/items/7?force=true")
                         << json << QByteArray("{\"id\": 7}") << false << false;
    QTest::addRow("DELETE without body")
        << QByteArray("DELETE") << QByteArray("/items/7") << HeaderList{{"x-vwo-auth", Key}}
        << QByteArray() << false << false;
    QTest::addRow("HEAD") << QByteArray("HEAD") << QByteArray("/vwo-webhook?probe=1")
                          << HeaderList{{"X-Probe", "yes"}} << QByteArray() << true << false;
    QTest::addRow("dot segments kept") << QByteArray("POST") << QByteArray("/a/../vwo-webhook/./x")
                                       << json << Payload << false << false;
    QTest::addRow("non-ASCII target")
        << QByteArray("POST") << QByteArray("/caf\xc3\xa9/\xff?q=\xe9&r=\\") << json << Payload
        << false << false;
    QTest::addRow("chunked transfer")
        << QByteArray("POST") << Path
        << HeaderList{{"Transfer-Encoding", "chunked"}, {"Content-Type", "application/json"}}
        << Payload << false << false;
}

void TestCurlExport::replay()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, fromHostHeader);
    QFETCH(bool, reveal);

    Event original;
    original.method = method;
    const qsizetype question = target.indexOf('?');
    original.path = question < 0 ? target : target.left(question);
    original.query = question < 0 ? QByteArray() : target.mid(question + 1);
    const QByteArray host = "127.0.0.1:" + QByteArray::number(m_service.port());
    // A Host header that would send the replay elsewhere when baseUrl is set.
    original.headers = HeaderList{{"Host", fromHostHeader ? host : QByteArray("example.com")}};
    original.headers += headers;
    if (!body.isEmpty() && !original.headerValue("transfer-encoding").size())
        original.headers.append({"Content-Length", QByteArray::number(body.size())});
    original.body = body;

    CurlOptions options;
    options.revealSecrets = reveal;
    if (!fromHostHeader)
        options.baseUrl = base();
    const QString command = toCurl(original, options);
    QCOMPARE(command.contains(QString::fromLatin1(Key)), reveal);

    Event captured;
    ShellRun run;
    QVERIFY2(replayed(command, &captured, &run), qPrintable(command));
    QCOMPARE(captured.method, original.method);
    QCOMPARE(captured.path, original.path);
    QCOMPARE(captured.query, original.query);
    QCOMPARE(captured.body, original.body);
    const bool hasKey = !original.headerValue("x-vwo-auth").isEmpty();
    if (original.path == Path && original.method == "POST")
        QCOMPARE(captured.auth, hasKey ? AuthOutcome::Ok : AuthOutcome::Missing);

    // Every original header arrives with the exact name and value...
    for (const auto &[name, value] : std::as_const(original.headers)) {
        if (name == "Host" || name == "Content-Length")
            continue;
        QVERIFY2(captured.headers.contains(qMakePair(name, value)), name.constData());
    }
    // ...and nothing else but the framing curl owns.
    for (const auto &[name, value] : std::as_const(captured.headers)) {
        const bool framing = name.compare("host", Qt::CaseInsensitive) == 0 ||
                             name.compare("content-length", Qt::CaseInsensitive) == 0;
        QVERIFY2(framing || original.headers.contains(qMakePair(name, value)),
                 QByteArray(name + ": " + value).constData());
    }
    QCOMPARE(captured.headerValue("host"), host);
}

void TestCurlExport::maskedNeedsVariable()
{
    Event event;
    event.method = "POST";
    event.path = Path;
    event.headers = {{"x-vwo-auth", Key}, {"Content-Type", "application/json"}};
    event.body = Payload;
    CurlOptions options;
    options.baseUrl = base();
    QSignalSpy spy(&m_service, &ReceiverService::eventsCommitted);
    const ShellRun run = runShell(toCurl(event, options), false);
    QVERIFY(run.finished);
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("set VWO_AUTH to the x-vwo-auth key"), run.err.constData());
    // Nothing was sent: a wrong key must not reach the receiver.
    QTest::qWait(200);
    QCOMPARE(spy.size(), 0);
}

void TestCurlExport::secretTextMaskedUnlessRevealed()
{
    Event event;
    event.method = "POST";
    event.path = Path;
    event.headers = {{"X-VWO-Auth", Key}, {"x-vwo-auth", ""}};
    const QString masked = toCurl(event);
    QVERIFY(!masked.contains(QString::fromLatin1(Key)));
    QVERIFY(masked.contains(QLatin1String("-H 'X-VWO-Auth: '\"${VWO_AUTH?")));
    QVERIFY(masked.contains(QLatin1String("-H 'x-vwo-auth;'"))); // empty: nothing to hide
    CurlOptions reveal;
    reveal.revealSecrets = true;
    QVERIFY(toCurl(event, reveal)
                .contains(QStringLiteral("'X-VWO-Auth: ") + QString::fromLatin1(Key) +
                          QLatin1Char('\'')));
    // Default target: no Host header -> the default receiver address, with --noproxy.
    QVERIFY(masked.contains(QLatin1String("--noproxy '*'")));
    QVERIFY(masked.contains(QLatin1String("'http://127.0.0.1:4000/vwo-webhook'")));
    // A hostile Host header cannot redirect or inject.
    event.headers = {{"Host", "evil.example/x?'$(id)'"}};
    QVERIFY(toCurl(event).contains(QLatin1String("'http://127.0.0.1:4000/vwo-webhook'")));
    event.headers = {{"Host", "hooks.example.com:8443"}};
    const QString remote = toCurl(event);
    QVERIFY(remote.contains(QLatin1String("'http://hooks.example.com:8443/vwo-webhook'")));
    QVERIFY(!remote.contains(QLatin1String("--noproxy")));
}

void TestCurlExport::largeBinaryBody()
{
    // 1.5 MiB: over curl's Expect: 100-continue threshold and far over one argument's
    // size limit, so it runs as a script file (sh -c would hit E2BIG on Linux).
    QByteArray body;
    body.reserve(1536 * 1024);
    for (int i = 0; body.size() < 1536 * 1024; ++i)
        body += QByteArray::number(i * 7919) + char(i % 256);
    Event event;
    event.method = "POST";
    event.path = Path;
    event.headers = {{"x-vwo-auth", Key}, {"Content-Type", "application/octet-stream"}};
    event.body = body;
    CurlOptions options;
    options.baseUrl = base();
    QFile script(m_dir.filePath(QStringLiteral("replay.sh")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(toCurl(event, options).toUtf8() + '\n');
    script.close();
    Event captured;
    ShellRun run;
    QVERIFY(replayed(QStringLiteral(". ") + script.fileName(), &captured, &run));
    QCOMPARE(captured.body.size(), body.size());
    QVERIFY(captured.body == body);
    QCOMPARE(captured.auth, AuthOutcome::Ok);
    QVERIFY(captured.headerValue("expect").isEmpty());
}

void TestCurlExport::shellQuoting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addRow("plain") << QStringLiteral("abc");
    QTest::addRow("single quotes") << QStringLiteral("it's '' '");
    QTest::addRow("metacharacters") << QStringLiteral("$HOME `id` $(id) \\ \" ; | & * ? ~ #");
    QTest::addRow("newlines") << QStringLiteral("a\nb\n");
    QTest::addRow("empty") << QString();
}

void TestCurlExport::shellQuoting()
{
    QFETCH(QString, text);
    const ShellRun run = runShell(QStringLiteral("printf '%s' ") + shellQuote(text), false);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), text);
}

QTEST_GUILESS_MAIN(TestCurlExport)

#include "tst_curlexport.moc"
