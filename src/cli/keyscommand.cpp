// keys: dispatches to the subcommands (keysadd.cpp, keyslist.cpp, keyschange.cpp).
#include "keyscommand.h"

#include "clihelpers.h"
#include "keysverbs.h"

namespace hookbench::cli {

namespace {

const CommandTable Subcommands{
    {"generate", "Create the endpoint's first key; prints it once", runKeysGenerate},
    {"import", "Store a key from the VWO app, read from standard input", runKeysImport},
    {"rotate", "New primary key (printed once); the old one gets a grace period", runKeysRotate},
    {"list", "Show keys, states and usage (never a key's value)", runKeysList},
    {"revoke", "Stop accepting a key at once", runKeysRevoke},
    {"end-grace", "End a replaced key's grace period now", runKeysEndGrace},
    {"label", "Change a key's label", runKeysLabel},
    {"audit", "Show the audit trail", runKeysAudit},
};

QString helpText()
{
    return QStringLiteral(
               "Usage: hookbench-cli keys <subcommand> [options]\n\n"
               "Manage the secret keys that authenticate webhooks (the x-vwo-auth header), per\n"
               "endpoint. Key values live in the system keychain (or, where none answers, in a\n"
               "file only you can read); ids, labels, states and the audit trail live in the\n"
               "event database. A running receiver follows every change within a second.\n\n"
               "Subcommands:\n") +
           Subcommands.listing() +
           QStringLiteral(
               "\nCommon options: --endpoint NAME (default: default), --db FILE, --secrets-file "
               "FILE\n(or HOOKBENCH_SECRETS_FILE: keep key values in that file, not the "
               "keychain).\nRun 'hookbench-cli keys <subcommand> --help' for a subcommand's "
               "options.\n");
}

} // namespace

int runKeys(const QStringList &args)
{
    return Subcommands.dispatch(QStringLiteral("keys"), args, helpText());
}

} // namespace hookbench::cli
