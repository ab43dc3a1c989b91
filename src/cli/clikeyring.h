#pragma once

#include "secrets/secretstore.h"

#include <QCommandLineOption>
#include <QString>

namespace hookbench::cli {

// Where the CLI keeps webhook secrets: --secrets-file FILE, else the HOOKBENCH_SECRETS_FILE
// environment variable (both: that file only, no keychain; for tests and headless servers),
// else the system keychain with the usual file fallback.
QCommandLineOption secretsFileOption();
SecretStore::Options secretStoreOptions(const QString &secretsFile);

// "secrets are kept in FILE …, not in the system keychain (REASON)"; empty on the keychain.
QString fileFallbackWarning(const SecretStore &store);

} // namespace hookbench::cli
