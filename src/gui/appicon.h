#pragma once

#include <QIcon>

namespace hookbench {

// Hookbench's own icon (window, tray), from the embedded PNGs in resources/icons; an icon
// theme may replace it under the installed name "io.github.hookbench.Hookbench".
QIcon appIcon();

} // namespace hookbench
