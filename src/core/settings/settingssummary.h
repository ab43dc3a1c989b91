#pragma once

#include <QByteArray>
#include <QString>

namespace hookbench {

// One line for the settings history list: what `current` changed against `previous`, e.g.
// "2 campaigns changed (checkout_cta, pricing), 1 added (new_banner), 1 removed (old_test)",
// "no campaign changed (top-level fields changed: version)" or, with `previous` empty,
// "first version: 4 campaigns". Campaigns are matched by `key` and compared as JSON with every
// empty {} read as [] (the SDKs treat them alike); at most MaxListedKeys keys are named per
// category. Both files should have passed checkSettingsFile(). English: it is stored with the
// version. An interim summary; the semantic diff (src/core/diff) will say more.
QString summarizeSettingsChange(const QByteArray &previous, const QByteArray &current);

constexpr int MaxListedKeys = 3;

} // namespace hookbench
