#pragma once

#include "deliveryindex.h"
#include "eventlogdisplay.h"
#include "eventlogreader.h"
#include "events/event.h"
#include "events/eventfilter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>
#include <QThread>

#include <atomic>
#include <memory>

namespace hookbench {

// The whole event log as a table, however large the store (Wireshark's packet list is the
// model): the model holds only the ids of the rows that match its filter (8 bytes a row) and
// reads the rows themselves in pages, on demand, into a small LRU cache. All SQLite work runs
// on a reader thread with its own read-only connection; data() never waits for it: a row not
// in the cache shows a placeholder and its page is requested, and dataChanged() follows.
//
// Ids load newest first, range by range: the newest matches show at once while older ones are
// prepended and the count grows; cancelLoad() stops there. Live events come in through
// appendEvents(), already committed, and are appended at the end.
//
// Deliveries: VWO's retries of one webhook share one top-level row (at its first attempt),
// showing the attempt count and the final attempt's outcome; setExpanded() lists the attempts
// right under it. A delivery shows when any of its attempts matches the filter, and as fetched
// when any of them led to a successful settings-file fetch.
//
// Rows that retention has deleted since the ids were loaded show as "(deleted)" until the next
// load (reload(), or a new filter): removing them would shift every row under the user's eyes.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Column = EventLogDisplay::Column;
    enum Role {
        EventRole = Qt::UserRole + 1, // the whole hookbench::Event; invalid until read
        IdRole,                       // the row's store id (qint64), always known
        AttemptCountRole,             // attempts of the row's delivery (1 for a lone request)
        IsAttemptRole,                // bool: an attempt listed under its expanded delivery
    };
    static constexpr int PageSize = 256;
    static constexpr int DefaultCachePages = 64; // 16384 rows
    static constexpr int AttemptCacheLimit = 20000;
    static constexpr int LiveFetchLimit = 20000;

    explicit EventLogModel(QObject *parent = nullptr);
    ~EventLogModel() override;

    // The store's database file; loads the ids matching the current filter.
    void setDatabase(const QString &path);
    QString database() const { return m_path; }

    // Reloads the ids on the reader thread, newest first.
    void setFilter(const EventFilter &filter);
    const EventFilter &filter() const { return m_filter; }
    // The filter the user typed, ANDed with `endpoint:NAME` while a scope is set (the window's
    // endpoint sidebar): filter() is the combination, the typed text stays as it was.
    // eventlogmodelscope.cpp
    void setUserFilter(const EventFilter &filter);
    const EventFilter &userFilter() const { return m_userFilter; }
    void setScope(const QString &endpoint); // empty: every endpoint
    QString scope() const { return m_scope; }
    static EventFilter scoped(const EventFilter &filter, const QString &endpoint);
    // The Endpoint column's chip colours by endpoint name ("#rrggbb"); a name not listed gets
    // the colour Endpoint::effectiveColour() picks for it.
    void setEndpointColours(const QHash<QString, QString> &colours);
    bool isLoading() const { return m_loading; }
    // Stops the id load where it is: the rows found so far stay, isComplete() turns false.
    void cancelLoad();
    bool isComplete() const { return m_complete; }
    qint64 matchedCount() const { return m_matched; } // matching requests (attempts), so far

    void setCachePageLimit(int pages); // at least 4
    int cachePageLimit() const { return m_cachePageLimit; }
    int cachedPageCount() const { return int(m_pages.size()); }

    // The event at `row` (a delivery row: its final attempt), or an empty Event (id 0) while it
    // is read (it is requested).
    Event eventAt(int row) const;
    qint64 idAt(int row) const;         // a delivery row: its first attempt
    QList<qint64> idsAt(int row) const; // a delivery row: every attempt
    int rowOfId(qint64 id) const;       // -1 when not shown; a collapsed attempt: its delivery
    int attemptCount(int row) const;    // 1 for a lone request and for attempt rows
    // Which attempt of its delivery eventAt(row) is, and of how many: a delivery row shows its
    // final attempt (n of n); a lone request is 1 of 1.
    QPair<int, int> attemptPosition(int row) const;
    bool isAttemptRow(int row) const;
    bool isExpanded(int row) const;
    void setExpanded(int row, bool expanded); // delivery rows with more than one attempt only

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    // Committed events (ReceiverService::eventsCommitted). One beginInsertRows per call: the
    // receiver already batches per event-loop turn. Events arriving while the load starts are
    // held and merged once it knows where its scan ends, none lost and none twice.
    void appendEvents(const QList<hookbench::Event> &events);
    void reload(); // re-reads the ids, e.g. to drop rows deleted since
    // The store starred or unstarred these (ReceiverService::eventsStarred): rows read already
    // show it at once; others read it with their page.
    void updateStarred(const QList<qint64> &ids, bool starred);
    // Settings-file fetches for these webhooks started (Pending) or were recorded (Fetched or
    // Failed; SettingsSync::fetchStarted / fetchRecorded): loaded rows show it at once, rows
    // read later too. A success stays: a later fetch that fails or starts does not undo it.
    void updateSettingsFetch(const QList<qint64> &ids, hookbench::SettingsFetchState state);
    // The app behind a forward URL answered (ReceiverService::eventForwarded): the row shows it,
    // and its status becomes result.answeredStatus (what VWO got). Rows read later too.
    void setForwardResult(qint64 id, const hookbench::ForwardResult &result);

Q_SIGNALS:
    void loadingChanged(bool loading);
    // matched requests so far; `scanned` of `span` ids looked at (for a progress bar).
    void loadProgress(qint64 matched, qint64 scanned, qint64 span);
    void loaded(int rows);            // every id for the current filter is in
    void liveRowsAppended(int count); // new requests at the end (not the load's older rows)
    void errorOccurred(const QString &message);

private:
    enum class RowState : quint8 { Unknown, Loaded, Deleted };
    struct Page
    {
        QList<Event> events; // by slot: top index - origin - key * PageSize
        QList<RowState> states;
        quint64 lastUse = 0;
    };
    struct RowRef
    {
        int top = -1;     // index into m_ids
        int attempt = -1; // index into the delivery's attempts; -1 for the top row itself
    };

