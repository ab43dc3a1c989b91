// SettingsSync end to end: account profile and SDK key (in a real secret store file), webhooks
// that ask for a fetch, coalescing, validation by the worker, the history, and the SDK key
// kept out of the database.
#include "eventstoresupport.h"
#include "secrets/secretstore.h"
#include "settings/settingsrecorder.h"
#include "settings/settingssync.h"
#include "settingsserver.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using Behaviour = SettingsServer::Behaviour;

namespace {

// The sdkKey the fixtures carry: the server is told to expect it, so the file holds the key.
const QByteArray SdkKey = QByteArrayLiteral("someuniquestuff1234567");
const QString Account = QLatin1String(SettingsServer::DefaultAccountId);

Event webhook(qint64 id, AuthOutcome auth = AuthOutcome::Ok, bool valid = true)
{
    Event event;
    event.id = id;
    event.method = "POST";
    event.auth = auth;
    event.valid = valid;
    event.status = valid && auth != AuthOutcome::Failed ? 200 : 401;
    return event;
}

} // namespace

class TestSettingsSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<SettingsServer>();
        QVERIFY(m_server->listen());
        m_server->setCredentials(Account, QString::fromLatin1(SdkKey));
        m_secrets = makeSecrets();
        m_sync = openSync();
        QVERIFY(m_sync);
        AccountProfile profile;
        profile.accountId = Account;
        profile.baseUrl = m_server->baseUrl();
        QCOMPARE(setProfile(m_sync.get(), profile, SdkKey), QString());
    }
    void cleanup()
    {
        m_sync.reset();
        m_secrets.reset();
        m_server.reset();
        m_dir.reset();
    }

    void profileAndKeyAreKept()
    {
        QVERIFY(m_sync->fetchUnavailableReason().isEmpty());
        const AccountProfile saved = m_sync->profile();
        m_sync.reset();
        const std::unique_ptr<SettingsSync> again = openSync();
        QCOMPARE(again->profile(), saved);
        QTRY_VERIFY(again->hasSdkKey());
        QVERIFY(again->fetchUnavailableReason().isEmpty());
        // The key is in the secret store, nowhere in the database.
        QByteArray stored;
        QCOMPARE(m_secrets->readSync(sdkKeySecretName(QStringLiteral("default")), &stored),
                 QString());
        QCOMPARE(stored, SdkKey);
        QVERIFY(!databaseBytes().contains(SdkKey));
        // A bad profile is refused and changes nothing.
        AccountProfile bad = saved;
        bad.accountId = QStringLiteral("12ab");
        const QString error = setProfile(again.get(), bad, {});
        QVERIFY2(error.contains(QLatin1String("account id")), qPrintable(error));
        QCOMPARE(again->profile(), saved);
        QVERIFY(!setProfile(again.get(), saved, "has space").isEmpty());
    }

    void webhooksFetchAndRecord()
    {
        QSignalSpy recorded(m_sync.get(), &SettingsSync::fetchRecorded);
        // Refused or invalid requests ask for nothing.
        m_sync->addEvents({webhook(1, AuthOutcome::Failed), webhook(2, AuthOutcome::Missing),
                           webhook(3, AuthOutcome::Ok, false)});
        m_sync->addEvents({webhook(4), webhook(5, AuthOutcome::NotRequired)});
        QVERIFY(recorded.wait(10000));
        const auto fetch = recorded.first().at(0).value<FetchRecord>();
        const auto version = recorded.first().at(1).value<SettingsVersion>();
        QCOMPARE(fetch.outcome, FetchOutcome::New);
        QCOMPARE(fetch.trigger, FetchTrigger::Webhook);
        QCOMPARE(fetch.eventIds, (QList<qint64>{4, 5}));
        QCOMPARE(fetch.versionId, version.id);
        QCOMPARE(version.accountId, Account);
        QCOMPARE(m_server->requestCount(), 1);
        QCOMPARE(m_server->requests().first().path, QStringLiteral("/server-side/pull"));
        QVERIFY2(fetch.source.contains(QLatin1String("i=REDACTED")), qPrintable(fetch.source));

        // The same file again: unchanged. A manual fetch uses /server-side/settings.
        m_sync->fetchNow();
        QVERIFY(recorded.wait(10000));
        QCOMPARE(recorded.last().at(0).value<FetchRecord>().outcome, FetchOutcome::Unchanged);
        QCOMPARE(recorded.last().at(0).value<FetchRecord>().trigger, FetchTrigger::Manual);
        QCOMPARE(m_server->requests().last().path, QStringLiteral("/server-side/settings"));

        // Which webhook caused what.
        QHash<qint64, FetchRecord> byEvent;
        QCOMPARE(m_sync->store()->fetchesForEvents({1, 2, 3, 4, 5}, &byEvent), QString());
        QCOMPARE(byEvent.keys().size(), 2);
        QCOMPARE(byEvent.value(5).versionId, version.id);
        QVERIFY(!databaseBytes().contains(SdkKey));
    }

    void burstCoalesces()
    {
        QSignalSpy recorded(m_sync.get(), &SettingsSync::fetchRecorded);
        m_server->setDefaultBehaviour(
            Behaviour::serveFixture(QLatin1String(SettingsServer::DefaultFixture)).delayed(100));
        QSignalSpy queued(m_sync.get(), &SettingsSync::fetchQueued);
        for (qint64 id = 1; id <= 20; ++id)
            m_sync->addEvents({webhook(id)});
        // Every webhook is announced at once, also those waiting behind the fetch in flight.
        QCOMPARE(queued.size(), 20);
        QCOMPARE(queued.last().at(0).value<QList<qint64>>(), QList<qint64>{20});
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 10000);
        QCOMPARE(m_server->requestCount(), 2);
        QList<qint64> served;
        for (const QList<QVariant> &args : std::as_const(recorded))
            served += args.at(0).value<FetchRecord>().eventIds;
        std::sort(served.begin(), served.end());
        QCOMPARE(served.size(), 20);
        QCOMPARE(served.first(), 1);
        QCOMPARE(served.last(), 20);
    }

    void invalidAnswersKeepTheLastGoodVersion()
    {
        QSignalSpy recorded(m_sync.get(), &SettingsSync::fetchRecorded);
        m_sync->fetchNow();
        QVERIFY(recorded.wait(10000));
        const qint64 good = recorded.last().at(1).value<SettingsVersion>().id;
        QVERIFY(good > 0);
        const struct
        {
            Behaviour behaviour;
            const char *reason;
        } cases[] = {
            {Behaviour::schemaInvalidJson(), "not a valid settings file: campaigns"},
            {Behaviour::truncatedJson(), "not a valid settings file: malformed JSON at line"},
            {Behaviour::answer(200, "{}", "text/html"), "text/html"},
            {Behaviour::serveFixture(QStringLiteral("feature-rollout.json")),
             "settings file of account"},
        };
        for (const auto &c : cases) {
            m_server->enqueue(c.behaviour);
            m_sync->fetchNow();
            QVERIFY(recorded.wait(10000));
            const auto fetch = recorded.last().at(0).value<FetchRecord>();
            QCOMPARE(fetch.outcome, FetchOutcome::Failed);
            QVERIFY2(fetch.error.contains(QLatin1String(c.reason)), qPrintable(fetch.error));
            SettingsVersion current;
            QCOMPARE(m_sync->store()->currentVersion(QStringLiteral("default"), Account, &current),
                     QString());
            QCOMPARE(current.id, good);
        }
    }

    void autoFetchOffAndNoKey()
    {
        AccountProfile off = m_sync->profile();
        off.autoFetch = false;
        QCOMPARE(setProfile(m_sync.get(), off, {}), QString());
        QSignalSpy queued(m_sync.get(), &SettingsSync::fetchQueued);
        m_sync->addEvents({webhook(1)});
        QTest::qWait(200);
        QCOMPARE(m_server->requestCount(), 0);
        QVERIFY(queued.isEmpty()); // nothing will be fetched, so nothing is announced

        QCOMPARE(m_secrets->removeSync(sdkKeySecretName(QStringLiteral("default"))), QString());
        m_sync.reset();
        m_sync = openSync();
        QSignalSpy errors(m_sync.get(), &SettingsSync::errorOccurred);
        QTRY_VERIFY(m_sync->fetchUnavailableReason().contains(QLatin1String("No SDK key")));
        m_sync->fetchNow();
        QCOMPARE(errors.size(), 1);
        QCOMPARE(m_server->requestCount(), 0);
    }

    // A fetch whose outcome the history cannot write (another process holds the database)
    // names its webhooks, so nobody shows them as still fetching.
    void unrecordableFetchNamesItsWebhooks()
    {
        QSignalSpy notRecorded(m_sync.get(), &SettingsSync::fetchNotRecorded);
        QSignalSpy recorded(m_sync.get(), &SettingsSync::fetchRecorded);
        m_server->setDefaultBehaviour(
            Behaviour::serveFixture(QLatin1String(SettingsServer::DefaultFixture)).delayed(200));
        storetest::RawConnection raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        m_sync->addEvents({webhook(8), webhook(9)});
        QVERIFY(notRecorded.wait(20000)); // after the store's busy timeout
        QCOMPARE(notRecorded.first().at(0).value<QList<qint64>>(), (QList<qint64>{8, 9}));
        const QString error = notRecorded.first().at(1).toString();
        QVERIFY2(error.contains(QLatin1String("locked")), qPrintable(error));
        QVERIFY(recorded.isEmpty());
        QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
    }

    // A history that another process held while the recorder opened it is opened again at the
    // next fetch, instead of staying closed for the rest of the session.
    void recorderOpensALockedHistoryLater()
    {
        m_sync.reset();
        SettingsRecorder recorder;
        QSignalSpy opened(&recorder, &SettingsRecorder::opened);
        QSignalSpy recorded(&recorder, &SettingsRecorder::recorded);
        QSignalSpy notRecorded(&recorder, &SettingsRecorder::notRecorded);
        SettingsFetchResult refused;
        refused.trigger = FetchTrigger::Webhook;
        refused.eventIds = {5};
        refused.startedAt = refused.finishedAt = QDateTime::currentDateTimeUtc();
        refused.attempts = 1;
        refused.failure = SettingsFetchFailure::ConnectionRefused;
        refused.error = QStringLiteral("connection refused");
        {
            storetest::RawConnection raw(dbPath());
            QVERIFY(raw.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            recorder.open(dbPath());
            QCOMPARE(opened.size(), 1);
            const QString error = opened.first().at(0).toString();
            QVERIFY2(error.contains(QLatin1String("locked")), qPrintable(error));
            recorder.recordFetch(QStringLiteral("default"), Account, refused);
            QCOMPARE(notRecorded.size(), 1); // still held: said, not lost silently
            QVERIFY(raw.exec(QStringLiteral("ROLLBACK")));
        }
        recorder.recordFetch(QStringLiteral("default"), Account, refused);
        QCOMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().at(0).value<FetchRecord>().eventIds, QList<qint64>{5});
    }

    // Webhooks that arrive while the SDK key is still being read are fetched once it is.
    void webhooksWaitForTheKey()
    {
        m_sync.reset();
        m_sync = openSync(false);
        QSignalSpy recorded(m_sync.get(), &SettingsSync::fetchRecorded);
        QSignalSpy queued(m_sync.get(), &SettingsSync::fetchQueued);
        m_sync->addEvents({webhook(7)});
        QCOMPARE(queued.size(), 1); // announced while the key is still being read
        QVERIFY(recorded.wait(10000));
        QCOMPARE(recorded.first().at(0).value<FetchRecord>().eventIds, QList<qint64>{7});
    }

