#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli endpoints SUBCOMMAND …`; args[0] is "endpoints".
int runEndpoints(const QStringList &args);

} // namespace hookbench::cli
