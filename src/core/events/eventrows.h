#pragma once

#include "event.h"

#include <QLatin1String>
#include <QSqlError>

class QSqlDatabase;
class QSqlQuery;
struct sqlite3;
struct sqlite3_stmt;

namespace hookbench {

// How an Event maps to a row of the events table, both ways.

// Columns after id, in the order eventFromRow() reads them.
extern const QLatin1String EventColumns;

// Reads a row selected as "id, " + EventColumns.
Event eventFromRow(const QSqlQuery &query);

// The hot INSERT. It runs on the Qt SQL connection's native handle: binding 16 values through
// QSqlQuery::bindValue() and exec() cost ~1.4 us per event of ~6 (hash lookups, QVariant copies,
// per-exec bookkeeping), and a QString only binds as UTF-16, which SQLite converts back to UTF-8.
// Everything else (transactions, reads, migrations) stays on Qt SQL.
class EventInserter
{
public:
    EventInserter() = default;
    EventInserter(const EventInserter &) = delete;
    EventInserter &operator=(const EventInserter &) = delete;
    ~EventInserter() { finalize(); }

    bool prepare(const QSqlDatabase &db, QSqlError *error); // once per open connection
    void finalize();                                        // before the connection closes
    bool isPrepared() const { return m_stmt != nullptr; }

    // Inserts one row inside the caller's transaction; returns an invalid error on success.
    // endpoint and receivedAt must be set (NOT NULL columns).
    QSqlError insert(const Event &event);
    void releaseBindings(); // after a batch: drop pointers into its buffers
    qint64 lastRowId() const;

private:
    // Endpoint, address and key id repeat from event to event: convert each run of equal
    // values once. Null stays null (SQL NULL), empty stays empty ('').
    class Utf8Cache
    {
    public:
        const QByteArray &operator()(const QString &text);

    private:
        QString m_text;
        QByteArray m_utf8;
    };

    sqlite3_stmt *m_stmt = nullptr;
    Utf8Cache m_endpoints;
    Utf8Cache m_addresses;
    Utf8Cache m_keyIds;
};

} // namespace hookbench
