// End-to-end tests of `hookbench-cli send`: against our own receiver (`listen`), a receiver in
// this process that fails first, and addresses that cannot answer.
#include "clisendsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliSend : public QObject
{
    Q_OBJECT

private:
    QString path(const QString &name) const { return m_home->filePath(name); }
    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }
    bool startListener(ListenProcess &listener, const QStringList &extra = {})
    {
        QString why;
        const bool ok = listener.start(QStringList{QStringLiteral("--port"), QStringLiteral("0"),
                                                   QStringLiteral("--db"),
                                                   path(QStringLiteral("listen.sqlite"))} +
                                           extra,
                                       m_env, &why);
        if (!ok)
            qWarning("%s", qPrintable(why));
        return ok;
    }
    void verifyNoSecret(const CliRun &run, const QByteArray &key)
    {
        QVERIFY2(!run.out.contains(key) && !run.err.contains(key), "a key was printed");
    }

    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
    }
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_env = environment(m_home->path());
        m_env.remove(QStringLiteral("HOOKBENCH_KEY"));
        m_env.insert(QStringLiteral("HOOKBENCH_SECRETS_FILE"),
                     path(QStringLiteral("secrets.json")));
    }

    void ownReceiverAnswers200();
    void wrongKeyIs401();
    void keyRingPrimaryIsUsed();
    void noKeySaysSo();
    void userPayloadFromStdin();
    void retriesUntil200();
    void givesUpAtWindowEnd();
    void signalStopsRetrying();
    void loadCountsAreExact();
    void loadReportsFailures();
    void networkErrorsInWords_data();
    void networkErrorsInWords();
    void tlsErrorInWords();
};

void TestCliSend::ownReceiverAnswers200()
{
    ListenProcess listener;
    QVERIFY(startListener(listener, {QStringLiteral("--key"), QString::fromLatin1(Key)}));
    const QString keyFile = writeFile(QStringLiteral("key.txt"), "# webhook key\n" + Key + '\n');
    const CliRun run = runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--key-file"),
                               keyFile, QStringLiteral("--retry"), QStringLiteral("none")},
                              m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(QStringLiteral("POST %1: one attempt, timeout 30s; x-vwo-auth: key ")
                                .arg(listener.url())),
             qPrintable(out));
    QVERIFY(out.contains(QLatin1String(" from --key-file\n")));
    const QStringList attempts = attemptLines(run.out);
    QCOMPARE(attempts.size(), 1);
    QVERIFY2(attempts.first().startsWith(QLatin1String("attempt 1: 200 OK in ")), qPrintable(out));
    QVERIFY(out.contains(QLatin1String("\nHTTP 200 OK\n")));
    QVERIFY(QRegularExpression(QStringLiteral("\n200 OK after 1 attempt in \\S+ m?s\n$"))
                .match(out)
                .hasMatch());
    QVERIFY(run.err.isEmpty());
    verifyNoSecret(run, Key);

    const QJsonObject event = listener.nextEvent();
    QCOMPARE(event.value(QLatin1String("auth")).toString(), QStringLiteral("ok"));
    QCOMPARE(event.value(QLatin1String("status")).toInt(), 200);
    QCOMPARE(event.value(QLatin1String("valid")).toBool(), true);
    // VWO's template, stamped now.
    const QJsonObject body =
        QJsonDocument::fromJson(event.value(QLatin1String("body")).toString().toUtf8()).object();
    QCOMPARE(body.value(QLatin1String("event")).toString(), QStringLiteral("settings_changed"));
    QVERIFY(qAbs(body.value(QLatin1String("timestamp")).toInteger() -
                 QDateTime::currentSecsSinceEpoch()) < 60);
}

void TestCliSend::wrongKeyIs401()
{
    ListenProcess listener;
    QVERIFY(startListener(listener, {QStringLiteral("--key"), QString::fromLatin1(Key)}));
    m_env.insert(QStringLiteral("HOOKBENCH_KEY"), QString::fromLatin1(WrongKey));
    const CliRun run = runCli(
        {QStringLiteral("send"), listener.url(), QStringLiteral("--retry"), QStringLiteral("none")},
        m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QStringList attempts = attemptLines(run.out);
    QCOMPARE(attempts.size(), 1);
    QVERIFY2(attempts.first().startsWith(QLatin1String("attempt 1: 401 ")),
             qPrintable(describe(run)));
    QVERIFY(run.out.contains("\nnot 200: 401 "));
    QVERIFY(run.out.contains("from HOOKBENCH_KEY"));
    verifyNoSecret(run, WrongKey);
    QCOMPARE(listener.nextEvent().value(QLatin1String("auth")).toString(),
             QStringLiteral("failed"));
}

void TestCliSend::keyRingPrimaryIsUsed()
{
    const QString db = path(QStringLiteral("listen.sqlite"));
    const CliRun generated = runCli(
        {QStringLiteral("keys"), QStringLiteral("generate"), QStringLiteral("--db"), db}, m_env);
    QVERIFY2(generated.exitCode == 0, qPrintable(describe(generated)));
    const QByteArray key = generated.out.trimmed();
    QCOMPARE(key.size(), 64);

    ListenProcess listener;
    QVERIFY(startListener(listener)); // authenticates with the same key ring
    const CliRun run = runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--db"), db,
                               QStringLiteral("--retry"), QStringLiteral("none")},
                              m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains("(primary of endpoint 'default')"));
    QVERIFY(run.err.isEmpty());
    verifyNoSecret(run, key);
    QCOMPARE(listener.nextEvent().value(QLatin1String("auth")).toString(), QStringLiteral("ok"));
}

