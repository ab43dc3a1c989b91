#include "listensettings.h"

#include "clihelpers.h"
#include "clikeyring.h"
#include "settingssession.h"

#include <algorithm>
#include <cstdio>

namespace hookbench::cli {

ListenSettings::~ListenSettings()
{
    stop();
}

void ListenSettings::report(const QString &endpoint, const QString &line)
{
    const QString prefix = endpoint == QLatin1String("default")
                               ? QStringLiteral("settings: ")
                               : QStringLiteral("settings (%1): ").arg(endpoint);
    printInfo(prefix + line);
}

void ListenSettings::start(const QString &databasePath, const QStringList &endpoints,
                           const QString &secretsFile)
{
    m_databasePath = databasePath;
    m_secretsFile = secretsFile;
    m_started = true;
    for (const QString &endpoint : endpoints)
        startOne(databasePath, endpoint, secretsFile);
}

void ListenSettings::addEndpoint(const QString &endpoint)
{
    if (m_started)
        startOne(m_databasePath, endpoint, m_secretsFile);
}

void ListenSettings::removeEndpoint(const QString &endpoint)
{
    const auto found = std::find_if(m_syncs.begin(), m_syncs.end(), [&endpoint](const auto &sync) {
        return sync->endpoint() == endpoint;
    });
    if (found == m_syncs.end())
        return;
    cancel(found->get(), QStringLiteral("fetch abandoned: the endpoint was removed"));
    m_syncs.erase(found); // waits until its recorder has written what it was given
}

void ListenSettings::cancel(SettingsSync *sync, const QString &why)
{
    SettingsFetcher *fetcher = sync->fetcher();
    if (fetcher->isBusy() || fetcher->hasQueued()) {
        report(sync->endpoint(), why);
        fetcher->cancel();
    }
}

void ListenSettings::startOne(const QString &databasePath, const QString &endpoint,
                              const QString &secretsFile)
{
    // A look at the profile first: without one, the keychain is not asked for an SDK key.
    AccountProfile profile;
    SettingsVersionStore store;
    QString error = store.open(databasePath);
    if (error.isEmpty())
        error = store.profile(endpoint, &profile);
    store.close();
    if (error.isEmpty() && (!profile.isSet() || !profile.autoFetch))
        return; // nothing to do; 'settings profile' turns it on
    auto sync = std::make_unique<SettingsSync>(secrets(secretsFile));
    if (error.isEmpty())
        error = sync->open(databasePath, endpoint);
    if (!error.isEmpty()) {
        report(endpoint, QStringLiteral("cannot open the settings history, so webhooks will not "
                                        "fetch the settings file: ") +
                             error);
        return;
    }
    connectReports(sync.get(), profile);
    m_syncs.push_back(std::move(sync));
}

SecretStore *ListenSettings::secrets(const QString &secretsFile)
{
    if (!m_secrets)
        m_secrets = std::make_unique<SecretStore>(secretStoreOptions(secretsFile));
    return m_secrets.get();
}

void ListenSettings::connectReports(SettingsSync *sync, const AccountProfile &profile)
{
    const QString endpoint = profile.endpoint;
    QObject::connect(sync, &SettingsSync::ready, sync, [sync, profile, endpoint] {
        if (sync->hasSdkKey()) {
            report(endpoint,
                   QStringLiteral("fetching the settings file of account %1 after every valid "
                                  "webhook")
                       .arg(profile.accountId));
            return;
        }
        report(endpoint,
               QStringLiteral("warning: auto-fetch is on, but no SDK key is stored for endpoint "
                              "'%1', so webhooks will not fetch the settings file; store one "
                              "with 'hookbench-cli settings profile --sdk-key-file FILE'")
                   .arg(profile.endpoint));
    });
    QObject::connect(sync->fetcher(), &SettingsFetcher::attemptFailed, sync,
                     [endpoint](int, const QString &error, int nextRetryInMs) {
                         if (nextRetryInMs >= 0) // the last one is told by fetchRecorded
                             report(endpoint, error + QStringLiteral("; next attempt in ") +
                                                  formatMilliseconds(nextRetryInMs));
                     });
    QObject::connect(sync, &SettingsSync::fetchRecorded, sync,
                     [endpoint](const FetchRecord &fetch, const SettingsVersion &version) {
                         report(endpoint, fetchResultLine(fetch, version));
                     });
    QObject::connect(sync, &SettingsSync::errorOccurred, sync,
                     [endpoint](const QString &message) { report(endpoint, message); });
}

void ListenSettings::addEvents(const QList<Event> &events)
{
    for (const auto &sync : m_syncs)
        sync->addEvents(events);
}

void ListenSettings::stop()
{
    for (const auto &sync : m_syncs)
        cancel(sync.get(), QStringLiteral("fetch abandoned: shutting down"));
    m_started = false;
    m_syncs.clear(); // each waits until its recorder has written what it was given
    m_secrets.reset();
}

} // namespace hookbench::cli
