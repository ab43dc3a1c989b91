#pragma once

#include <QLatin1String>
#include <QStringList>

namespace hookbench {

// SQL that takes the event database from schema `from` to `from + 1`; empty past the newest.
// v1 is the first released schema and never changes; later versions only append steps.
QStringList eventSchemaMigration(int from);

// The WHERE of partial indexes, verbatim: SQLite uses a partial index only for a query whose WHERE
// contains these very terms, so the filter compiler writes them too. Never change them.
extern const QLatin1String UnusualStatusWhere; // events_status_unusual
extern const QLatin1String AuthProblemWhere;   // events_auth_problem

} // namespace hookbench
