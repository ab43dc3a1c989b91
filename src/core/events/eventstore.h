#pragma once

#include "deliverytracker.h"
#include "event.h"
#include "eventfilter.h"
#include "eventrows.h"

#include <QObject>
#include <QSqlDatabase>

#include <atomic>
#include <functional>
#include <memory>

class QSqlError;
class QSqlQuery;

namespace hookbench {

// The durable event log: SQLite through Qt SQL, WAL + synchronous=NORMAL.
// Lives on its own thread (moveToThread); talked to by queued signals. Each
// append() is one transaction (group commit): every event in the batch is
// committed before committed() is emitted, and only then are requests answered.
//
// Deliveries: VWO retries a webhook (same endpoint, same payload timestamp) every 1-2 s for an
// hour until it gets a 200. append() stores each attempt of a valid payload within
// DeliveryTracker::WindowMs of the delivery's first attempt as a retry (Event::deliveryOf = the
// first attempt's id, column delivery_of; NULL for first attempts and lone requests). This store
// is the only writer, so it keeps recent first attempts in memory and rebuilds them on open().
// Deletes keep deliveries whole: when a first attempt is deleted (removeEvents, retention), the
// smallest remaining id of its delivery becomes the first attempt and the other retries point to
// it, in the delete's own transaction; no retry is deleted with it and none is left dangling.
class EventStore : public QObject
{
    Q_OBJECT
public:
    static constexpr int SchemaVersion = 4;
    static constexpr int DefaultRetention = 100000;

    explicit EventStore(QObject *parent = nullptr);
    ~EventStore() override;

    // Opens (creating or migrating) the database. Returns an empty string on
    // success, else a clear message naming the file and what is wrong.
    // Call on the thread the store lives on.
    QString open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;

    void setRetention(int maxEvents); // keep the newest N; <= 0 means unlimited
    int retention() const;

    // How long to wait for another connection's lock before giving up (SQLite
    // busy_timeout). Applies immediately when open, else on the next open().
    static constexpr int DefaultBusyTimeoutMs = 2000;
    void setBusyTimeout(int ms);
    int busyTimeout() const;

    // The largest the database file may grow (SQLite's max_page_count), 0 for no cap. A batch
    // that needs more fails as on a full disk (the receiver answers 503) and is not stored;
    // space freed inside the file (deleted events) is used again. Applies at once when open,
    // else on the next open().
    void setMaxDatabaseBytes(qint64 bytes);

    // Synchronous reads for the CLI and tests (call on the store's thread).
    QList<Event> latest(int limit) const; // newest first; limit <= 0 means all
    qint64 count() const;                 // -1 when the store cannot be read
    int schemaVersion() const;

    // Filtered reads, same thread rule. A long count can run on a second EventStore opened on
    // the same file in a worker thread: WAL lets it read while this one writes.
    // The newest `limit` matches with id < beforeId (0: from the newest), newest first; page
    // backwards by passing the last id shown. `now` anchors since:/until: (default: the clock).
    // Each event comes with its own Event::settingsFetch.
    QList<Event> query(const EventFilter &filter, int limit, qint64 beforeId = 0,
                       const QDateTime &now = QDateTime()) const;

    struct CountProgress
    {
        qint64 matched = 0; // so far
        qint64 scanned = 0; // ids looked at so far, of...
        qint64 total = 0;   // ...the id span of the table
    };
    // Counted newest to oldest in id chunks of CountChunkIds; between chunks, `cancel` is checked
    // and `progress` told. Returns the count, or -1 when cancelled or on error.
    static constexpr qint64 CountChunkIds = 50000;
    qint64 countMatching(const EventFilter &filter, const std::atomic_bool *cancel = nullptr,
                         const std::function<void(const CountProgress &)> &progress = {},
                         const QDateTime &now = QDateTime()) const;

    // Default database location: <AppDataLocation>/hookbench.sqlite
    static QString defaultPath();

public Q_SLOTS:
    // One transaction for the whole batch. Emits committed() with ids filled in
    // (same order), or failed() with the untouched batch and the reason.
    void append(const QList<hookbench::Event> &batch);
    void pruneNow(); // enforce retention (also scheduled after commits, off the hot path)

    // User deletes, each one transaction on this (the writer's) thread, so they serialize with
    // append(). Emit removed() (the requested ids, sorted, duplicates dropped; ids that did not
    // exist are included: removing is idempotent) / cleared(), or error() with the reason, in
    // which case nothing was deleted. Ids are not AUTOINCREMENT: after a clear, or after removing
    // the newest rows, new events reuse those ids.
    void removeEvents(const QList<qint64> &ids);
    void clearEvents();
    // Stars or unstars, one transaction; emits starredChanged() (ids sorted, duplicates dropped;
    // unknown ids included) or error().
    void setStarred(const QList<qint64> &ids, bool starred);
    // The app behind the endpoint's forward URL answered (or could not be reached), and VWO got
    // `answeredStatus` (issue 8): stores both on the event, one statement, and emits
    // forwardRecorded() with result.answeredStatus set, or error(). eventstoreforward.cpp
    void recordForward(qint64 id, const hookbench::ForwardResult &result, int answeredStatus);

Q_SIGNALS:
    void committed(const QList<hookbench::Event> &events);
    void failed(const QList<hookbench::Event> &events, const QString &reason);
    void removed(const QList<qint64> &ids);
    void cleared();
    void starredChanged(const QList<qint64> &ids, bool starred);
    void forwardRecorded(qint64 id, const hookbench::ForwardResult &result);
    void error(const QString &message); // a delete, clear or star failed; names the file and why

private:
    QString openDatabase(const QString &path);
    QString migrate();
    void schedulePrune();
    // Forwards left pending by a process that stopped before the app answered
    // (eventstoreforward.cpp).
    QString closeAbandonedForwards();
    void pruneStep();
    int pruneChunk(QString *error); // rows deleted, or -1 on error
    QString loadDeliveries();       // rebuilds m_deliveries from the table
    // Inside a delete's transaction: promotes the retries of deleted first attempts; `orphans`
    // is a condition on delivery_of that names only deleted ids.
    bool promoteOrphans(const QString &orphans, QHash<qint64, DeliveryTracker::First> *promoted,
                        QSqlError *error);
    QString describe(const QSqlError &error) const;
    void applyMaxDatabaseBytes();
    bool exec(const QString &sql, QSqlError *error = nullptr);
    QVariant scalar(const QString &sql, QSqlError *error = nullptr) const; // invalid on error
    QString rollbackWith(const QSqlError &error); // rolls back, returns describe(error)

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    EventInserter m_insert;                      // prepared once per open(), reused per row
    mutable SettingsFetchColumn m_settingsFetch; // looks for the settings tables until found
    std::unique_ptr<QSqlQuery> m_begin; // BEGIN IMMEDIATE / COMMIT, prepared once per open()
    std::unique_ptr<QSqlQuery> m_commit;
    int m_busyTimeoutMs = DefaultBusyTimeoutMs;
    qint64 m_maxDatabaseBytes = 0;
    int m_retention = DefaultRetention;
    qint64 m_insertedSincePrune = 0;
    bool m_pruneScheduled = false;
    DeliveryTracker m_deliveries; // recent first attempts; matches the committed table
};

} // namespace hookbench
