#pragma once

#include "events/event.h"
#include "events/eventfilter.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>

#include <atomic>
#include <memory>

namespace hookbench {

// The event log model's reads, on a worker thread with its own read-only connection to the
// store's file: WAL lets it read while the receiver's store writes, and the GUI thread never
// waits for SQLite. Every request carries the model's generation; work for an older one is
// skipped (or, for a long id load, abandoned midway) once the model has moved on.
class EventLogReader : public QObject
{
    Q_OBJECT
public:
    explicit EventLogReader(std::shared_ptr<const std::atomic_int> generation,
                            QObject *parent = nullptr);
    ~EventLogReader() override;

    // Called on the reader's thread (queued through QMetaObject::invokeMethod).
    void open(int generation, const QString &path);
    void loadIds(int generation, const hookbench::EventFilter &filter, const QDateTime &now);
    void fetchPage(int generation, int page, const QList<qint64> &ids);

Q_SIGNALS:
    // Ascending ids of every event matching the filter.
    void idsLoaded(int generation, const QList<qint64> &ids);
    // The events still stored among the page's ids, ascending; deleted ones are missing.
    void pageFetched(int generation, int page, const QList<hookbench::Event> &events);
    void failed(int generation, const QString &message);

private:
    bool stale(int generation) const { return generation != m_generation->load(); }
    void close();

    std::shared_ptr<const std::atomic_int> m_generation;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace hookbench
