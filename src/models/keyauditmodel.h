#pragma once

#include "auth/keyinfo.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace hookbench {

class KeyRing;

// The audit trail of one endpoint's keys, newest first, re-read when the key ring reports new
// rows. Says what happened in words; an audit entry never holds a secret, so neither does this.
class KeyAuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KeyColumn, ActionColumn, ColumnCount };
    static constexpr int Limit = 500; // rows read; older ones stay in the database

    // `ring` is not owned and must outlive the model.
    explicit KeyAuditModel(KeyRing *ring, const QString &endpoint, QObject *parent = nullptr);

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    KeyAuditEntry entryAt(int row) const;
    // "rotated: replaced by 1a2b3c4d5e6f, accepted until 14:05"
    static QString actionText(const KeyAuditEntry &entry);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    QPointer<KeyRing> m_ring;
    QString m_endpoint;
    QList<KeyAuditEntry> m_entries;
};

} // namespace hookbench
