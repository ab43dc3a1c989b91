#include "eventschema.h"

namespace hookbench {

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
    }
    return {};
}

} // namespace hookbench
