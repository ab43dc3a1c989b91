#include "settingsversionschema.h"

namespace hookbench {

QStringList settingsSchemaMigration(int from)
{
    switch (from) {
    case 0:
        // Times are milliseconds since the epoch (UTC). Raw bytes are kept once per content
        // (a revert points at the old blob). event_id is not a foreign key: events are pruned
        // by retention while the fetch history stays.
        // sha256 and size are the file's as received; raw has its SDK key replaced
        // (settingsredaction.h), secret_at says where it stood, raw_sha256 checks raw.
        return {QStringLiteral("CREATE TABLE settings_blobs (sha256 TEXT PRIMARY KEY,"
                               " size INTEGER NOT NULL, raw BLOB NOT NULL,"
                               " raw_sha256 TEXT NOT NULL, secret_at TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE settings_versions (id INTEGER PRIMARY KEY,"
                               " endpoint TEXT NOT NULL, account_id TEXT NOT NULL,"
                               " sha256 TEXT NOT NULL REFERENCES settings_blobs (sha256),"
                               " created_at INTEGER NOT NULL, \"trigger\" TEXT NOT NULL,"
                               " source TEXT NOT NULL, campaign_count INTEGER NOT NULL,"
                               " summary TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX settings_versions_endpoint"
                               " ON settings_versions (endpoint, account_id, id)"),
                QStringLiteral("CREATE TABLE settings_fetches (id INTEGER PRIMARY KEY,"
                               " endpoint TEXT NOT NULL, account_id TEXT NOT NULL,"
                               " started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL,"
                               " \"trigger\" TEXT NOT NULL, source TEXT NOT NULL,"
                               " outcome TEXT NOT NULL,"
                               " version_id INTEGER REFERENCES settings_versions (id),"
                               " attempts INTEGER NOT NULL, http_status INTEGER, error TEXT)"),
                QStringLiteral("CREATE INDEX settings_fetches_endpoint"
                               " ON settings_fetches (endpoint, id)"),
                QStringLiteral("CREATE TABLE settings_fetch_events ("
                               " fetch_id INTEGER NOT NULL REFERENCES settings_fetches (id),"
                               " event_id INTEGER NOT NULL, PRIMARY KEY (fetch_id, event_id))"
                               " WITHOUT ROWID"),
                QStringLiteral("CREATE INDEX settings_fetch_events_event"
                               " ON settings_fetch_events (event_id, fetch_id)"),
                // The account profile of each endpoint; its SDK key is in the secret store.
                QStringLiteral("CREATE TABLE settings_profiles (endpoint TEXT PRIMARY KEY,"
                               " account_id TEXT NOT NULL, base_url TEXT NOT NULL,"
                               " auto_fetch INTEGER NOT NULL, timeout_ms INTEGER NOT NULL)")};
    }
    return {};
}

} // namespace hookbench
