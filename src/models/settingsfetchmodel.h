#pragma once

#include "settings/settingsversion.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QList>

#include <array>

namespace hookbench {

class SettingsVersionStore;

// The fetch log of one endpoint, newest first: every fetch, import and its outcome, failed
// ones marked (red text, an icon) with their whole error in the tooltip. reload() inserts the
// fetches that appeared since the last read at the top.
class SettingsFetchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TriggerColumn,
        OutcomeColumn,
        AttemptsColumn,
        HttpStatusColumn,
        WebhooksColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        FetchIdRole = Qt::UserRole + 1, // qint64
        VersionIdRole,                  // qint64; 0 when the fetch failed
        OutcomeRole,                    // int(FetchOutcome)
        FailedRole,                     // bool
    };
    static constexpr int DefaultLimit = 500;

    // `store` is not owned and must outlive the model.
    explicit SettingsFetchModel(SettingsVersionStore *store, const QString &endpoint,
                                QObject *parent = nullptr);

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);
    int limit() const { return m_limit; }
    void setLimit(int limit); // the newest `limit` fetches are listed; <= 0: all

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    FetchRecord fetchAt(int row) const;
    int failedCount() const;
    QString lastError() const { return m_lastError; }

    // "new version #12", "unchanged (#12)", "failed".
    static QString outcomeText(const FetchRecord &fetch);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message); // the store could not be read

private:
    QVariant displayData(const FetchRecord &fetch, int column) const;
    QVariant toolTipData(const FetchRecord &fetch, int column) const;
    QIcon outcomeIcon(FetchOutcome outcome) const;

    SettingsVersionStore *m_store;
    QString m_endpoint;
    int m_limit = DefaultLimit;
    QList<FetchRecord> m_fetches; // newest first
    QString m_lastError;
    mutable std::array<QIcon, 3> m_icons; // drawn on first use, one per FetchOutcome
};

} // namespace hookbench
