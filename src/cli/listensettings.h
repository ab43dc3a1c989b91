#pragma once

#include "events/event.h"
#include "secrets/secretstore.h"
#include "settings/settingssync.h"

#include <memory>

namespace hookbench::cli {

// `listen`'s settings-file fetches: when the endpoint's account profile has auto-fetch on and
// an SDK key is stored, every valid, authenticated webhook fetches the settings file (through
// SettingsSync, on this thread) and each recorded fetch gets a "settings: …" line on stderr.
class ListenSettings
{
public:
    ~ListenSettings();
    // After the "listening on" line (nothing may come before it).
    void start(const QString &databasePath, const QString &endpoint, const QString &secretsFile);
    void addEvents(const QList<Event> &events);
    // Shutting down: a fetch in flight or queued is cancelled (recorded as failed: cancelled)
    // and the history is closed after the last record. Idempotent.
    void stop();

private:
    static void report(const QString &line);

    std::unique_ptr<SecretStore> m_secrets; // outlives m_sync
    std::unique_ptr<SettingsSync> m_sync;
};

} // namespace hookbench::cli
