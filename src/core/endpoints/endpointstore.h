#pragma once

#include "endpoint.h"
#include "events/sqlitesession.h"

#include <QList>
#include <QString>

namespace hookbench {

// The endpoints table in the event database (shared by the window and hookbench-cli), on a
// connection of its own. The default endpoint always exists: created with the table, never
// removed. Order is creation order (default first).
// Not thread-safe: use from the thread that opened it.
class EndpointStore
{
public:
    EndpointStore();
    ~EndpointStore();
    EndpointStore(const EndpointStore &) = delete;
    EndpointStore &operator=(const EndpointStore &) = delete;

    QString open(const QString &path); // empty string on success
    void close();
    bool isOpen() const { return m_session.isOpen(); }
    QString path() const { return m_session.path(); }

    QString load(QList<Endpoint> *endpoints) const;
    // Empty string and *endpoint filled, or "no endpoint named NAME" (listing the names).
    QString find(const QString &name, Endpoint *endpoint) const;
    // Refused when endpoint.check() fails, the name exists or (port, path) clashes.
    QString add(const Endpoint &endpoint);
    // Replaces the endpoint named endpoint.name (path, port, colour, response, forward).
    QString update(const Endpoint &endpoint);
    // Adds the endpoints that do not exist and replaces those that do (by name), in one
    // transaction: refused as a whole when one fails check() or the resulting list clashes
    // (an import may swap two paths, which one update at a time cannot).
    QString apply(const QList<Endpoint> &endpoints);
    // Renames it in every table of the event database that is keyed by endpoint (events,
    // keys, key audit, settings history and profile, endpoints) in one transaction. Secrets
    // named after the endpoint are moved by the caller (EndpointDirectory).
    QString rename(const QString &from, const QString &to);
    // Removes the endpoint, its keys' rows and account profile; with keepEvents false also its
    // events and settings history. The default endpoint is refused.
    QString remove(const QString &name, bool keepEvents);
    // Events stored for each endpoint name (also of endpoints that no longer exist).
    QString eventCounts(QHash<QString, qint64> *counts) const;
    // SQLite's PRAGMA data_version: changes when another connection committed. -1 on error.
    qint64 dataVersion() const;

private:
    QString checkAgainst(const Endpoint &endpoint, bool replacing) const;

    SqliteSession m_session;
};

} // namespace hookbench
