#include "settingsfetchtest.h"

#include "settings/settingsfetchtext.h"

#include <QSet>

class TestSettingsFetcher : public SettingsFetchTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void deliversTheExactBytes()
    {
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        const QByteArray expected = m_server->fixture(Fixture);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(result.body, expected);
        QCOMPARE(result.bodyBytes, qint64(expected.size()));
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(result.contentType, QByteArray("application/json"));
        QCOMPARE(result.attempts, 1);
        QCOMPARE(result.trigger, FetchTrigger::Manual);
        QCOMPARE(result.error, QString());
        QVERIFY(result.startedAt.isValid() && result.finishedAt >= result.startedAt);
        QCOMPARE(result.sourceUrl.path(), QStringLiteral("/server-side/settings"));
        QCOMPARE(QUrlQuery(result.sourceUrl).queryItemValue(QStringLiteral("i")),
                 QStringLiteral("REDACTED"));

        QCOMPARE(m_server->requestCount(), 1);
        const SettingsServer::Request request = m_server->requests().first();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QStringLiteral("/server-side/settings"));
        QCOMPARE(request.param(QStringLiteral("a")), Account);
        QCOMPARE(request.param(QStringLiteral("i")), Key);
        QCOMPARE(request.param(QStringLiteral("platform")), QStringLiteral("server"));
        QCOMPARE(request.param(QStringLiteral("api-version")), QStringLiteral("1"));
        QCOMPARE(request.param(QStringLiteral("sdk")), QStringLiteral("hookbench"));
        QVERIFY(!request.param(QStringLiteral("r")).isEmpty());
        // The result's URL is the request's, redacted.
        QCOMPARE(QUrlQuery(result.sourceUrl).queryItemValue(QStringLiteral("r")),
                 request.param(QStringLiteral("r")));
        QCOMPARE(m_started->size(), 1);
        QCOMPARE(m_attempts->size(), 1);
        QCOMPARE(m_failed->size(), 0);
    }

    void webhookUsesPull()
    {
        const SettingsFetchResult result = fetchOne(FetchTrigger::Webhook, {41});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.trigger, FetchTrigger::Webhook);
        QCOMPARE(result.eventIds, QList<qint64>{41});
        QCOMPARE(result.requests, 1);
        QCOMPARE(m_server->requests().first().path, QStringLiteral("/server-side/pull"));
        QCOMPARE(result.sourceUrl.path(), QStringLiteral("/server-side/pull"));
    }

    void keyWithReservedCharacters()
    {
        useKey(QStringLiteral("hb+key&x=1%zz/?#"));
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(m_server->requests().first().param(QStringLiteral("i")), m_key);
    }

    void largeFileWithinTheDefaultLimit()
    {
        // Real settings files reach 11 MB and more.
        QByteArray body = "{\"campaigns\": [], \"pad\": \"";
        body += QByteArray(12 * 1024 * 1024, 'x');
        body += "\"}";
        m_server->setDefaultBehaviour(Behaviour::answer(200, body, "application/json"));
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.bodyBytes, qint64(body.size()));
        QVERIFY(result.body == body);
    }

    void contentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QString>("error");
        QTest::addRow("json") << QByteArray("application/json") << QString();
        QTest::addRow("charset") << QByteArray("application/json; charset=utf-8") << QString();
        QTest::addRow("upper case") << QByteArray("Application/JSON") << QString();
        QTest::addRow("+json") << QByteArray("application/vnd.vwo.settings+json") << QString();
        QTest::addRow("html") << QByteArray("text/html; charset=utf-8")
                              << QStringLiteral("the answer is text/html, not application/json");
        QTest::addRow("text json")
            << QByteArray("text/json")
            << QStringLiteral("the answer is text/json, not application/json");
        QTest::addRow("jsonp") << QByteArray("application/jsonp")
                               << QStringLiteral(
                                      "the answer is application/jsonp, not application/json");
        QTest::addRow("none") << QByteArray()
                              << QStringLiteral("the answer has no Content-Type, not "
                                                "application/json");
    }

    void contentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QString, error);
        m_server->setDefaultBehaviour(
            Behaviour::serveFixture(Fixture).withContentType(contentType));
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.error, error);
        QCOMPARE(result.ok(), error.isEmpty());
        QCOMPARE(result.contentType, contentType);
        QCOMPARE(result.attempts, 1); // a wrong type is not retried
        QCOMPARE(result.bodyBytes, qint64(m_server->fixture(Fixture).size()));
        QCOMPARE(result.body.isEmpty(), !error.isEmpty());
        if (!error.isEmpty())
            QCOMPARE(result.failure, SettingsFetchFailure::ContentType);
    }

    void badJsonIsDeliveredForTheValidator()
    {
        // Parsing is not the fetcher's job: a 200 JSON answer is delivered as it came.
        m_server->enqueue({Behaviour::truncatedJson(Fixture), Behaviour::schemaInvalidJson()});
        const SettingsFetchResult truncated = fetchOne();
        QVERIFY(truncated.ok());
        QCOMPARE(truncated.body,
                 m_server->fixture(Fixture).left(m_server->fixture(Fixture).size() / 2));
        m_finished->clear();
        const SettingsFetchResult invalid = fetchOne();
        QVERIFY(invalid.ok());
        QVERIFY(invalid.body.contains("\"campaigns\": \"none\""));
    }

    void bodyLimitFromContentLength()
    {
        m_fetcher->setMaxBodyBytes(4000);
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::TooLarge);
        QCOMPARE(result.attempts, 1);
        QCOMPARE(result.httpStatus, 200);
        QCOMPARE(result.body, QByteArray());
        QCOMPARE(result.error, QStringLiteral("the settings file is 6.5 KiB (6622 bytes), more "
                                              "than the 3.9 KiB limit"));
    }

    void bodyLimitWhileReading()
    {
        m_fetcher->setMaxBodyBytes(1024 * 1024);
        const QByteArray body = "[" + QByteArray(3 * 1024 * 1024, ' ') + "]";
        m_server->setDefaultBehaviour(
            Behaviour::answer(200, body, "application/json").withoutContentLength());
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::TooLarge);
        QCOMPARE(result.attempts, 1);
        QVERIFY(result.bodyBytes > 1024 * 1024 && result.bodyBytes <= body.size());
        QVERIFY2(result.error.startsWith(QStringLiteral(
                     "the settings file is larger than the 1 MiB limit (stopped after ")),
                 qPrintable(result.error));
    }

    void closeDelimitedBodyIsComplete()
    {
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).withoutContentLength());
        const SettingsFetchResult result = fetchOne();
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.body, m_server->fixture(Fixture));
    }

    void redirectIsNotFollowed()
    {
        // The target echoes the key, as a careless proxy might: the error shows it redacted.
        const QByteArray location = "http://127.0.0.1:1/elsewhere?a=1&i=" + Key.toLatin1();
        m_server->setDefaultBehaviour(
            Behaviour::answer(301, "moved").withHeader("Location", location));
        const SettingsFetchResult result = fetchOne();
        QCOMPARE(result.failure, SettingsFetchFailure::HttpStatus);
        QCOMPARE(result.attempts, 1);
        QCOMPARE(result.error, QStringLiteral("the server answered 301 Moved Permanently, a "
                                              "redirect to http://127.0.0.1:1/elsewhere?a=1&"
                                              "i=REDACTED — redirects are not followed; use that "
                                              "address as the base URL"));
    }

    void invalidAccountSendsNothing()
    {
        QCOMPARE(m_fetcher->setAccount(m_server->baseUrl(), QStringLiteral("12x"), Key),
                 QStringLiteral("the account id must be digits only (character 3 is \"x\")"));
        const SettingsFetchResult result = fetchOne(FetchTrigger::Webhook, {5});
        QCOMPARE(result.failure, SettingsFetchFailure::InvalidAccount);
        QCOMPARE(result.attempts, 0);
        QCOMPARE(result.eventIds, QList<qint64>{5});
        QCOMPARE(result.error,
                 QStringLiteral("the account id must be digits only (character 3 is \"x\")"));
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(!m_fetcher->isBusy());
    }

    void words()
    {
        QCOMPARE(SettingsFetchText::sizeText(0), QStringLiteral("0 bytes"));
        QCOMPARE(SettingsFetchText::sizeText(1), QStringLiteral("1 byte"));
        QCOMPARE(SettingsFetchText::sizeText(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(SettingsFetchText::sizeText(64LL * 1024 * 1024), QStringLiteral("64 MiB"));
        QCOMPARE(SettingsFetchText::durationText(30000), QStringLiteral("30 s"));
        QCOMPARE(SettingsFetchText::durationText(250), QStringLiteral("250 ms"));
        QCOMPARE(SettingsFetchText::statusText(403, {}), QStringLiteral("403 Forbidden"));
        QCOMPARE(SettingsFetchText::statusText(418, {}), QStringLiteral("418"));
        QCOMPARE(SettingsFetchText::statusText(200, "Fine"), QStringLiteral("200 Fine"));
    }
};

QTEST_GUILESS_MAIN(TestSettingsFetcher)
#include "tst_settingsfetcher.moc"
