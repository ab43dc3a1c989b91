#pragma once

#include "colorschemewatcher.h"

#include <QObject>
#include <QPalette>
#include <QString>

namespace hookbench {

enum class ThemeChoice { System, Light, Dark };

// The application's light or dark look: the system's (the desktop portal's colour-scheme, or
// the platform's own palette when the portal says nothing) unless the user chose one. A look
// the platform does not give is made with the Fusion style and a palette of our own; going back
// to the system's look restores the style and palette the application started with.
class AppTheme : public QObject
{
    Q_OBJECT
public:
    // Needs a QApplication. `watcher` may be null (no portal): the system look is then the
    // platform's palette.
    explicit AppTheme(ColorSchemeWatcher *watcher, QObject *parent = nullptr);

    ThemeChoice choice() const { return m_choice; }
    void setChoice(ThemeChoice choice);
    bool isDark() const { return m_dark; }

    static QPalette darkPalette();
    static QPalette lightPalette();
    static bool isDarkPalette(const QPalette &palette);

Q_SIGNALS:
    void choiceChanged(hookbench::ThemeChoice choice);
    void darkChanged(bool dark);

private:
    bool systemWantsDark() const;
    void apply();

    ColorSchemeWatcher *m_watcher;
    ThemeChoice m_choice = ThemeChoice::System;
    QString m_startStyle;
    QPalette m_startPalette;
    bool m_startDark = false;
    bool m_ownLook = false; // Fusion and our palette are in place
    bool m_dark = false;
};

} // namespace hookbench
