#include "settingsfetchtest.h"

#include <QSet>

class TestSettingsFetchQueue : public SettingsFetchTest
{
    Q_OBJECT

private Q_SLOTS:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void burstCoalesces()
    {
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).delayed(100));
        for (qint64 id = 1; id <= 20; ++id)
            m_fetcher->request(FetchTrigger::Webhook, {id});
        QVERIFY(m_fetcher->isBusy());
        QVERIFY(m_fetcher->hasQueued());
        const QList<SettingsFetchResult> results = waitForResults(2);
        QCOMPARE(results.size(), 2);
        QTest::qWait(300); // nothing else follows
        QCOMPARE(m_finished->size(), 2);
        QCOMPARE(m_server->requestCount(), 2);
        QCOMPARE(results.at(0).eventIds, QList<qint64>{1});
        QCOMPARE(results.at(0).requests, 1);
        QList<qint64> joined;
        for (qint64 id = 2; id <= 20; ++id)
            joined << id;
        QCOMPARE(results.at(1).eventIds, joined);
        QCOMPARE(results.at(1).requests, 19);
        QVERIFY(results.at(0).ok() && results.at(1).ok());
        QVERIFY(results.at(1).startedAt >= results.at(0).finishedAt);
        for (const SettingsServer::Request &request : m_server->requests())
            QCOMPARE(request.path, QStringLiteral("/server-side/pull"));
        QCOMPARE(m_started->size(), 2);
        QVERIFY(!m_fetcher->isBusy() && !m_fetcher->hasQueued());
    }

    void mixedTriggers()
    {
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).delayed(80));
        m_fetcher->request(FetchTrigger::Manual);
        m_fetcher->request(FetchTrigger::Manual);
        m_fetcher->request(FetchTrigger::Webhook, {7, 8});
        QList<SettingsFetchResult> results = waitForResults(2);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).trigger, FetchTrigger::Manual);
        QCOMPARE(results.at(1).trigger, FetchTrigger::Webhook); // any webhook: pull
        QCOMPARE(results.at(1).eventIds, (QList<qint64>{7, 8}));
        QCOMPARE(results.at(1).requests, 2);
        QCOMPARE(m_server->requests().at(0).path, QStringLiteral("/server-side/settings"));
        QCOMPARE(m_server->requests().at(1).path, QStringLiteral("/server-side/pull"));

        // Only manual requests queued: settings.
        m_finished->clear();
        m_server->clearRequests();
        m_fetcher->request(FetchTrigger::Webhook, {9});
        m_fetcher->request(FetchTrigger::Manual);
        results = waitForResults(2);
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(1).trigger, FetchTrigger::Manual);
        QCOMPARE(results.at(1).eventIds, QList<qint64>());
        QCOMPARE(m_server->requests().at(0).path, QStringLiteral("/server-side/pull"));
        QCOMPARE(m_server->requests().at(1).path, QStringLiteral("/server-side/settings"));
    }

    void requestFromAFinishedSlotIsQueued()
    {
        int extra = 0;
        connect(m_fetcher.get(), &SettingsFetcher::fetchFinished, this, [&] {
            if (extra++ == 0) {
                m_fetcher->request(FetchTrigger::Manual);
                QVERIFY(m_fetcher->hasQueued()); // joined the queue, not started in the report
            }
        });
        const QList<SettingsFetchResult> results = [&] {
            m_fetcher->request(FetchTrigger::Manual);
            return waitForResults(2);
        }();
        QCOMPARE(results.size(), 2);
        QCOMPARE(m_server->requestCount(), 2);
    }

    void cancelAbortsEverything()
    {
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).delayed(1000));
        m_fetcher->request(FetchTrigger::Webhook, {1});
        m_fetcher->request(FetchTrigger::Webhook, {2});
        QTRY_COMPARE(m_server->requestCount(), 1);
        m_fetcher->cancel();
        QCOMPARE(m_finished->size(), 2); // reported at once
        const QList<SettingsFetchResult> results = waitForResults(2);
        QCOMPARE(results.at(0).failure, SettingsFetchFailure::Cancelled);
        QCOMPARE(results.at(0).error, QStringLiteral("cancelled"));
        QCOMPARE(results.at(0).eventIds, QList<qint64>{1});
        QCOMPARE(results.at(0).attempts, 1);
        QCOMPARE(results.at(1).failure, SettingsFetchFailure::Cancelled);
        QCOMPARE(results.at(1).error, QStringLiteral("cancelled before it started"));
        QCOMPARE(results.at(1).eventIds, QList<qint64>{2});
        QCOMPARE(results.at(1).attempts, 0);
        QVERIFY(!m_fetcher->isBusy() && !m_fetcher->hasQueued());
        QTest::qWait(200);
        QCOMPARE(m_finished->size(), 2);
        QCOMPARE(m_server->requestCount(), 1);

        // Usable again at once.
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture));
        m_fetcher->request(FetchTrigger::Manual);
        QVERIFY(waitForResults(3).size() == 3);
        QVERIFY(m_finished->last().first().value<SettingsFetchResult>().ok());
    }

    void cancelDuringTheBackOff()
    {
        m_fetcher->setBackoff({5000});
        m_server->setDefaultBehaviour(Behaviour::answer(503, "busy"));
        m_fetcher->request(FetchTrigger::Manual);
        QTRY_COMPARE(m_failed->size(), 1);
        QCOMPARE(failedWaits(), QList<int>{5000});
        m_fetcher->cancel();
        QCOMPARE(m_finished->size(), 1);
        QCOMPARE(m_finished->first().first().value<SettingsFetchResult>().failure,
                 SettingsFetchFailure::Cancelled);
        QTest::qWait(100);
        QCOMPARE(m_server->requestCount(), 1);
        QVERIFY(!m_fetcher->isBusy());
    }

    void destroyedMidFetch()
    {
        m_server->setDefaultBehaviour(Behaviour::serveFixture(Fixture).delayed(300));
        m_fetcher->request(FetchTrigger::Webhook, {1});
        m_fetcher->request(FetchTrigger::Webhook, {2});
        QTRY_COMPARE(m_server->requestCount(), 1);
        m_fetcher.reset(); // aborts without reporting
        QTest::qWait(400);
        QCOMPARE(m_finished->size(), 0);
        QCOMPARE(m_server->requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSettingsFetchQueue)
#include "tst_settingsfetchqueue.moc"
