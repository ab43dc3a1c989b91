#include "eventlogmodel.h"

#include "eventlogreader.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace hookbench {

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_generation(std::make_shared<std::atomic_int>(0))
{
    m_reader = new EventLogReader(m_generation);
    m_reader->moveToThread(&m_thread);
    // Deleted on its own thread once the loop ends, so its connection closes where it was used.
    connect(&m_thread, &QThread::finished, m_reader, &QObject::deleteLater);
    connect(m_reader, &EventLogReader::idsLoaded, this, &EventLogModel::onIdsLoaded);
    connect(m_reader, &EventLogReader::pageFetched, this, &EventLogModel::onPageFetched);
    connect(m_reader, &EventLogReader::failed, this, &EventLogModel::onReaderFailed);
    m_thread.setObjectName(QStringLiteral("EventLogReader"));
    m_thread.start();
}

EventLogModel::~EventLogModel()
{
    ++*m_generation; // abandons a long id load at its next check
    m_thread.quit();
    m_thread.wait();
}

void EventLogModel::setDatabase(const QString &path)
{
    m_path = path;
    const int generation = ++*m_generation;
    QMetaObject::invokeMethod(
        m_reader, [reader = m_reader, generation, path] { reader->open(generation, path); },
        Qt::QueuedConnection);
    startLoad();
}

void EventLogModel::setFilter(const EventFilter &filter)
{
    m_filter = filter;
    startLoad();
}

void EventLogModel::reload()
{
    startLoad();
}

