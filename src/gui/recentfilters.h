#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace hookbench {

// The filters the user applied last, most recent first, kept in QSettings under
// "filters/recent". A small typed wrapper so the key, the cap and the deduplication
// live in one place instead of in every caller.
class RecentFilters
{
public:
    static constexpr int MaxCount = 20;
    static QString settingsKey();

    // Without settings, a default-constructed QSettings (organization/application name).
    explicit RecentFilters(QSettings *settings = nullptr);

    QStringList load() const;
    void save(const QStringList &filters);
    // Moves (or puts) `filter` to the front, trimmed; empty text is ignored. Returns the list.
    QStringList add(const QString &filter);
    void clear();

    // The pure part of add(), for callers that keep their own copy.
    static QStringList added(QStringList filters, const QString &filter);

private:
    QSettings *m_settings;
};

} // namespace hookbench
