#include "keyringschema.h"

namespace hookbench {

QStringList keyRingSchemaMigration(int from)
{
    switch (from) {
    case 0:
        // Times are milliseconds since the epoch (UTC). No secret column, by design: values live
        // in SecretStore only. The partial unique index keeps one primary per endpoint even when
        // two processes rotate at once.
        return {QStringLiteral("CREATE TABLE keys (id TEXT PRIMARY KEY, endpoint TEXT NOT NULL,"
                               " label TEXT NOT NULL DEFAULT '', origin TEXT NOT NULL,"
                               " created_at INTEGER NOT NULL, state TEXT NOT NULL,"
                               " grace_until INTEGER, revoked_at INTEGER, last_used INTEGER,"
                               " use_count INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX keys_endpoint ON keys (endpoint, created_at)"),
                QStringLiteral("CREATE UNIQUE INDEX keys_one_primary ON keys (endpoint)"
                               " WHERE state = 'primary'"),
                QStringLiteral("CREATE TABLE key_audit (id INTEGER PRIMARY KEY,"
                               " at INTEGER NOT NULL, endpoint TEXT NOT NULL,"
                               " key_id TEXT NOT NULL, action TEXT NOT NULL,"
                               " related_key_id TEXT, until INTEGER, label TEXT)"),
                QStringLiteral("CREATE INDEX key_audit_endpoint ON key_audit (endpoint, id)")};
    }
    return {};
}

} // namespace hookbench
