#pragma once

#include <QByteArray>
#include <QString>

namespace hookbench {

// One line for the settings history list: what `current` changed against `previous`, e.g.
// "2 campaigns changed (checkout_cta, pricing), 1 added (new_banner), 1 removed (old_test)",
// "no campaign changed (top-level fields changed: version)" or, with `previous` empty,
// "first version: 4 campaigns". The semantic diff (src/core/diff) decides what changed, so the
// line agrees with the diff viewer: campaigns by `key`, {} as [], order alone no change. At most
// MaxListedKeys keys are named per category. English: it is stored with the version.
QString summarizeSettingsChange(const QByteArray &previous, const QByteArray &current);

constexpr int MaxListedKeys = 3;

} // namespace hookbench
