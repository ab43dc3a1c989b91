#include "aboutdialog.h"
#include "mainwindow.h"

#include <QLabel>
#include <QMenuBar>
#include <QTest>
#include <QTimer>

using namespace hookbench;

// Help > About Hookbench (issue 9): version, licence and links, reached from the last menu.
class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsVersionLicenceAndLinks()
    {
        AboutDialog dialog;
        const auto *version = dialog.findChild<QLabel *>(QStringLiteral("aboutVersion"));
        QVERIFY(version);
        QCOMPARE(version->text(),
                 QStringLiteral("Version %1 (Qt %2)")
                     .arg(QLatin1String(HOOKBENCH_VERSION), QLatin1String(qVersion())));
        const auto *licence = dialog.findChild<QLabel *>(QStringLiteral("aboutLicence"));
        QVERIFY(licence);
        QVERIFY(licence->text().contains(QLatin1String("GNU General Public License")));
        QVERIFY(licence->text().contains(QLatin1String("https://www.gnu.org/licenses/gpl-3.0")));
        QVERIFY(licence->openExternalLinks());
        const auto *links = dialog.findChild<QLabel *>(QStringLiteral("aboutLinks"));
        QVERIFY(links);
        QVERIFY(links->text().contains(QLatin1String("href=\"https://developers.vwo.com/")));
        QVERIFY(links->openExternalLinks());
    }

    void helpIsTheLastMenuAndOpensAbout()
    {
        MainWindow window;
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QCOMPARE(menus.constLast()->text(), QStringLiteral("&Help"));
        auto *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
        QVERIFY(about);

        bool seen = false;
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = window.findChild<AboutDialog *>(QStringLiteral("aboutDialog"));
            seen = dialog && dialog->isVisible();
            if (dialog)
                dialog->reject();
        });
        about->trigger(); // modal: returns once the timer closed it
        QVERIFY(seen);
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
