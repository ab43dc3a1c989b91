// SettingsSyncSet: one SettingsSync per endpoint, each with its own account profile and SDK key
// (in a real secret store file) and its own loopback settings host: a webhook of staging fetches
// staging's account and nobody else's, and an endpoint that goes away stops fetching.
#include "secrets/secretstore.h"
#include "settings/settingssync.h"
#include "settings/settingssyncset.h"
#include "settingsserver.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QString Default = QStringLiteral("default");
const QString Staging = QStringLiteral("staging");
const QString Production = QStringLiteral("production");

// Production's account is the default fixture's; staging is another account with its own key.
const QByteArray ProductionKey = QByteArrayLiteral("someuniquestuff1234567");
const QString ProductionAccount = QLatin1String(SettingsServer::DefaultAccountId);
const QByteArray StagingKey = QByteArrayLiteral("staging-sdk-key-0042");
const QString StagingAccount = QStringLiteral("123456");
const QString StagingFixture = QStringLiteral("feature-rollout.json"); // account 123456

Event webhook(qint64 id, const QString &endpoint)
{
    Event event;
    event.id = id;
    event.endpoint = endpoint;
    event.method = "POST";
    event.auth = AuthOutcome::Ok;
    event.valid = true;
    event.status = 200;
    return event;
}

} // namespace

