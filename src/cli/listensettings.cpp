#include "listensettings.h"

#include "clikeyring.h"
#include "settingssession.h"

#include <cstdio>

namespace hookbench::cli {

ListenSettings::~ListenSettings()
{
    stop();
}

void ListenSettings::report(const QString &line)
{
    const QByteArray bytes = QStringLiteral("settings: ").toUtf8() + line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

void ListenSettings::start(const QString &databasePath, const QString &endpoint,
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
    if (error.isEmpty()) {
        m_secrets = std::make_unique<SecretStore>(secretStoreOptions(secretsFile));
        m_sync = std::make_unique<SettingsSync>(m_secrets.get());
        error = m_sync->open(databasePath, endpoint);
    }
    if (!error.isEmpty()) {
        report(QStringLiteral("cannot open the settings history, so webhooks will not fetch the "
                              "settings file: ") +
               error);
        m_sync.reset();
        m_secrets.reset();
        return;
    }
    SettingsSync *sync = m_sync.get();
    QObject::connect(sync, &SettingsSync::ready, sync, [sync, profile] {
        if (sync->hasSdkKey()) {
            report(QStringLiteral("fetching the settings file of account %1 after every valid "
                                  "webhook")
                       .arg(profile.accountId));
            return;
        }
        report(QStringLiteral("warning: auto-fetch is on, but no SDK key is stored for endpoint "
                              "'%1', so webhooks will not fetch the settings file; store one "
                              "with 'hookbench-cli settings profile --sdk-key-file FILE'")
                   .arg(profile.endpoint));
    });
    QObject::connect(sync->fetcher(), &SettingsFetcher::attemptFailed, sync,
                     [](int, const QString &error, int nextRetryInMs) {
                         if (nextRetryInMs >= 0) // the last one is told by fetchRecorded
                             report(error + QStringLiteral("; next attempt in ") +
                                    formatMilliseconds(nextRetryInMs));
                     });
    QObject::connect(sync, &SettingsSync::fetchRecorded, sync,
                     [](const FetchRecord &fetch, const SettingsVersion &version) {
                         report(fetchResultLine(fetch, version));
                     });
    QObject::connect(sync, &SettingsSync::errorOccurred, sync,
                     [](const QString &message) { report(message); });
}

void ListenSettings::addEvents(const QList<Event> &events)
{
    if (m_sync)
        m_sync->addEvents(events);
}

void ListenSettings::stop()
{
    if (!m_sync)
        return;
    SettingsFetcher *fetcher = m_sync->fetcher();
    if (fetcher->isBusy() || fetcher->hasQueued()) {
        report(QStringLiteral("fetch abandoned: shutting down"));
        fetcher->cancel();
    }
    m_sync.reset(); // waits until the recorder has written what it was given
    m_secrets.reset();
}

} // namespace hookbench::cli
