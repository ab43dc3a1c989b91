#include "recenteventsmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;

Q_DECLARE_METATYPE(hookbench::AuthOutcome)

namespace {

Event makeEvent(qint64 id)
{
    Event event;
    event.id = id;
    event.receivedAt = QDateTime(QDate(2024, 3, 1), QTime(12, 34, 56, 789), Qt::UTC);
    event.method = QByteArrayLiteral("POST");
    event.path = QByteArrayLiteral("/vwo-webhook");
    event.status = 200;
    event.auth = AuthOutcome::Ok;
    event.valid = true;
    event.size = 250;
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = 50000;
    return event;
}

QList<Event> makeBatch(qint64 firstId, int count)
{
    QList<Event> batch;
    for (int i = 0; i < count; ++i)
        batch.append(makeEvent(firstId + i));
    return batch;
}

QList<qint64> ids(const RecentEventsModel &model)
{
    QList<qint64> result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(RecentEventsModel::EventRole).value<Event>().id);
    return result;
}

} // namespace

class TestRecentEventsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void emptyModel()
    {
        RecentEventsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(RecentEventsModel::ColumnCount));
        QCOMPARE(model.capacity(), RecentEventsModel::DefaultCapacity);
    }

    void headers()
    {
        RecentEventsModel model;
        QStringList titles;
        for (int column = 0; column < model.columnCount(); ++column)
            titles.append(model.headerData(column, Qt::Horizontal).toString());
        QCOMPARE(titles, (QStringList{QStringLiteral("Time"), QStringLiteral("Method"),
                                      QStringLiteral("Path"), QStringLiteral("Status"),
                                      QStringLiteral("Auth"), QStringLiteral("Valid"),
                                      QStringLiteral("Size"), QStringLiteral("Remote")}));
    }

    void oneInsertPerBatch()
    {
        RecentEventsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.appendEvents(makeBatch(1, 3));
        model.appendEvents(makeBatch(4, 5));
        model.appendEvents({});

        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(inserted.at(1).at(2).toInt(), 7);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(ids(model), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8}));
    }

    void capEviction_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QList<int>>("batches");

        QTest::addRow("fits exactly") << 5 << QList<int>{2, 3};
        QTest::addRow("one over") << 5 << QList<int>{5, 1};
        QTest::addRow("wraps many times") << 4 << QList<int>{3, 3, 3, 1, 2, 3, 4, 1};
        QTest::addRow("batch larger than cap") << 3 << QList<int>{2, 7};
        QTest::addRow("first batch larger than cap") << 3 << QList<int>{10, 1};
        QTest::addRow("cap of one") << 1 << QList<int>{1, 2, 1};
    }

    void capEviction()
    {
        QFETCH(int, capacity);
        QFETCH(QList<int>, batches);

        RecentEventsModel model;
        model.setCapacity(capacity);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        qint64 nextId = 1;
        QList<qint64> expected;
        for (int size : batches) {
            const int rowsBefore = model.rowCount();
            const int insertsBefore = int(inserted.count());
            const int removesBefore = int(removed.count());
            model.appendEvents(makeBatch(nextId, size));
            for (int i = 0; i < size; ++i)
                expected.append(nextId++);
            while (expected.size() > capacity)
                expected.removeFirst();

            QCOMPARE(inserted.count(), insertsBefore + 1);
            const int evicted = qMax(0, rowsBefore + qMin(size, capacity) - capacity);
            QCOMPARE(removed.count(), removesBefore + (evicted > 0 ? 1 : 0));
            if (evicted > 0) {
                QCOMPARE(removed.last().at(1).toInt(), 0);
                QCOMPARE(removed.last().at(2).toInt(), evicted - 1);
            }
            QCOMPARE(ids(model), expected);
        }
    }

    void shrinkAndGrowCapacity()
    {
        RecentEventsModel model;
        model.setCapacity(4);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents(makeBatch(1, 6)); // ring wrapped: 3 4 5 6
        model.setCapacity(2);
        QCOMPARE(ids(model), (QList<qint64>{5, 6}));
        model.setCapacity(5);
        model.appendEvents(makeBatch(7, 4));
        QCOMPARE(ids(model), (QList<qint64>{6, 7, 8, 9, 10}));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        model.appendEvents(makeBatch(11, 1));
        QCOMPARE(ids(model), (QList<qint64>{11}));
    }

    void displayRole()
    {
        RecentEventsModel model;
        Event event = makeEvent(42);
        event.query = QByteArrayLiteral("a=1");
        event.remoteAddress = QStringLiteral("::1");
        event.remotePort = 4711;
        model.appendEvents({event});

        const auto text = [&](int column) { return model.index(0, column).data().toString(); };
        QCOMPARE(text(RecentEventsModel::TimeColumn),
                 event.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
        QCOMPARE(text(RecentEventsModel::MethodColumn), QStringLiteral("POST"));
        QCOMPARE(text(RecentEventsModel::PathColumn), QStringLiteral("/vwo-webhook?a=1"));
        QCOMPARE(text(RecentEventsModel::StatusColumn), QStringLiteral("200"));
        QCOMPARE(text(RecentEventsModel::AuthColumn), QStringLiteral("OK"));
        QCOMPARE(text(RecentEventsModel::ValidColumn), QStringLiteral("Yes"));
        QCOMPARE(text(RecentEventsModel::SizeColumn), QStringLiteral("250 bytes"));
        QCOMPARE(text(RecentEventsModel::RemoteColumn), QStringLiteral("[::1]:4711"));
    }

    void malformedRequestIsNamed()
    {
        // The gate could not parse it: no method, no path, but the row must not look empty.
        RecentEventsModel model;
        Event event = makeEvent(7);
        event.method.clear();
        event.path.clear();
        event.status = 400;
        model.appendEvents({event});
        QCOMPARE(model.index(0, RecentEventsModel::PathColumn).data().toString(),
                 QStringLiteral("(malformed request)"));
    }

    void authTexts_data()
    {
        QTest::addColumn<AuthOutcome>("outcome");
        QTest::addColumn<QString>("text");
        QTest::addRow("ok") << AuthOutcome::Ok << QStringLiteral("OK");
        QTest::addRow("failed") << AuthOutcome::Failed << QStringLiteral("Failed");
        QTest::addRow("missing") << AuthOutcome::Missing << QStringLiteral("Missing");
        QTest::addRow("not required") << AuthOutcome::NotRequired << QStringLiteral("Not required");
    }

    void authTexts()
    {
        QFETCH(AuthOutcome, outcome);
        QFETCH(QString, text);
        RecentEventsModel model;
        Event event = makeEvent(1);
        event.auth = outcome;
        model.appendEvents({event});
        QCOMPARE(model.index(0, RecentEventsModel::AuthColumn).data().toString(), text);
    }

    void toolTipShowsErrorOfInvalidEvents()
    {
        RecentEventsModel model;
        Event invalid = makeEvent(1);
        invalid.valid = false;
        invalid.status = 401;
        invalid.auth = AuthOutcome::Missing;
        invalid.error = QStringLiteral("missing x-vwo-auth header");
        model.appendEvents({makeEvent(0), invalid});

        QCOMPARE(model.index(1, RecentEventsModel::ValidColumn).data().toString(),
                 QStringLiteral("No"));
        for (int column = 0; column < model.columnCount(); ++column)
            QCOMPARE(model.index(1, column).data(Qt::ToolTipRole).toString(), invalid.error);
        QVERIFY(model.index(0, RecentEventsModel::StatusColumn).data(Qt::ToolTipRole).isNull());
    }

    void problemCellsStandOut()
    {
        RecentEventsModel model;
        Event refused = makeEvent(1);
        refused.valid = false;
        refused.status = 401;
        refused.auth = AuthOutcome::Failed;
        model.appendEvents({makeEvent(0), refused});

        for (int column : {RecentEventsModel::StatusColumn, RecentEventsModel::AuthColumn,
                           RecentEventsModel::ValidColumn}) {
            QVERIFY(model.index(0, column).data(Qt::ForegroundRole).isNull());
            QVERIFY(model.index(1, column).data(Qt::ForegroundRole).canConvert<QColor>());
        }
        QVERIFY(model.index(1, RecentEventsModel::PathColumn).data(Qt::ForegroundRole).isNull());
    }

    void alignment()
    {
        RecentEventsModel model;
        model.appendEvents({makeEvent(1)});
        const auto alignment = [&](int column) {
            return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
        };
        QCOMPARE(alignment(RecentEventsModel::StatusColumn), Qt::AlignCenter);
        QCOMPARE(alignment(RecentEventsModel::SizeColumn), Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(alignment(RecentEventsModel::PathColumn), Qt::AlignLeft | Qt::AlignVCenter);
    }

    void eventRole()
    {
        RecentEventsModel model;
        Event event = makeEvent(7);
        event.body = QByteArrayLiteral(R"({"event":"settings_changed"})");
        model.appendEvents({event});
        const QVariant value =
            model.index(0, RecentEventsModel::SizeColumn).data(RecentEventsModel::EventRole);
        QVERIFY(value.canConvert<Event>());
        const Event stored = value.value<Event>();
        QCOMPARE(stored.id, 7);
        QCOMPARE(stored.body, event.body);
        QCOMPARE(model.eventAt(0).id, 7);
    }
};

QTEST_MAIN(TestRecentEventsModel)
#include "tst_recenteventsmodel.moc"