private:
    std::unique_ptr<SecretStore> makeSecrets() const
    {
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = m_dir->filePath(QStringLiteral("secrets.json"));
        return std::make_unique<SecretStore>(options);
    }
    QString dbPath() const { return m_dir->filePath(QStringLiteral("hookbench.sqlite")); }

    std::unique_ptr<SettingsSync> openSync(bool waitForKey = true)
    {
        auto sync = std::make_unique<SettingsSync>(m_secrets.get());
        sync->setBackoff({20, 20, 20, 20});
        QSignalSpy ready(sync.get(), &SettingsSync::ready);
        const QString error = sync->open(dbPath(), QStringLiteral("default"));
        if (!error.isEmpty())
            qWarning("open: %s", qPrintable(error));
        if (waitForKey && !ready.wait(5000))
            qWarning("the SDK key was never read");
        return error.isEmpty() ? std::move(sync) : nullptr;
    }

    static QString setProfile(SettingsSync *sync, const AccountProfile &profile,
                              const QByteArray &key)
    {
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

    QByteArray databaseBytes() const
    {
        QByteArray bytes;
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            QFile file(dbPath() + QLatin1String(suffix));
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsServer> m_server;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SettingsSync> m_sync;
};

QTEST_GUILESS_MAIN(TestSettingsSync)
#include "tst_settingssync.moc"
