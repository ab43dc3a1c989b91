#pragma once

#include "eventlogdisplay.h"
#include "events/event.h"
#include "events/eventfilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QThread>

#include <atomic>
#include <memory>

namespace hookbench {

class EventLogReader;

// The whole event log as a table, however large the store (Wireshark's packet list is the
// model): the model holds only the ids of the events that match its filter (8 bytes a row) and
// reads the rows themselves in pages, on demand, into a small LRU cache. All SQLite work runs
// on a reader thread with its own read-only connection; data() never waits for it: a row not
// in the cache shows a placeholder and its page is requested, and dataChanged() follows.
//
// Live events come in through appendEvents(), already committed; those that match are stored
// in the cache as they are, so the newest rows never need a read. Rows that retention has
// deleted since the ids were loaded show as "(deleted)" until the next load (reload(), or a
// new filter): removing them would shift every row under the user's eyes.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Column = EventLogDisplay::Column;
    enum Role {
        EventRole = Qt::UserRole + 1, // the whole hookbench::Event; invalid until read
        IdRole,                       // the event's store id (qint64), always known
    };
    static constexpr int PageSize = 256;
    static constexpr int DefaultCachePages = 64; // 16384 rows

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    // The store's database file; loads the ids matching the current filter.
    void setDatabase(const QString &path);
    QString database() const { return m_path; }

    // Reloads the ids on the reader thread; rows show the new filter once loaded().
    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    bool isLoading() const { return m_loading; }

    void setCachePageLimit(int pages); // at least 4
    int cachePageLimit() const { return m_cachePageLimit; }
    int cachedPageCount() const { return int(m_pages.size()); }

    // The event at `row`, or an empty Event (id 0) while its page is read (it is requested).
    Event eventAt(int row) const;
    qint64 idAt(int row) const { return m_ids.value(row); }
    int rowOfId(qint64 id) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    // Committed events (ReceiverService::eventsCommitted). One beginInsertRows per call: the
    // receiver already batches per event-loop turn. Events arriving while ids load are held
    // and merged once the load is done, none lost and none twice.
    void appendEvents(const QList<hookbench::Event> &events);
    void reload(); // re-reads the ids, e.g. to drop rows retention deleted

Q_SIGNALS:
    void loadingChanged(bool loading);
    void loaded(int rows); // the ids for the current filter are in
    void errorOccurred(const QString &message);

private:
    enum class RowState : quint8 { Unknown, Loaded, Deleted };
    struct Page
    {
        QList<Event> events; // by row within the page
        QList<RowState> states;
        quint64 lastUse = 0;
    };

    void startLoad();
    void setLoading(bool loading);
    void onIdsLoaded(int generation, QList<qint64> ids);
    void onPageFetched(int generation, int page, const QList<hookbench::Event> &events);
    void onReaderFailed(int generation, const QString &message);

    // Cache access from const data(): the cache is an implementation detail of reading.
    Page *cachedPage(int page) const; // touches it for the LRU; null when absent
    Page &insertPage(int page) const; // evicts the least recently used beyond the limit
    void requestPage(int page) const;
    void storeLive(int row, const Event &event);
    int pageRows(int page) const;

    QList<qint64> m_ids; // ascending: rows in store order
    mutable QHash<int, Page> m_pages;
    mutable QHash<int, int> m_requested; // page -> rows asked for
    mutable quint64 m_useClock = 0;
    int m_cachePageLimit = DefaultCachePages;

    QString m_path;
    EventFilter m_filter;
    bool m_loading = false;
    QList<Event> m_heldLive; // matching live events that arrived during a load

    // Bumped by every load: the reader drops work for older ones, and so do we.
    std::shared_ptr<std::atomic_int> m_generation;
    QThread m_thread;
    EventLogReader *m_reader = nullptr; // lives on m_thread
    EventLogDisplay::Icons m_icons;
};

} // namespace hookbench
