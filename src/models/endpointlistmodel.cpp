#include "endpointlistmodel.h"

#include "endpointchip.h"

#include <QLocale>
#include <QSet>

namespace hookbench {

namespace {

QString location(const Endpoint &endpoint, const QUrl &url)
{
    if (url.isValid() && !url.isEmpty())
        return url.toString();
    if (endpoint.port != 0)
        return EndpointListModel::tr("%1 on port %2", "endpoint path on its own port")
            .arg(endpoint.path)
            .arg(endpoint.port);
    return endpoint.path;
}

} // namespace

EndpointListModel::EndpointListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void EndpointListModel::setEndpoints(const QList<Endpoint> &endpoints)
{
    bool sameNames = endpoints.size() == m_endpoints.size();
    for (qsizetype i = 0; sameNames && i < endpoints.size(); ++i)
        sameNames = endpoints.at(i).name == m_endpoints.at(i).name;
    if (!sameNames) {
        beginResetModel();
        m_endpoints = endpoints;
        endResetModel();
        return;
    }
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        if (endpoints.at(i) == m_endpoints.at(i))
            continue;
        m_endpoints[i] = endpoints.at(i);
        changedRows(int(i) + 1, int(i) + 1, {});
    }
}

void EndpointListModel::setUrls(const QHash<QString, QUrl> &urls)
{
    m_urls = urls;
    changedRows(1, rowCount() - 1, {LocationRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
}

void EndpointListModel::setEventCounts(const QHash<QString, qint64> &counts)
{
    m_counts = counts;
    changedRows(0, rowCount() - 1,
                {CountRole, CountTextRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
}

void EndpointListModel::setLastEvents(const QHash<QString, QDateTime> &times)
{
    m_last = times;
    refreshTimes();
}

void EndpointListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refreshTimes();
}

void EndpointListModel::addEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    QSet<QString> touched;
    for (const Event &event : events) {
        ++m_counts[event.endpoint];
        QDateTime &last = m_last[event.endpoint];
        if (!last.isValid() || event.receivedAt > last)
            last = event.receivedAt;
        touched.insert(event.endpoint);
    }
    const QList<int> roles{CountRole,         CountTextRole,   LastEventRole,
                           LastEventTextRole, Qt::ToolTipRole, Qt::AccessibleTextRole};
    changedRows(0, 0, roles);
    for (const QString &name : std::as_const(touched)) {
        const int row = rowOf(name);
        if (row > 0)
            changedRows(row, row, roles);
    }
}

void EndpointListModel::refreshTimes()
{
    changedRows(0, rowCount() - 1,
                {LastEventRole, LastEventTextRole, Qt::ToolTipRole, Qt::AccessibleTextRole});
}

void EndpointListModel::changedRows(int first, int last, const QList<int> &roles)
{
    if (first > last || first < 0 || last >= rowCount())
        return;
    Q_EMIT dataChanged(index(first), index(last), roles);
}

int EndpointListModel::rowOf(const QString &name) const
{
    if (name.isEmpty())
        return 0;
    for (qsizetype i = 0; i < m_endpoints.size(); ++i) {
        if (m_endpoints.at(i).name == name)
            return int(i) + 1;
    }
    return -1;
}

QString EndpointListModel::nameAt(int row) const
{
    return row >= 1 && row <= m_endpoints.size() ? m_endpoints.at(row - 1).name : QString();
}

qint64 EndpointListModel::eventCount(const QString &name) const
{
    if (!name.isEmpty())
        return m_counts.value(name);
    qint64 total = 0;
    for (const qint64 count : m_counts)
        total += count;
    return total;
}

QDateTime EndpointListModel::lastEvent(const QString &name) const
{
    if (!name.isEmpty())
        return m_last.value(name);
    QDateTime newest;
    for (const QDateTime &time : m_last) {
        if (time.isValid() && (!newest.isValid() || time > newest))
            newest = time;
    }
    return newest;
}

QString EndpointListModel::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = when.secsTo(now);
    if (seconds < 10)
        return tr("just now");
    if (seconds < 60)
        return tr("%1 s ago", "time since the last request").arg(seconds);
    if (seconds < 60 * 60)
        return tr("%1 min ago", "time since the last request").arg(seconds / 60);
    if (seconds < 24 * 60 * 60)
        return tr("%1 h ago", "time since the last request").arg(seconds / 3600);
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

QString EndpointListModel::countText(qint64 count)
{
    if (count == 1)
        return tr("1 request");
    return tr("%1 requests").arg(QLocale().toString(count));
}

int EndpointListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_endpoints.size()) + 1;
}

QIcon EndpointListModel::chip(const QColor &colour) const
{
    auto it = m_chips.find(colour.rgb());
    if (it == m_chips.end())
        it = m_chips.insert(colour.rgb(), endpointChip(colour));
    return *it;
}

QVariant EndpointListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool all = index.row() == 0;
    const Endpoint endpoint = all ? Endpoint() : m_endpoints.at(index.row() - 1);
    const QString name = endpoint.name;
    const auto lastText = [&] {
        const QDateTime last = lastEvent(name);
        return last.isValid() ? relativeTime(last, m_clock()) : tr("no requests yet");
    };
    const auto locationText = [&] {
        if (all)
            return endpointsText(int(m_endpoints.size()));
        return location(endpoint, m_urls.value(name));
    };
    switch (role) {
    case Qt::DisplayRole:
        return all ? tr("All endpoints") : name;
    case Qt::DecorationRole:
        return all ? QVariant() : QVariant(chip(QColor(endpoint.effectiveColour())));
    case NameRole:
        return name;
    case ColourRole:
        return all ? QVariant() : QVariant(QColor(endpoint.effectiveColour()));
    case LocationRole:
        return locationText();
    case CountRole:
        return eventCount(name);
    case CountTextRole:
        return countText(eventCount(name));
    case LastEventRole:
        return lastEvent(name);
    case LastEventTextRole:
        return lastText();
    case IsAllRole:
        return all;
    case IsDefaultRole:
        return !all && endpoint.isDefault();
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole: {
        const QString title = data(index, Qt::DisplayRole).toString();
        if (!lastEvent(name).isValid())
            return tr("%1: %2, %3", "endpoint: location, request count")
                .arg(title, locationText(), countText(eventCount(name)));
        return tr("%1: %2, %3, last %4", "endpoint: location, request count, last request")
            .arg(title, locationText(), countText(eventCount(name)), lastText());
    }
    }
    return {};
}

QString EndpointListModel::endpointsText(int count)
{
    if (count == 1)
        return tr("1 endpoint");
    return tr("%1 endpoints").arg(count);
}

QHash<int, QByteArray> EndpointListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(ColourRole, "colour");
    names.insert(LocationRole, "location");
    names.insert(CountRole, "count");
    names.insert(CountTextRole, "countText");
    names.insert(LastEventRole, "lastEvent");
    names.insert(LastEventTextRole, "lastEventText");
    names.insert(IsAllRole, "isAll");
    names.insert(IsDefaultRole, "isDefault");
    return names;
}

} // namespace hookbench
