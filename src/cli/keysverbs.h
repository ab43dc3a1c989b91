#pragma once

#include <QStringList>

namespace hookbench::cli {

// The `keys` subcommands; args[0] is the subcommand itself.
int runKeysGenerate(const QStringList &args);
int runKeysImport(const QStringList &args);
int runKeysRotate(const QStringList &args);
int runKeysList(const QStringList &args);
int runKeysAudit(const QStringList &args);
int runKeysRevoke(const QStringList &args);
int runKeysEndGrace(const QStringList &args);
int runKeysLabel(const QStringList &args);

} // namespace hookbench::cli
