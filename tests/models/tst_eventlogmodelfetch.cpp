#include "eventlogmodel.h"

#include "events/eventstore.h"
#include "settings/settingsversionstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPalette>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

using S = SettingsFetchState;

const QDateTime Start = QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC);

// A valid webhook (asks for a fetch); `timestamp` groups attempts into one delivery.
Event makeWebhook(int n, qint64 timestamp = 0, int status = 200)
{
    Event event;
    event.receivedAt = Start.addMSecs(n);
    event.method = QByteArrayLiteral("POST");
    event.path = QByteArrayLiteral("/vwo-webhook");
    event.body = R"({"timestamp":)" + QByteArray::number(timestamp) + '}';
    event.status = status;
    event.auth = AuthOutcome::Ok;
    event.valid = true;
    event.payloadTimestamp = timestamp;
    return event;
}

Event makeRefused(int n)
{
    Event event = makeWebhook(n);
    event.status = 401;
    event.auth = AuthOutcome::Failed;
    return event;
}

// A fetch that served `eventIds`, finished a minute after the first webhook; failed with an error.
FetchRecord makeFetch(const QList<qint64> &eventIds, bool failed)
{
    FetchRecord fetch;
    fetch.endpoint = QStringLiteral("default");
    fetch.accountId = QStringLiteral("888888");
    fetch.startedAt = Start.addSecs(59);
    fetch.finishedAt = Start.addSecs(60);
    fetch.trigger = FetchTrigger::Webhook;
    fetch.source = QStringLiteral("https://dev.visualwebsiteoptimizer.com/server-side/pull");
    fetch.httpStatus = failed ? 503 : 200;
    fetch.attempts = 1;
    fetch.error = failed ? QStringLiteral("HTTP 503") : QString();
    fetch.eventIds = eventIds;
    return fetch;
}

} // namespace

