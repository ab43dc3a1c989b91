#pragma once

#include "settingsfetchresult.h"
#include "settingsversion.h"
#include "settingsversionstore.h"

#include <QObject>

namespace hookbench {

// Checks and records finished fetches and imports on a worker thread: parsing an 11 MB
// settings file and writing it take long enough to stall a window. Owns its own connection to
// the settings history. Talked to by queued calls only.
class SettingsRecorder : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

public Q_SLOTS:
    void open(const QString &databasePath);
    // A fetch of `endpoint`'s profile account `accountId`: the store checks the body (a 200
    // that is no valid settings file, or another account's, is a failed fetch saying why).
    void recordFetch(const QString &endpoint, const QString &accountId,
                     const hookbench::SettingsFetchResult &result);
    void importFile(const QString &endpoint, const QString &path);

Q_SIGNALS:
    void opened(const QString &error);
    void recorded(const hookbench::FetchRecord &fetch, const hookbench::SettingsVersion &version);
    void failed(const QString &error); // the history itself could not be written
    // A finished fetch whose outcome the history could not keep (`failed` says why too).
    void notRecorded(const hookbench::FetchRecord &fetch, const QString &error);

private:
    // Opens the history again when the first open failed (say, another process held the
    // database longer than the busy timeout), so one bad moment does not last the session.
    QString ensureOpen();

    SettingsVersionStore m_store;
    QString m_path;
};

// The record of a finished fetch, before the history decides new / unchanged / failed.
FetchRecord fetchRecordOf(const QString &endpoint, const QString &accountId,
                          const SettingsFetchResult &result);

} // namespace hookbench
