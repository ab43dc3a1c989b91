// The dark theme: the desktop portal's colour scheme over a real (private) session bus, with a
// portal of the test's own; the user's choice over it; the colours checked against both
// palettes; the View menu.
#include "appsettings.h"
#include "apptheme.h"
#include "colorschemewatcher.h"
#include "mainwindow.h"
#include "statuscolours.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;
using Scheme = ColorSchemeWatcher::Scheme;

namespace {

const QString PortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString PortalPath = QStringLiteral("/org/freedesktop/portal/desktop");

// The part of xdg-desktop-portal's Settings interface Hookbench uses.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint colorScheme = 0;
    int reads = 0;

    void change(uint scheme)
    {
        colorScheme = scheme;
        QDBusMessage signal = QDBusMessage::createSignal(
            PortalPath, QStringLiteral("org.freedesktop.portal.Settings"),
            QStringLiteral("SettingChanged"));
        signal << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme")
               << QVariant::fromValue(QDBusVariant(scheme));
        QDBusConnection::sessionBus().send(signal);
    }

public Q_SLOTS:
    // As the portal does: the value wrapped in a variant inside the reply's variant.
    QDBusVariant Read(const QString &group, const QString &key)
    {
        ++reads;
        if (group == QLatin1String("org.freedesktop.appearance") &&
            key == QLatin1String("color-scheme"))
            return QDBusVariant(QVariant::fromValue(QDBusVariant(colorScheme)));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QString())));
    }
};

// WCAG 2 contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
               0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace

class TestAppTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("HOOKBENCH_TEST_PRIVATE_BUS"),
                 "run through with-private-bus.sh: this test owns the portal's bus name");
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        m_startStyle = QApplication::style()->name();
        m_startWindow = QApplication::palette().color(QPalette::Window);
        QVERIFY(!AppTheme::isDarkPalette(QApplication::palette())); // offscreen: light
    }

    void withoutAPortalTheLookIsThePlatforms()
    {
        ColorSchemeWatcher watcher;
        QVERIFY(watcher.waitUntilReady(5000));
        QCOMPARE(watcher.scheme(), Scheme::NoPreference);
        AppTheme theme(&watcher);
        QVERIFY(!theme.isDark());
        QCOMPARE(QApplication::style()->name(), m_startStyle);
        theme.setChoice(ThemeChoice::Dark); // a switch works without a portal too
        QVERIFY(theme.isDark());
        QVERIFY(AppTheme::isDarkPalette(QApplication::palette()));
        theme.setChoice(ThemeChoice::System);
        QVERIFY(!theme.isDark());
        QCOMPARE(QApplication::style()->name(), m_startStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startWindow);
    }

    void registerPortal()
    {
        QVERIFY(QDBusConnection::sessionBus().registerObject(PortalPath, &m_portal,
                                                             QDBusConnection::ExportAllSlots));
        QVERIFY(QDBusConnection::sessionBus().registerService(PortalService));
    }

    void followsThePortalWhileItChanges()
    {
        m_portal.colorScheme = 1;
        ColorSchemeWatcher watcher;
        QVERIFY(watcher.waitUntilReady(5000));
        QCOMPARE(m_portal.reads, 1);
        QCOMPARE(watcher.scheme(), Scheme::Dark);
        AppTheme theme(&watcher);
        QSignalSpy darkChanged(&theme, &AppTheme::darkChanged);
        QVERIFY(theme.isDark());
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QCOMPARE(QApplication::palette().color(QPalette::Base),
                 AppTheme::darkPalette().color(QPalette::Base));

        m_portal.change(2); // the user switched the desktop to light
        QTRY_COMPARE(watcher.scheme(), Scheme::Light);
        QVERIFY(!theme.isDark());
        QCOMPARE(darkChanged.size(), 1);
        QCOMPARE(QApplication::style()->name(), m_startStyle);
        QCOMPARE(QApplication::palette().color(QPalette::Window), m_startWindow);

        m_portal.change(1);
        QTRY_VERIFY(theme.isDark());
        m_portal.change(0); // no preference: the platform's own look
        QTRY_VERIFY(!theme.isDark());
        QCOMPARE(QApplication::style()->name(), m_startStyle);
    }

    void theUsersChoiceWinsAndIsKept()
    {
        m_portal.colorScheme = 1;
        ColorSchemeWatcher watcher;
        QVERIFY(watcher.waitUntilReady(5000));
        AppTheme theme(&watcher);
        QSignalSpy chosen(&theme, &AppTheme::choiceChanged);
        theme.setChoice(ThemeChoice::Light);
        QVERIFY(!theme.isDark());
        m_portal.change(1); // the desktop stays dark: the choice holds
        QTest::qWait(100);
        QVERIFY(!theme.isDark());
        theme.setChoice(ThemeChoice::Dark);
        QVERIFY(theme.isDark());
        m_portal.change(2);
        QTest::qWait(100);
        QVERIFY(theme.isDark());
        QCOMPARE(chosen.size(), 2);
        theme.setChoice(ThemeChoice::System);
        QVERIFY(!theme.isDark()); // the desktop is light now

        QTemporaryDir dir;
        QSettings file(dir.filePath(QStringLiteral("hookbench.conf")), QSettings::IniFormat);
        AppSettings settings(&file);
        QCOMPARE(settings.theme(), ThemeChoice::System);
        settings.setTheme(ThemeChoice::Dark);
        QCOMPARE(settings.theme(), ThemeChoice::Dark);
        settings.setTheme(ThemeChoice::Light);
        QCOMPARE(settings.theme(), ThemeChoice::Light);
        file.setValue(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
        QCOMPARE(settings.theme(), ThemeChoice::System); // a hand-edited value: the default
    }

    void portalValuesThatAreNoScheme()
    {
        QCOMPARE(ColorSchemeWatcher::schemeFromPortal(QVariant(1u)), Scheme::Dark);
        QCOMPARE(ColorSchemeWatcher::schemeFromPortal(QVariant::fromValue(QDBusVariant(2u))),
                 Scheme::Light);
        QCOMPARE(ColorSchemeWatcher::schemeFromPortal(QVariant(7u)), Scheme::NoPreference);
        QCOMPARE(ColorSchemeWatcher::schemeFromPortal(QVariant(QStringLiteral("dark"))),
                 Scheme::NoPreference);
        QCOMPARE(ColorSchemeWatcher::schemeFromPortal(QVariant()), Scheme::NoPreference);
    }

    // Every outcome colour and the palette's own text stay readable in both looks.
    void coloursAreReadableInBothLooks()
    {
        for (const QPalette &palette : {AppTheme::lightPalette(), AppTheme::darkPalette()}) {
            const QColor base = palette.color(QPalette::Base);
            const bool dark = AppTheme::isDarkPalette(palette);
            QCOMPARE(isDarkBase(palette), dark);
            for (const QColor &colour :
                 {failureTextColour(palette), warningTextColour(palette),
                  successTextColour(palette), palette.color(QPalette::Text)}) {
                QVERIFY2(contrast(colour, base) >= 4.5,
                         qPrintable(QStringLiteral("%1 on %2: %3:1")
                                        .arg(colour.name(), base.name())
                                        .arg(contrast(colour, base), 0, 'f', 2)));
            }
            QVERIFY(contrast(palette.color(QPalette::WindowText),
                             palette.color(QPalette::Window)) >= 7.0);
        }
    }

    void theViewMenuSwitches()
    {
        m_portal.colorScheme = 2;
        ColorSchemeWatcher watcher;
        QVERIFY(watcher.waitUntilReady(5000));
        AppTheme theme(&watcher);
        MainWindow window;
        window.setAppTheme(&theme);
        auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        const QList<QAction *> menus = window.menuBar()->actions();
        QCOMPARE(menus.indexOf(view->menuAction()), menus.size() - 2); // just before Help
        auto *system = window.findChild<QAction *>(QStringLiteral("themeSystemAction"));
        auto *dark = window.findChild<QAction *>(QStringLiteral("themeDarkAction"));
        auto *light = window.findChild<QAction *>(QStringLiteral("themeLightAction"));
        QVERIFY(system && dark && light);
        QVERIFY(system->isChecked());
        dark->trigger();
        QVERIFY(theme.isDark());
        QVERIFY(dark->isChecked() && !system->isChecked());
        theme.setChoice(ThemeChoice::System); // from elsewhere: the menu follows
        QVERIFY(system->isChecked() && !dark->isChecked());
        QVERIFY(!theme.isDark());
    }

private:
    FakePortal m_portal;
    QString m_startStyle;
    QColor m_startWindow;
};

QTEST_MAIN(TestAppTheme)
#include "tst_apptheme.moc"
