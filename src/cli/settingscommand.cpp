// settings: dispatches to the subcommands (settingsfetch.cpp, settingsprofile.cpp,
// settingshistory.cpp, settingsshow.cpp, settingsdiff.cpp).
#include "settingscommand.h"

#include "clihelpers.h"
#include "settingsverbs.h"

namespace hookbench::cli {

namespace {

const CommandTable Subcommands{
    {"fetch", "Fetch the settings file once and record it in the history", runSettingsFetch},
    {"profile", "Show or set the endpoint's account id, SDK key and auto-fetch",
     runSettingsProfile},
    {"history", "List the stored versions, newest first", runSettingsHistory},
    {"show", "Print one version's bytes (SDK key redacted unless --original)", runSettingsShow},
    {"fetches", "List the fetch log: every fetch, failed ones with their reason",
     runSettingsFetches},
    {"import", "Record a settings file from disk as a version", runSettingsImport},
    {"diff", "Compare the current files of two endpoints (--endpoint A --against B)",
     runSettingsDiff},
};

QString helpText()
{
    return QStringLiteral(
               "Usage: hookbench-cli settings <subcommand> [options]\n\n"
               "Keep every version of the VWO FullStack settings file of an endpoint's account.\n"
               "The account profile (account id, base URL, auto-fetch) lives in the event\n"
               "database; the SDK key, a credential, in the system keychain (or a file only\n"
               "you can read). The SDK key is never printed, logged or stored in the history:\n"
               "a settings file's own sdkKey is kept as \"REDACTED\". While 'hookbench-cli\n"
               "listen' runs, every valid webhook fetches the file when auto-fetch is on.\n\n"
               "Subcommands:\n") +
           Subcommands.listing() +
           QStringLiteral(
               "\nCommon options: --endpoint NAME (default: default), --db FILE, --secrets-file "
               "FILE\n(or HOOKBENCH_SECRETS_FILE: keep the SDK key in that file, not the "
               "keychain).\nRun 'hookbench-cli settings <subcommand> --help' for a "
               "subcommand's options.\n");
}

} // namespace

int runSettings(const QStringList &args)
{
    return Subcommands.dispatch(QStringLiteral("settings"), args, helpText());
}

} // namespace hookbench::cli
