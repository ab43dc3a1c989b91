#include "eventschema.h"

namespace hookbench {

const QLatin1String UnusualStatusWhere("status <> 200");
const QLatin1String AuthProblemWhere("auth IN ('failed', 'missing')");

QStringList eventSchemaMigration(int from)
{
    switch (from) {
    case 0:
        return {QStringLiteral("CREATE TABLE events (id INTEGER PRIMARY KEY,"
                               " endpoint TEXT NOT NULL, received_at INTEGER NOT NULL,"
                               " method TEXT, path TEXT, query TEXT, headers TEXT, body BLOB,"
                               " remote_address TEXT, size INTEGER, status INTEGER,"
                               " handling_us INTEGER, auth TEXT, valid INTEGER, error TEXT)"),
                QStringLiteral("CREATE INDEX events_endpoint_id ON events (endpoint, id)"),
                QStringLiteral("PRAGMA user_version = 1")};
    case 1:
        return {
            QStringLiteral("ALTER TABLE events ADD COLUMN remote_port INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE events ADD COLUMN key_id TEXT"),
            QStringLiteral("CREATE INDEX events_received_at ON events (received_at)"),
            QStringLiteral("PRAGMA user_version = 2")};
    case 2:
        // Partial indexes: healthy traffic (first attempts, nothing starred) adds no entries.
        return {QStringLiteral("ALTER TABLE events ADD COLUMN delivery_of INTEGER"),
                QStringLiteral("ALTER TABLE events ADD COLUMN starred INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE INDEX events_retries ON events (delivery_of)"
                               " WHERE delivery_of IS NOT NULL"),
                QStringLiteral("CREATE INDEX events_starred ON events (id) WHERE starred = 1"),
                // The filter bar's usual questions; see UnusualStatusWhere.
                QLatin1String("CREATE INDEX events_status_unusual ON events (status) WHERE ") +
                    UnusualStatusWhere,
                QLatin1String("CREATE INDEX events_auth_problem ON events (auth) WHERE ") +
                    AuthProblemWhere,
                QStringLiteral("PRAGMA user_version = 3")};
    case 3:
        // Forwarding (issue 8): forward_url is NULL for events not forwarded; forward_status is
        // NULL while the app has not answered, then its status (0: no answer, see forward_error).
        return {QStringLiteral("ALTER TABLE events ADD COLUMN forward_url TEXT"),
                QStringLiteral(
                    "ALTER TABLE events ADD COLUMN forward_follow INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE events ADD COLUMN forward_status INTEGER"),
                QStringLiteral("ALTER TABLE events ADD COLUMN forward_error TEXT"),
                QStringLiteral("ALTER TABLE events ADD COLUMN forward_headers TEXT"),
                QStringLiteral("ALTER TABLE events ADD COLUMN forward_body BLOB"),
                QStringLiteral(
                    "ALTER TABLE events ADD COLUMN forward_truncated INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE events ADD COLUMN forward_ms INTEGER"),
                // Forwards still waiting for the app: few, and looked for at every open.
                QStringLiteral("CREATE INDEX events_forward_pending ON events (received_at)"
                               " WHERE forward_url IS NOT NULL AND forward_status IS NULL"),
                QStringLiteral("PRAGMA user_version = 4")};
    }
    return {};
}

} // namespace hookbench
