#include "events/eventstore.h"
#include "settingsstoresupport.h"

#include <QCryptographicHash>

using namespace hookbench;
using namespace settingstest;

// The settings history's versions: stored once per content change of an endpoint + account,
// bytes kept exactly, summaries against the previous version, kept across reopening.
class TestSettingsVersionStore : public SettingsStoreTestCase
{
    Q_OBJECT

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void firstVersion()
    {
        SettingsVersion version;
        QVERIFY(store().currentVersion(Endpoint, {}, &version).isEmpty());
        QVERIFY(version.isNull());
        const QByteArray bytes = fixture("mutually-exclusive-groups.json");
        const FetchRecord recorded = record(fetch({7}), bytes, &version);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(recorded.outcome, FetchOutcome::New);
        QVERIFY(recorded.id > 0);
        QCOMPARE(recorded.versionId, version.id);
        QCOMPARE(version.endpoint, Endpoint);
        QCOMPARE(version.accountId, QStringLiteral("888888"));
        QCOMPARE(version.sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(version.size, qint64(bytes.size()));
        QCOMPARE(version.createdAt, fetch().finishedAt);
        QCOMPARE(version.trigger, FetchTrigger::Webhook);
        QCOMPARE(version.source, Source);
        QCOMPARE(version.campaignCount, 5);
        QCOMPARE(version.summary, QStringLiteral("first version: 5 campaigns"));

        SettingsVersion current;
        QVERIFY(store().currentVersion(Endpoint, QStringLiteral("888888"), &current).isEmpty());
        QCOMPARE(current.id, version.id);
        QCOMPARE(current.summary, version.summary);
        QCOMPARE(current.size, version.size);
        SettingsVersion byId;
        QVERIFY(store().version(version.id, &byId).isEmpty());
        QCOMPARE(byId.sha256, version.sha256);
        QCOMPARE(store().version(version.id + 1, &byId),
                 QStringLiteral("no settings version with id %1").arg(version.id + 1));
        QVERIFY(byId.isNull());
    }

    void sameBytesTwiceIsUnchanged()
    {
        const QByteArray bytes = fixture("feature-rollout.json");
        SettingsVersion first;
        SettingsVersion second;
        const FetchRecord a = record(fetch({1}), bytes, &first);
        const FetchRecord b = record(fetch({2}), bytes, &second);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(a.outcome, FetchOutcome::New);
        QCOMPARE(b.outcome, FetchOutcome::Unchanged);
        QCOMPARE(b.versionId, a.versionId);
        QCOMPARE(second.id, first.id);
        QList<SettingsVersion> versions;
        QVERIFY(store().versions(Endpoint, {}, &versions).isEmpty());
        QCOMPARE(versions.size(), 1);
        QCOMPARE(scalar("SELECT count(*) FROM settings_blobs"), 1);
        QList<FetchRecord> fetches;
        QVERIFY(store().fetches(Endpoint, 0, &fetches).isEmpty());
        QCOMPARE(fetches.size(), 2);
        QCOMPARE(fetches.at(0).outcome, FetchOutcome::Unchanged); // newest first
        QCOMPARE(fetches.at(0).versionId, a.versionId);
        QCOMPARE(fetches.at(1).outcome, FetchOutcome::New);
    }

    void revertSharesTheBlob()
    {
        const QByteArray a = fixture("mutually-exclusive-groups.json");
        const QByteArray b = fixture("event-arch-revenue-props-multi-campaign.json");
        SettingsVersion v1, v2, v3;
        record(fetch(), a, &v1);
        record(fetch(), b, &v2);
        const FetchRecord third = record(fetch(), a, &v3);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(third.outcome, FetchOutcome::New);
        QVERIFY(v1.id < v2.id && v2.id < v3.id);
        QCOMPARE(v3.sha256, v1.sha256);
        QCOMPARE(scalar("SELECT count(*) FROM settings_blobs"), 2);
        QCOMPARE(v2.summary, QStringLiteral("2 campaigns changed (track1, track2), 1 added "
                                            "(track3), 3 removed (DEV_TEST_162, DEV_TEST_163, "
                                            "DEV_TEST_164)"));
        QCOMPARE(v3.summary, QStringLiteral("2 campaigns changed (track1, track2), 3 added "
                                            "(DEV_TEST_162, DEV_TEST_163, DEV_TEST_164), 1 "
                                            "removed (track3)"));
        QList<SettingsVersion> versions;
        QVERIFY(store().versions(Endpoint, QStringLiteral("888888"), &versions).isEmpty());
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions.at(0).id, v3.id);
        QCOMPARE(versions.at(2).id, v1.id);
        QByteArray bytes;
        QVERIFY(store().versionBytes(v3.id, &bytes).isEmpty());
        QCOMPARE(bytes, a);
    }

