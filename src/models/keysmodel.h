#pragma once

#include "auth/keyinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QTimer>

#include <array>

namespace hookbench {

class KeyRing;

// The keys of one endpoint, newest first, kept current by the key ring's signals. The state
// column counts a grace period down; a 1 s timer refreshes only that column, and only while
// some key is in grace. Editing the label column renames the key (KeyRing::setLabel).
class KeysModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        IdColumn,
        LabelColumn,
        CreatedColumn,
        LastUsedColumn,
        UsesColumn,
        ColumnCount
    };
    enum Role {
        KeyIdRole = Qt::UserRole + 1, // QString
        StateRole,                    // int(KeyState) as of the key ring's clock
    };

    // `ring` is not owned and must outlive the model.
    explicit KeysModel(KeyRing *ring, const QString &endpoint, QObject *parent = nullptr);

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    KeyInfo keyAt(int row) const;
    int rowOfId(const QString &id) const; // -1 when not listed
    KeyState stateAt(int row) const;      // as of the key ring's clock
    bool isCountingDown() const { return m_countdown.isActive(); }

    // "Primary", "In grace · 42 min left", "Expired", "Revoked".
    static QString stateText(const KeyInfo &key, const QDateTime &now);
    static QString remainingText(qint64 seconds); // "42 min left"

public Q_SLOTS:
    void reload();
    // Re-reads the clock: the grace countdown cells (and keys whose grace just ran out).
    void updateCountdown();

Q_SIGNALS:
    void errorOccurred(const QString &message); // a rename failed

private:
    void keyAdded(const hookbench::KeyInfo &key);
    void keyChanged(const hookbench::KeyInfo &key);
    void updateTimer();
    QVariant stateData(const KeyInfo &key, KeyState state, int role) const;

    QPointer<KeyRing> m_ring;
    QString m_endpoint;
    QList<KeyInfo> m_keys;                   // newest first
    QHash<QString, QString> m_pendingLabels; // shown until the key ring confirms or refuses
    QTimer m_countdown;
    mutable std::array<QIcon, 4> m_stateIcons; // drawn on first use, one per KeyState
};

} // namespace hookbench
