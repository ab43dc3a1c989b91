// EventLogModel: row mapping, the page cache and data().
#include "eventlogmodel.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace hookbench {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

// --- Row mapping: few deliveries are ever expanded, so a walk over them is cheap. ---

EventLogModel::RowRef EventLogModel::locate(int row) const
{
    int offset = 0;
    for (const qint64 head : m_deliveries.expanded()) {
        const int top = topIndexOf(head);
        if (top < 0)
            continue;
        const int headRow = top + offset;
        if (row <= headRow)
            break;
        const int count = m_deliveries.attemptCount(head);
        if (row <= headRow + count)
            return {top, row - headRow - 1};
        offset += count;
    }
    return {row - offset, -1};
}

int EventLogModel::viewRowOfTop(int top) const
{
    int offset = 0;
    for (const qint64 head : m_deliveries.expanded()) {
        const int index = topIndexOf(head);
        if (index < 0 || index >= top)
            continue;
        offset += m_deliveries.attemptCount(head);
    }
    return top + offset;
}

int EventLogModel::topIndexOf(qint64 id) const
{
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
    return it != m_ids.cend() && *it == id ? int(it - m_ids.cbegin()) : -1;
}

int EventLogModel::rowOfId(qint64 id) const
{
    const qint64 head = m_deliveries.headOf(id);
    const int top = topIndexOf(head);
    if (top < 0)
        return -1;
    const int row = viewRowOfTop(top);
    if (id == head || !m_deliveries.isExpanded(head))
        return row;
    const QList<qint64> attempts = m_deliveries.attempts(head);
    return row + 1 +
           int(std::lower_bound(attempts.cbegin(), attempts.cend(), id) - attempts.cbegin());
}

qint64 EventLogModel::idAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return 0;
    const RowRef ref = locate(row);
    const qint64 head = m_ids.at(ref.top);
    return ref.attempt < 0 ? head : m_deliveries.attempts(head).value(ref.attempt);
}

QList<qint64> EventLogModel::idsAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const RowRef ref = locate(row);
    if (ref.attempt >= 0)
        return {idAt(row)};
    return m_deliveries.attempts(m_ids.at(ref.top));
}

int EventLogModel::attemptCount(int row) const
{
    if (row < 0 || row >= rowCount() || isAttemptRow(row))
        return 1;
    return m_deliveries.attemptCount(m_ids.at(locate(row).top));
}

QPair<int, int> EventLogModel::attemptPosition(int row) const
{
    if (row < 0 || row >= rowCount())
        return {1, 1};
    const RowRef ref = locate(row);
    const int count = m_deliveries.attemptCount(m_ids.at(ref.top));
    return {ref.attempt >= 0 ? ref.attempt + 1 : count, count};
}

bool EventLogModel::isAttemptRow(int row) const
{
    return row >= 0 && row < rowCount() && locate(row).attempt >= 0;
}

bool EventLogModel::isExpanded(int row) const
{
    return !isAttemptRow(row) && row >= 0 && row < rowCount() &&
           m_deliveries.isExpanded(m_ids.at(locate(row).top));
}

void EventLogModel::setExpanded(int row, bool expanded)
{
    if (row < 0 || row >= rowCount() || isAttemptRow(row))
        return;
    const qint64 head = m_ids.at(locate(row).top);
    const int count = m_deliveries.attemptCount(head);
    if (count < 2 || m_deliveries.isExpanded(head) == expanded)
        return;
    if (expanded) {
        beginInsertRows({}, row + 1, row + count);
        m_deliveries.setExpanded(head, true);
        endInsertRows();
    } else {
        beginRemoveRows({}, row + 1, row + count);
        m_deliveries.setExpanded(head, false);
        endRemoveRows();
    }
    Q_EMIT dataChanged(index(row, 0), index(row, EventLogDisplay::ColumnCount - 1));
}

Event EventLogModel::eventAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const RowRef ref = locate(row);
    const qint64 head = m_ids.at(ref.top);
    if (ref.attempt >= 0 || m_deliveries.hasRetries(head)) {
        const qint64 id = ref.attempt >= 0 ? m_deliveries.attempts(head).value(ref.attempt)
                                           : m_deliveries.finalAttempt(head);
        const Event *event = attemptEvent(id);
        return event ? *event : Event();
    }
    RowState state = RowState::Unknown;
    const Event *event = topEvent(ref.top, &state);
    return event ? *event : Event();
}

// --- The cache ---

qint64 EventLogModel::pageKeyOf(int top) const
{
    return floorDiv(top - m_origin, PageSize);
}

const Event *EventLogModel::topEvent(int top, RowState *state) const
{
    const qint64 key = pageKeyOf(top);
    const int slot = int(top - m_origin - key * PageSize);
    const Page *page = cachedPage(key);
    *state = page ? page->states.at(slot) : RowState::Unknown;
    if (*state == RowState::Loaded)
        return &page->events.at(slot);
    if (*state == RowState::Unknown)
        requestPage(key);
    return nullptr;
}