    void startLoad();
    void setLoading(bool loading);
    void onLoadStarted(int generation, qint64 maxId, const EventLogReader::RetryList &retries);
    void onIdsChunk(int generation, const QList<qint64> &ids, qint64 scanned, qint64 span,
                    bool done);
    void onPageFetched(int generation, int page, const QList<hookbench::Event> &events);
    void onAttemptsFetched(int generation, const QList<hookbench::Event> &events);
    void onReaderFailed(int generation, const QString &message);
    void applyLive(const QList<Event> &events);
    void insertTops(QList<qint64> tops, bool live); // sorted, unique
    void addShownRetry(const Event &event);         // its delivery has a row

    // Row mapping: top-level rows with the attempts of expanded deliveries in between.
    RowRef locate(int row) const;
    int viewRowOfTop(int top) const;
    int topIndexOf(qint64 id) const; // -1 when not a top-level row

    // Cache access from const data(): the cache is an implementation detail of reading.
    qint64 pageKeyOf(int top) const;
    const Event *topEvent(int top, RowState *state) const; // requests it when unknown
    const Event *attemptEvent(qint64 id) const;            // requests it when absent
    Page *cachedPage(qint64 key) const; // touches it for the LRU; null when absent
    Page &insertPage(qint64 key) const; // evicts the least recently used beyond the limit
    void requestPage(qint64 key) const;
    void requestAttempts(const QList<qint64> &ids) const;
    void storeLive(const Event &event);
    Event *loadedTopEvent(qint64 id); // null when not a top-level row or not read
    void applyLiveFetch(Event *event) const;
    void forgetRecordedFetches(); // keeps the fetches under way
    void clearCache();
    QVariant displayData(const Event &shown, RowRef ref, int column, int role) const;
    QIcon endpointChipFor(const QString &endpoint) const;

    QList<qint64> m_ids; // top-level rows, ascending: first attempts and lone requests
    qint64 m_origin = 0; // page keys stay put while the load prepends rows
    DeliveryIndex m_deliveries;
    mutable QHash<qint64, Page> m_pages;
    mutable QSet<qint64> m_requested;             // page keys asked for
    mutable QHash<qint64, Event> m_attemptEvents; // final and expanded attempts
    mutable QSet<qint64> m_attemptsRequested;
    // Fetch states seen live, laid over rows read since: a fetch under way is in no table, and a
    // read may have started before a fetch was recorded. Resolved ones go beyond the limit.
    QHash<qint64, SettingsFetchState> m_liveFetch;
    // Forward answers seen live, laid over pending rows read since (a read may have started
    // before the store recorded one). Cleared beyond LiveFetchLimit: the store has them.
    QHash<qint64, ForwardResult> m_liveForwards;
    mutable quint64 m_useClock = 0;
    int m_cachePageLimit = DefaultCachePages;

    QString m_path;
    EventFilter m_filter;
    EventFilter m_userFilter;
    QString m_scope;
    QHash<QString, QString> m_endpointColours;
    mutable QHash<QString, QIcon> m_endpointChips; // by colour
    bool m_loading = false;
    bool m_complete = true; // no database yet: nothing to load
    bool m_started = true;  // loadStarted arrived: live events go straight in
    qint64 m_scanMaxId = 0; // the load scans ids up to here; newer ones come live
    qint64 m_matched = 0;
    QList<Event> m_heldLive; // live events that arrived before the load started

    // Bumped by every load: the reader drops work for older ones, and so do we.
    std::shared_ptr<std::atomic_int> m_generation;
    QThread m_thread;
    EventLogReader *m_reader = nullptr; // lives on m_thread
    EventLogDisplay::Icons m_icons;
};

} // namespace hookbench
