#include "apptheme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace hookbench {

AppTheme::AppTheme(ColorSchemeWatcher *watcher, QObject *parent)
    : QObject(parent)
    , m_watcher(watcher)
    , m_startStyle(QApplication::style()->name())
    , m_startPalette(QApplication::palette())
    , m_startDark(isDarkPalette(m_startPalette))
    , m_dark(m_startDark)
{
    if (m_watcher)
        connect(m_watcher, &ColorSchemeWatcher::schemeChanged, this, &AppTheme::apply);
    apply();
}

void AppTheme::setChoice(ThemeChoice choice)
{
    if (choice == m_choice)
        return;
    m_choice = choice;
    apply();
    Q_EMIT choiceChanged(choice);
}

bool AppTheme::isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

bool AppTheme::systemWantsDark() const
{
    switch (m_watcher ? m_watcher->scheme() : ColorSchemeWatcher::Scheme::NoPreference) {
    case ColorSchemeWatcher::Scheme::Dark:
        return true;
    case ColorSchemeWatcher::Scheme::Light:
        return false;
    case ColorSchemeWatcher::Scheme::NoPreference:
        break;
    }
    return m_startDark;
}

void AppTheme::apply()
{
    const bool wantDark =
        m_choice == ThemeChoice::System ? systemWantsDark() : m_choice == ThemeChoice::Dark;
    if (wantDark == m_startDark) {
        // The platform's own look already is what is wanted: keep its style and palette.
        if (m_ownLook) {
            QApplication::setStyle(m_startStyle);
            QApplication::setPalette(m_startPalette);
            m_ownLook = false;
        }
    } else {
        if (!m_ownLook)
            QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(wantDark ? darkPalette() : lightPalette());
        m_ownLook = true;
    }
    if (wantDark != m_dark) {
        m_dark = wantDark;
        Q_EMIT darkChanged(wantDark);
    }
}

QPalette AppTheme::lightPalette()
{
    const QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette palette = fusion ? fusion->standardPalette() : QPalette(Qt::white);
    delete fusion;
    return palette;
}

QPalette AppTheme::darkPalette()
{
    // Close to Breeze Dark, which the JSON, diff and status colours were checked against
    // (contrast of at least 4.5:1 on Base).
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor button(0x31, 0x36, 0x3b);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabledText(0x7f, 0x84, 0x8a);
    QPalette palette(button, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, button);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    palette.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    palette.setColor(QPalette::Midlight, QColor(0x37, 0x3c, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x24, 0x27, 0x2b));
    palette.setColor(QPalette::Dark, QColor(0x1e, 0x21, 0x24));
    palette.setColor(QPalette::Shadow, QColor(0x10, 0x11, 0x12));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, text);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::LinkVisited, QColor(0x9b, 0x59, 0xb6));
    palette.setColor(QPalette::ToolTipBase, button);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText,
          QPalette::PlaceholderText})
        palette.setColor(QPalette::Disabled, role, disabledText);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4d, 0x55, 0x5c));
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    return palette;
}

} // namespace hookbench
