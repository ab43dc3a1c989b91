#include "eventlogmodel.h"

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
    connect(m_reader, &EventLogReader::loadStarted, this, &EventLogModel::onLoadStarted);
    connect(m_reader, &EventLogReader::idsChunk, this, &EventLogModel::onIdsChunk);
    connect(m_reader, &EventLogReader::pageFetched, this, &EventLogModel::onPageFetched);
    connect(m_reader, &EventLogReader::attemptsFetched, this, &EventLogModel::onAttemptsFetched);
    connect(m_reader, &EventLogReader::failed, this, &EventLogModel::onReaderFailed);
    m_thread.setObjectName(QStringLiteral("EventLogReader"));
    m_thread.start();
}

EventLogModel::~EventLogModel()
{
    ++*m_generation; // abandons a long id load at its next range
    m_thread.quit();
    m_thread.wait();
}

void EventLogModel::setDatabase(const QString &path)
{
    m_path = path;
    m_liveFetch.clear(); // another file's ids
    m_liveForwards.clear();
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
    // After a delete or a clear, new events reuse ids: let the store speak for them.
    forgetRecordedFetches();
    startLoad();
}

void EventLogModel::cancelLoad()
{
    if (!m_loading)
        return;
    ++*m_generation; // the reader drops the scan at its next range
    // Requests of the old generation will be dropped: let the rows ask again.
    m_requested.clear();
    m_attemptsRequested.clear();
    if (!m_started) { // nothing known yet: live events are all we will have
        m_started = true;
        applyLive(std::exchange(m_heldLive, {}));
    }
    setLoading(false);
}

void EventLogModel::startLoad()
{
    const int generation = ++*m_generation;
    // Rows always match the filter shown: empty until the new ids come in.
    beginResetModel();
    m_ids.clear();
    m_origin = 0;
    m_deliveries.clear();
    clearCache();
    m_heldLive.clear();
    m_started = false;
    m_complete = false;
    m_matched = 0;
    m_scanMaxId = 0;
    endResetModel();
    if (m_path.isEmpty()) {
        m_started = true;
        m_complete = true;
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

void EventLogModel::clearCache()
{
    m_pages.clear();
    m_requested.clear();
    m_attemptEvents.clear();
    m_attemptsRequested.clear();
}

void EventLogModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

void EventLogModel::onLoadStarted(int generation, qint64 maxId,
                                  const EventLogReader::RetryList &retries)
{
    if (generation != *m_generation)
        return;
    m_deliveries.setRetries(retries);
    m_scanMaxId = maxId;
    m_started = true;
    // Held events the scan will see are dropped; the newer ones are live rows already.
    QList<Event> fresh;
    for (const Event &event : std::as_const(m_heldLive)) {
        if (event.id > maxId)
            fresh.append(event);
    }
    m_heldLive.clear();
    std::sort(fresh.begin(), fresh.end(),
              [](const Event &a, const Event &b) { return a.id < b.id; });
    applyLive(fresh);
}

void EventLogModel::onIdsChunk(int generation, const QList<qint64> &ids, qint64 scanned,
                               qint64 span, bool done)
{
    if (generation != *m_generation)
        return;
    m_matched += ids.size();
    QList<qint64> tops;
    tops.reserve(ids.size());
    bool mapped = false;
    for (const qint64 id : ids) {
        const qint64 head = m_deliveries.headOf(id);
        mapped = mapped || head != id;
        tops.append(head);
    }
    if (mapped) {
        std::sort(tops.begin(), tops.end());
        tops.erase(std::unique(tops.begin(), tops.end()), tops.end());
    }
    insertTops(std::move(tops), false);
    Q_EMIT loadProgress(m_matched, scanned, span);
    if (done) {
        m_complete = true;
        setLoading(false);
        Q_EMIT loaded(int(m_ids.size()));
    }
}

void EventLogModel::onReaderFailed(int generation, const QString &message)
{
    if (generation != *m_generation)
        return;
    Q_EMIT errorOccurred(message);
}

void EventLogModel::appendEvents(const QList<Event> &events)
{
    if (!m_started) {
        m_heldLive.append(events);
        return;
    }
    applyLive(events);
}

void EventLogModel::applyLive(const QList<Event> &events)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> tops;
    QList<const Event *> shown;
    for (const Event &event : events) {
        if (event.id <= m_scanMaxId && !m_complete && m_loading)
            continue; // the scan reports it
        if (event.id <= 0)
            continue;
        const bool matches = m_filter.matches(event, now);
        m_matched += matches ? 1 : 0;
        if (event.deliveryOf == 0) {
            if (matches) {
                shown.append(&event);
                tops.append(event.id);
            }
            continue;
        }
        // A retry: its delivery's row shows the new attempt, or shows up now that one matches.
        applyLiveFetch(&*m_attemptEvents.insert(event.id, event));
        if (topIndexOf(event.deliveryOf) >= 0) {
            addShownRetry(event);
        } else {
            m_deliveries.addRetry(event.id, event.deliveryOf);
            if (matches)
                insertTops({event.deliveryOf}, false);
        }
    }
    // Ids arrive in commit order, after every id shown; a stray older one still goes in place.
    std::sort(tops.begin(), tops.end());
    insertTops(std::move(tops), true);
    for (const Event *event : std::as_const(shown))
        storeLive(*event); // the newest rows never need a read
}

void EventLogModel::addShownRetry(const Event &event)
{
    const qint64 head = event.deliveryOf;
    const int row = viewRowOfTop(topIndexOf(head));
    if (m_deliveries.isExpanded(head)) {
        const int last = row + m_deliveries.attemptCount(head) + 1;
        beginInsertRows({}, last, last);
        m_deliveries.addRetry(event.id, head);
        endInsertRows();
    } else {
        m_deliveries.addRetry(event.id, head);
    }
    Q_EMIT dataChanged(index(row, 0), index(row, EventLogDisplay::ColumnCount - 1));
}

void EventLogModel::insertTops(QList<qint64> tops, bool live)
{
    // Drop the ones shown already, e.g. a delivery a newer retry brought in early.
    tops.erase(
        std::remove_if(tops.begin(), tops.end(), [this](qint64 id) { return topIndexOf(id) >= 0; }),
        tops.end());
    if (tops.isEmpty())
        return;
    bool appendedOnly = true;
    // Runs of ids that go to the same place, from the back so earlier places stay valid.
    qsizetype end = tops.size();
    while (end > 0) {
        const qsizetype position =
            std::lower_bound(m_ids.cbegin(), m_ids.cend(), tops.at(end - 1)) - m_ids.cbegin();
        qsizetype start = end - 1;
        while (start > 0 && tops.at(start - 1) > (position > 0 ? m_ids.at(position - 1) : 0))
            --start;
        const int count = int(end - start);
        const int row = viewRowOfTop(int(position));
        beginInsertRows({}, row, row + count - 1);
        m_ids.insert(position, count, 0);
        std::copy(tops.cbegin() + start, tops.cbegin() + end, m_ids.begin() + position);
        if (position == 0 && end == tops.size() && start == 0 && m_ids.size() > count)
            m_origin += count; // a pure prepend: cached pages keep their keys
        else if (position + count != m_ids.size())
            appendedOnly = false;
        endInsertRows();
        if (live && position + count == m_ids.size())
            Q_EMIT liveRowsAppended(count);
        end = start;
    }
    if (!appendedOnly)
        clearCache(); // rows moved under the page keys: read them again
}

} // namespace hookbench
