#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli diff OLD NEW [--format summary|unified|json-patch] ...`: compares two JSON
// (settings) files. Exit 0 when the semantic summary is empty (order alone is no change), 1
// when it is not, whatever the format; 2 on a usage or input error. args[0] is "diff".
int runDiff(const QStringList &args);

} // namespace hookbench::cli
