#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli settings SUBCOMMAND …`; args[0] is "settings".
int runSettings(const QStringList &args);

} // namespace hookbench::cli
