#pragma once

#include "accountprofile.h"
#include "events/event.h"
#include "settingsversion.h"
#include "settingsversionstore.h"

#include <QMap>
#include <QObject>
#include <QStringList>

namespace hookbench {

class SecretStore;
class SettingsSync;

// One SettingsSync per named endpoint (DESIGN.md §2, "Endpoints"): each keeps its own account
// profile's settings file current. The owner passes the endpoint names (the window, whenever its
// endpoint directory changes); syncs are made for new names and dropped for names that went away
// (a dropped sync records what it was given, then stops). Webhooks go to every sync, and each
// takes only its own endpoint's. The syncs' signals come out here with the endpoint's name.
// store() is a connection of this thread for reads across endpoints (history, detail pane).
class SettingsSyncSet : public QObject
{
    Q_OBJECT
public:
    // `secrets` is not owned and must outlive this object.
    explicit SettingsSyncSet(SecretStore *secrets, QObject *parent = nullptr);
    ~SettingsSyncSet() override;

    // Opens the shared history, then one sync per name (see setEndpoints()). Returns the first
    // error; the syncs are made even then, and say the history is not open.
    QString open(const QString &databasePath, const QStringList &endpoints);
    QString databasePath() const { return m_databasePath; }
    SettingsVersionStore *store() { return &m_store; }

    // Makes a sync for each new name and drops those of names no longer listed. Returns the
    // first error of a new sync's open() (also sent as errorOccurred()); empty when fine.
    QString setEndpoints(const QStringList &endpoints);
    QStringList endpoints() const; // in the order last given
    bool contains(const QString &endpoint) const { return m_syncs.contains(endpoint); }
    SettingsSync *sync(const QString &endpoint) const; // nullptr when there is none
    // For tests: the backoff of every sync, now and later.
    void setBackoff(const QList<int> &waitsMs);

public Q_SLOTS:
    void addEvents(const QList<hookbench::Event> &events); // each sync takes its endpoint's
    void fetchNow(const QString &endpoint); // errorOccurred() when there is no such sync

Q_SIGNALS:
    void endpointsChanged(const QStringList &endpoints);
    void syncAdded(const QString &endpoint);
    // Sent before the sync is deleted: drop every pointer to it.
    void syncRemoved(const QString &endpoint);
    // SettingsSync's signals, with the endpoint they concern.
    void ready(const QString &endpoint);
    void profileChanged(const hookbench::AccountProfile &profile); // profile.endpoint
    void fetchQueued(const QString &endpoint, const QList<qint64> &eventIds);
    void fetchStarted(const QString &endpoint, hookbench::FetchTrigger trigger,
                      const QList<qint64> &eventIds);
    void fetchProgress(const QString &endpoint, const QString &text);
    void fetchRecorded(const hookbench::FetchRecord &fetch,
                       const hookbench::SettingsVersion &version); // fetch.endpoint
    void errorOccurred(const QString &endpoint, const QString &message);
    void fetchNotRecorded(const QString &endpoint, const QList<qint64> &eventIds,
                          const QString &error);

private:
    SettingsSync *createSync(const QString &endpoint, QString *error);

    SecretStore *m_secrets;
    QString m_databasePath;
    SettingsVersionStore m_store;
    QStringList m_order;
    QMap<QString, SettingsSync *> m_syncs; // owned (children)
    QList<int> m_backoff;
};

} // namespace hookbench
