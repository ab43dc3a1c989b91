#pragma once

#include <QStringList>

namespace hookbench {

// The settings history lives in the event database but versions itself through the
// 'settings_schema' row of hookbench_meta, like the key ring.
constexpr int SettingsSchemaVersion = 1;

// SQL that takes the settings tables from version `from` to `from + 1`; empty past the newest.
// v1 is the first released schema and never changes; later versions only append steps.
QStringList settingsSchemaMigration(int from);

} // namespace hookbench
