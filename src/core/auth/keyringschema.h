#pragma once

#include <QStringList>

namespace hookbench {

// The key ring's tables live in the event database (one file per user) but version themselves
// through a row of hookbench_meta, so they never touch the event store's PRAGMA user_version.
constexpr int KeyRingSchemaVersion = 1;

// SQL that takes the key ring tables from version `from` to `from + 1`; empty past the newest.
// v1 is the first released schema and never changes; later versions only append steps.
QStringList keyRingSchemaMigration(int from);

} // namespace hookbench
