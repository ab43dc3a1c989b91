#pragma once

#include "accountprofile.h"
#include "events/event.h"
#include "settingsfetcher.h"
#include "settingsversion.h"
#include "settingsversionstore.h"

#include <QObject>
#include <QThread>

#include <functional>

namespace hookbench {

class SecretStore;
class SettingsRecorder;

// Keeps one endpoint's settings file current (DESIGN.md §1): after every valid, authenticated
// webhook (auto-fetch on) or on request it fetches the file of the endpoint's account profile,
// then a worker checks it and records the fetch and any new version. Lives on the thread that
// made it (the GUI's, or the CLI's main thread) and never blocks it: the SDK key is read from
// the secret store asynchronously, network I/O is asynchronous, parsing and writing happen on
// the worker. Profile and history reads go through store(), a connection of this thread.
class SettingsSync : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>;

    // `secrets` is not owned and must outlive this object.
    explicit SettingsSync(SecretStore *secrets, QObject *parent = nullptr);
    ~SettingsSync() override; // stops the worker after what it was given

    // Opens the history and the endpoint's profile, then reads its SDK key (ready() when done).
    QString open(const QString &databasePath, const QString &endpoint);
    QString endpoint() const { return m_profile.endpoint; }
    AccountProfile profile() const { return m_profile; }
    bool hasSdkKey() const { return !m_sdkKey.isEmpty(); }
    SettingsVersionStore *store() { return &m_store; }
    SettingsFetcher *fetcher() { return &m_fetcher; }
    // Why "Fetch now" cannot work yet ("no account id", "no SDK key", …); empty when it can.
    QString fetchUnavailableReason() const;

    // Saves the profile and, when `sdkKey` is not empty, stores it as the endpoint's SDK key.
    void setProfile(const AccountProfile &profile, const QByteArray &sdkKey, Done done);
    // For this run only, not stored (the CLI's --sdk-key-file, HOOKBENCH_SDK_KEY, --sdk-key).
    void useSdkKey(const QByteArray &sdkKey);
    void setBackoff(const QList<int> &waitsMs) { m_fetcher.setBackoff(waitsMs); }

public Q_SLOTS:
    void fetchNow(); // /server-side/settings; fetchFinished() with the reason when it cannot
    void addEvents(const QList<hookbench::Event> &events); // the webhooks that ask for a fetch
    void importFile(const QString &path);

Q_SIGNALS:
    void ready(); // the SDK key was read (or found missing): fetches can start
    void profileChanged(const hookbench::AccountProfile &profile);
    // Webhooks that will be fetched for: a fetch starts, joins the queue or waits for the SDK
    // key. Until fetchStarted() names them, they may wait behind a fetch in flight.
    void fetchQueued(const QList<qint64> &eventIds);
    void fetchStarted(hookbench::FetchTrigger trigger, const QList<qint64> &eventIds);
    void fetchProgress(const QString &text); // attempts and waits, in words
    // A fetch or import ended and was recorded (failed ones too, with their reason).
    void fetchRecorded(const hookbench::FetchRecord &fetch,
                       const hookbench::SettingsVersion &version);
    void errorOccurred(const QString &message); // the history or the secret store failed
    // A fetch ended but the history could not keep it: its webhooks are no longer being fetched
    // for, and have no record to show.
    void fetchNotRecorded(const QList<qint64> &eventIds, const QString &error);

private:
    void applyAccount();
    void readSdkKey();

    SecretStore *m_secrets;
    SettingsVersionStore m_store;
    SettingsFetcher m_fetcher;
    AccountProfile m_profile;
    QByteArray m_sdkKey;
    bool m_sdkKeyRead = false;
    QList<qint64> m_waiting; // webhooks that came before the SDK key was read
    QThread m_worker;
    SettingsRecorder *m_recorder = nullptr;
};

} // namespace hookbench
