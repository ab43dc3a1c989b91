#include "appicon.h"

namespace hookbench {

QIcon appIcon()
{
    QIcon icon;
    // PNG in every size a tray or title bar asks for: Debian's Qt has no SVG plugin by default.
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hookbench-%1.png").arg(size), QSize(size, size));
    return QIcon::fromTheme(QStringLiteral("io.github.hookbench.Hookbench"), icon); // as installed
}

} // namespace hookbench
