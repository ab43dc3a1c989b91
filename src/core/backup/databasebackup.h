#pragma once

#include <QString>

namespace hookbench {

// What a Hookbench database holds, for the backup and restore reports.
struct DatabaseSummary
{
    int schemaVersion = 0; // the event tables' (PRAGMA user_version)
    qint64 events = 0;
    qint64 endpoints = 0; // 0 in a database from before endpoints
    qint64 settingsVersions = 0;
    qint64 bytes = 0; // file size
};

// Backup and restore of the event database (issue 9), consistent while a receiver writes to it.
// Keys' secret values and SDK keys live in the keychain, not in the database, so neither a
// backup nor a restore carries a secret. Messages are English: the CLI shows them as they are.
namespace databasebackup {

// Writes one consistent snapshot of `database` to `target` (SQLite's VACUUM INTO reads a single
// read transaction, which in WAL mode never blocks the receiver), created with mode 0600, checked
// and only then renamed into place. `target` must not exist. Empty string on success.
QString backup(const QString &database, const QString &target, DatabaseSummary *summary);

// Checks that `path` is a readable, intact Hookbench database that this build can open
// (PRAGMA integrity_check, schema not newer than ours) and counts what it holds.
QString inspect(const QString &path, DatabaseSummary *summary);

// Replaces what `database` holds with `backupFile`'s content. The current content is first saved
// to `safetyCopy` (a snapshot like backup()), the backup is brought to this build's schema on a
// temporary copy, and the copy goes in with SQLite's online backup API in one write transaction:
// a receiver running on `database` sees the old content or the restored one, never a mix, and
// the events it stores afterwards go into the restored one.
QString restore(const QString &backupFile, const QString &database, const QString &safetyCopy,
                DatabaseSummary *summary);

} // namespace databasebackup

} // namespace hookbench
