#include "statuscolours.h"

#include <QPalette>

namespace hookbench {

bool isDarkBase(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor failureTextColour(const QPalette &palette)
{
    return isDarkBase(palette) ? QColor(0xf0, 0x73, 0x7c) : QColor(0xc0, 0x26, 0x35);
}

QColor warningTextColour(const QPalette &palette)
{
    return isDarkBase(palette) ? QColor(0xf2, 0xa3, 0x4c) : QColor(0x9c, 0x5a, 0x00);
}

QColor successTextColour(const QPalette &palette)
{
    return isDarkBase(palette) ? QColor(0x6f, 0xcf, 0x86) : QColor(0x1b, 0x74, 0x31);
}

} // namespace hookbench
