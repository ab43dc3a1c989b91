#include "eventdetailview.h"
#include "eventlogdisplay.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "filterbar.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace hookbench;

namespace {

const QUrl defaultUrl(QStringLiteral("http://127.0.0.1:4000/vwo-webhook"));

template<typename T>
T *child(const QWidget &window, const char *name)
{
    T *widget = window.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

QString labelText(const QWidget &window, const char *name)
{
    const QLabel *label = child<QLabel>(window, name);
    return label ? label->text() : QString();
}

// The placeholder's labels, joined, whatever their layout.
QString placeholderText(const QWidget &window)
{
    QStringList texts;
    const QWidget *placeholder = child<QTableView>(window, "eventTable")->viewport();
    for (const QLabel *label : placeholder->findChildren<QLabel *>()) {
        if (label->isVisibleTo(&window))
            texts.append(label->text());
    }
    return texts.join(QLatin1Char('\n'));
}

Event makeEvent(qint64 id, const QByteArray &path)
{
    Event event;
    event.id = id;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.method = QByteArrayLiteral("POST");
    event.path = path;
    event.status = 200;
    event.valid = true;
    event.remoteAddress = QStringLiteral("127.0.0.1");
    return event;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The filter bar keeps recent filters in QSettings: never the user's own.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HookbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup() { m_window.reset(); }

    void startsStopped()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Hookbench"));
        QCOMPARE(labelText(*m_window, "receiverStateLabel"), QStringLiteral("Stopped"));
        QVERIFY(!child<QAction>(*m_window, "copyUrlAction")->isEnabled());
        QVERIFY(!child<QWidget>(*m_window, "receiverMessage")->isVisible());
    }

    void statusBarShowsUrlAfterStart()
    {
        m_window->receiverStarting(defaultUrl);
        m_window->receiverStarted(defaultUrl);

        QCOMPARE(labelText(*m_window, "receiverUrlLabel"), defaultUrl.toString());
        QCOMPARE(labelText(*m_window, "receiverStateLabel"), QStringLiteral("Listening"));
        QVERIFY(child<QAction>(*m_window, "copyUrlAction")->isEnabled());
        QVERIFY(!child<QWidget>(*m_window, "receiverMessage")->isVisible());
        // The empty table says where to send requests.
        QVERIFY2(placeholderText(*m_window).contains(defaultUrl.toString()),
                 qPrintable(placeholderText(*m_window)));
    }

    void copyUrl()
    {
        m_window->receiverStarted(defaultUrl);
        QAction *copy = child<QAction>(*m_window, "copyUrlAction");
        QCOMPARE(copy->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        copy->trigger();
        QCOMPARE(QApplication::clipboard()->text(), defaultUrl.toString());
    }

    void portInUseOffersFreePort()
    {
        QSignalSpy restart(m_window.get(), &MainWindow::restartRequested);
        m_window->receiverStarting(defaultUrl);
        m_window->receiverFailed(QStringLiteral("port 4000 on 127.0.0.1 is already in use"), true,
                                 53122);

        const QWidget *message = child<QWidget>(*m_window, "receiverMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(labelText(*m_window, "receiverStateLabel"), QStringLiteral("Stopped"));
        QVERIFY(!child<QAction>(*m_window, "copyUrlAction")->isEnabled());
        const QString text = message->accessibleDescription();
        QVERIFY2(text.contains(QStringLiteral(
                     "Port 4000 on 127.0.0.1 is already in use by another program.")),
                 qPrintable(text));

        QPushButton *usePort = child<QPushButton>(*m_window, "useFreePortButton");
        QVERIFY(usePort);
        QVERIFY(usePort->isVisible());
        QCOMPARE(usePort->text(), QStringLiteral("Use Free Port 53122"));
        QTest::mouseClick(usePort, Qt::LeftButton);
        QCOMPARE(restart.count(), 1);
        QCOMPARE(restart.takeFirst().at(0).value<quint16>(), quint16(53122));

        QTest::mouseClick(child<QPushButton>(*m_window, "retryButton"), Qt::LeftButton);
        QCOMPARE(restart.count(), 1);
        QCOMPARE(restart.takeFirst().at(0).value<quint16>(), quint16(4000));

        // The restart succeeds on the free port: the warning goes away.
        const QUrl freeUrl(QStringLiteral("http://127.0.0.1:53122/vwo-webhook"));
        m_window->receiverStarting(freeUrl);
        m_window->receiverStarted(freeUrl);
        QVERIFY(!message->isVisible());
        QCOMPARE(labelText(*m_window, "receiverUrlLabel"), freeUrl.toString());
        QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("useFreePortButton")));
    }

    void otherFailureOffersRetryOnly()
    {
        m_window->receiverStarting(defaultUrl);
        m_window->receiverFailed(QStringLiteral("cannot open /nope/x.sqlite"), false, 0);

        const QWidget *message = child<QWidget>(*m_window, "receiverMessage");
        QVERIFY(message->isVisible());
        QVERIFY(message->accessibleDescription().contains(QStringLiteral("/nope/x.sqlite")));
        QVERIFY(!m_window->findChild<QPushButton *>(QStringLiteral("useFreePortButton")));
        QVERIFY(child<QPushButton>(*m_window, "retryButton"));
    }

    void eventsShowInTable()
    {
        m_window->receiverStarted(defaultUrl);
        const QTableView *table = child<QTableView>(*m_window, "eventTable");
        const QWidget *placeholder =
            table->viewport()->findChildren<QLabel *>().first()->parentWidget();
        QVERIFY(placeholder->isVisible());

        m_window->appendEvents({makeEvent(1, "/vwo-webhook"), makeEvent(2, "/other")});
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(1, EventLogDisplay::PathColumn).data().toString(),
                 QStringLiteral("/other"));
        QVERIFY(!placeholder->isVisible());
        QCOMPARE(labelText(*m_window, "requestCountLabel"),
                 QStringLiteral("Received since start: 2"));
    }

