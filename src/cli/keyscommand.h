#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli keys SUBCOMMAND …`; args[0] is "keys".
int runKeys(const QStringList &args);

} // namespace hookbench::cli