const Event *EventLogModel::attemptEvent(qint64 id) const
{
    const auto it = m_attemptEvents.constFind(id);
    if (it != m_attemptEvents.cend())
        return &*it;
    // An expanded delivery reads all its attempts at once: they are shown together.
    const qint64 head = m_deliveries.headOf(id);
    requestAttempts(m_deliveries.isExpanded(head) ? m_deliveries.attempts(head)
                                                  : QList<qint64>{id});
    return nullptr;
}

void EventLogModel::storeLive(const Event &event)
{
    const int top = topIndexOf(event.id);
    if (top < 0)
        return;
    const qint64 key = pageKeyOf(top);
    Page *cached = cachedPage(key);
    Page &page = cached ? *cached : insertPage(key);
    const int slot = int(top - m_origin - key * PageSize);
    page.events[slot] = event;
    applyLiveFetch(&page.events[slot]); // its fetch may have started before it came here
    page.states[slot] = RowState::Loaded;
}

EventLogModel::Page *EventLogModel::cachedPage(qint64 key) const
{
    const auto it = m_pages.find(key);
    if (it == m_pages.end())
        return nullptr;
    it->lastUse = ++m_useClock;
    return &*it;
}

EventLogModel::Page &EventLogModel::insertPage(qint64 key) const
{
    if (m_pages.size() >= m_cachePageLimit) {
        // A linear scan over a few dozen pages costs less than keeping an ordered index.
        auto oldest =
            std::min_element(m_pages.begin(), m_pages.end(),
                             [](const Page &a, const Page &b) { return a.lastUse < b.lastUse; });
        m_requested.remove(oldest.key());
        m_pages.erase(oldest);
    }
    Page &created = m_pages[key];
    created.events.resize(PageSize);
    created.states.resize(PageSize, RowState::Unknown);
    created.lastUse = ++m_useClock;
    return created;
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

void EventLogModel::requestPage(qint64 key) const
{
    if (m_requested.contains(key))
        return;
    const qint64 first = std::max<qint64>(0, key * PageSize + m_origin);
    const qint64 last = std::min<qint64>(m_ids.size(), key * PageSize + m_origin + PageSize);
    if (first >= last)
        return;
    m_requested.insert(key);
    const QList<qint64> ids = m_ids.mid(first, last - first);
    QMetaObject::invokeMethod(
        m_reader,
        [reader = m_reader, generation = int(*m_generation), page = int(key), ids] {
            reader->fetchPage(generation, page, ids);
        },
        Qt::QueuedConnection);
}

void EventLogModel::requestAttempts(const QList<qint64> &ids) const
{
    QList<qint64> wanted;
    for (const qint64 id : ids) {
        if (!m_attemptEvents.contains(id) && !m_attemptsRequested.contains(id))
            wanted.append(id);
    }
    if (wanted.isEmpty())
        return;
    for (const qint64 id : std::as_const(wanted))
        m_attemptsRequested.insert(id);
    QMetaObject::invokeMethod(
        m_reader,
        [reader = m_reader, generation = int(*m_generation), wanted] {
            reader->fetchAttempts(generation, wanted);
        },
        Qt::QueuedConnection);
}

void EventLogModel::onPageFetched(int generation, int key, const QList<Event> &events)
{
    if (generation != *m_generation || !m_requested.remove(key))
        return;
    const qint64 first = std::max<qint64>(0, qint64(key) * PageSize + m_origin);
    const qint64 last =
        std::min<qint64>(m_ids.size(), qint64(key) * PageSize + m_origin + PageSize);
    if (first >= last)
        return;
    Page *cached = cachedPage(key);
    Page &page = cached ? *cached : insertPage(key);
    // Both lists ascend by id: walk them together. An id the store no longer has was pruned.
    auto it = events.cbegin();
    for (qint64 top = first; top < last; ++top) {
        const qint64 id = m_ids.at(top);
        const int slot = int(top - m_origin - qint64(key) * PageSize);
        while (it != events.cend() && it->id < id)
            ++it;
        if (it != events.cend() && it->id == id) {
            page.events[slot] = *it;
            applyLiveFetch(&page.events[slot]);
            page.states[slot] = RowState::Loaded;
        } else if (page.states.at(slot) == RowState::Unknown) {
            page.states[slot] = RowState::Deleted;
        }
    }
    Q_EMIT dataChanged(index(viewRowOfTop(int(first)), 0),
                       index(viewRowOfTop(int(last - 1)), EventLogDisplay::ColumnCount - 1));
}

void EventLogModel::onAttemptsFetched(int generation, const QList<Event> &events)
{
    if (generation != *m_generation)
        return;
    if (m_attemptEvents.size() + events.size() > AttemptCacheLimit)
        m_attemptEvents.clear(); // rows still on screen ask again
    QSet<qint64> heads;
    for (const Event &event : events) {
        m_attemptsRequested.remove(event.id);
        applyLiveFetch(&*m_attemptEvents.insert(event.id, event));
        heads.insert(m_deliveries.headOf(event.id));
    }
    for (const qint64 head : std::as_const(heads)) {
        const int top = topIndexOf(head);
        if (top < 0)
            continue;
        const int row = viewRowOfTop(top);
        const int last =
            m_deliveries.isExpanded(head) ? row + m_deliveries.attemptCount(head) : row;
        Q_EMIT dataChanged(index(row, 0), index(last, EventLogDisplay::ColumnCount - 1));
    }
}

// --- Qt model interface ---

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    int rows = int(m_ids.size());
    for (const qint64 head : m_deliveries.expanded()) {
        if (topIndexOf(head) >= 0)
            rows += m_deliveries.attemptCount(head);
    }
    return rows;
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : EventLogDisplay::ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    const RowRef ref = locate(index.row());
    const qint64 head = m_ids.at(ref.top);
    switch (role) {
    case IdRole:
        return ref.attempt < 0 ? head : m_deliveries.attempts(head).value(ref.attempt);
    case AttemptCountRole:
        return ref.attempt < 0 ? m_deliveries.attemptCount(head) : 1;
    case IsAttemptRole:
        return ref.attempt >= 0;
    case Qt::TextAlignmentRole:
        return EventLogDisplay::alignment(column);
    case Qt::DisplayRole:
        if (column == EventLogDisplay::AttemptsColumn) // known without reading the row
            return ref.attempt >= 0 ? EventLogDisplay::attemptText(ref.attempt + 1)
                                    : EventLogDisplay::deliveryText(m_deliveries.attemptCount(head),
                                                                    m_deliveries.isExpanded(head));
        break;
    case Qt::ToolTipRole:
    case Qt::ForegroundRole:
    case Qt::DecorationRole:
    case EventRole:
        break; // only the roles a view paints with may start a read
    default:
        return {};
    }

    RowState state = RowState::Loaded;
    const Event *shown = nullptr;
    Event delivery;
    if (ref.attempt >= 0) {
        shown = attemptEvent(m_deliveries.attempts(head).value(ref.attempt));
        state = shown ? RowState::Loaded : RowState::Unknown;
    } else {
        shown = topEvent(ref.top, &state);
        if (shown && m_deliveries.hasRetries(head)) {
            // A delivery reads as its first attempt's time and its final attempt's outcome.
            const Event *final = attemptEvent(m_deliveries.finalAttempt(head));
            if (role == EventRole)
                return final ? QVariant::fromValue(*final) : QVariant();
            if (final) {
                delivery = *final;
                delivery.receivedAt = shown->receivedAt;
                delivery.starred = shown->starred || final->starred;
                delivery.settingsFetch =
                    EventLogDisplay::combined(shown->settingsFetch, final->settingsFetch);
                shown = &delivery;
            } else if (column != EventLogDisplay::TimeColumn &&
                       column != EventLogDisplay::EndpointColumn &&
                       column != EventLogDisplay::MethodColumn &&
                       column != EventLogDisplay::PathColumn &&
                       column != EventLogDisplay::AttemptsColumn) {
                state = RowState::Unknown; // its outcome is on the way
                shown = nullptr;
            }
        }
    }
    if (!shown) {
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
    return displayData(*shown, ref, column, role);
}

QVariant EventLogModel::displayData(const Event &shown, RowRef ref, int column, int role) const
{
    const qint64 head = m_ids.at(ref.top);
    if (column == EventLogDisplay::AttemptsColumn) {
        if (role == Qt::ToolTipRole && ref.attempt < 0 && m_deliveries.hasRetries(head))
            return EventLogDisplay::deliveryToolTip(m_deliveries.attemptCount(head), shown,
                                                    m_deliveries.isExpanded(head));
        if (role != EventRole)
            return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return EventLogDisplay::display(shown, column);
    case Qt::ToolTipRole:
        return EventLogDisplay::toolTip(shown, column);
    case Qt::ForegroundRole:
        return EventLogDisplay::foreground(shown, column, QGuiApplication::palette());
    case Qt::DecorationRole:
        if (column == EventLogDisplay::TimeColumn)
            return m_icons.icon(EventLogDisplay::outcome(shown));
        if (column == EventLogDisplay::SettingsColumn)
            return m_icons.settingsIcon(shown.settingsFetch);
        if (column == EventLogDisplay::EndpointColumn)
            return endpointChipFor(shown.endpoint);
        return {};
    case EventRole:
        return QVariant::fromValue(shown);
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
