#pragma once

#include "events/event.h"
#include "secrets/secretstore.h"
#include "settings/settingssync.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace hookbench::cli {

// `listen`'s settings-file fetches: when the endpoint's account profile has auto-fetch on and
// an SDK key is stored, every valid, authenticated webhook fetches the settings file (through
// SettingsSync, on this thread) and each recorded fetch gets a "settings: …" line on stderr.
class ListenSettings
{
public:
    ~ListenSettings();
    // After the "listening on" line (nothing may come before it).
    // One SettingsSync per endpoint whose profile has auto-fetch on.
    void start(const QString &databasePath, const QStringList &endpoints,
               const QString &secretsFile);
    // An endpoint added (or renamed) while listening, and one removed: its fetch is cancelled.
    void addEndpoint(const QString &endpoint);
    void removeEndpoint(const QString &endpoint);
    void addEvents(const QList<Event> &events);
    // Shutting down: a fetch in flight or queued is cancelled (recorded as failed: cancelled)
    // and the history is closed after the last record. Idempotent.
    void stop();

private:
    void startOne(const QString &databasePath, const QString &endpoint, const QString &secretsFile);
    // "settings: LINE" for the default endpoint (as before endpoints existed), else
    // "settings (NAME): LINE".
    static void report(const QString &endpoint, const QString &line);
    SecretStore *secrets(const QString &secretsFile); // one store for every endpoint's sync
    static void connectReports(SettingsSync *sync, const AccountProfile &profile);

    static void cancel(SettingsSync *sync, const QString &why);

    QString m_databasePath;
    QString m_secretsFile;
    bool m_started = false;
    std::unique_ptr<SecretStore> m_secrets; // outlives m_syncs
    std::vector<std::unique_ptr<SettingsSync>> m_syncs;
};

} // namespace hookbench::cli
