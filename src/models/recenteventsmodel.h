#pragma once

#include "events/event.h"

#include <QAbstractTableModel>
#include <QList>

namespace hookbench {

// The most recent events, oldest at the top, newest at the bottom. A capped ring
// buffer: memory stays bounded however long the receiver runs; the full history
// lives in the event store.
class RecentEventsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        MethodColumn,
        PathColumn,
        StatusColumn,
        AuthColumn,
        ValidColumn,
        SizeColumn,
        RemoteColumn,
        ColumnCount
    };
    enum Role {
        EventRole = Qt::UserRole + 1, // the whole hookbench::Event
    };
    static constexpr int DefaultCapacity = 1000;

    explicit RecentEventsModel(QObject *parent = nullptr);

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity); // drops the oldest rows when shrinking; at least 1

    const Event &eventAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    // One beginInsertRows per batch (after one beginRemoveRows for the evicted
    // oldest rows), so a burst of webhooks costs the view one layout pass.
    void appendEvents(const QList<hookbench::Event> &events);
    void clear();

private:
    QVariant displayData(const Event &event, int column) const;
    QVariant toolTipData(const Event &event, int column) const;
    int slot(int row) const { return (m_head + row) % m_ring.size(); }

    QList<Event> m_ring; // grows to m_capacity, then wraps around
    int m_head = 0;      // slot of row 0 (the oldest event)
    int m_count = 0;
    int m_capacity = DefaultCapacity;
};

} // namespace hookbench
