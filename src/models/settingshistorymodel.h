#pragma once

#include "settings/settingsversion.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace hookbench {

class SettingsVersionStore;

// One endpoint's settings-file versions, newest first, read from the version store. reload()
// inserts the versions that appeared since the last read at the top, so selections survive;
// anything else (another endpoint, a version gone) resets the model.
class SettingsHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        VersionColumn,
        TimeColumn,
        TriggerColumn,
        AccountColumn,
        CampaignsColumn,
        ChangeColumn,
        SizeColumn,
        ColumnCount
    };
    enum Role {
        VersionIdRole = Qt::UserRole + 1, // qint64
        AccountIdRole,                    // QString
        IsCurrentRole,                    // bool: the newest version of its account
    };

    // `store` is not owned and must outlive the model.
    explicit SettingsHistoryModel(SettingsVersionStore *store, const QString &endpoint,
                                  QObject *parent = nullptr);

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    SettingsVersion versionAt(int row) const; // a null version when out of range
    int rowOfId(qint64 id) const;             // -1 when not listed
    bool isCurrent(int row) const;
    QString lastError() const { return m_lastError; } // of the last reload; empty: it worked

    // Texts both settings tables use.
    static QString triggerText(FetchTrigger trigger); // "webhook", "manual fetch", "imported file"
    static QString timeText(const QDateTime &time);   // local, to the second
    static QString utcText(const QDateTime &time);    // ISO 8601 UTC

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message); // the store could not be read

private:
    void updateCurrent();
    QVariant displayData(const SettingsVersion &version, int column) const;
    QVariant toolTipData(const SettingsVersion &version, int row, int column) const;

    SettingsVersionStore *m_store;
    QString m_endpoint;
    QList<SettingsVersion> m_versions; // newest first
    QSet<qint64> m_current;            // the newest version id of each account
    QString m_lastError;
};

} // namespace hookbench
