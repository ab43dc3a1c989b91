#include "eventdetailview.h"
#include "eventlogdisplay.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "inlinemessage.h"
#include "mainwindow.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QString AppUrl = QStringLiteral("http://127.0.0.1:3000/hook");

Event forwardedEvent(qint64 id, bool follow)
{
    Event event;
    event.id = id;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.headers = {{"Content-Type", "application/json"}};
    event.body = R"({"timestamp": 1606482285, "event": "settings_changed"})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.status = follow ? 0 : 200; // follow mode: no answer until the app's
    event.valid = true;
    event.forwardState = ForwardState::Pending;
    event.forward.url = AppUrl;
    event.forward.followed = follow;
    return event;
}

ForwardResult appAnswer(int status, int answeredStatus, bool follow)
{
    ForwardResult result;
    result.url = AppUrl;
    result.followed = follow;
    result.status = status;
    result.headers = {{"Content-Type", "application/json"}, {"X-App", "yes"}};
    result.body = R"({"created":true,"items":[1,2]})";
    result.elapsedMs = 12;
    result.answeredStatus = answeredStatus;
    return result;
}

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

QString text(const QWidget &view, const char *name)
{
    return child<QLabel>(view, name)->text();
}

bool forwardRowShown(const QWidget &view)
{
    auto *form = view.findChild<QFormLayout *>();
    return form->isRowVisible(child<QLabel>(view, "overviewForward"));
}

bool forwardTabShown(const QWidget &view)
{
    auto *tabs = child<QTabWidget>(view, "detailTabs");
    return tabs->isTabVisible(tabs->indexOf(child<QWidget>(view, "forwardPage")));
}

} // namespace

