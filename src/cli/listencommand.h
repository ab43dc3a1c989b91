#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli listen ...`: headless receiver (DESIGN.md §4). args[0] is "listen".
// Runs the event loop; returns the process exit status.
int runListen(const QStringList &args);

} // namespace hookbench::cli