void EventLogModel::setCachePageLimit(int pages)
{
    m_cachePageLimit = std::max(4, pages); // a screenful can straddle a few pages
    while (m_pages.size() > m_cachePageLimit) {
        auto oldest =
            std::min_element(m_pages.begin(), m_pages.end(),
                             [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
}

void EventLogModel::startLoad()
{
    const int generation = ++*m_generation;
    // Rows always match the filter shown: empty until the new ids are in.
    beginResetModel();
    m_ids.clear();
    m_pages.clear();
    m_requested.clear();
    m_heldLive.clear();
    endResetModel();
    if (m_path.isEmpty()) {
        setLoading(false);
        return;
    }
    setLoading(true);
    QMetaObject::invokeMethod(
        m_reader,
        [reader = m_reader, generation, filter = m_filter, now = QDateTime::currentDateTimeUtc()] {
            reader->loadIds(generation, filter, now);
        },
        Qt::QueuedConnection);
}

void EventLogModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void EventLogModel::onIdsLoaded(int generation, QList<qint64> ids)
{
    if (generation != *m_generation)
        return;
    // Live events held during the load: the ones the load already saw are dropped, the newer
    // ones appended. The store's single writer hands out ids in commit order, so the result
    // stays sorted; a sort covers anything else.
    QList<Event> fresh;
    const qint64 last = ids.isEmpty() ? 0 : ids.constLast();
    for (const Event &event : std::as_const(m_heldLive)) {
        if (event.id > last || !std::binary_search(ids.cbegin(), ids.cend(), event.id))
            fresh.append(event);
    }
    m_heldLive.clear();
    std::sort(fresh.begin(), fresh.end(),
              [](const Event &a, const Event &b) { return a.id < b.id; });
    bool sorted = true;
    for (const Event &event : std::as_const(fresh)) {
        sorted = sorted && (ids.isEmpty() || event.id > ids.constLast());
        ids.append(event.id);
    }
    if (!sorted) {
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }

    beginResetModel();
    m_ids = std::move(ids);
    for (const Event &event : std::as_const(fresh))
        storeLive(rowOfId(event.id), event);
    endResetModel();
    setLoading(false);
    Q_EMIT loaded(int(m_ids.size()));
}

void EventLogModel::onPageFetched(int generation, int page, const QList<Event> &events)
{
    if (generation != *m_generation)
        return;
    const int asked = m_requested.take(page);
    const int first = page * PageSize;
    const int count = std::min(asked, int(m_ids.size()) - first);
    if (count <= 0)
        return;
    Page *cached = cachedPage(page);
    Page &target = cached ? *cached : insertPage(page);
    // Both lists ascend by id: walk them together. An id the store no longer has was pruned.
    auto it = events.cbegin();
    for (int i = 0; i < count; ++i) {
        const qint64 id = m_ids.at(first + i);
        while (it != events.cend() && it->id < id)
            ++it;
        if (it != events.cend() && it->id == id) {
            target.events[i] = *it;
            target.states[i] = RowState::Loaded;
        } else if (target.states.at(i) == RowState::Unknown) {
            target.states[i] = RowState::Deleted;
        }
    }
    Q_EMIT dataChanged(index(first, 0), index(first + count - 1, EventLogDisplay::ColumnCount - 1));
}

void EventLogModel::onReaderFailed(int generation, const QString &message)
{
    if (generation != *m_generation)
        return;
    Q_EMIT errorOccurred(message);
}

void EventLogModel::appendEvents(const QList<Event> &events)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<const Event *> matching;
    matching.reserve(events.size());
    for (const Event &event : events) {
        if (event.id > 0 && m_filter.matches(event, now))
            matching.append(&event);
    }
    if (matching.isEmpty())
        return;
    if (m_loading) {
        for (const Event *event : std::as_const(matching))
            m_heldLive.append(*event);
        return;
    }
    const int first = int(m_ids.size());
    beginInsertRows({}, first, first + int(matching.size()) - 1);
    for (const Event *event : std::as_const(matching)) {
        m_ids.append(event->id);
        storeLive(int(m_ids.size()) - 1, *event);
    }
    endInsertRows();
}

void EventLogModel::storeLive(int row, const Event &event)
{
    if (row < 0)
        return;
    const int page = row / PageSize;
    Page *cached = cachedPage(page);
    Page &target = cached ? *cached : insertPage(page);
    const int i = row % PageSize;
    if (target.events.size() <= i) { // the newest page grows with the log
        target.events.resize(i + 1);
        target.states.resize(i + 1, RowState::Unknown);
    }
    target.events[i] = event;
    target.states[i] = RowState::Loaded;
}

int EventLogModel::pageRows(int page) const
{
    return std::clamp(int(m_ids.size()) - page * PageSize, 0, int(PageSize));
}

EventLogModel::Page *EventLogModel::cachedPage(int page) const
{
    const auto it = m_pages.find(page);
    if (it == m_pages.end())
        return nullptr;
    it->lastUse = ++m_useClock;
    return &*it;
}

EventLogModel::Page &EventLogModel::insertPage(int page) const
{
    if (m_pages.size() >= m_cachePageLimit) {
        // A linear scan over a few dozen pages costs less than keeping an ordered index.
        auto oldest =
            std::min_element(m_pages.begin(), m_pages.end(),
                             [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        m_pages.erase(oldest);
    }
    Page &created = m_pages[page];
    const int rows = pageRows(page);
    created.events.resize(rows);
    created.states.resize(rows, RowState::Unknown);
    created.lastUse = ++m_useClock;
    return created;
}

void EventLogModel::requestPage(int page) const
{
    if (m_loading || m_requested.contains(page))
        return;
    const int first = page * PageSize;
    const int rows = pageRows(page);
    if (rows <= 0)
        return;
    m_requested.insert(page, rows);
    const QList<qint64> ids = m_ids.mid(first, rows);
    QMetaObject::invokeMethod(
        m_reader,
        [reader = m_reader, generation = int(*m_generation), page, ids] {
            reader->fetchPage(generation, page, ids);
        },
        Qt::QueuedConnection);
}

Event EventLogModel::eventAt(int row) const
{
    if (row < 0 || row >= m_ids.size())
        return {};
    const int page = row / PageSize;
    const Page *cached = cachedPage(page);
    const int i = row % PageSize;
    if (cached && i < cached->states.size() && cached->states.at(i) == RowState::Loaded)
        return cached->events.at(i);
    if (!cached || i >= cached->states.size() || cached->states.at(i) == RowState::Unknown)
        requestPage(page);
    return {};
}

int EventLogModel::rowOfId(qint64 id) const
{
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
    return it != m_ids.cend() && *it == id ? int(it - m_ids.cbegin()) : -1;
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : EventLogDisplay::ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (role == IdRole)
        return m_ids.at(row);
    if (role == Qt::TextAlignmentRole)
        return EventLogDisplay::alignment(column);
    // Only the roles a view paints with may start a read; others must not fill the cache.
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != Qt::DecorationRole && role != EventRole)
        return {};

    const Page *cached = cachedPage(row / PageSize);
    const int i = row % PageSize;
    const RowState state =
        cached && i < cached->states.size() ? cached->states.at(i) : RowState::Unknown;
    if (state != RowState::Loaded) {
        if (state == RowState::Unknown)
            requestPage(row / PageSize);
        switch (role) {
        case Qt::DisplayRole:
            if (column == EventLogDisplay::TimeColumn)
                return state == RowState::Deleted ? EventLogDisplay::deletedText()
                                                  : EventLogDisplay::placeholderText();
            return {};
        case Qt::ForegroundRole:
            return EventLogDisplay::dimForeground(QGuiApplication::palette());
        default:
            return {};
        }
    }

    const Event &event = cached->events.at(i);
    switch (role) {
    case Qt::DisplayRole:
        return EventLogDisplay::display(event, column);
    case Qt::ToolTipRole:
        return EventLogDisplay::toolTip(event, column);
    case Qt::ForegroundRole:
        return EventLogDisplay::foreground(event, column, QGuiApplication::palette());
    case Qt::DecorationRole:
        if (column == EventLogDisplay::TimeColumn)
            return m_icons.icon(EventLogDisplay::outcome(event));
        return {};
    case EventRole:
        return QVariant::fromValue(event);
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= EventLogDisplay::ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return EventLogDisplay::alignment(section);
    if (role == Qt::DisplayRole)
        return EventLogDisplay::header(section);
    return {};
}

} // namespace hookbench
