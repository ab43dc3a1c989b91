// EventLogModel: what changes about rows already shown (stars, settings-file fetches, forwarded
// answers).
#include "eventlogmodel.h"

#include <algorithm>
#include <climits>

namespace hookbench {

namespace {

// A success stays; a fetch under way or failed replaces an earlier failure or nothing.
void applyFetch(Event *event, SettingsFetchState state)
{
    if (event->asksForSettingsFetch() && event->settingsFetch != SettingsFetchState::Fetched)
        event->settingsFetch = state;
}

} // namespace

Event *EventLogModel::loadedTopEvent(qint64 id)
{
    const int top = topIndexOf(id);
    if (top < 0)
        return nullptr;
    const qint64 key = pageKeyOf(top);
    const auto page = m_pages.find(key);
    const int slot = int(top - m_origin - key * PageSize);
    if (page == m_pages.end() || page->states.at(slot) != RowState::Loaded)
        return nullptr;
    return &page->events[slot];
}

void EventLogModel::applyLiveFetch(Event *event) const
{
    const auto it = m_liveFetch.constFind(event->id);
    if (it != m_liveFetch.cend())
        applyFetch(event, *it);
    // Every read passes here: the same goes for forwarded answers seen live.
    if (event->forwardState == ForwardState::Pending) {
        const auto forward = m_liveForwards.constFind(event->id);
        if (forward != m_liveForwards.cend())
            event->applyForward(*forward);
    }
}

void EventLogModel::forgetRecordedFetches()
{
    // Recorded fetches are in the store for every later read; fetches under way are not.
    m_liveFetch.removeIf([](const QHash<qint64, SettingsFetchState>::iterator it) {
        return it.value() != SettingsFetchState::Pending;
    });
}

void EventLogModel::updateStarred(const QList<qint64> &ids, bool starred)
{
    for (const qint64 id : ids) {
        if (auto it = m_attemptEvents.find(id); it != m_attemptEvents.end())
            it->starred = starred;
        if (Event *top = loadedTopEvent(id))
            top->starred = starred;
        const int row = rowOfId(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, EventLogDisplay::ColumnCount - 1));
        // An attempt listed under its delivery, and the delivery row showing its final attempt.
        const qint64 head = m_deliveries.headOf(id);
        if (m_deliveries.isExpanded(head) && id == head) {
            const int attemptRow = viewRowOfTop(topIndexOf(head)) + 1;
            Q_EMIT dataChanged(index(attemptRow, 0),
                               index(attemptRow, EventLogDisplay::ColumnCount - 1));
        }
    }
}

void EventLogModel::updateSettingsFetch(const QList<qint64> &ids, SettingsFetchState state)
{
    if (state == SettingsFetchState::NotApplicable || ids.isEmpty())
        return;
    if (m_liveFetch.size() + ids.size() > LiveFetchLimit)
        forgetRecordedFetches();
    int firstRow = INT_MAX;
    int lastRow = -1;
    const auto touch = [&](int row) {
        if (row < 0)
            return;
        firstRow = std::min(firstRow, row);
        lastRow = std::max(lastRow, row);
    };
    for (const qint64 id : ids) {
        SettingsFetchState &live = m_liveFetch[id]; // NotApplicable when new
        if (live != SettingsFetchState::Fetched)
            live = state;
        if (auto it = m_attemptEvents.find(id); it != m_attemptEvents.end())
            applyFetch(&*it, state);
        // A delivery's first attempt was read with the state of all its attempts: a retry's
        // success is its success too, a retry's failure is not its failure.
        const qint64 head = m_deliveries.headOf(id);
        if (Event *top = loadedTopEvent(head);
            top && (head == id || state == SettingsFetchState::Fetched))
            applyFetch(top, state);
        touch(rowOfId(id));
        const int headTop = topIndexOf(head);
        touch(headTop >= 0 ? viewRowOfTop(headTop) : -1);
        if (id == head && m_deliveries.isExpanded(head)) // its attempt row, right under it
            touch(viewRowOfTop(headTop) + 1);
    }
    // One signal for the whole fetch: it may have served thousands of webhooks.
    if (lastRow >= 0)
        Q_EMIT dataChanged(index(firstRow, 0), index(lastRow, EventLogDisplay::ColumnCount - 1));
}

void EventLogModel::setForwardResult(qint64 id, const ForwardResult &result)
{
    if (m_liveForwards.size() >= LiveFetchLimit)
        m_liveForwards.clear();
    m_liveForwards.insert(id, result);
    if (auto it = m_attemptEvents.find(id); it != m_attemptEvents.end())
        it->applyForward(result);
    if (Event *top = loadedTopEvent(id))
        top->applyForward(result);
    const int row = rowOfId(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, EventLogDisplay::ColumnCount - 1));
    // A delivery row shows its final attempt: that row too, when this is it.
    const qint64 head = m_deliveries.headOf(id);
    const int headTop = topIndexOf(head);
    if (head != id && headTop >= 0) {
        const int headRow = viewRowOfTop(headTop);
        Q_EMIT dataChanged(index(headRow, 0), index(headRow, EventLogDisplay::ColumnCount - 1));
    } else if (head == id && headTop >= 0 && m_deliveries.isExpanded(head)) {
        const int attemptRow = viewRowOfTop(headTop) + 1; // its attempt row, right under it
        Q_EMIT dataChanged(index(attemptRow, 0),
                           index(attemptRow, EventLogDisplay::ColumnCount - 1));
    }
}

} // namespace hookbench