    void reopenKeepsEverything()
    {
        SettingsVersion v1, v2;
        record(fetch({1}), fixture("feature-rollout.json"), &v1);
        record(fetch({2}, QStringLiteral("HTTP 403 Forbidden")), {});
        record(fetch({3}), fixture("feature-test-with-variables.json"), &v2);
        QVERIFY(!QTest::currentTestFailed());
        QList<SettingsVersion> before;
        QList<FetchRecord> fetchesBefore;
        QVERIFY(store().versions({}, {}, &before).isEmpty());
        QVERIFY(store().fetches({}, 0, &fetchesBefore).isEmpty());
        store().close();
        QVERIFY(!store().isOpen());
        QCOMPARE(store().recordFetch(fetch(), fixture("feature-rollout.json")),
                 QStringLiteral("the settings history is not open"));

        SettingsVersionStore reopened;
        QCOMPARE(reopened.open(dbPath()), QString());
        QList<SettingsVersion> after;
        QList<FetchRecord> fetchesAfter;
        QVERIFY(reopened.versions({}, {}, &after).isEmpty());
        QVERIFY(reopened.fetches({}, 0, &fetchesAfter).isEmpty());
        QCOMPARE(after.size(), 2);
        QCOMPARE(fetchesAfter.size(), 3);
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).id, before.at(i).id);
            QCOMPARE(after.at(i).sha256, before.at(i).sha256);
            QCOMPARE(after.at(i).summary, before.at(i).summary);
            QCOMPARE(after.at(i).createdAt, before.at(i).createdAt);
        }
        for (int i = 0; i < fetchesAfter.size(); ++i) {
            QCOMPARE(fetchesAfter.at(i).id, fetchesBefore.at(i).id);
            QCOMPARE(fetchesAfter.at(i).outcome, fetchesBefore.at(i).outcome);
            QCOMPARE(fetchesAfter.at(i).eventIds, fetchesBefore.at(i).eventIds);
            QCOMPARE(fetchesAfter.at(i).error, fetchesBefore.at(i).error);
        }
        QByteArray bytes;
        QVERIFY(reopened.originalBytes(v2.id, FixtureSdkKey, &bytes).isEmpty());
        QCOMPARE(bytes, fixture("feature-test-with-variables.json"));
        // The same bytes again after reopening: still unchanged.
        FetchRecord again;
        QVERIFY(reopened.recordFetch(fetch(), fixture("feature-test-with-variables.json"), &again)
                    .isEmpty());
        QCOMPARE(again.outcome, FetchOutcome::Unchanged);
        // The event store still owns the file.
        EventStore events;
        QCOMPARE(events.open(dbPath()), QString());
        QCOMPARE(events.schemaVersion(), EventStore::SchemaVersion);
        QCOMPARE(scalar("SELECT value FROM hookbench_meta WHERE name = 'settings_schema'"), 1);
    }

    // A settings file carries its SDK key: the database never does, yet the exact file comes
    // back given the key, and only the right key.
    void sdkKeyNeverStored()
    {
        QByteArray bytes = fixture("feature-rollout.json");
        // Once more inside another value: every place is redacted and restored.
        bytes.replace("\"groups\"", QByteArray("\"link\": \"https://x.test/?i=" + FixtureSdkKey +
                                               "&r=1\", \"groups\""));
        QCOMPARE(bytes.count(FixtureSdkKey), 2);
        SettingsVersion version;
        record(fetch(), bytes, &version);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(version.sha256,
                 QString::fromLatin1(
                     QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(version.size, qint64(bytes.size()));
        QVERIFY(!databaseBytes().contains(FixtureSdkKey));

        QByteArray back;
        QCOMPARE(store().originalBytes(version.id, FixtureSdkKey, &back), QString());
        QCOMPARE(back, bytes);
        QCOMPARE(store().versionBytes(version.id, &back), QString());
        QCOMPARE(back, QByteArray(bytes).replace(FixtureSdkKey, "REDACTED"));
        QVERIFY(checkSettingsFile(back).ok); // still a settings file, to show and to diff
        const QString wrong = store().originalBytes(version.id, "someuniquestuff1234568", &back);
        QVERIFY2(wrong.contains(QLatin1String("not the one")), qPrintable(wrong));
        // The hash is the file's as received: the same file again is unchanged.
        QCOMPARE(record(fetch(), bytes).outcome, FetchOutcome::Unchanged);
    }

    void refusesNewerSchema()
    {
        store().close();
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral(
                "UPDATE hookbench_meta SET value = 9 WHERE name = 'settings_schema'")));
        }
        const QString error = store().open(dbPath());
        QVERIFY2(error.contains(QLatin1String("written by a newer Hookbench (settings schema 9;")),
                 qPrintable(error));
        QVERIFY(!store().isOpen());
    }

    void rawBytesExact()
    {
        QByteArray bytes = fixture("whitelisting-enabled.json");
        bytes.replace("\n", "  \r\n");
        bytes.append(" \t\r\n\r\n  ");
        SettingsVersion version;
        record(fetch(), bytes, &version);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(version.size, qint64(bytes.size()));
        QByteArray stored;
        QVERIFY(store().originalBytes(version.id, FixtureSdkKey, &stored).isEmpty());
        QCOMPARE(stored, bytes);
        QVERIFY(store().versionBytes(version.id, &stored).isEmpty());
        QCOMPARE(stored, QByteArray(bytes).replace(FixtureSdkKey, "REDACTED"));
        // Same content in other formatting is a new version (the bytes are the record) whose
        // summary says nothing changed.
        SettingsVersion reformatted;
        record(fetch(), fixture("whitelisting-enabled.json"), &reformatted);
        QVERIFY(reformatted.id > version.id);
        QCOMPARE(reformatted.summary,
                 QStringLiteral("no campaign changed (only formatting or order differs)"));
        QCOMPARE(store().versionBytes(reformatted.id + 7, &stored),
                 QStringLiteral("no settings version with id %1").arg(reformatted.id + 7));
        QVERIFY(stored.isEmpty());
    }

    void damagedBlobNotHandedOut()
    {
        SettingsVersion version;
        record(fetch(), fixture("feature-rollout.json"), &version);
        {
            RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("UPDATE settings_blobs SET raw = X'7B7D'")));
        }
        QByteArray bytes;
        const QString error = store().versionBytes(version.id, &bytes);
        QVERIFY2(error.endsWith(QLatin1String("is damaged: its bytes no longer match their "
                                              "SHA-256")),
                 qPrintable(error));
        QVERIFY(bytes.isEmpty());
    }

    void historiesApartPerEndpointAndAccount()
    {
        const QByteArray bytes = fixture("feature-rollout.json");
        SettingsVersion a, b, c;
        record(fetch(), bytes, &a);
        FetchRecord staging = fetch();
        staging.endpoint = QStringLiteral("staging");
        const FetchRecord other = record(staging, bytes, &b);
        FetchRecord fromFile = fetch();
        fromFile.accountId.clear(); // taken from the file
        const FetchRecord third = record(fromFile, bytes, &c);
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(other.outcome, FetchOutcome::New);
        QCOMPARE(b.summary, QStringLiteral("first version: 1 campaign"));
        QCOMPARE(c.accountId, QStringLiteral("123456"));
        QCOMPARE(third.accountId, QStringLiteral("123456"));
        QCOMPARE(third.outcome, FetchOutcome::New);
        QCOMPARE(scalar("SELECT count(*) FROM settings_blobs"), 1);
        QList<SettingsVersion> versions;
        QVERIFY(store().versions(Endpoint, {}, &versions).isEmpty());
        QCOMPARE(versions.size(), 2);
        QVERIFY(store().versions(Endpoint, QStringLiteral("888888"), &versions).isEmpty());
        QCOMPARE(versions.size(), 1);
        QVERIFY(store().versions({}, {}, &versions).isEmpty());
        QCOMPARE(versions.size(), 3);
        SettingsVersion current;
        QVERIFY(store().currentVersion(QStringLiteral("staging"), {}, &current).isEmpty());
        QCOMPARE(current.id, b.id);
    }
};

QTEST_GUILESS_MAIN(TestSettingsVersionStore)
#include "tst_settingsversionstore.moc"