// The detail pane and the event log for forwarded webhooks (issue 8).
class TestEventDetailForward : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void notForwardedShowsNothing()
    {
        EventDetailView view;
        Event event = forwardedEvent(1, false);
        event.forwardState = ForwardState::None;
        event.forward = {};
        view.setEvent(event);
        QVERIFY(!forwardRowShown(view));
        QVERIFY(!forwardTabShown(view));
    }

    void pendingOwnAnswer()
    {
        EventDetailView view;
        view.setEvent(forwardedEvent(2, false));
        QVERIFY(forwardRowShown(view));
        QVERIFY(forwardTabShown(view));
        QCOMPARE(text(view, "overviewForward"),
                 QStringLiteral("Forwarding to %1\u2026").arg(AppUrl));
        QCOMPARE(child<InlineMessage>(view, "forwardSummary")->text(),
                 QStringLiteral("Forwarding to %1\u2026").arg(AppUrl));
        // Our own answer went out already: the outcome is ours.
        QVERIFY2(child<InlineMessage>(view, "outcome")
                     ->text()
                     .startsWith(QStringLiteral("Accepted (200)")),
                 qPrintable(child<InlineMessage>(view, "outcome")->text()));
        QVERIFY(!child<QPlainTextEdit>(view, "forwardBody")->isVisibleTo(&view));
    }

    void followAnswerArrives()
    {
        EventDetailView view;
        view.setEvent(forwardedEvent(3, true));
        auto *outcome = child<InlineMessage>(view, "outcome");
        QVERIFY2(outcome->text().startsWith(QStringLiteral("Waiting for the app")),
                 qPrintable(outcome->text()));
        QCOMPARE(outcome->type(), InlineMessage::Information);
        QCOMPARE(text(view, "overviewStatus"), QStringLiteral("None"));

        view.setForwardResult(99, appAnswer(500, 500, true)); // another event: ignored
        QCOMPARE(view.shownEvent().forwardState, ForwardState::Pending);

        child<QTabWidget>(view, "detailTabs")
            ->setCurrentWidget(child<QWidget>(view, "forwardPage"));
        view.setForwardResult(3, appAnswer(201, 201, true));
        QCOMPARE(view.shownEvent().status, 201);
        QCOMPARE(text(view, "overviewStatus"), QStringLiteral("201 Created"));
        QCOMPARE(text(view, "overviewForward"),
                 QStringLiteral("Forwarded to %1: 201 Created in 12 ms").arg(AppUrl));
        QVERIFY2(outcome->text().startsWith(QStringLiteral("Answered 201 as the app")),
                 qPrintable(outcome->text()));
        // The tab the user chose stays; the app's JSON body is pretty-printed.
        QCOMPARE(child<QTabWidget>(view, "detailTabs")->currentWidget(),
                 child<QWidget>(view, "forwardPage"));
        auto *body = child<QPlainTextEdit>(view, "forwardBody");
        QVERIFY(body->isVisibleTo(&view));
        QVERIFY2(body->toPlainText().contains(QStringLiteral("\n  \"created\": true,")),
                 qPrintable(body->toPlainText()));
        QCOMPARE(child<QTableWidget>(view, "forwardHeaders")->rowCount(), 2);
        QVERIFY2(text(view, "forwardMode").contains(QStringLiteral("VWO gets the app's answer")),
                 qPrintable(text(view, "forwardMode")));
    }

    void failureInWords()
    {
        EventDetailView view;
        view.setEvent(forwardedEvent(4, true));
        ForwardResult failed;
        failed.url = AppUrl;
        failed.followed = true;
        failed.error = QStringLiteral("no answer within 300 ms");
        failed.elapsedMs = 300;
        failed.answeredStatus = 502;
        view.setForwardResult(4, failed);
        QCOMPARE(
            text(view, "overviewForward"),
            QStringLiteral("\u26a0 Forwarding to %1 failed: no answer within 300 ms").arg(AppUrl));
        auto *outcome = child<InlineMessage>(view, "outcome");
        QCOMPARE(outcome->type(), InlineMessage::Error);
        QVERIFY2(outcome->text().contains(
                     QStringLiteral("could not be reached (no answer within 300 ms)")),
                 qPrintable(outcome->text()));
        QCOMPARE(child<InlineMessage>(view, "forwardSummary")->type(), InlineMessage::Error);
        QVERIFY(!child<QPlainTextEdit>(view, "forwardBody")->isVisibleTo(&view));
        view.clear();
        QVERIFY(!forwardTabShown(view));
    }

    // MainWindow::eventForwarded updates the row and the shown event.
    void mainWindowShowsForwardResult()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.appendEvents({forwardedEvent(5, false), forwardedEvent(6, true)});
        auto *table = child<QTableView>(window, "eventTable");
        table->setCurrentIndex(table->model()->index(1, 0));
        QCOMPARE(window.detailView()->shownEvent().id, 6);
        const QModelIndex status = table->model()->index(1, EventLogDisplay::StatusColumn);
        QCOMPARE(status.data().toString(), QString()); // not answered yet

        window.eventForwarded(6, appAnswer(202, 202, true));
        QCOMPARE(status.data().toInt(), 202);
        QCOMPARE(window.eventsModel()->eventAt(1).forwardState, ForwardState::Done);
        QCOMPARE(window.detailView()->shownEvent().status, 202);
        QCOMPARE(text(*window.detailView(), "overviewForward"),
                 QStringLiteral("Forwarded to %1: 202 Accepted in 12 ms").arg(AppUrl));
        QCOMPARE(window.eventsModel()->eventAt(0).forwardState, ForwardState::Pending);
    }

    // A row read from the store after (or while) its answer arrived live shows the answer.
    void modelLaysLiveAnswerOverReads()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        {
            EventStore store;
            QCOMPARE(store.open(path), QString());
            Event event = forwardedEvent(0, true);
            store.append({event}); // stored pending: the store never gets the answer here
        }
        EventLogModel model;
        model.setDatabase(path);
        model.setForwardResult(1, appAnswer(500, 500, true));
        QTRY_COMPARE(model.rowCount(), 1);
        QTRY_VERIFY(model.eventAt(0).id != 0);
        QCOMPARE(model.eventAt(0).forwardState, ForwardState::Done);
        QCOMPARE(model.eventAt(0).status, 500);
    }
};

QTEST_MAIN(TestEventDetailForward)
#include "tst_eventdetailforward.moc"
