// keys: dispatches to the subcommands (keysadd.cpp, keyslist.cpp, keyschange.cpp).
#include "keyscommand.h"

#include "clihelpers.h"
#include "keysverbs.h"

namespace hookbench::cli {

namespace {

struct Subcommand
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

const Subcommand Subcommands[] = {
    {"generate", "Create the endpoint's first key; prints it once", runKeysGenerate},
    {"import", "Store a key from the VWO app, read from standard input", runKeysImport},
    {"rotate", "New primary key (printed once); the old one gets a grace period", runKeysRotate},
    {"list", "Show keys, states and usage (never a key's value)", runKeysList},
    {"revoke", "Stop accepting a key at once", runKeysRevoke},
    {"end-grace", "End a replaced key's grace period now", runKeysEndGrace},
    {"label", "Change a key's label", runKeysLabel},
    {"audit", "Show the audit trail", runKeysAudit},
};

QString names()
{
    QStringList list;
    for (const Subcommand &sub : Subcommands)
        list.append(QLatin1String(sub.name));
    return list.join(QLatin1String(", "));
}

QString helpText()
{
    QString text = QStringLiteral(
        "Usage: hookbench-cli keys <subcommand> [options]\n\n"
        "Manage the secret keys that authenticate webhooks (the x-vwo-auth header), per\n"
        "endpoint. Key values live in the system keychain (or, where none answers, in a\n"
        "file only you can read); ids, labels, states and the audit trail live in the\n"
        "event database. A running receiver follows every change within a second.\n\n"
        "Subcommands:\n");
    for (const Subcommand &sub : Subcommands) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(sub.name), -9)
                    .arg(QLatin1String(sub.summary));
    }
    text += QStringLiteral(
        "\nCommon options: --endpoint NAME (default: default), --db FILE, --secrets-file FILE\n"
        "(or HOOKBENCH_SECRETS_FILE: keep key values in that file, not the keychain).\n"
        "Run 'hookbench-cli keys <subcommand> --help' for a subcommand's options.\n");
    return text;
}

} // namespace

int runKeys(const QStringList &args)
{
    const QString verb = QStringLiteral("keys");
    if (args.size() < 2) {
        return usageError(verb, QStringLiteral("missing subcommand (expected: %1); see "
                                               "'hookbench-cli keys --help'")
                                    .arg(names()));
    }
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        writeStdout(helpText().toUtf8());
        return flushStdout() ? ExitOk : ExitFailure;
    }
    for (const Subcommand &sub : Subcommands) {
        if (name == QLatin1String(sub.name))
            return sub.run(args.mid(1));
    }
    return usageError(verb,
                      QStringLiteral("unknown subcommand '%1' (expected: %2)").arg(name, names()));
}

} // namespace hookbench::cli
