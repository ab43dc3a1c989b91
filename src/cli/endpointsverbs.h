#pragma once

#include <QStringList>

namespace hookbench::cli {

// The `endpoints` subcommands; args[0] is the subcommand itself.
int runEndpointsList(const QStringList &args);   // endpointslist.cpp
int runEndpointsAdd(const QStringList &args);    // endpointschange.cpp
int runEndpointsSet(const QStringList &args);    // endpointschange.cpp
int runEndpointsRename(const QStringList &args); // endpointsrename.cpp
int runEndpointsRemove(const QStringList &args); // endpointsrename.cpp
int runEndpointsExport(const QStringList &args); // endpointsshare.cpp
int runEndpointsImport(const QStringList &args); // endpointsshare.cpp

} // namespace hookbench::cli
