#include "settingssyncset.h"

#include "settingssync.h"

namespace hookbench {

SettingsSyncSet::SettingsSyncSet(SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{}

SettingsSyncSet::~SettingsSyncSet()
{
    // Each sync records what it was given before it stops (~SettingsSync).
    qDeleteAll(findChildren<SettingsSync *>(Qt::FindDirectChildrenOnly));
}

QString SettingsSyncSet::open(const QString &databasePath, const QStringList &endpoints)
{
    m_databasePath = databasePath;
    m_store.close();
    QString error = m_store.open(databasePath);
    const QString syncError = setEndpoints(endpoints);
    if (error.isEmpty())
        error = syncError;
    return error;
}

QString SettingsSyncSet::setEndpoints(const QStringList &endpoints)
{
    QStringList names;
    for (const QString &name : endpoints) {
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    if (names == m_order)
        return {};
    const QStringList gone = [&] {
        QStringList list;
        for (const QString &name : std::as_const(m_order)) {
            if (!names.contains(name))
                list.append(name);
        }
        return list;
    }();
    for (const QString &name : gone) {
        SettingsSync *sync = m_syncs.take(name);
        m_order.removeOne(name);
        Q_EMIT syncRemoved(name);
        // Later, not now: this may run in a slot of one of its own signals. It still reports
        // the fetch it may be recording, so that its webhooks stop showing Fetching….
        sync->disconnect(this, nullptr);
        connect(sync, &SettingsSync::fetchRecorded, this, &SettingsSyncSet::fetchRecorded);
        connect(sync, &SettingsSync::fetchNotRecorded, this,
                [this, name](const QList<qint64> &ids, const QString &error) {
                    Q_EMIT fetchNotRecorded(name, ids, error);
                });
        sync->deleteLater();
    }
    QString firstError;
    QStringList added;
    for (const QString &name : std::as_const(names)) {
        if (m_syncs.contains(name))
            continue;
        QString error;
        m_syncs.insert(name, createSync(name, &error));
        added.append(name);
        if (!error.isEmpty()) {
            if (firstError.isEmpty())
                firstError = error;
            Q_EMIT errorOccurred(name, error);
        }
    }
    m_order = names;
    for (const QString &name : std::as_const(added))
        Q_EMIT syncAdded(name);
    Q_EMIT endpointsChanged(m_order);
    return firstError;
}

QStringList SettingsSyncSet::endpoints() const
{
    return m_order;
}

SettingsSync *SettingsSyncSet::sync(const QString &endpoint) const
{
    return m_syncs.value(endpoint, nullptr);
}

void SettingsSyncSet::setBackoff(const QList<int> &waitsMs)
{
    m_backoff = waitsMs;
    for (SettingsSync *sync : std::as_const(m_syncs))
        sync->setBackoff(waitsMs);
}

void SettingsSyncSet::addEvents(const QList<Event> &events)
{
    for (SettingsSync *sync : std::as_const(m_syncs))
        sync->addEvents(events);
}

void SettingsSyncSet::fetchNow(const QString &endpoint)
{
    if (SettingsSync *found = sync(endpoint))
        return found->fetchNow();
    Q_EMIT errorOccurred(endpoint,
                         tr("Endpoint \"%1\" has no settings-file account.").arg(endpoint));
}

SettingsSync *SettingsSyncSet::createSync(const QString &endpoint, QString *error)
{
    auto *sync = new SettingsSync(m_secrets, this);
    sync->setObjectName(endpoint);
    if (!m_backoff.isEmpty())
        sync->setBackoff(m_backoff);
    connect(sync, &SettingsSync::ready, this, [this, endpoint] { Q_EMIT ready(endpoint); });
    connect(sync, &SettingsSync::profileChanged, this, &SettingsSyncSet::profileChanged);
    connect(sync, &SettingsSync::fetchQueued, this,
            [this, endpoint](const QList<qint64> &ids) { Q_EMIT fetchQueued(endpoint, ids); });
    connect(sync, &SettingsSync::fetchStarted, this,
            [this, endpoint](FetchTrigger trigger, const QList<qint64> &ids) {
                Q_EMIT fetchStarted(endpoint, trigger, ids);
            });
    connect(sync, &SettingsSync::fetchProgress, this,
            [this, endpoint](const QString &text) { Q_EMIT fetchProgress(endpoint, text); });
    connect(sync, &SettingsSync::fetchRecorded, this, &SettingsSyncSet::fetchRecorded);
    connect(sync, &SettingsSync::errorOccurred, this,
            [this, endpoint](const QString &message) { Q_EMIT errorOccurred(endpoint, message); });
    connect(sync, &SettingsSync::fetchNotRecorded, this,
            [this, endpoint](const QList<qint64> &ids, const QString &message) {
                Q_EMIT fetchNotRecorded(endpoint, ids, message);
            });
    *error = sync->open(m_databasePath, endpoint);
    return sync;
}

} // namespace hookbench
