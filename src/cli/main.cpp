// hookbench-cli: a thin dispatcher; each verb lives in its own file and calls core.
#include "clihelpers.h"
#include "dbcommand.h"
#include "diffcommand.h"
#include "endpointscommand.h"
#include "eventscommand.h"
#include "keyscommand.h"
#include "listencommand.h"
#include "sendcommand.h"
#include "settingscommand.h"

#include <QCoreApplication>

namespace {

using namespace hookbench::cli;

const CommandTable Verbs{
    {"listen", "Run a headless webhook receiver; one JSON line per request", runListen},
    {"events", "Print stored events as JSON lines, oldest first", runEvents},
    {"keys", "Generate, import, rotate, revoke and list webhook keys", runKeys},
    {"settings", "Fetch, import and show versions of the account's settings file", runSettings},
    {"endpoints", "List, add, change, rename, remove, export and import endpoints", runEndpoints},
    {"send", "Send test webhooks as VWO does (retrying), or many for load", runSend},
    {"diff", "Compare two settings (JSON) files: summary, unified diff or JSON Patch", runDiff},
    {"db", "Back up, restore or check the event database (also while receiving)", runDb},
};

QString usageText()
{
    return QStringLiteral("Usage: hookbench-cli <command> [options]\n\n"
                          "Receive and inspect VWO FullStack webhooks from the command "
                          "line.\n\nCommands:\n") +
           Verbs.listing() +
           QStringLiteral("\nRun 'hookbench-cli <command> --help' for a command's options.\n"
                          "Other options: --help, --version\n");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Same organisation/application as the GUI, so the default database is shared.
    QCoreApplication::setOrganizationName(QStringLiteral("Hookbench"));
    QCoreApplication::setApplicationName(QStringLiteral("hookbench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        return usageError({}, QStringLiteral("missing command (expected: %1); see "
                                             "'hookbench-cli --help'")
                                  .arg(Verbs.names()));
    }
    const QString first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        // "help VERB" is the verb's own --help.
        if (first == QLatin1String("help") && args.size() > 1) {
            if (const Command *verb = Verbs.find(args.at(1)))
                return verb->run({args.at(1), QStringLiteral("--help")});
            return usageError({}, QStringLiteral("unknown command '%1' (expected: %2)")
                                      .arg(args.at(1), Verbs.names()));
        }
        writeStdout(usageText().toUtf8());
        return flushStdout() ? ExitOk : ExitFailure;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        writeStdout(QByteArrayLiteral("hookbench-cli " HOOKBENCH_VERSION "\n"));
        return flushStdout() ? ExitOk : ExitFailure;
    }
    if (const Command *verb = Verbs.find(first))
        return verb->run(args);
    if (first.startsWith(QLatin1Char('-')))
        return usageError({}, QStringLiteral("unknown option '%1' before the command (expected: "
                                             "%2); see 'hookbench-cli --help'")
                                  .arg(first, Verbs.names()));
    return usageError({}, QStringLiteral("unknown command '%1' (expected: %2); see "
                                         "'hookbench-cli --help'")
                              .arg(first, Verbs.names()));
}
