#pragma once

#include <QStringList>

namespace hookbench::cli {

// hookbench-cli db backup|restore|check: the event database as a whole (issue 9).
int runDb(const QStringList &args);

} // namespace hookbench::cli