void TestCliSend::noKeySaysSo()
{
    ListenProcess listener;
    QVERIFY(startListener(listener, {QStringLiteral("--key"), QString::fromLatin1(Key)}));
    const CliRun run = runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--retry"),
                               QStringLiteral("none"), QStringLiteral("--db"),
                               path(QStringLiteral("none.sqlite"))},
                              m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY2(run.err.startsWith("hookbench-cli send: no key given and no key ring at "),
             run.err.constData());
    QVERIFY(run.err.contains("sending without x-vwo-auth"));
    QVERIFY(!QFile::exists(path(QStringLiteral("none.sqlite")))); // never created
    QCOMPARE(listener.nextEvent().value(QLatin1String("auth")).toString(),
             QStringLiteral("missing"));

    // --no-auth: the same, asked for, so nothing on stderr.
    const CliRun quiet = runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--retry"),
                                 QStringLiteral("none"), QStringLiteral("--no-auth")},
                                m_env);
    QCOMPARE(quiet.exitCode, 1);
    QVERIFY(quiet.err.isEmpty());
}

void TestCliSend::userPayloadFromStdin()
{
    FailingServer server({200});
    const QByteArray payload = "{ \"note\" : \"kept as written\",\n  \"timestamp\" : 1 }\n";
    CliRun run = runCliPumping({QStringLiteral("send"), server.url(), QStringLiteral("--payload"),
                                QStringLiteral("-"), QStringLiteral("--no-auth")},
                               m_env, payload);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(server.bodies.size(), 1);
    const QByteArray sent = server.bodies.first();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\{ \"note\" : \"kept as written\",\n  "
                                               "\"timestamp\" : \\d{10} \\}\n$"))
                 .match(QString::fromUtf8(sent))
                 .hasMatch(),
             sent.constData());
    // The answer's JSON body, pretty.
    QVERIFY2(run.out.contains("\n{\n  \"attempt\": 1\n}\n"), run.out.constData());

    run = runCliPumping({QStringLiteral("send"), server.url(), QStringLiteral("--payload"),
                         QStringLiteral("-"), QStringLiteral("--no-auth"),
                         QStringLiteral("--keep-timestamp")},
                        m_env, payload);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(server.bodies.at(1), payload);
}

