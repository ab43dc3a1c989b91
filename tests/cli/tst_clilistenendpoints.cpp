// `hookbench-cli listen` with several endpoints (issue 8): every stored endpoint is served with
// its own path, port, keys and answer; --path, --key and --respond-* apply to the default one.
#include "clitestsupport.h"
#include "endpoints/endpointstore.h"
#include "forwardtestapp.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;
using namespace hookbench;

namespace {
const QByteArray Payload = "{\"timestamp\": 1606482285, \"event\": \"settings_changed\", "
                           "\"action\": \"campaign_settings_changed\", \"triggered_by\": \"vwo\"}";
} // namespace

class TestCliListenEndpoints : public QObject
{
    Q_OBJECT

private:
    QString dbPath() const { return m_home.filePath(QStringLiteral("events.sqlite")); }
    QString secretsPath() const { return m_home.filePath(QStringLiteral("secrets.json")); }
    QStringList listenArgs() const
    {
        return {QStringLiteral("--port"),         QStringLiteral("0"),
                QStringLiteral("--db"),           dbPath(),
                QStringLiteral("--secrets-file"), secretsPath()};
    }
    void addEndpoint(const QString &name, const QString &path, int respondStatus = 0,
                     quint16 port = 0)
    {
        EndpointStore store;
        QCOMPARE(store.open(dbPath()), QString());
        Endpoint endpoint;
        endpoint.name = name;
        endpoint.path = path;
        endpoint.port = port;
        endpoint.response.status = respondStatus;
        QCOMPARE(store.add(endpoint), QString());
    }
    // Waits until the listener's stderr holds `text`.
    static bool errContains(ListenProcess &listener, const QByteArray &text, int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [&] {
                listener.pump();
                return listener.err().contains(text);
            },
            timeoutMs);
    }
    static int post(quint16 port, const QByteArray &path, const Headers &headers = {})
    {
        return httpRequest(port, "POST", path, headers, Payload).status;
    }

    QTemporaryDir m_home;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_env = environment(m_home.path());
    }
    void init()
    {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(dbPath() + QLatin1String(suffix));
        QFile::remove(secretsPath());
    }

    void servesEveryEndpoint()
    {
        const quint16 own = [] {
            QTcpServer probe;
            return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : quint16(0);
        }();
        QVERIFY(own != 0);
        addEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"), 503);
        addEndpoint(QStringLiteral("dev"), QStringLiteral("/vwo/dev"), 0, own);
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start(listenArgs(), m_env, &why), qPrintable(why));
        QVERIFY(errContains(listener, "(endpoint dev)"));
        const QString err = QString::fromUtf8(listener.err());
        QVERIFY2(err.contains(QStringLiteral("listening on http://127.0.0.1:%1/vwo/staging "
                                             "(endpoint staging)\n")
                                  .arg(listener.port())),
                 qPrintable(err));
        QVERIFY2(
            err.contains(QStringLiteral("listening on http://127.0.0.1:%1/vwo/dev (endpoint dev)\n")
                             .arg(own)),
            qPrintable(err));

        QCOMPARE(post(listener.port(), "/vwo/staging"), 503);
        QJsonObject event = listener.nextEvent();
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("staging"));
        QCOMPARE(event.value(QStringLiteral("status")).toInt(), 503);

        QCOMPARE(post(own, "/vwo/dev"), 200);
        event = listener.nextEvent();
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("dev"));

        QCOMPARE(post(listener.port(), "/vwo-webhook"), 200);
        event = listener.nextEvent();
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("default"));

        // dev is served on its own port only.
        QCOMPARE(post(listener.port(), "/vwo/dev"), 404);
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        QCOMPARE(listener.process().exitCode(), 0);
    }

    void commandLineChangesOnlyTheDefaultEndpoint()
    {
        addEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"), 503);
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start(listenArgs() + QStringList{QStringLiteral("--path"),
                                                           QStringLiteral("/custom"),
                                                           QStringLiteral("--respond-status"),
                                                           QStringLiteral("500")},
                                m_env, &why),
                 qPrintable(why));
        QCOMPARE(listener.url(), QStringLiteral("http://127.0.0.1:%1/custom").arg(listener.port()));
        QCOMPARE(post(listener.port(), "/custom"), 500);
        QCOMPARE(post(listener.port(), "/vwo/staging"), 503);
        QCOMPARE(post(listener.port(), "/vwo-webhook"), 404);
        listener.process().terminate();
        QVERIFY(listener.waitForExit());

        // For this run only: the stored default endpoint is unchanged.
        EndpointStore store;
        QCOMPARE(store.open(dbPath()), QString());
        Endpoint def;
        QCOMPARE(store.find(QStringLiteral("default"), &def), QString());
        QCOMPARE(def.path, QStringLiteral("/vwo-webhook"));
        QCOMPARE(def.response.status, 0);
    }

    void forwardedWebhookLineCarriesTheAppsAnswer()
    {
        forwardtest::ForwardApp app;
        app.setAnswer(201, "application/json", "{\"created\":true}");
        EndpointStore store;
        QCOMPARE(store.open(dbPath()), QString());
        Endpoint staging;
        staging.name = QStringLiteral("staging");
        staging.path = QStringLiteral("/vwo/staging");
        staging.forward.url = app.url();
        staging.forward.followAnswer = true;
        QCOMPARE(store.add(staging), QString());
        store.close();

        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start(listenArgs(), m_env, &why), qPrintable(why));
        const HttpAnswer answer = httpRequest(listener.port(), "POST", "/vwo/staging", {}, Payload);
        QCOMPARE(answer.status, 201);
        QCOMPARE(answer.body, QByteArray("{\"created\":true}"));
        // One line, printed once the app answered: what VWO got and what the app said.
        const QJsonObject event = listener.nextEvent();
        QCOMPARE(event.value(QStringLiteral("endpoint")).toString(), QStringLiteral("staging"));
        QCOMPARE(event.value(QStringLiteral("status")).toInt(), 201);
        const QJsonObject forward = event.value(QStringLiteral("forward")).toObject();
        QVERIFY2(!forward.isEmpty(), listener.out().constData());
        QCOMPARE(forward.value(QStringLiteral("status")).toInt(), 201);
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        QCOMPARE(listener.out().count('\n'), 1);
    }

    void followsEndpointsChangedWhileListening()
    {
        addEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"));
        ListenProcess listener;
        QString why;
        QVERIFY2(listener.start(listenArgs(), m_env, &why), qPrintable(why));
        QVERIFY(errContains(listener, "(endpoint staging)"));
        const QStringList db = {QStringLiteral("--db"), dbPath()};

        // Another shell adds one and removes one: served (and no longer) within a second or two.
        CliRun run = runCli(QStringList{QStringLiteral("endpoints"), QStringLiteral("add"),
                                        QStringLiteral("qa"), QStringLiteral("--path"),
                                        QStringLiteral("/vwo/qa"),
                                        QStringLiteral("--respond-status"), QStringLiteral("202")} +
                                db,
                            m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray added = QStringLiteral("listening on http://127.0.0.1:%1/vwo/qa "
                                                "(endpoint qa)\n")
                                     .arg(listener.port())
                                     .toUtf8();
        QVERIFY2(errContains(listener, added), listener.err().constData());
        QCOMPARE(post(listener.port(), "/vwo/qa"), 202);
        QCOMPARE(listener.nextEvent().value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("qa"));

        run = runCli(QStringList{QStringLiteral("endpoints"), QStringLiteral("remove"),
                                 QStringLiteral("staging"), QStringLiteral("--keep-events")} +
                         db,
                     m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(errContains(listener, "(endpoint staging removed)"), listener.err().constData());
        QCOMPARE(post(listener.port(), "/vwo/staging"), 404);

        // A change the running receiver cannot take is told, and the rest keeps being served.
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        run = runCli(QStringList{QStringLiteral("endpoints"), QStringLiteral("add"),
                                 QStringLiteral("busy"), QStringLiteral("--path"),
                                 QStringLiteral("/vwo/busy"), QStringLiteral("--port"),
                                 QString::number(squatter.serverPort())} +
                         db,
                     m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(errContains(listener, "still serving the endpoints as they were"),
                 listener.err().constData());
        QVERIFY2(listener.err().contains(
                     QStringLiteral("endpoint busy: port %1").arg(squatter.serverPort()).toUtf8()),
                 listener.err().constData());
        QCOMPARE(post(listener.port(), "/vwo/qa"), 202);
        listener.nextEvent();
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
        QCOMPARE(listener.process().exitCode(), 0);
    }

    void pathOfAnotherEndpointIsRefused()
    {
        addEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("listen")} + listenArgs() +
                       QStringList{QStringLiteral("--path"), QStringLiteral("/vwo/staging")},
                   m_env);
        QVERIFY(run.finished);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--path: /vwo/staging is the path of endpoint 'staging'"),
                 run.err.constData());
    }

    void eachEndpointChecksItsOwnKeys()
    {
        addEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"));
        const CliRun generated =
            runCli({QStringLiteral("keys"), QStringLiteral("generate"),
                    QStringLiteral("--endpoint"), QStringLiteral("staging"), QStringLiteral("--db"),
                    dbPath(), QStringLiteral("--secrets-file"), secretsPath()},
                   m_env);
        QCOMPARE(generated.exitCode, 0);
        const QByteArray stagingKey = generated.out.trimmed().split('\n').last().trimmed();
        QCOMPARE(stagingKey.size(), 64);

        ListenProcess listener;
        QString why;
        QVERIFY2(
            listener.start(listenArgs() + QStringList{QStringLiteral("--key"),
                                                      QStringLiteral("default-key-0123456789")},
                           m_env, &why),
            qPrintable(why));
        const quint16 port = listener.port();
        QCOMPARE(post(port, "/vwo/staging", {{"x-vwo-auth", stagingKey}}), 200);
        QCOMPARE(post(port, "/vwo/staging", {{"x-vwo-auth", "default-key-0123456789"}}), 401);
        QCOMPARE(post(port, "/vwo/staging"), 401);
        QCOMPARE(post(port, "/vwo-webhook", {{"x-vwo-auth", stagingKey}}), 401);
        QCOMPARE(post(port, "/vwo-webhook", {{"x-vwo-auth", "default-key-0123456789"}}), 200);
        for (int i = 0; i < 5; ++i)
            QVERIFY(!listener.nextEvent().isEmpty());
        QVERIFY(!listener.out().contains(stagingKey));
        listener.process().terminate();
        QVERIFY(listener.waitForExit());
    }
};

QTEST_GUILESS_MAIN(TestCliListenEndpoints)
#include "tst_clilistenendpoints.moc"