    void tableFollowsTail()
    {
        m_window->receiverStarted(defaultUrl);
        auto *table = child<QTableView>(*m_window, "eventTable");
        QList<Event> batch;
        for (int i = 0; i < 200; ++i)
            batch.append(makeEvent(i, "/vwo-webhook"));
        m_window->appendEvents(batch);
        QTRY_VERIFY(table->verticalScrollBar()->value() > 0);
        QTRY_COMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
        const int last = table->model()->rowCount() - 1;
        QTRY_VERIFY(table->viewport()->rect().intersects(
            table->visualRect(table->model()->index(last, 0))));
    }

    void tableStaysPutWhenScrolledUp()
    {
        m_window->receiverStarted(defaultUrl);
        auto *table = child<QTableView>(*m_window, "eventTable");
        QList<Event> batch;
        for (int i = 0; i < 200; ++i)
            batch.append(makeEvent(i, "/vwo-webhook"));
        m_window->appendEvents(batch);
        QTRY_VERIFY(table->verticalScrollBar()->value() > 0);

        // Reading older rows: new ones must not yank the view away, and say they came.
        table->verticalScrollBar()->setValue(0);
        QList<Event> more;
        for (int i = 200; i < 230; ++i)
            more.append(makeEvent(i, "/vwo-webhook"));
        m_window->appendEvents(more);
        QTest::qWait(300);
        QCOMPARE(table->verticalScrollBar()->value(), 0);
        auto *paused = child<QToolButton>(*m_window, "pausedNewButton");
        QVERIFY(paused->isVisible());
        QVERIFY2(paused->text().contains(QStringLiteral("30 new")), qPrintable(paused->text()));

        // One click brings the newest rows back and follows again.
        QTest::mouseClick(paused, Qt::LeftButton);
        QTRY_COMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->maximum());
        QVERIFY(!paused->isVisible());
    }

    void selectingShowsDetails()
    {
        m_window->receiverStarted(defaultUrl);
        Event event = makeEvent(7, "/vwo-webhook");
        event.body = R"({"timestamp": 1, "event": "settings_changed"})";
        m_window->appendEvents({makeEvent(6, "/first"), event});
        auto *table = child<QTableView>(*m_window, "eventTable");
        QVERIFY(!m_window->detailView()->hasEvent());
        table->setCurrentIndex(table->model()->index(1, 0));
        QVERIFY(m_window->detailView()->hasEvent());
        QCOMPARE(m_window->detailView()->shownEvent().id, 7);
        QVERIFY(child<QAction>(*m_window, "copyCurlAction")->isEnabled());
    }

    void overrideBannerWhileActive()
    {
        ReceiverConfig config;
        config.response.status = 503;
        config.response.delayMs = 2000;
        m_window->setReceiverConfig(config);
        m_window->receiverStarted(defaultUrl);
        auto *banner = child<QWidget>(*m_window, "overrideMessage");
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->accessibleDescription().contains(QStringLiteral("503")),
                 qPrintable(banner->accessibleDescription()));

        QSignalSpy changed(m_window.get(), &MainWindow::receiverConfigChanged);
        QTest::mouseClick(child<QPushButton>(*m_window, "turnOffOverrideButton"), Qt::LeftButton);
        QCOMPARE(changed.size(), 1);
        const auto turnedOff = changed.first().first().value<ReceiverConfig>();
        QCOMPARE(turnedOff.response.status, 0);
        QCOMPARE(turnedOff.response.delayMs, 0);

        m_window->setReceiverConfig(turnedOff);
        QVERIFY(!banner->isVisible());
    }

    void deleteSelectedAsksForTheirIds()
    {
        m_window->receiverStarted(defaultUrl);
        m_window->appendEvents({makeEvent(11, "/a"), makeEvent(12, "/b"), makeEvent(13, "/c")});
        auto *table = child<QTableView>(*m_window, "eventTable");
        auto *remove = child<QAction>(*m_window, "deleteAction");
        QVERIFY(!remove->isEnabled());
        table->selectionModel()->select(
            QItemSelection(table->model()->index(0, 0), table->model()->index(1, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(remove->isEnabled());
        QSignalSpy requested(m_window.get(), &MainWindow::removeEventsRequested);
        remove->trigger();
        QCOMPARE(requested.size(), 1);
        QList<qint64> ids = requested.first().first().value<QList<qint64>>();
        std::sort(ids.begin(), ids.end());
        QCOMPARE(ids, (QList<qint64>{11, 12}));
    }

    void shortcutsAreUnambiguous()
    {
        // Two actions on one key sequence make Qt fire neither ("Ambiguous shortcut overload").
        QHash<QKeySequence, QString> owners;
        for (const QAction *action : m_window->findChildren<QAction *>()) {
            for (const QKeySequence &sequence : action->shortcuts()) {
                const QString other = owners.value(sequence);
                QVERIFY2(other.isEmpty(),
                         qPrintable(sequence.toString() + QLatin1String(": ") + other +
                                    QLatin1String(" and ") + action->objectName()));
                owners.insert(sequence, action->objectName());
            }
        }
        QVERIFY(owners.size() > 10);
    }

    void starTogglesTheSelection()
    {
        m_window->appendEvents({makeEvent(21, "/a"), makeEvent(22, "/b"), makeEvent(23, "/c")});
        auto *table = child<QTableView>(*m_window, "eventTable");
        auto *star = child<QAction>(*m_window, "starAction");
        QVERIFY(!star->isEnabled());
        table->selectionModel()->select(
            QItemSelection(table->model()->index(1, 0), table->model()->index(2, 0)),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(star->isEnabled());
        QSignalSpy requested(m_window.get(), &MainWindow::starRequested);
        star->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).value<QList<qint64>>(), (QList<qint64>{22, 23}));
        QCOMPARE(requested.at(0).at(1).toBool(), true);
        // The store answers; the rows show the star at once.
        m_window->eventsStarred({22, 23}, true);
        const QModelIndex time = table->model()->index(1, EventLogDisplay::TimeColumn);
        QVERIFY2(time.data().toString().startsWith(QChar(0x2605)),
                 qPrintable(time.data().toString()));
        QVERIFY(!table->model()->index(0, 0).data().toString().startsWith(QChar(0x2605)));
        // All starred: the same action unstars.
        star->trigger();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(1).toBool(), false);
        m_window->eventsStarred({22, 23}, false);
        QVERIFY(!time.data().toString().startsWith(QChar(0x2605)));
    }

    void stoppingTheCountKeepsWhatWasFound()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        {
            EventStore store;
            store.setRetention(0);
            QCOMPARE(store.open(path), QString());
            QList<Event> batch;
            for (int i = 0; i < 20000; ++i)
                batch.append(makeEvent(0, "/vwo-webhook"));
            QSignalSpy committed(&store, &EventStore::committed);
            store.append(batch);
            QCOMPARE(committed.size(), 1);
        }
        m_window->setDatabase(path);
        QTRY_COMPARE(m_window->eventsModel()->rowCount(), 20000);
        // The user stops the count as soon as the first matches are in.
        auto *stop =
            m_window->filterBar()->findChild<QToolButton *>(QStringLiteral("filterCancelButton"));
        QVERIFY(stop);
        const auto connection =
            connect(m_window->eventsModel(), &EventLogModel::loadProgress, stop, [stop] {
                if (stop->isVisible())
                    QTest::mouseClick(stop, Qt::LeftButton);
            });
        auto *edit = m_window->filterBar()->findChild<QLineEdit *>();
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("status:200"));
        QTest::keyClick(edit, Qt::Key_Return);
        auto *count =
            m_window->filterBar()->findChild<QLabel *>(QStringLiteral("filterCountLabel"));
        QTRY_VERIFY2(count->text().contains(QLatin1String("+ matches in the newest")),
                     qPrintable(count->text()));
        disconnect(connection);
        const int rows = m_window->eventsModel()->rowCount();
        QVERIFY(rows > 0 && rows < 20000);
        QVERIFY(!stop->isVisible());
        QTest::qWait(100);
        QCOMPARE(m_window->eventsModel()->rowCount(), rows);
    }

    void filterNarrowsStoredEvents()
    {
        // A real store on disk: the log reads it on its own thread.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        {
            EventStore store;
            QCOMPARE(store.open(path), QString());
            QList<Event> batch;
            for (int i = 0; i < 50; ++i) {
                Event event = makeEvent(0, i % 5 == 0 ? "/vwo-webhook" : "/elsewhere");
                event.status = i % 5 == 0 ? 200 : 404;
                batch.append(event);
            }
            QSignalSpy committed(&store, &EventStore::committed);
            store.append(batch);
            QCOMPARE(committed.size(), 1);
        }
        m_window->setDatabase(path);
        m_window->receiverStarted(defaultUrl);
        auto *table = child<QTableView>(*m_window, "eventTable");
        QTRY_COMPARE(table->model()->rowCount(), 50);

        auto *edit = m_window->filterBar()->findChild<QLineEdit *>();
        QVERIFY(edit);
        edit->setFocus();
        QTest::keyClicks(edit, QStringLiteral("status:404"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(table->model()->rowCount(), 40);
        QTRY_VERIFY(m_window->filterBar()->findChildren<QLabel *>().size() > 0);
        bool counted = false;
        for (const QLabel *label : m_window->filterBar()->findChildren<QLabel *>())
            counted = counted || label->text().contains(QStringLiteral("40"));
        QVERIFY(counted);
        // Live events are filtered too.
        Event live = makeEvent(1000, "/vwo-webhook");
        m_window->appendEvents({live});
        QCOMPARE(table->model()->rowCount(), 40);
    }

    void placeholderCommandIsAValidWebhook()
    {
        m_window->receiverStarted(defaultUrl);
        // The table's own hint (the detail pane has an empty state of its own).
        const QWidget *placeholder = child<QTableView>(*m_window, "eventTable")
                                         ->findChild<QWidget *>(QStringLiteral("placeholder"));
        auto *copy = placeholder->findChild<QPushButton *>();
        QVERIFY(copy && copy->isVisible());
        QTest::mouseClick(copy, Qt::LeftButton);
        const QString command = QApplication::clipboard()->text();
        QVERIFY2(command.startsWith(QStringLiteral("curl ")), qPrintable(command));
        QVERIFY(command.endsWith(defaultUrl.toString()));
        QVERIFY(command.contains(QStringLiteral("\"event\": \"settings_changed\"")));
    }

private:
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
