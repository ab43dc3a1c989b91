// endpoints: dispatches to the subcommands (endpointslist.cpp, endpointschange.cpp,
// endpointsrename.cpp, endpointsshare.cpp).
#include "endpointscommand.h"

#include "clihelpers.h"
#include "endpointsverbs.h"

namespace hookbench::cli {

namespace {

const CommandTable Subcommands{
    {"list", "Show every endpoint: path, port, colour, keys, events, answer", runEndpointsList},
    {"add", "Add an endpoint (e.g. one per VWO environment) at its own path", runEndpointsAdd},
    {"set", "Change an endpoint's path, port, colour, answer or forwarding", runEndpointsSet},
    {"rename", "Rename an endpoint with its events, keys and settings history", runEndpointsRename},
    {"remove", "Remove an endpoint and its keys (its events kept or deleted)", runEndpointsRemove},
    {"export", "Write the endpoints and account profiles as JSON (never a secret)",
     runEndpointsExport},
    {"import", "Add or update endpoints from an exported JSON file", runEndpointsImport},
};

QString helpText()
{
    return QStringLiteral(
               "Usage: hookbench-cli endpoints <subcommand> [options]\n\n"
               "VWO enables webhooks per environment, each with its own URL and secret key.\n"
               "Each endpoint (production, staging, …) has its own path (or port), key ring,\n"
               "answer, forwarding and settings-file account profile. The endpoint 'default'\n"
               "(/vwo-webhook) always exists. 'keys', 'settings' and 'events' take --endpoint\n"
               "NAME; a running receiver follows changes within a second.\n\n"
               "Subcommands:\n") +
           Subcommands.listing() +
           QStringLiteral("\nCommon options: --db FILE, --secrets-file FILE (or "
                          "HOOKBENCH_SECRETS_FILE).\nRun 'hookbench-cli endpoints <subcommand> "
                          "--help' for a subcommand's options.\n");
}

} // namespace

int runEndpoints(const QStringList &args)
{
    return Subcommands.dispatch(QStringLiteral("endpoints"), args, helpText());
}

} // namespace hookbench::cli
