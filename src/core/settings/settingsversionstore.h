#pragma once

#include "accountprofile.h"
#include "events/sqlitesession.h"
#include "settingsfile.h"
#include "settingsredaction.h"
#include "settingsversion.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace hookbench {

// The settings history: every version of each endpoint's settings file (raw bytes, exactly as
// received, stored once per content) and every fetch, failed ones with their reason. Tables
// settings_* in the event database, on a connection of its own. Every method returns an empty
// string on success, else an English sentence naming what was wrong.
//
// Never holds an SDK key: callers redact the settings URL (i=REDACTED) before they pass it as
// `source` and keep it out of `error`; the store refuses text that still holds one. A settings
// file's own `sdkKey` is replaced by "REDACTED" wherever it occurs (settingsredaction.h); the
// version's SHA-256 and size are those of the file as received, which originalBytes() restores
// given the key.
// Not thread-safe: use from the thread that opened it.
class SettingsVersionStore
{
public:
    SettingsVersionStore();
    ~SettingsVersionStore();
    SettingsVersionStore(const SettingsVersionStore &) = delete;
    SettingsVersionStore &operator=(const SettingsVersionStore &) = delete;

    // Creates or migrates the event tables (through EventStore, so a foreign or newer file is
    // refused with the same words) and then the settings tables.
    QString open(const QString &path);
    void close();
    bool isOpen() const { return m_session.isOpen(); }
    QString path() const { return m_session.path(); }

    // Records one finished fetch in one transaction. A fetch whose `error` is empty brought
    // `body`: checked here (checkSettingsFile), it becomes a new version unless it equals the
    // current version of endpoint + account (outcome Unchanged); bytes equal to an older version
    // (a revert) make a new version sharing that blob. A body that is no valid settings file, or
    // the file of another account than fetch.accountId, makes the fetch Failed with the reason in
    // *recorded's error (the file of another account only through recordAnswer(), which records
    // what VWO answered for fetch.accountId). A fetch with an `error` is Failed, `body` is ignored;
    // the current version stays. An empty accountId is taken from the file. `outcome`, `id` and
    // `versionId` of `fetch` are ignored; *recorded has them set, *version is the new or unchanged
    // version (null when failed). Both outputs may be null. The return value reports only a refusal
    // (no endpoint, an unredacted SDK key) or a store failure.
    QString recordFetch(const FetchRecord &fetch, const QByteArray &body,
                        FetchRecord *recorded = nullptr, SettingsVersion *version = nullptr);
    QString recordAnswer(const FetchRecord &fetch, const QByteArray &body,
                         FetchRecord *recorded = nullptr, SettingsVersion *version = nullptr);
    // A file the user imported: checked here, recorded like a fetch (trigger File, the file name
    // as source, account from the file). An invalid file is recorded as a Failed fetch with the
    // reason in recorded->error; the return value only reports a store failure.
    QString importFile(const QString &endpoint, const QString &fileName, const QByteArray &bytes,
                       FetchRecord *recorded = nullptr, SettingsVersion *version = nullptr);

    // Reads. An empty endpoint / accountId means any; lists are newest first.
    QString versions(const QString &endpoint, const QString &accountId,
                     QList<SettingsVersion> *versions) const;
    QString version(qint64 id, SettingsVersion *version) const;
    // The stored bytes: the file as received with its SDK key replaced by "REDACTED" (what the
    // history shows, diffs and exports), hash checked.
    QString versionBytes(qint64 id, QByteArray *bytes) const;
    // The file exactly as received, given its SDK key; an error when `sdkKey` is not the key
    // it held (the restored bytes would not match the version's SHA-256).
    QString originalBytes(qint64 id, const QByteArray &sdkKey, QByteArray *bytes) const;
    // The latest version; a null version (and no error) when there is none yet.
    QString currentVersion(const QString &endpoint, const QString &accountId,
                           SettingsVersion *version) const;
    // The newest `limit` fetches (<= 0: all), with their event ids.
    QString fetches(const QString &endpoint, int limit, QList<FetchRecord> *fetches) const;
    // For each event id that triggered or joined a fetch: the latest such fetch (with its
    // outcome and version id). Events that never led to a fetch are absent.
    QString fetchesForEvents(const QList<qint64> &eventIds,
                             QHash<qint64, FetchRecord> *fetches) const;

    // The endpoint's account profile; a profile without account id when none was saved.
    QString profile(const QString &endpoint, AccountProfile *profile) const;
    QString saveProfile(const AccountProfile &profile); // refused unless profile.check() passes

private:
    QString record(const FetchRecord &fetch, const QByteArray &body, bool sameAccount,
                   FetchRecord *recorded, SettingsVersion *version);
    QString refuseSecrets(const FetchRecord &fetch) const;
    // Inside recordFetch's transaction: adds the version or finds the unchanged one.
    QString storeVersion(FetchRecord *fetch, const QByteArray &body, const SettingsFileCheck &check,
                         SettingsVersion *version);
    QString insertFetch(FetchRecord *fetch);
    QString latestVersion(const QString &endpoint, const QString &accountId,
                          SettingsVersion *version) const;
    QString loadEventIds(QList<FetchRecord> *fetches) const;
    QString readBlob(qint64 id, RedactedSettings *stored, QString *sha256) const;

    SqliteSession m_session;
};

} // namespace hookbench
