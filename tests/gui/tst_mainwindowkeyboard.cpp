// The whole window by keyboard and screen reader: every main action has a shortcut, no shortcut
// is bound twice (Qt then fires neither), every menu's mnemonics are distinct, and every control
// that takes focus has an accessible name. The window is built as the app builds it: endpoints,
// keys, settings file, tray switch, appearance.
#include "appsettings.h"
#include "apptheme.h"
#include "auth/keyring.h"
#include "endpointtestsupport.h"
#include "mainwindow.h"
#include "settings/settingssyncset.h"
#include "traynotifier.h"

#include <QAccessible>
#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace hookbench;
using namespace endpointtest;

namespace {

struct MenuItem
{
    QString path; // "Receiver > Settings…", for messages
    QAction *action;
};

QString plain(QString text)
{
    return text.remove(QLatin1Char('&'));
}

void collect(QMenu *menu, const QString &prefix, QList<MenuItem> *items)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString path = prefix + QStringLiteral(" > ") + plain(action->text());
        if (action->menu())
            collect(action->menu(), path, items);
        else
            items->append({path, action});
    }
}

// The mnemonic letter of "&Copy URL" is 'c'; none: a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
            ++i;
        }
    }
    return {};
}

} // namespace

class TestMainWindowKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HookbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowkeyboard"));
        m_fixture = std::make_unique<Fixture>();
        m_ring = std::make_unique<KeyRing>(m_fixture->secrets.get());
        QCOMPARE(m_ring->open(m_fixture->dbPath()), QString());
        m_syncs = std::make_unique<SettingsSyncSet>(m_fixture->secrets.get());
        QSignalSpy ready(m_syncs.get(), &SettingsSyncSet::ready);
        QCOMPARE(m_syncs->open(m_fixture->dbPath(),
                               {QStringLiteral("default"), QStringLiteral("staging")}),
                 QString());
        QVERIFY(ready.wait(5000));
        m_settingsFile = std::make_unique<QSettings>(
            m_fixture->dir.filePath(QStringLiteral("hookbench.conf")), QSettings::IniFormat);
        m_settings = std::make_unique<AppSettings>(m_settingsFile.get());
        m_tray = std::make_unique<TrayNotifier>(m_settings.get());
        m_theme = std::make_unique<AppTheme>(nullptr);
        m_window = buildWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        for (QAction *menu : m_window->menuBar()->actions())
            collect(menu->menu(), plain(menu->text()), &m_items);
        QVERIFY(m_items.size() > 30);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_tray.reset();
        m_syncs.reset();
        m_ring.reset();
        m_fixture.reset();
    }

    void mainActionsHaveShortcuts()
    {
        // Menu items a user reaches by menu alone on purpose: switches and radio choices,
        // commands done once per set-up or destructive, the endpoint context menu's copies of
        // Receiver > Webhook Keys (Ctrl+Shift+K) and Settings File > History (Ctrl+Shift+H),
        // and the About boxes.
        const QStringList withoutShortcut = {
            QStringLiteral("Receiver > Notify on Failed Requests"),
            QStringLiteral("Request > Clear All…"),
            QStringLiteral("Endpoint > Webhook Keys…"),
            QStringLiteral("Endpoint > Settings-File History"),
            QStringLiteral("Endpoint > Settings-File Account…"),
            QStringLiteral("Endpoint > Export Configuration…"),
            QStringLiteral("Endpoint > Import Configuration…"),
            QStringLiteral("Settings File > Account of default…"),
            QStringLiteral("View > Appearance > Same as the System"),
            QStringLiteral("View > Appearance > Light"),
            QStringLiteral("View > Appearance > Dark"),
            QStringLiteral("Help > About Hookbench"),
            QStringLiteral("Help > About Qt"),
        };
        QStringList missing;
        for (const MenuItem &item : std::as_const(m_items)) {
            if (item.action->shortcut().isEmpty() && !withoutShortcut.contains(item.path))
                missing.append(item.path);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("no shortcut: ") + missing.join(QStringLiteral("; "))));
    }

    // Two actions on one key clash unless each only works in its own widget (Del deletes
    // requests in the log and endpoints in the sidebar): Qt then fires neither.
    void noShortcutIsBoundTwice()
    {
        struct Binding
        {
            QString name;
            QSet<QObject *> widgets; // empty: the whole window
        };
        const auto scopeOf = [](QAction *action) {
            QSet<QObject *> widgets;
            if (action->shortcutContext() == Qt::WidgetShortcut ||
                action->shortcutContext() == Qt::WidgetWithChildrenShortcut) {
                for (QObject *object : action->associatedObjects()) {
                    if (!qobject_cast<QMenu *>(object))
                        widgets.insert(object);
                }
            }
            return widgets;
        };
        QMultiHash<QKeySequence, Binding> bound;
        QStringList clashes;
        for (QAction *action : m_window->findChildren<QAction *>()) {
            const Binding binding{action->objectName().isEmpty() ? plain(action->text())
                                                                 : action->objectName(),
                                  scopeOf(action)};
            for (const QKeySequence &shortcut : action->shortcuts()) {
                for (const Binding &other : bound.values(shortcut)) {
                    const bool apart = !binding.widgets.isEmpty() && !other.widgets.isEmpty() &&
                                       !binding.widgets.intersects(other.widgets);
                    if (!apart)
                        clashes.append(QStringLiteral("%1: %2 and %3")
                                           .arg(shortcut.toString(), other.name, binding.name));
                }
                bound.insert(shortcut, binding);
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }

    void mnemonicsAreDistinctInEachMenu()
    {
        const QStringList problems = mnemonicProblems(m_window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    // Translators pick their own letters: the German window is checked the same way.
    void germanMnemonicsAreDistinct()
    {
        QTranslator german;
        QVERIFY2(german.load(QStringLiteral(HOOKBENCH_QM_DE)), HOOKBENCH_QM_DE);
        QVERIFY(QCoreApplication::installTranslator(&german));
        const std::unique_ptr<MainWindow> window = buildWindow();
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(window->menuBar()->actions().constFirst()->text(), QStringLiteral("&Datei"));
        const QStringList problems = mnemonicProblems(window.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void focusableControlsHaveAccessibleNames()
    {
        QStringList unnamed;
        int checked = 0;
        for (QWidget *widget : m_window->findChildren<QWidget *>()) {
            if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            ++checked;
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(accessible);
            if (accessible->text(QAccessible::Name).trimmed().isEmpty())
                unnamed.append(QStringLiteral("%1 (%2)").arg(
                    widget->objectName(), QLatin1String(widget->metaObject()->className())));
        }
        QVERIFY2(checked >= 8, qPrintable(QString::number(checked))); // log, filter, sidebar…
        QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("no accessible name: ") +
                                               unnamed.join(QStringLiteral(", "))));
    }

private:
    std::unique_ptr<MainWindow> buildWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setEndpointDirectory(m_fixture->directory.get());
        window->setKeyRing(m_ring.get());
        window->setSettingsSyncs(m_syncs.get());
        window->setAppTheme(m_theme.get());
        window->setTrayNotifier(m_tray.get());
        window->setDatabase(m_fixture->dbPath());
        window->receiverStarted(QUrl(QStringLiteral("http://127.0.0.1:4000/vwo-webhook")));
        window->show();
        return window;
    }

    static QStringList mnemonicProblems(MainWindow *window)
    {
        QStringList problems;
        const auto check = [&](const QString &where, const QList<QAction *> &actions) {
            QHash<QChar, QString> taken;
            for (QAction *action : actions) {
                if (action->isSeparator() || !action->isEnabled())
                    continue;
                const QChar key = mnemonic(action->text());
                if (key.isNull()) {
                    problems.append(QStringLiteral("%1 > %2 has no mnemonic")
                                        .arg(where, plain(action->text())));
                    continue;
                }
                if (taken.contains(key))
                    problems.append(QStringLiteral("%1: '%2' for both %3 and %4")
                                        .arg(where, key, taken.value(key), plain(action->text())));
                taken.insert(key, plain(action->text()));
            }
        };
        check(QStringLiteral("menu bar"), window->menuBar()->actions());
        // Menus of data (filters typed or offered as examples) have no words to underline.
        const QStringList dataMenus = {QStringLiteral("filterRecentMenu"),
                                       QStringLiteral("filterHelpMenu")};
        for (QMenu *menu : window->findChildren<QMenu *>()) {
            if (dataMenus.contains(menu->objectName()))
                continue;
            const QString where =
                menu->title().isEmpty() ? menu->objectName() : plain(menu->title());
            check(where.isEmpty() ? QStringLiteral("a context menu") : where, menu->actions());
        }
        return problems;
    }

    std::unique_ptr<Fixture> m_fixture;
    std::unique_ptr<KeyRing> m_ring;
    std::unique_ptr<SettingsSyncSet> m_syncs;
    std::unique_ptr<QSettings> m_settingsFile;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TrayNotifier> m_tray;
    std::unique_ptr<AppTheme> m_theme;
    std::unique_ptr<MainWindow> m_window;
    QList<MenuItem> m_items;
};

QTEST_MAIN(TestMainWindowKeyboard)
#include "tst_mainwindowkeyboard.moc"
