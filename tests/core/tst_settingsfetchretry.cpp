#include "settingsfetchtest.h"

#include <QSet>

class TestSettingsFetchRetry : public SettingsFetchTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void retriesAfterA500()
    {
        m_fetcher->setBackoff({60, 1000});
        m_server->enqueue(Behaviour::answer(500, "oops"));
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.attempts, 2);
        QCOMPARE(result.body, m_server->fixture(Fixture));
        QCOMPARE(failedErrors(),
                 QStringList{QStringLiteral("the server answered 500 Internal Server Error "
                                            "(attempt 1 of 3)")});
        QCOMPARE(failedWaits(), QList<int>{60});
        const QList<SettingsServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).status, 500);
        QCOMPARE(requests.at(1).status, 200);
        QVERIFY2(requests.at(1).elapsedMs - requests.at(0).elapsedMs >= 60,
                 qPrintable(QString::number(requests.at(1).elapsedMs - requests.at(0).elapsedMs)));
        // A fresh random number per attempt, like a fresh SDK request.
        QVERIFY(requests.at(0).param(QStringLiteral("r")) !=
                requests.at(1).param(QStringLiteral("r")));
    }

    void givesUpAfterFiveAttempts()
    {
        m_fetcher->setBackoff({10, 30, 50, 70});
        m_server->setDefaultBehaviour(Behaviour::answer(500, "down"));
        const SettingsFetchResult result = fetchOne();
        QVERIFY(!result.ok());
        QCOMPARE(result.failure, SettingsFetchFailure::HttpStatus);
        QCOMPARE(result.attempts, 5);
        QCOMPARE(result.httpStatus, 500);
        QCOMPARE(result.body, QByteArray());
        QCOMPARE(result.bodyBytes, qint64(4));
        QCOMPARE(result.error,
                 QStringLiteral("the server answered 500 Internal Server Error (attempt 5 of 5)"));
        QCOMPARE(failedWaits(), (QList<int>{10, 30, 50, 70, -1}));
        QCOMPARE(m_attempts->size(), 5);
        const QList<SettingsServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 5);
        const QList<int> waits = {10, 30, 50, 70};
        for (int i = 0; i < waits.size(); ++i) {
            const qint64 gap = requests.at(i + 1).elapsedMs - requests.at(i).elapsedMs;
            QVERIFY2(gap >= waits.at(i),
                     qPrintable(QStringLiteral("gap %1: %2 ms").arg(i).arg(gap)));
        }
    }

    void retryPolicy_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<QString>("error");
        QTest::addRow("403") << 403 << 1
                             << QStringLiteral(
                                    "the server answered 403 Forbidden — check the SDK key");
        QTest::addRow("401") << 401 << 1
                             << QStringLiteral(
                                    "the server answered 401 Unauthorized — check the SDK key");
        QTest::addRow("400") << 400 << 1
                             << QStringLiteral("the server answered 400 Bad Request — check the "
                                               "account id and the SDK key");
        QTest::addRow("404") << 404 << 1
                             << QStringLiteral(
                                    "the server answered 404 Not Found — check the base URL");
        QTest::addRow("204") << 204 << 1
                             << QStringLiteral("the server answered 204 No Content, not 200 OK");
        QTest::addRow("408") << 408 << 2
                             << QStringLiteral(
                                    "the server answered 408 Request Timeout (attempt 2 of 2)");
        QTest::addRow("429") << 429 << 2
                             << QStringLiteral(
                                    "the server answered 429 Too Many Requests (attempt 2 of 2)");
        QTest::addRow("502") << 502 << 2
                             << QStringLiteral(
                                    "the server answered 502 Bad Gateway (attempt 2 of 2)");
        QTest::addRow("503") << 503 << 2
                             << QStringLiteral(
                                    "the server answered 503 Service Unavailable (attempt 2 of 2)");
    }

    void retryPolicy()
    {
        QFETCH(int, status);
        QFETCH(int, attempts);
        QFETCH(QString, error);
        m_fetcher->setBackoff({10});
        m_server->setDefaultBehaviour(Behaviour::answer(status, "no"));
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::HttpStatus);
        QCOMPARE(result.httpStatus, status);
        QCOMPARE(result.attempts, attempts);
        QCOMPARE(result.error, error);
        QCOMPARE(m_server->requestCount(), attempts);
    }

    void wrongSdkKeyIsNotRetried()
    {
        QCOMPARE(m_fetcher->setAccount(m_server->baseUrl(), Account, QStringLiteral("wrong-key")),
                 QString());
        m_key = QStringLiteral("wrong-key");
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::HttpStatus);
        QCOMPARE(result.httpStatus, 403);
        QCOMPARE(result.attempts, 1);
        QCOMPARE(result.error,
                 QStringLiteral("the server answered 403 Forbidden — check the SDK key"));
        QCOMPARE(failedWaits(), QList<int>{-1});
        QCOMPARE(m_server->requestCount(), 1);
    }

    void retryAfterLengthensTheWait()
    {
        m_fetcher->setBackoff({10});
        m_server->enqueue(Behaviour::answer(503, "busy").withHeader("Retry-After", "1"));
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(failedWaits(), QList<int>{1000});
        const QList<SettingsServer::Request> requests = m_server->requests();
        const qint64 gap = requests.at(1).elapsedMs - requests.at(0).elapsedMs;
        QVERIFY2(gap >= 1000, qPrintable(QString::number(gap)));
    }

    void slowerThanTheTimeout()
    {
        m_fetcher->setTimeoutMs(150);
        m_fetcher->setBackoff({10});
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).delayed(1000));
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::Timeout);
        QCOMPARE(result.attempts, 2);
        QCOMPARE(result.httpStatus, 0);
        QCOMPARE(result.error, QStringLiteral("no answer within 150 ms (attempt 2 of 2)"));
        QCOMPARE(failedErrors().first(),
                 QStringLiteral("no answer within 150 ms (attempt 1 of 2)"));
        QCOMPARE(m_server->requestCount(), 2);
        QVERIFY(result.durationMs() >= 300);
        QTest::qWait(1100); // the late answers go to sockets that were closed: nothing breaks
        QCOMPARE(m_finished->size(), 1);
    }

    void connectionRefused()
    {
        const quint16 port = SettingsServer::refusingPort();
        QVERIFY(port != 0);
        QCOMPARE(
            m_fetcher->setAccount(QStringLiteral("http://127.0.0.1:%1").arg(port), Account, Key),
            QString());
        m_fetcher->setBackoff({10, 10});
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::ConnectionRefused);
        QCOMPARE(result.attempts, 3);
        QCOMPARE(result.error,
                 QStringLiteral("connection refused by 127.0.0.1:%1 (attempt 3 of 3)").arg(port));
        QCOMPARE(m_failed->size(), 3);
    }

    void closedWithoutAnswer()
    {
        m_fetcher->setBackoff({10});
        m_server->setDefaultBehaviour(Behaviour::closeWithoutAnswer());
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::ConnectionClosed);
        QCOMPARE(result.attempts, 2);
        QCOMPARE(result.error,
                 QStringLiteral("127.0.0.1:%1 closed the connection without answering "
                                "(attempt 2 of 2)")
                     .arg(m_server->port()));
        // Qt may resend a request once by itself when the connection closes before an answer:
        // count attempts by their random number.
        QSet<QString> randoms;
        for (const SettingsServer::Request &request : m_server->requests())
            randoms << request.param(QStringLiteral("r"));
        QCOMPARE(randoms.size(), 2);
    }

    void redactedUrlsInSignals()
    {
        m_fetcher->setBackoff({10});
        m_server->enqueue(Behaviour::answer(500, "no"));
        QVERIFY(fetchOne().ok());
        QCOMPARE(m_attempts->size(), 2);
        for (const QList<QVariant> &args : *m_attempts) {
            QCOMPARE(args.at(1).toInt(), 2);
            const QUrl url = args.at(2).toUrl();
            QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("i")),
                     QStringLiteral("REDACTED"));
            QCOMPARE(url.port(), int(m_server->port()));
        }
        // cleanup() searches every signal argument for the key.
    }
};

QTEST_GUILESS_MAIN(TestSettingsFetchRetry)
#include "tst_settingsfetchretry.moc"
