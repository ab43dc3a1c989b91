#pragma once

#include <QStringList>

namespace hookbench::cli {

// The `settings` subcommands; args[0] is the subcommand itself.
int runSettingsFetch(const QStringList &args);   // settingsfetch.cpp
int runSettingsImport(const QStringList &args);  // settingsfetch.cpp
int runSettingsProfile(const QStringList &args); // settingsprofile.cpp
int runSettingsHistory(const QStringList &args); // settingshistory.cpp
int runSettingsFetches(const QStringList &args); // settingshistory.cpp
int runSettingsShow(const QStringList &args);    // settingsshow.cpp
int runSettingsDiff(const QStringList &args);    // settingsdiff.cpp

} // namespace hookbench::cli