void TestCliSend::retriesUntil200()
{
    FailingServer server({500, 500, 200});
    const CliRun run =
        runCliPumping({QStringLiteral("send"), server.url(), QStringLiteral("--no-auth"),
                       QStringLiteral("--retry"), QStringLiteral("vwo"),
                       QStringLiteral("--retry-for"), QStringLiteral("20s")},
                      m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QStringList attempts = attemptLines(run.out);
    QCOMPARE(attempts.size(), 3);
    const QRegularExpression failed(QStringLiteral(
        "^attempt [12]: 500 Internal Server Error in \\d+ ms; retrying in ([12]\\.\\d) s$"));
    for (int i = 0; i < 2; ++i) {
        const auto match = failed.match(attempts.at(i));
        QVERIFY2(match.hasMatch(), qPrintable(attempts.at(i)));
        const double wait = match.captured(1).toDouble();
        QVERIFY(wait >= 1.0 && wait <= 2.0);
    }
    QVERIFY(attempts.at(2).startsWith(QLatin1String("attempt 3: 200 OK in ")));
    QVERIFY(run.out.contains("\n200 OK after 3 attempts in "));
    QVERIFY(run.out.contains("retrying as VWO does for up to 20s, timeout 30s;"));
    // Every attempt stamped anew (not earlier than the one before).
    QCOMPARE(server.bodies.size(), 3);
    qint64 previous = 0;
    for (const QByteArray &body : std::as_const(server.bodies)) {
        const qint64 stamp =
            QJsonDocument::fromJson(body).object().value(QLatin1String("timestamp")).toInteger();
        QVERIFY(stamp >= previous);
        previous = stamp;
    }
}

void TestCliSend::givesUpAtWindowEnd()
{
    FailingServer server({503});
    const CliRun run =
        runCliPumping({QStringLiteral("send"), server.url(), QStringLiteral("--no-auth"),
                       QStringLiteral("--retry-for"), QStringLiteral("1s")},
                      m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(!attemptLines(run.out).isEmpty());
    QVERIFY2(run.out.contains("\ngave up: no 200 after "), run.out.constData());
    QVERIFY(run.out.contains("; last: 503 Service Unavailable"));
    QVERIFY(run.out.contains("\nHTTP 503 Service Unavailable\n"));
}

void TestCliSend::signalStopsRetrying()
{
    FailingServer server({500});
    bool signalled = false;
    const CliRun run =
        runCliPumping({QStringLiteral("send"), server.url(), QStringLiteral("--no-auth")}, m_env,
                      {}, 60000, [&](QProcess &process) {
                          if (!signalled && server.bodies.size() >= 2) {
                              signalled = true;
                              process.terminate(); // SIGTERM, like Ctrl-C's SIGINT
                          }
                      });
    QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 1,
             qPrintable(describe(run)));
    QVERIFY2(run.out.contains("\ncancelled after "), run.out.constData());
    QVERIFY(run.out.contains("; last: 500 Internal Server Error"));
}

void TestCliSend::loadCountsAreExact()
{
    ListenProcess listener;
    QVERIFY(startListener(listener, {QStringLiteral("--key"), QString::fromLatin1(Key)}));
    m_env.insert(QStringLiteral("HOOKBENCH_KEY"), QString::fromLatin1(Key));
    const CliRun run =
        runCli({QStringLiteral("send"), listener.url(), QStringLiteral("--count"),
                QStringLiteral("20"), QStringLiteral("--concurrency"), QStringLiteral("4")},
               m_env);
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QVERIFY(run.out.contains(": 20 requests over 4 connections, timeout 30s;"));
    QVERIFY2(run.out.contains("\nsent 20, answered 20, failed 0 in "), run.out.constData());
    QVERIFY(run.out.contains("\nlatency p50 "));
    QVERIFY(run.out.contains("\nstatus 200: 20\n"));
    QVERIFY(!run.out.contains("failed: "));
    verifyNoSecret(run, Key);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(listener.nextEvent().value(QLatin1String("auth")).toString(),
                 QStringLiteral("ok"));
    QTest::qWait(200);
    listener.pump();
    QCOMPARE(listener.out().count('\n'), 20);
}

void TestCliSend::loadReportsFailures()
{
    const quint16 port = unusedPort();
    const CliRun run =
        runCli({QStringLiteral("send"), QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port),
                QStringLiteral("--no-auth"), QStringLiteral("--count"), QStringLiteral("5"),
                QStringLiteral("--concurrency"), QStringLiteral("2")},
               m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    QVERIFY(run.out.contains("\nsent 5, answered 0, failed 5 in "));
    QVERIFY(run.out.contains(QStringLiteral("\nfailed: connection refused by 127.0.0.1:%1 (nothing "
                                            "is listening there): 5\n")
                                 .arg(port)
                                 .toUtf8()));
}

void TestCliSend::networkErrorsInWords_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("words"); // the attempt's failure, after "attempt 1: "
    const quint16 port = unusedPort();
    QTest::addRow("refused") << QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port)
                             << QStringLiteral("connection refused by 127.0.0.1:%1 (nothing is "
                                               "listening there)")
                                    .arg(port);
    QTest::addRow("dns") << QStringLiteral("http://nonexistent.invalid/vwo-webhook")
                         << QStringLiteral(
                                "host nonexistent.invalid not found (DNS lookup failed)");
}

void TestCliSend::networkErrorsInWords()
{
    QFETCH(QString, url);
    QFETCH(QString, words);
    const CliRun run = runCli({QStringLiteral("send"), url, QStringLiteral("--no-auth"),
                               QStringLiteral("--retry"), QStringLiteral("none")},
                              m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QStringList attempts = attemptLines(run.out);
    QCOMPARE(attempts.size(), 1);
    QVERIFY2(attempts.first().startsWith(QStringLiteral("attempt 1: ") + words),
             qPrintable(describe(run)));
    QVERIFY(
        run.out.contains(QStringLiteral("\nno answer: %1 (--retry none)\n").arg(words).toUtf8()));
    QVERIFY(!run.out.contains("\nHTTP "));
}

void TestCliSend::tlsErrorInWords()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    // Answers a TLS client hello with plain HTTP and keeps the connection open.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost));
    connect(&plain, &QTcpServer::newConnection, &plain, [&plain] {
        while (QTcpSocket *socket = plain.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            });
        }
    });
    const CliRun run = runCliPumping(
        {QStringLiteral("send"),
         QStringLiteral("https://127.0.0.1:%1/vwo-webhook").arg(plain.serverPort()),
         QStringLiteral("--no-auth"), QStringLiteral("--retry"), QStringLiteral("none")},
        m_env);
    QVERIFY2(run.exitCode == 1, qPrintable(describe(run)));
    const QStringList attempts = attemptLines(run.out);
    QCOMPARE(attempts.size(), 1);
    QVERIFY2(
        attempts.first().startsWith(QStringLiteral("attempt 1: TLS handshake with 127.0.0.1:%1 "
                                                   "failed: ")
                                        .arg(plain.serverPort())),
        qPrintable(describe(run)));
    QVERIFY(run.out.contains("\nno answer: TLS handshake with "));
}

QTEST_GUILESS_MAIN(TestCliSend)
#include "tst_clisend.moc"
