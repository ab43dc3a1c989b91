#pragma once

#include <QStringList>

namespace hookbench {

// SQL that takes the event database from schema `from` to `from + 1`; empty past the newest.
// v1 is the first released schema and never changes; later versions only append steps.
QStringList eventSchemaMigration(int from);

} // namespace hookbench
