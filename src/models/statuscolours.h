#pragma once

#include <QColor>

class QPalette;

namespace hookbench {

// Text colours for outcomes, readable on the view's base colour in light and dark themes:
// darker hues on a light base, lighter ones on a dark base, each keeping a contrast of about
// 4.5:1 against it (WCAG AA for text). The one place these hues are spelt.
bool isDarkBase(const QPalette &palette);
QColor failureTextColour(const QPalette &palette); // refused, failed, revoked, invalid input
QColor warningTextColour(const QPalette &palette); // needs a look: grace period, not found
QColor successTextColour(const QPalette &palette); // in force, delivered

} // namespace hookbench