class TestSettingsSyncSet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_production = std::make_unique<SettingsServer>();
        m_staging = std::make_unique<SettingsServer>();
        QVERIFY(m_production->listen());
        QVERIFY(m_staging->listen());
        m_production->setCredentials(ProductionAccount, QString::fromLatin1(ProductionKey));
        m_staging->setCredentials(StagingAccount, QString::fromLatin1(StagingKey));
        m_staging->setDefaultBehaviour(SettingsServer::Behaviour::serveFixture(StagingFixture));
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = m_dir->filePath(QStringLiteral("secrets.json"));
        m_secrets = std::make_unique<SecretStore>(options);
        m_set = std::make_unique<SettingsSyncSet>(m_secrets.get());
        m_set->setBackoff({20, 20, 20, 20});
    }
    void cleanup()
    {
        m_set.reset();
        m_secrets.reset();
        m_staging.reset();
        m_production.reset();
        m_dir.reset();
    }

    void oneSyncPerEndpoint()
    {
        QCOMPARE(m_set->open(dbPath(), {Default, Staging}), QString());
        QCOMPARE(m_set->endpoints(), (QStringList{Default, Staging}));
        QVERIFY(m_set->store()->isOpen());
        SettingsSync *defaultSync = m_set->sync(Default);
        SettingsSync *stagingSync = m_set->sync(Staging);
        QVERIFY(defaultSync && stagingSync && defaultSync != stagingSync);
        QCOMPARE(defaultSync->endpoint(), Default);
        QCOMPARE(stagingSync->endpoint(), Staging);
        QVERIFY(!m_set->sync(Production));

        QSignalSpy added(m_set.get(), &SettingsSyncSet::syncAdded);
        QSignalSpy removed(m_set.get(), &SettingsSyncSet::syncRemoved);
        QSignalSpy changed(m_set.get(), &SettingsSyncSet::endpointsChanged);
        QCOMPARE(m_set->setEndpoints({Default, Staging, Production, Staging}), QString());
        QCOMPARE(m_set->endpoints(), (QStringList{Default, Staging, Production}));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.first().first().toString(), Production);
        QVERIFY(removed.isEmpty());
        QCOMPARE(changed.size(), 1);
        // The syncs that stay are the same objects: nothing in flight is lost.
        QCOMPARE(m_set->sync(Default), defaultSync);
        QCOMPARE(m_set->sync(Staging), stagingSync);
        // The same names again change nothing.
        QCOMPARE(m_set->setEndpoints({Default, Staging, Production}), QString());
        QCOMPARE(changed.size(), 1);

        // Each sync names its endpoint when it has no account yet.
        QSignalSpy errors(m_set.get(), &SettingsSyncSet::errorOccurred);
        m_set->fetchNow(Production);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(errors.first().at(0).toString(), Production);
        QVERIFY2(errors.first().at(1).toString().contains(QLatin1String("\"production\"")),
                 qPrintable(errors.first().at(1).toString()));
        m_set->fetchNow(QStringLiteral("nowhere"));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.last().at(0).toString(), QStringLiteral("nowhere"));
    }

    void webhookOfStagingFetchesStagingsAccount()
    {
        QCOMPARE(m_set->open(dbPath(), {Default, Staging}), QString());
        QCOMPARE(setProfile(Default, ProductionAccount, m_production->baseUrl(), ProductionKey),
                 QString());
        QCOMPARE(setProfile(Staging, StagingAccount, m_staging->baseUrl(), StagingKey), QString());
        QSignalSpy queued(m_set.get(), &SettingsSyncSet::fetchQueued);
        QSignalSpy recorded(m_set.get(), &SettingsSyncSet::fetchRecorded);

        m_set->addEvents({webhook(1, Staging)});
        QVERIFY(recorded.wait(10000));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().at(0).toString(), Staging);
        QCOMPARE(queued.first().at(1).value<QList<qint64>>(), QList<qint64>{1});
        auto fetch = recorded.last().at(0).value<FetchRecord>();
        auto version = recorded.last().at(1).value<SettingsVersion>();
        QCOMPARE(fetch.outcome, FetchOutcome::New);
        QCOMPARE(fetch.endpoint, Staging);
        QCOMPARE(fetch.eventIds, QList<qint64>{1});
        QCOMPARE(version.endpoint, Staging);
        QCOMPARE(version.accountId, StagingAccount);
        QCOMPARE(m_staging->requestCount(), 1);
        QCOMPARE(m_staging->requests().first().path, QStringLiteral("/server-side/pull"));
        QCOMPARE(m_staging->requests().first().param(QStringLiteral("a")), StagingAccount);
        QCOMPARE(m_staging->requests().first().status, 200);
        QCOMPARE(m_production->requestCount(), 0);

        // One batch with webhooks of both: each sync fetches its own.
        m_set->addEvents({webhook(2, Default), webhook(3, Staging)});
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 3, 10000);
        QHash<QString, FetchRecord> byEndpoint;
        for (int i = 1; i < 3; ++i) {
            fetch = recorded.at(i).at(0).value<FetchRecord>();
            byEndpoint.insert(fetch.endpoint, fetch);
        }
        QCOMPARE(byEndpoint.value(Default).eventIds, QList<qint64>{2});
        QCOMPARE(byEndpoint.value(Default).accountId, ProductionAccount);
        QCOMPARE(byEndpoint.value(Default).outcome, FetchOutcome::New);
        QCOMPARE(byEndpoint.value(Staging).eventIds, QList<qint64>{3});
        QCOMPARE(byEndpoint.value(Staging).outcome, FetchOutcome::Unchanged);
        QCOMPARE(m_production->requestCount(), 1);
        QCOMPARE(m_staging->requestCount(), 2);

        // Each endpoint's history holds its own account's file.
        SettingsVersion current;
        QCOMPARE(m_set->store()->currentVersion(Staging, QString(), &current), QString());
        QCOMPARE(current.accountId, StagingAccount);
        QCOMPARE(m_set->store()->currentVersion(Default, QString(), &current), QString());
        QCOMPARE(current.accountId, ProductionAccount);
        // A webhook of an endpoint the set does not have fetches nothing.
        m_set->addEvents({webhook(4, Production)});
        QTest::qWait(200);
        QCOMPARE(recorded.size(), 3);
        QCOMPARE(m_production->requestCount() + m_staging->requestCount(), 3);
    }

    void droppedEndpointStopsFetching()
    {
        QCOMPARE(m_set->open(dbPath(), {Default, Staging}), QString());
        QCOMPARE(setProfile(Staging, StagingAccount, m_staging->baseUrl(), StagingKey), QString());
        QSignalSpy recorded(m_set.get(), &SettingsSyncSet::fetchRecorded);
        m_set->addEvents({webhook(1, Staging)});
        QVERIFY(recorded.wait(10000));
        QCOMPARE(m_staging->requestCount(), 1);

        QSignalSpy removed(m_set.get(), &SettingsSyncSet::syncRemoved);
        const QPointer<SettingsSync> old = m_set->sync(Staging);
        QCOMPARE(m_set->setEndpoints({Default}), QString());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), Staging);
        QVERIFY(!m_set->sync(Staging));
        QCOMPARE(m_set->endpoints(), QStringList{Default});
        QTRY_VERIFY(old.isNull()); // deleted once control is back in the event loop

        m_set->addEvents({webhook(2, Staging)});
        m_set->fetchNow(Staging);
        QTest::qWait(300);
        QCOMPARE(m_staging->requestCount(), 1);
        QCOMPARE(recorded.size(), 1);

        // Back again (e.g. the removal was undone): its profile and key are read again.
        QSignalSpy ready(m_set.get(), &SettingsSyncSet::ready);
        QCOMPARE(m_set->setEndpoints({Default, Staging}), QString());
        QTRY_VERIFY(!ready.isEmpty());
        QCOMPARE(ready.last().first().toString(), Staging);
        QCOMPARE(m_set->sync(Staging)->profile().accountId, StagingAccount);
        m_set->addEvents({webhook(3, Staging)});
        QVERIFY(recorded.wait(10000));
        QCOMPARE(recorded.last().at(0).value<FetchRecord>().eventIds, QList<qint64>{3});
        QCOMPARE(m_staging->requestCount(), 2);
    }

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("hookbench.sqlite")); }

    QString setProfile(const QString &endpoint, const QString &account, const QString &baseUrl,
                       const QByteArray &key)
    {
        SettingsSync *sync = m_set->sync(endpoint);
        if (!sync)
            return QStringLiteral("no sync for ") + endpoint;
        AccountProfile profile;
        profile.accountId = account;
        profile.baseUrl = baseUrl;
        bool finished = false;
        QString result;
        sync->setProfile(profile, key, [&](const QString &error) {
            finished = true;
            result = error;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 5000))
            return QStringLiteral("setProfile never finished");
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsServer> m_production;
    std::unique_ptr<SettingsServer> m_staging;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SettingsSyncSet> m_set;
};

QTEST_GUILESS_MAIN(TestSettingsSyncSet)
#include "tst_settingssyncset.moc"
