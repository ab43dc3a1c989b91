#include "recentfilters.h"

#include <QSettings>

namespace hookbench {

namespace {

// Settings that may be corrupt or hand-edited: drop blanks and duplicates, cap the count.
QStringList normalized(const QStringList &filters)
{
    QStringList result;
    for (const QString &filter : filters) {
        const QString trimmed = filter.trimmed();
        if (!trimmed.isEmpty() && !result.contains(trimmed))
            result.append(trimmed);
        if (result.size() == RecentFilters::MaxCount)
            break;
    }
    return result;
}

} // namespace

QString RecentFilters::settingsKey()
{
    return QStringLiteral("filters/recent");
}

RecentFilters::RecentFilters(QSettings *settings)
    : m_settings(settings)
{}

QStringList RecentFilters::load() const
{
    if (m_settings)
        return normalized(m_settings->value(settingsKey()).toStringList());
    const QSettings settings;
    return normalized(settings.value(settingsKey()).toStringList());
}

void RecentFilters::save(const QStringList &filters)
{
    const QStringList list = normalized(filters);
    if (m_settings) {
        m_settings->setValue(settingsKey(), list);
        return;
    }
    QSettings settings;
    settings.setValue(settingsKey(), list);
}

QStringList RecentFilters::add(const QString &filter)
{
    const QStringList list = added(load(), filter);
    save(list);
    return list;
}

void RecentFilters::clear()
{
    save({});
}

QStringList RecentFilters::added(QStringList filters, const QString &filter)
{
    const QString trimmed = filter.trimmed();
    if (trimmed.isEmpty())
        return normalized(filters);
    filters.removeAll(trimmed);
    filters.prepend(trimmed);
    return normalized(filters);
}

} // namespace hookbench
