#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli events ...`: print stored events as JSON lines, oldest first.
// args[0] is "events". Returns the process exit status.
int runEvents(const QStringList &args);

} // namespace hookbench::cli
