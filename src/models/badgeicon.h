#pragma once

#include <QColor>
#include <QIcon>

namespace hookbench {

// Shape as well as hue tells a state apart, for colour-blind users and monochrome themes.
enum class BadgeShape {
    Filled,        // a dot with a darker rim
    Ring,          // a hollow ring
    FilledWithBar, // a dot with a white bar across: a "no entry" sign
};

// A state badge in `colour`, drawn at 16 and 32 pixels for the views' decoration role.
QIcon badgeIcon(const QColor &colour, BadgeShape shape);

} // namespace hookbench