// The event log's Settings column: what each webhook's settings-file fetches came to, read with
// the rows and followed live (EventLogModel::updateSettingsFetch), a delivery as any attempt.
class TestEventLogModelFetch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<EventStore>();
        m_store->setRetention(0);
        QCOMPARE(m_store->open(path()), QString());
        m_model = std::make_unique<EventLogModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_store.reset();
        m_dir.reset();
    }

    void columnTextsPerState_data()
    {
        QTest::addColumn<S>("state");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tip");
        QTest::addColumn<bool>("marked");
        QTest::addRow("not applicable") << S::NotApplicable << QString() << "Only valid" << false;
        QTest::addRow("none") << S::None << "Not fetched"
                              << "No settings-file fetch" << true;
        QTest::addRow("pending") << S::Pending << "Fetching\u2026"
                                 << "being fetched" << false;
        QTest::addRow("fetched") << S::Fetched << "Fetched"
                                 << "see the version" << false;
        QTest::addRow("failed") << S::Failed << "Failed"
                                << "see why" << true;
    }
    void columnTextsPerState()
    {
        QFETCH(S, state);
        QFETCH(QString, text);
        QFETCH(QString, tip);
        QFETCH(bool, marked);
        Event event = state == S::NotApplicable ? makeRefused(0) : makeWebhook(0);
        event.settingsFetch = state;
        const int column = EventLogDisplay::SettingsColumn;
        QCOMPARE(EventLogDisplay::display(event, column).toString(), text);
        QVERIFY2(EventLogDisplay::toolTip(event, column).toString().contains(tip),
                 qPrintable(EventLogDisplay::toolTip(event, column).toString()));
        // The webhooks that led to no successful fetch stand out: colour and badge.
        QCOMPARE(EventLogDisplay::foreground(event, column, QPalette()).isValid(),
                 marked || state == S::Pending);
        QCOMPARE(!EventLogDisplay::Icons().settingsIcon(state).isNull(), marked);
    }

    void columnAfterValid()
    {
        QCOMPARE(int(EventLogDisplay::SettingsColumn), EventLogDisplay::ValidColumn + 1);
        QCOMPARE(m_model->columnCount(), int(EventLogDisplay::ColumnCount));
        QCOMPARE(m_model->headerData(EventLogDisplay::SettingsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Settings"));
        QStringList keys = EventLogDisplay::columnKeys();
        QCOMPARE(keys.size(), int(EventLogDisplay::ColumnCount));
        QCOMPARE(keys.at(EventLogDisplay::SettingsColumn), QStringLiteral("settings"));
        QCOMPARE(keys.removeDuplicates(), 0);
    }

    void readWithTheRows()
    {
        commit({makeWebhook(0), makeWebhook(1), makeWebhook(2), makeRefused(3)});
        record({makeFetch({1}, false), makeFetch({2}, true)});
        openModel();
        QTRY_COMPARE(settings(0), QStringLiteral("Fetched"));
        QCOMPARE(settings(1), QStringLiteral("Failed"));
        QCOMPARE(settings(2), QStringLiteral("Not fetched"));
        QCOMPARE(settings(3), QString());
        const QModelIndex failed = m_model->index(1, EventLogDisplay::SettingsColumn);
        QVERIFY(!badge(1).isNull());
        QVERIFY(failed.data(Qt::ForegroundRole).isValid());
        QVERIFY(!badge(2).isNull()); // not fetched
        QVERIFY(badge(0).isNull());  // fetched: nothing to look at
        QCOMPARE(m_model->eventAt(0).settingsFetch, S::Fetched);
    }

    void followsFetchesLive()
    {
        commit({makeWebhook(0), makeWebhook(1), makeRefused(2)});
        openModel();
        QTRY_COMPARE(settings(0), QStringLiteral("Not fetched"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->updateSettingsFetch({1, 2}, S::Pending);
        QCOMPARE(changed.size(), 1); // one signal for the whole fetch
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(settings(0), QStringLiteral("Fetching\u2026"));
        QCOMPARE(settings(1), QStringLiteral("Fetching\u2026"));
        m_model->updateSettingsFetch({1}, S::Fetched);
        m_model->updateSettingsFetch({2}, S::Failed);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        QCOMPARE(settings(1), QStringLiteral("Failed"));
        // A later fetch that fails does not undo a success; a later success replaces a failure.
        m_model->updateSettingsFetch({1, 2}, S::Pending);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        QCOMPARE(settings(1), QStringLiteral("Fetching\u2026"));
        m_model->updateSettingsFetch({1, 2}, S::Failed);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        QCOMPARE(settings(1), QStringLiteral("Failed"));
        m_model->updateSettingsFetch({2}, S::Fetched);
        QCOMPARE(settings(1), QStringLiteral("Fetched"));
        // A request that asks for no fetch stays out of it; unknown ids change nothing.
        m_model->updateSettingsFetch({3, 99}, S::Failed);
        QCOMPARE(settings(2), QString());
    }

    void pendingSurvivesRereadsAndEarlyStarts()
    {
        commit({makeWebhook(0)});
        openModel();
        connect(m_store.get(), &EventStore::committed, m_model.get(), &EventLogModel::appendEvents);
        QTRY_COMPARE(settings(0), QStringLiteral("Not fetched"));
        // The fetch may start before the model hears of its webhook (SettingsSync is told first).
        m_model->updateSettingsFetch({1, 2}, S::Pending);
        commit({makeWebhook(1)});
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(settings(1), QStringLiteral("Fetching\u2026"));
        // A fetch under way is in no table: a row read again still shows it.
        QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
        m_model->reload();
        QTRY_COMPARE(loaded.size(), 1);
        QTRY_COMPARE(settings(0), QStringLiteral("Fetching\u2026"));
        QCOMPARE(settings(1), QStringLiteral("Fetching\u2026"));
        // Recorded: the store has it for every later read.
        record({makeFetch({1, 2}, false)});
        m_model->updateSettingsFetch({1, 2}, S::Fetched);
        m_model->reload();
        QTRY_COMPARE(loaded.size(), 2);
        QTRY_COMPARE(settings(0), QStringLiteral("Fetched"));
        QCOMPARE(settings(1), QStringLiteral("Fetched"));
    }

    void reloadTrustsTheStore()
    {
        commit({makeWebhook(0), makeWebhook(1)});
        openModel();
        QTRY_COMPARE(settings(0), QStringLiteral("Not fetched"));
        m_model->updateSettingsFetch({1}, S::Fetched);
        m_model->updateSettingsFetch({2}, S::Pending);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        // Reloaded after a delete or a clear, ids may stand for new events: a recorded fetch is
        // read from the store (which has none for 1 here), one under way is still shown.
        QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
        m_model->reload();
        QTRY_COMPARE(loaded.size(), 1);
        QTRY_COMPARE(settings(0), QStringLiteral("Not fetched"));
        QCOMPARE(settings(1), QStringLiteral("Fetching\u2026"));
    }

    void deliveryFetchedWhenAnyAttemptWas()
    {
        // Three attempts: the second brought the file, the last one's fetch failed.
        const QList<Event> attempts =
            commit({makeWebhook(0, 1700000000, 500), makeWebhook(1, 1700000000, 500),
                    makeWebhook(2, 1700000000, 200)});
        QCOMPARE(attempts.at(2).deliveryOf, attempts.at(0).id);
        record({makeFetch({attempts.at(1).id}, false), makeFetch({attempts.at(2).id}, true)});
        openModel();
        QCOMPARE(m_model->rowCount(), 1);
        QTRY_COMPARE(settings(0), QStringLiteral("Fetched"));
        // Listed, each attempt shows its own.
        m_model->setExpanded(0, true);
        QTRY_COMPARE(settings(1), QStringLiteral("Not fetched"));
        QTRY_COMPARE(settings(2), QStringLiteral("Fetched"));
        QTRY_COMPARE(settings(3), QStringLiteral("Failed"));
        QCOMPARE(m_model->eventAt(3).settingsFetch, S::Failed); // the detail pane's event
    }

    void deliveryFollowsAttemptsLive()
    {
        const QList<Event> first = commit({makeWebhook(0, 1700000100, 500)});
        openModel();
        connect(m_store.get(), &EventStore::committed, m_model.get(), &EventLogModel::appendEvents);
        QTRY_COMPARE(settings(0), QStringLiteral("Not fetched"));
        m_model->updateSettingsFetch({first.at(0).id}, S::Failed);
        QCOMPARE(settings(0), QStringLiteral("Failed"));
        const QList<Event> retry = commit({makeWebhook(1, 1700000100, 500)});
        QCOMPARE(m_model->rowCount(), 1);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->updateSettingsFetch({retry.at(0).id}, S::Pending);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0); // the delivery's row
        QTRY_COMPARE(settings(0), QStringLiteral("Fetching\u2026"));
        m_model->updateSettingsFetch({retry.at(0).id}, S::Fetched);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        // A third attempt whose fetch fails: the delivery has been fetched all the same.
        const QList<Event> last = commit({makeWebhook(2, 1700000100, 200)});
        m_model->updateSettingsFetch({last.at(0).id}, S::Failed);
        QTRY_COMPARE(m_model->index(0, EventLogDisplay::StatusColumn).data().toInt(), 200);
        QCOMPARE(settings(0), QStringLiteral("Fetched"));
        m_model->setExpanded(0, true);
        QTRY_COMPARE(settings(1), QStringLiteral("Failed")); // read now, with what came live
        QCOMPARE(settings(2), QStringLiteral("Fetched"));
        QCOMPARE(settings(3), QStringLiteral("Failed"));
    }

private:
    QString path() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }

    QList<Event> commit(const QList<Event> &batch)
    {
        QSignalSpy committed(m_store.get(), &EventStore::committed);
        m_store->append(batch);
        return committed.size() == 1 ? committed.at(0).at(0).value<QList<Event>>() : QList<Event>();
    }

    void record(const QList<FetchRecord> &fetches)
    {
        QFile file(QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings/feature-rollout.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settingsFile = file.readAll();
        SettingsVersionStore history;
        QCOMPARE(history.open(path()), QString());
        for (const FetchRecord &fetch : fetches)
            QCOMPARE(history.recordFetch(fetch, fetch.error.isEmpty() ? settingsFile : ""),
                     QString());
    }

    void openModel()
    {
        QSignalSpy loaded(m_model.get(), &EventLogModel::loaded);
        m_model->setDatabase(path());
        QTRY_COMPARE(loaded.size(), 1);
    }

    QIcon badge(int row) const
    {
        return m_model->index(row, EventLogDisplay::SettingsColumn)
            .data(Qt::DecorationRole)
            .value<QIcon>();
    }

    QString settings(int row) const
    {
        return m_model->index(row, EventLogDisplay::SettingsColumn).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<EventLogModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestEventLogModelFetch)
#include "tst_eventlogmodelfetch.moc"
