#include "settingsstoresupport.h"

using namespace hookbench;
using namespace settingstest;

// The settings history's fetches: every one recorded (failed ones with their reason), links
// from webhook events to the fetches they caused, and never an SDK key.
class TestSettingsFetchHistory : public SettingsStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void failedFetchKeepsCurrent()
    {
        // Before any version: recorded all the same, with its reason.
        FetchRecord failed = record(fetch({3}, QStringLiteral("HTTP 503 Service Unavailable")), {});
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(failed.outcome, FetchOutcome::Failed);
        QCOMPARE(failed.versionId, qint64(0));
        SettingsVersion good;
        record(fetch(), fixture("feature-rollout.json"), &good);
        SettingsVersion version;
        failed = record(fetch({4}, QStringLiteral("not JSON: malformed JSON at line 1, column 1")),
                        "<html>", &version);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(failed.outcome, FetchOutcome::Failed);
        QVERIFY(version.isNull());
        SettingsVersion current;
        QVERIFY(store().currentVersion(Endpoint, {}, &current).isEmpty());
        QCOMPARE(current.id, good.id);

        QList<FetchRecord> fetches;
        QVERIFY(store().fetches(Endpoint, 2, &fetches).isEmpty());
        QCOMPARE(fetches.size(), 2);
        const FetchRecord &last = fetches.at(0);
        QCOMPARE(last.id, failed.id);
        QCOMPARE(last.outcome, FetchOutcome::Failed);
        QCOMPARE(last.error, QStringLiteral("not JSON: malformed JSON at line 1, column 1"));
        QCOMPARE(last.httpStatus, 503);
        QCOMPARE(last.attempts, 5);
        QCOMPARE(last.versionId, qint64(0));
        QCOMPARE(last.startedAt, fetch().startedAt);
        QCOMPARE(last.finishedAt, fetch().finishedAt);
        QCOMPARE(last.source, Source);
        QCOMPARE(last.eventIds, QList<qint64>{4});
        QCOMPARE(fetches.at(1).versionId, good.id);
        QCOMPARE(fetches.at(1).httpStatus, 200);
        QCOMPARE(scalar("SELECT count(*) FROM settings_fetches WHERE http_status IS NULL"), 0);
    }

    void invalidBodyRefused()
    {
        // Recorded as a failed fetch that says why; no version.
        FetchRecord recorded;
        SettingsVersion version;
        QCOMPARE(store().recordFetch(fetch({1}), "{\"version\": 1}", &recorded, &version),
                 QString());
        QCOMPARE(recorded.outcome, FetchOutcome::Failed);
        QCOMPARE(recorded.error, QStringLiteral("the answer is not a valid settings file: "
                                                "top level: missing \"accountId\""));
        QVERIFY(version.isNull());
        QCOMPARE(scalar("SELECT count(*) FROM settings_versions"), 0);
        // What VWO answered with another account's file (fixture: 123456, fetch: 888888) is no
        // version either.
        QCOMPARE(store().recordAnswer(fetch({2}), fixture("feature-rollout.json"), &recorded),
                 QString());
        QCOMPARE(recorded.outcome, FetchOutcome::Failed);
        QCOMPARE(recorded.error,
                 QStringLiteral("the answer is the settings file of account 123456, not 888888"));
        QCOMPARE(scalar("SELECT count(*) FROM settings_fetches"), 2);
        FetchRecord nameless = fetch();
        nameless.endpoint.clear();
        QCOMPARE(store().recordFetch(nameless, fixture("feature-rollout.json")),
                 QStringLiteral("cannot record a settings fetch without an endpoint"));
    }

    void eventLinks()
    {
        const FetchRecord failed = record(fetch({1, 2, 2}, QStringLiteral("timed out")), {});
        const FetchRecord good = record(fetch({2, 3}), fixture("feature-rollout.json"));
        const FetchRecord manual = [&] {
            FetchRecord input = fetch();
            input.trigger = FetchTrigger::Manual;
            return record(input, fixture("feature-rollout.json"));
        }();
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(manual.outcome, FetchOutcome::Unchanged);
        QHash<qint64, FetchRecord> byEvent;
        QVERIFY(store().fetchesForEvents({1, 2, 3, 4}, &byEvent).isEmpty());
        QCOMPARE(byEvent.size(), 3);
        QCOMPARE(byEvent.value(1).id, failed.id);
        QCOMPARE(byEvent.value(1).outcome, FetchOutcome::Failed);
        QCOMPARE(byEvent.value(1).error, QStringLiteral("timed out"));
        QCOMPARE(byEvent.value(1).eventIds, (QList<qint64>{1, 2}));
        QCOMPARE(byEvent.value(2).id, good.id); // the latest fetch it joined
        QCOMPARE(byEvent.value(2).outcome, FetchOutcome::New);
        QCOMPARE(byEvent.value(2).versionId, good.versionId);
        QCOMPARE(byEvent.value(3).eventIds, (QList<qint64>{2, 3}));
        QVERIFY(!byEvent.contains(4));
        QCOMPARE(scalar("SELECT count(*) FROM settings_fetch_events"), 4);

        // Many ids at once (beyond one statement's bound variables).
        QList<qint64> many;
        for (qint64 id = 1; id <= 1200; ++id)
            many.append(id);
        record(fetch(many), fixture("feature-rollout.json"));
        QVERIFY(store().fetchesForEvents(many, &byEvent).isEmpty());
        QCOMPARE(byEvent.size(), 1200);
        QCOMPARE(byEvent.value(1200).eventIds.size(), 1200);
        QCOMPARE(byEvent.value(1200).outcome, FetchOutcome::Unchanged);
    }

    void refusesUnredactedSdkKey_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("refusal");
        const QString base = QStringLiteral("https://dev.visualwebsiteoptimizer.com/server-side/"
                                            "settings?a=888888&");
        const QString source = QStringLiteral(
            "refusing to record a settings fetch: its source holds an SDK key (query parameter "
            "\"i\"); redact it to i=REDACTED before recording the fetch");
        QTest::addRow("in source")
            << base + QStringLiteral("i=abcdef0123456789&r=0.5") << QString() << source;
        QTest::addRow("first parameter")
            << QStringLiteral("https://x.example/pull?i=k1") << QString() << source;
        QTest::addRow("upper case") << base + QStringLiteral("I=abcdef") << QString() << source;
        QTest::addRow("in error") << Source
                                  << QStringLiteral("Error transferring ") + base +
                                         QStringLiteral("i=abcdef0123456789 - server replied: "
                                                        "Forbidden")
                                  << QStringLiteral(
                                         "refusing to record a settings fetch: its error message "
                                         "holds an SDK key (query parameter \"i\"); redact it to "
                                         "i=REDACTED before recording the fetch");
        QTest::addRow("redacted") << base + QStringLiteral("i=REDACTED&r=1") << QString()
                                  << QString();
        QTest::addRow("percent-encoded REDACTED")
            << base + QStringLiteral("i=%52EDACTED") << QString() << QString();
        QTest::addRow("empty value") << base + QStringLiteral("i=&r=1") << QString() << QString();
        QTest::addRow("other parameters")
            << base + QStringLiteral("ai=1&ii=2&api-version=1") << QString() << QString();
        QTest::addRow("file name") << QStringLiteral("settings i=x.json") << QString() << QString();
    }
    void refusesUnredactedSdkKey()
    {
        QFETCH(QString, source);
        QFETCH(QString, error);
        QFETCH(QString, refusal);
        FetchRecord input = fetch({1}, error);
        input.source = source;
        QCOMPARE(store().recordFetch(input, fixture("feature-rollout.json")), refusal);
        QCOMPARE(scalar("SELECT count(*) FROM settings_fetches"), refusal.isEmpty() ? 1 : 0);
    }

    void importFile()
    {
        FetchRecord recorded;
        SettingsVersion version;
        QVERIFY(store()
                    .importFile(Endpoint, QStringLiteral("/home/u/Downloads/settings.json"),
                                fixture("bucketing-seed-new-algo.json"), &recorded, &version)
                    .isEmpty());
        QCOMPARE(recorded.outcome, FetchOutcome::New);
        QCOMPARE(recorded.trigger, FetchTrigger::File);
        QCOMPARE(version.trigger, FetchTrigger::File);
        QCOMPARE(version.source, QStringLiteral("settings.json"));
        QCOMPARE(version.accountId, QStringLiteral("888888"));
        QCOMPARE(version.campaignCount, 3);

        QVERIFY(store()
                    .importFile(Endpoint, QStringLiteral("broken.json"), "{\"version\": 1,",
                                &recorded, &version)
                    .isEmpty());
        QCOMPARE(recorded.outcome, FetchOutcome::Failed);
        QCOMPARE(recorded.error,
                 QStringLiteral("broken.json: malformed JSON at line 1, column 15: unterminated "
                                "object"));
        QVERIFY(version.isNull());
        QList<FetchRecord> fetches;
        QVERIFY(store().fetches(Endpoint, 0, &fetches).isEmpty());
        QCOMPARE(fetches.size(), 2);
        QCOMPARE(fetches.at(0).error, recorded.error);
        QCOMPARE(fetches.at(0).trigger, FetchTrigger::File);
        QCOMPARE(fetches.at(0).httpStatus, 0);
    }
};

QTEST_GUILESS_MAIN(TestSettingsFetchHistory)
#include "tst_settingsfetchhistory.moc"
