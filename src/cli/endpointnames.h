#pragma once

#include "endpoints/endpoint.h"

#include <QList>
#include <QString>

namespace hookbench::cli {

// "no endpoint named 'x' (endpoints: default, staging)"
QString noEndpointNamed(const QString &name, const QList<Endpoint> &endpoints);

// For the verbs that take --endpoint: empty when `name` is an endpoint of the database at
// `databasePath` (`default` always is; a missing database has only that one), else why not,
// e.g. "no endpoint named 'x' (endpoints: default, staging)". Never creates the database.
QString checkEndpointExists(const QString &databasePath, const QString &name);

} // namespace hookbench::cli
