#pragma once

#include "events/event.h"
#include "events/eventfilter.h"
#include "events/eventrows.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

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
    // Newest first, in id ranges sized to take ~50 ms each, so the newest matches show at once
    // and the count grows while the rest is scanned: loadStarted(), then idsChunk() until done.
    void loadIds(int generation, const hookbench::EventFilter &filter, const QDateTime &now);
    void fetchPage(int generation, int page, const QList<qint64> &ids);
    void fetchAttempts(int generation, const QList<qint64> &ids);

    using RetryList = QList<QPair<qint64, qint64>>; // (retry id, first attempt id)

Q_SIGNALS:
    // The scan covers ids up to maxId (newer ones arrive live); every retry up to there.
    void loadStarted(int generation, qint64 maxId,
                     const hookbench::EventLogReader::RetryList &retries);
    // Ascending ids matching the filter in the next older range; `scanned` of `span` ids looked at.
    void idsChunk(int generation, const QList<qint64> &ids, qint64 scanned, qint64 span, bool done);
    // The events still stored among the page's ids, ascending; deleted ones are missing. A
    // delivery's first attempt comes with the settings-fetch state of the whole delivery.
    void pageFetched(int generation, int page, const QList<hookbench::Event> &events);
    void attemptsFetched(int generation, const QList<hookbench::Event> &events);
    void failed(int generation, const QString &message);

private:
    bool stale(int generation) const { return generation != m_generation->load(); }
    void close();
    bool readEvents(int generation, const QList<qint64> &ids, SettingsFetchColumn::Scope scope,
                    QList<Event> *events);
    bool readRetries(int generation, qint64 maxId, RetryList *retries);
    void scanNextRange();

    struct Scan // the id load in progress
    {
        int generation = 0;
        QSqlQuery query;
        QVariantList values;
        qint64 minId = 0;
        qint64 maxId = 0;
        qint64 high = 0;        // the next range ends here (inclusive)
        qint64 rangeIds = 4096; // small first: the first screen must not wait for a big range
    };
    std::unique_ptr<Scan> m_scan;

    std::shared_ptr<const std::atomic_int> m_generation;
    QString m_connectionName;
    QSqlDatabase m_db;
    SettingsFetchColumn m_settingsFetch;
};

} // namespace hookbench
