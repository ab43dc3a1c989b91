#include "recenteventsmodel.h"

#include <QColor>
#include <QLocale>

namespace hookbench {

namespace {

QString authText(AuthOutcome outcome)
{
    switch (outcome) {
    case AuthOutcome::Ok:
        return RecentEventsModel::tr("OK", "authentication outcome");
    case AuthOutcome::Failed:
        return RecentEventsModel::tr("Failed", "authentication outcome");
    case AuthOutcome::Missing:
        return RecentEventsModel::tr("Missing", "authentication outcome: no x-vwo-auth header");
    case AuthOutcome::NotRequired:
        break;
    }
    return RecentEventsModel::tr("Not required", "authentication outcome");
}

QString remoteText(const Event &event)
{
    if (event.remotePort == 0)
        return event.remoteAddress;
    // IPv6 addresses need brackets before a port, as in URLs.
    if (event.remoteAddress.contains(QLatin1Char(':')))
        return QLatin1Char('[') + event.remoteAddress + QStringLiteral("]:") +
               QString::number(event.remotePort);
    return event.remoteAddress + QLatin1Char(':') + QString::number(event.remotePort);
}

QString pathText(const Event &event)
{
    QString text = QString::fromUtf8(event.path);
    if (!event.query.isEmpty())
        text += QLatin1Char('?') + QString::fromUtf8(event.query);
    return text;
}

// The cells that tell why a request was turned away, so they stand out when scanning.
bool isProblem(const Event &event, int column)
{
    switch (column) {
    case RecentEventsModel::StatusColumn:
        return event.status >= 400;
    case RecentEventsModel::AuthColumn:
        return event.auth == AuthOutcome::Failed || event.auth == AuthOutcome::Missing;
    case RecentEventsModel::ValidColumn:
        return !event.valid;
    }
    return false;
}

} // namespace

RecentEventsModel::RecentEventsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RecentEventsModel::setCapacity(int capacity)
{
    capacity = qMax(1, capacity);
    if (capacity == m_capacity)
        return;
    const int overflow = m_count - capacity;
    if (overflow > 0)
        beginRemoveRows({}, 0, overflow - 1);
    // Unroll the ring into plain order; it wraps again once the new cap is reached.
    QList<Event> linear;
    linear.reserve(qMin(m_count, capacity));
    for (int row = qMax(0, overflow); row < m_count; ++row)
        linear.append(std::move(m_ring[slot(row)]));
    m_ring = std::move(linear);
    m_head = 0;
    m_count = int(m_ring.size());
    m_capacity = capacity;
    if (overflow > 0)
        endRemoveRows();
}

const Event &RecentEventsModel::eventAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_count);
    return m_ring.at(slot(row));
}

void RecentEventsModel::appendEvents(const QList<Event> &events)
{
    if (events.isEmpty())
        return;
    // Of a batch larger than the cap only the newest events can ever be shown.
    const int take = int(qMin<qsizetype>(events.size(), m_capacity));
    const int overflow = m_count + take - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        if (m_ring.size() < m_capacity)
            m_ring.resize(m_capacity); // from now on the storage wraps around
        for (int row = 0; row < overflow; ++row)
            m_ring[slot(row)] = Event(); // release bodies now, not when overwritten
        m_head = (m_head + overflow) % m_capacity;
        m_count -= overflow;
        endRemoveRows();
    }

    beginInsertRows({}, m_count, m_count + take - 1);
    for (auto it = events.cend() - take; it != events.cend(); ++it) {
        if (m_ring.size() < m_capacity)
            m_ring.append(*it); // not wrapped yet: m_head is 0 and rows are slots
        else
            m_ring[slot(m_count)] = *it;
        ++m_count;
    }
    endInsertRows();
}

void RecentEventsModel::clear()
{
    if (m_count == 0)
        return;
    beginResetModel();
    m_ring.clear();
    m_head = 0;
    m_count = 0;
    endResetModel();
}

int RecentEventsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int RecentEventsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentEventsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &event = eventAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(event, index.column());
    case Qt::ToolTipRole:
        return toolTipData(event, index.column());
    case Qt::TextAlignmentRole:
        return headerData(index.column(), Qt::Horizontal, role);
    case Qt::ForegroundRole:
        if (isProblem(event, index.column()))
            return QColor(0xda, 0x44, 0x53); // Breeze "negative text", legible on light and dark
        return {};
    case EventRole:
        return QVariant::fromValue(event);
    default:
        return {};
    }
}

QVariant RecentEventsModel::displayData(const Event &event, int column) const
{
    switch (column) {
    case TimeColumn:
        return event.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case MethodColumn:
        return QString::fromLatin1(event.method);
    case PathColumn:
        // A request the gate could not parse has no method or path to show: say so.
        return event.method.isEmpty() && event.path.isEmpty() ? tr("(malformed request)")
                                                              : pathText(event);
    case StatusColumn:
        // 0: the request got no answer (e.g. the client went away first).
        return event.status > 0 ? QVariant(event.status) : QVariant(QString());
    case AuthColumn:
        return authText(event.auth);
    case ValidColumn:
        return event.valid ? tr("Yes") : tr("No");
    case SizeColumn:
        return QLocale().formattedDataSize(event.size, 1);
    case RemoteColumn:
        return remoteText(event);
    }
    return {};
}

QVariant RecentEventsModel::toolTipData(const Event &event, int column) const
{
    // Why a request was refused matters more than anything else in its row.
    if (!event.valid && !event.error.isEmpty())
        return event.error;
    switch (column) {
    case TimeColumn:
        return QLocale().toString(event.receivedAt.toLocalTime(), QLocale::LongFormat);
    case PathColumn:
        return pathText(event);
    case AuthColumn:
        if (event.auth == AuthOutcome::Ok && !event.keyId.isEmpty())
            return tr("Matched key %1").arg(event.keyId);
        break;
    }
    return {};
}

QVariant RecentEventsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        // Three-digit codes read best centred; sizes line up on their last digit.
        if (section == StatusColumn)
            return int(Qt::AlignCenter);
        return int((section == SizeColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case StatusColumn:
        return tr("Status");
    case AuthColumn:
        return tr("Auth", "column: outcome of the x-vwo-auth check");
    case ValidColumn:
        return tr("Valid", "column: payload is a valid VWO webhook");
    case SizeColumn:
        return tr("Size");
    case RemoteColumn:
        return tr("Remote", "column: address and port of the sender");
    }
    return {};
}

} // namespace hookbench
