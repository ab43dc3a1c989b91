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

// Event::settingsFetch, selected with each row from the settings history's tables in the same
// file (settingsversionschema.cpp): a correlated subquery per row over their event_id index.
// A file may lack those tables (the settings history never opened it) or gain them while open,
// so sql() looks them up in sqlite_master once per read until it finds them, never per row.
// Links to fetches that ended before the event came are ignored: after a clear, or a delete of
// the newest rows, a new event reuses an old id.
class SettingsFetchColumn
{
public:
    enum Scope {
        Request,  // the row's own fetches
        Delivery, // a first attempt's and its retries': any attempt may have led to the fetch
    };
    // ", <expression>" to select after EventColumns, for eventFromRow(query, true). Over a
    // `FROM events` without an alias.
    QString sql(const QSqlDatabase &db, Scope scope = Request);
    void reset() { m_found = false; } // another file

private:
    bool m_found = false; // found once, they stay: no migration drops them
};

// Headers as a JSON array of [name, value] pairs, bytes read as Latin-1 (lossless), and back.
QByteArray headersToJson(const HeaderList &headers);
HeaderList headersFromJson(const QString &text);

// Reads a row selected as "id, " + EventColumns, followed by SettingsFetchColumn::sql() when
// `settingsFetch` (else the state is only NotApplicable or None, from the row itself).
Event eventFromRow(const QSqlQuery &query, bool settingsFetch = false);

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
