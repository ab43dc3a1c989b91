// Tray notifications: TrayDigest decides what is said and when (no tray needed); TrayNotifier
// binds the menu switch to the setting and stays silent without a tray; a click on a message
// selects its request in the main window.
#include "appicon.h"
#include "appsettings.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "mainwindow.h"
#include "traydigest.h"
#include "traynotifier.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

Event healthy(qint64 id)
{
    Event event;
    event.id = id;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.remoteAddress = QStringLiteral("10.0.0.5");
    event.remotePort = 40123;
    event.status = 200;
    event.auth = AuthOutcome::Ok;
    event.keyId = QStringLiteral("k1");
    event.valid = true;
    return event;
}

Event wrongKey(qint64 id)
{
    Event event = healthy(id);
    event.status = 401;
    event.auth = AuthOutcome::Failed;
    event.keyId.clear();
    event.error = QStringLiteral("auth failed");
    return event;
}

Event missingKey(qint64 id)
{
    Event event = wrongKey(id);
    event.auth = AuthOutcome::Missing;
    event.error = QStringLiteral("auth missing");
    return event;
}

Event invalidPayload(qint64 id)
{
    Event event = healthy(id);
    event.status = 400;
    event.valid = false;
    event.error = QStringLiteral("missing field \"timestamp\"");
    return event;
}

} // namespace

class TestTrayNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the filter bar's recent filters
        QVERIFY(m_dir.isValid());
    }

    void healthyEventsNeverNotify_data()
    {
        QTest::addColumn<Event>("event");
        QTest::addRow("authenticated, valid") << healthy(1);
        Event open = healthy(1);
        open.auth = AuthOutcome::NotRequired;
        open.keyId.clear();
        QTest::addRow("no key required, valid") << open;
        // Not a failed webhook: another path, another method, refused before the body.
        Event notFound = open;
        notFound.status = 404;
        notFound.valid = false;
        notFound.path = "/favicon.ico";
        QTest::addRow("404") << notFound;
        Event get = open;
        get.status = 405;
        get.valid = false;
        get.method = "GET";
        QTest::addRow("405") << get;
        Event tooLarge = open;
        tooLarge.status = 413;
        tooLarge.valid = false;
        tooLarge.error = QStringLiteral("body of 5 bytes exceeds the limit of 4 bytes");
        QTest::addRow("413") << tooLarge;
        Event malformed = open;
        malformed.status = 400;
        malformed.valid = false;
        malformed.method.clear();
        malformed.path.clear();
        malformed.error = QStringLiteral("malformed HTTP request: bad request line");
        QTest::addRow("malformed") << malformed;
    }

    void healthyEventsNeverNotify()
    {
        QFETCH(Event, event);
        QCOMPARE(TrayDigest::problem(event), TrayDigest::Problem::None);
        TrayDigest digest;
        digest.setEnabled(true);
        QVERIFY(!digest.add({event, event, event}, 0));
        QCOMPARE(digest.flushDueMs(), -1);
        QVERIFY(!digest.flush(60000));
    }

    void singleFailure_data()
    {
        QTest::addColumn<Event>("event");
        QTest::addColumn<QString>("text");
        QTest::addRow("wrong key")
            << wrongKey(42)
            << QStringLiteral(
                   "POST /vwo-webhook from 10.0.0.5: x-vwo-auth did not match any configured key");
        QTest::addRow("missing key")
            << missingKey(42)
            << QStringLiteral("POST /vwo-webhook from 10.0.0.5: the x-vwo-auth header is missing");
        Event noAddress = wrongKey(42);
        noAddress.remoteAddress.clear();
        noAddress.path = "/vwo-webhook/%1%2";
        QTest::addRow("no address, percent signs in path")
            << noAddress
            << QStringLiteral("POST /vwo-webhook/%1%2 from an unknown address: x-vwo-auth did not "
                              "match any configured key");
    }

    void singleFailure()
    {
        QFETCH(Event, event);
        QFETCH(QString, text);
        TrayDigest digest;
        digest.setEnabled(true);
        const auto message = digest.add({healthy(41), event, healthy(43)}, 5000);
        QVERIFY(message);
        QCOMPARE(message->title, QStringLiteral("Failed request"));
        QCOMPARE(message->text, text);
        QCOMPARE(message->eventId, 42);
        QCOMPARE(message->count, 1);
        QCOMPARE(digest.flushDueMs(), -1); // nothing held back
    }

    void invalidPayloadWording()
    {
        TrayDigest digest;
        digest.setEnabled(true);
        auto message = digest.add({invalidPayload(7)}, 0);
        QVERIFY(message);
        QCOMPARE(message->text, QStringLiteral("POST /vwo-webhook from 10.0.0.5: invalid payload: "
                                               "missing field \"timestamp\""));
        // Without a reason from the receiver, still a sentence.
        Event bare = invalidPayload(8);
        bare.error.clear();
        message = digest.add({bare}, 20000);
        QVERIFY(message);
        QCOMPARE(message->text, QStringLiteral("POST /vwo-webhook from 10.0.0.5: the payload is "
                                               "not a valid VWO webhook"));
        // A response override answering 503 does not hide an invalid payload.
        Event overridden = invalidPayload(9);
        overridden.status = 503;
        QCOMPARE(TrayDigest::problem(overridden), TrayDigest::Problem::InvalidPayload);
        // A refused key is reported as such, even when the payload was bad too.
        Event both = invalidPayload(10);
        both.auth = AuthOutcome::Failed;
        both.status = 401;
        QCOMPARE(TrayDigest::problem(both), TrayDigest::Problem::WrongKey);
    }

    void burstCoalescing()
    {
        TrayDigest digest;
        digest.setEnabled(true);
        // The first failure after a quiet spell is told at once.
        auto message = digest.add({wrongKey(1)}, 1000);
        QVERIFY(message);
        QCOMPARE(message->count, 1);

        // The next ones within 10 s wait, however they are batched.
        qint64 id = 2;
        for (int i = 0; i < 9; ++i) {
            QVERIFY(!digest.add({wrongKey(id++), healthy(1000 + i)}, 1500 + i * 500));
        }
        QVERIFY(
            !digest.add({invalidPayload(id++), invalidPayload(id++), invalidPayload(id++)}, 9000));
        QCOMPARE(digest.flushDueMs(), 11000);
        QVERIFY(!digest.flush(10999));

        message = digest.flush(11000);
        QVERIFY(message);
        QCOMPARE(message->title, QStringLiteral("Failed requests"));
        QCOMPARE(message->text, QStringLiteral("12 requests failed in the last 10 s: 9 with a "
                                               "wrong x-vwo-auth, 3 with an invalid payload"));
        QCOMPARE(message->count, 12);
        QCOMPARE(message->eventId, id - 1); // the last one
        QCOMPARE(digest.flushDueMs(), -1);

        // The window starts again at that message: one failure 4 s later waits 6 s, and is
        // then described on its own.
        QVERIFY(!digest.add({missingKey(100)}, 15000));
        QCOMPARE(digest.flushDueMs(), 21000);
        message = digest.flush(21000);
        QVERIFY(message);
        QCOMPARE(message->count, 1);
        QCOMPARE(message->eventId, 100);
        QVERIFY(message->text.endsWith(QLatin1String("the x-vwo-auth header is missing")));

        // After a quiet spell: at once again.
        message = digest.add({wrongKey(101)}, 40000);
        QVERIFY(message);
        QCOMPARE(message->eventId, 101);
    }

    void burstInOneCommit()
    {
        TrayDigest digest;
        digest.setEnabled(true);
        const auto message = digest.add({missingKey(1), healthy(2), wrongKey(3), missingKey(4)}, 0);
        QVERIFY(message);
        QCOMPARE(message->text, QStringLiteral("3 requests failed in the last 10 s: 1 with a "
                                               "wrong x-vwo-auth, 2 without x-vwo-auth"));
        QCOMPARE(message->eventId, 4);
    }

    void disabledSetting()
    {
        TrayDigest digest;
        QVERIFY(!digest.isEnabled()); // off unless the user turned it on
        QVERIFY(!digest.add({wrongKey(1), invalidPayload(2)}, 0));
        QCOMPARE(digest.flushDueMs(), -1);
        digest.setEnabled(true);
        QVERIFY(!digest.flush(60000)); // nothing was collected while off

        // Turning it off drops what was held back.
        QVERIFY(digest.add({wrongKey(3)}, 100000));
        QVERIFY(!digest.add({wrongKey(4)}, 101000));
        QCOMPARE(digest.flushDueMs(), 110000);
        digest.setEnabled(false);
        QCOMPARE(digest.flushDueMs(), -1);
        digest.setEnabled(true);
        QVERIFY(!digest.flush(200000));
    }

    void appIconIsEmbedded()
    {
        // Resources of a static library are easily dropped by the linker: check they made it.
        for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
            const QString file = QStringLiteral(":/icons/hookbench-%1.png").arg(size);
            QCOMPARE(QImage(file).size(), QSize(size, size));
        }
        QVERIFY(!appIcon().pixmap(22).isNull());
    }

    void menuSwitchPersistsAndNeedsTray()
    {
        QSettings file(m_dir.filePath(QStringLiteral("tray.ini")), QSettings::IniFormat);
        file.clear();
        {
            AppSettings settings(&file);
            TrayNotifier notifier(&settings);
            QAction *action = notifier.action();
            QVERIFY(action->isCheckable());
            QVERIFY(!action->isChecked()); // off by default
            action->setChecked(true);
            QVERIFY(settings.trayNotificationsEnabled());
        }
        file.sync();
        QSettings reread(m_dir.filePath(QStringLiteral("tray.ini")), QSettings::IniFormat);
        AppSettings settings(&reread);
        QVERIFY(settings.trayNotificationsEnabled());
        TrayNotifier notifier(&settings);
        QVERIFY(notifier.action()->isChecked());

        // The tests run with -platform offscreen, which has no system tray.
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        QVERIFY(!TrayNotifier::isAvailable());
        QVERIFY(!notifier.action()->isEnabled());
        QVERIFY2(notifier.action()->toolTip().contains(QLatin1String("No system tray")),
                 qPrintable(notifier.action()->toolTip()));
        QVERIFY(!notifier.isActive()); // silent, whatever the setting says
        notifier.addEvents({wrongKey(1), missingKey(2)});
        QVERIFY(!notifier.isActive());
    }

    void messageClickSelectsRequest()
    {
        QSettings file(m_dir.filePath(QStringLiteral("window.ini")), QSettings::IniFormat);
        AppSettings settings(&file);
        TrayNotifier notifier(&settings);
        MainWindow window;
        window.setTrayNotifier(&notifier);

        // The switch sits in the Receiver menu, which shows its tooltip.
        QMenu *receiverMenu = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(notifier.action()))
                receiverMenu = menu->menu();
        }
        QVERIFY(receiverMenu);
        QCOMPARE(receiverMenu->title(), QStringLiteral("&Receiver"));
        QVERIFY(receiverMenu->toolTipsVisible());

        // The log shows live events once it has read its (here empty) store.
        const QString database = m_dir.filePath(QStringLiteral("events.sqlite"));
        {
            EventStore store;
            QCOMPARE(store.open(database), QString());
        }
        window.setDatabase(database);
        window.appendEvents({healthy(5), wrongKey(6), healthy(7)});
        QTRY_VERIFY(window.eventsModel()->rowOfId(6) >= 0);
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        QVERIFY(table);
        QVERIFY(!window.isVisible());
        Q_EMIT notifier.eventActivated(6);
        QVERIFY(window.isVisible());
        QCOMPARE(table->currentIndex().row(), window.eventsModel()->rowOfId(6));
        QCOMPARE(window.detailView()->shownEvent().id, 6);

        // A request the list does not show: the window says so and keeps the selection.
        Q_EMIT notifier.eventActivated(999);
        QCOMPARE(window.detailView()->shownEvent().id, 6);
        QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("not in the list")),
                 qPrintable(window.statusBar()->currentMessage()));

        // A click on the tray icon itself brings the window back.
        window.hide();
        Q_EMIT notifier.windowRequested();
        QVERIFY(window.isVisible());
        QCOMPARE(window.detailView()->shownEvent().id, 6);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTrayNotifier)
#include "tst_traynotifier.moc"
