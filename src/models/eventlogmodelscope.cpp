// EventLogModel: the endpoint scope (the sidebar's choice) and the Endpoint column's colours.
#include "eventlogmodel.h"

#include "endpointchip.h"
#include "endpoints/endpoint.h"

namespace hookbench {

EventFilter EventLogModel::scoped(const EventFilter &filter, const QString &endpoint)
{
    if (endpoint.isEmpty() || !filter.isValid())
        return filter;
    // Endpoint names are letters, digits, '.', '_' and '-': quoted, they are one value.
    QString text = QStringLiteral("endpoint:\"%1\"").arg(endpoint);
    if (!filter.matchesAll())
        text += QStringLiteral(" (") + filter.text() + QLatin1Char(')');
    const EventFilter combined = EventFilter::parse(text);
    return combined.isValid() ? combined : filter;
}

void EventLogModel::setUserFilter(const EventFilter &filter)
{
    m_userFilter = filter;
    setFilter(scoped(m_userFilter, m_scope));
}

void EventLogModel::setScope(const QString &endpoint)
{
    if (endpoint == m_scope)
        return;
    m_scope = endpoint;
    setFilter(scoped(m_userFilter, m_scope));
}

void EventLogModel::setEndpointColours(const QHash<QString, QString> &colours)
{
    if (colours == m_endpointColours)
        return;
    m_endpointColours = colours;
    const int rows = rowCount();
    if (rows > 0)
        Q_EMIT dataChanged(index(0, EventLogDisplay::EndpointColumn),
                           index(rows - 1, EventLogDisplay::EndpointColumn), {Qt::DecorationRole});
}

QIcon EventLogModel::endpointChipFor(const QString &endpoint) const
{
    QString colour = m_endpointColours.value(endpoint);
    if (colour.isEmpty()) {
        Endpoint unknown;
        unknown.name = endpoint;
        colour = unknown.effectiveColour();
    }
    auto it = m_endpointChips.find(colour);
    if (it == m_endpointChips.end())
        it = m_endpointChips.insert(colour, endpointChip(QColor(colour)));
    return *it;
}

} // namespace hookbench
