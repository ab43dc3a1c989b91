// EndpointListModel (the window's endpoint sidebar) and the event log's endpoint scope.
#include "endpointlistmodel.h"
#include "eventlogmodel.h"

#include "events/eventstore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QDateTime Now(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

Endpoint makeEndpoint(const QString &name, const QString &path, const QString &colour = {})
{
    Endpoint endpoint;
    endpoint.name = name;
    endpoint.path = path;
    endpoint.colour = colour;
    return endpoint;
}

QList<Endpoint> threeEndpoints()
{
    return {Endpoint::defaultEndpoint(),
            makeEndpoint(QStringLiteral("staging"), QStringLiteral("/vwo/staging"),
                         QStringLiteral("#e66100")),
            makeEndpoint(QStringLiteral("production"), QStringLiteral("/vwo/production"))};
}

Event makeEvent(const QString &endpoint, const QDateTime &at)
{
    Event event;
    event.endpoint = endpoint;
    event.receivedAt = at;
    event.method = QByteArrayLiteral("POST");
    event.path = QByteArrayLiteral("/vwo/") + endpoint.toUtf8();
    event.status = 200;
    event.valid = true;
    return event;
}

} // namespace

class TestEndpointListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<EndpointListModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_model->setClock([] { return Now; });
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void allRowOnTop()
    {
        QCOMPARE(m_model->rowCount(), 1);
        m_model->setEndpoints(threeEndpoints());
        QCOMPARE(m_model->rowCount(), 4);
        const QModelIndex all = m_model->index(0);
        QCOMPARE(all.data().toString(), QStringLiteral("All endpoints"));
        QVERIFY(all.data(EndpointListModel::IsAllRole).toBool());
        QVERIFY(all.data(EndpointListModel::NameRole).toString().isEmpty());
        QCOMPARE(all.data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("3 endpoints"));
        const QModelIndex staging = m_model->index(2);
        QCOMPARE(staging.data().toString(), QStringLiteral("staging"));
        QCOMPARE(staging.data(EndpointListModel::ColourRole).value<QColor>(),
                 QColor(QStringLiteral("#e66100")));
        QVERIFY(!staging.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(m_model->index(1).data(EndpointListModel::IsDefaultRole).toBool());
        QVERIFY(!staging.data(EndpointListModel::IsDefaultRole).toBool());
        QCOMPARE(m_model->rowOf(QStringLiteral("production")), 3);
        QCOMPARE(m_model->rowOf(QString()), 0);
        QCOMPARE(m_model->rowOf(QStringLiteral("gone")), -1);
        QCOMPARE(m_model->nameAt(3), QStringLiteral("production"));
    }

    void locationIsUrlWhileServed()
    {
        QList<Endpoint> endpoints = threeEndpoints();
        endpoints[2].port = 4100;
        m_model->setEndpoints(endpoints);
        QCOMPARE(m_model->index(2).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("/vwo/staging"));
        QCOMPARE(m_model->index(3).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("/vwo/production on port 4100"));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->setUrls({{QStringLiteral("staging"),
                           QUrl(QStringLiteral("http://127.0.0.1:4000/vwo/staging"))}});
        QVERIFY(!changed.isEmpty());
        QCOMPARE(m_model->index(2).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("http://127.0.0.1:4000/vwo/staging"));
        QCOMPARE(m_model->index(3).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("/vwo/production on port 4100"));
    }

    void countsFollowAppendsAndRemovals()
    {
        m_model->setEndpoints(threeEndpoints());
        // Events of an endpoint that no longer exists count for "All" only.
        m_model->setEventCounts({{QStringLiteral("default"), 5},
                                 {QStringLiteral("staging"), 2},
                                 {QStringLiteral("removed-one"), 3}});
        QCOMPARE(m_model->eventCount(QString()), 10);
        QCOMPARE(m_model->index(0).data(EndpointListModel::CountRole).toLongLong(), 10);
        QCOMPARE(m_model->index(2).data(EndpointListModel::CountRole).toLongLong(), 2);
        QCOMPARE(m_model->index(3).data(EndpointListModel::CountRole).toLongLong(), 0);
        QCOMPARE(m_model->index(2).data(EndpointListModel::CountTextRole).toString(),
                 QStringLiteral("2 requests"));

        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->addEvents({makeEvent(QStringLiteral("staging"), Now),
                            makeEvent(QStringLiteral("production"), Now),
                            makeEvent(QStringLiteral("staging"), Now)});
        QCOMPARE(m_model->index(2).data(EndpointListModel::CountRole).toLongLong(), 4);
        QCOMPARE(m_model->index(3).data(EndpointListModel::CountTextRole).toString(),
                 QStringLiteral("1 request"));
        QCOMPARE(m_model->index(0).data(EndpointListModel::CountRole).toLongLong(), 13);
        QStringList changedNames;
        for (const QList<QVariant> &signal : std::as_const(changed))
            changedNames.append(signal.at(0).toModelIndex().data().toString());
        QVERIFY(changedNames.contains(QStringLiteral("All endpoints")));
        QVERIFY(changedNames.contains(QStringLiteral("staging")));
        QVERIFY(changedNames.contains(QStringLiteral("production")));
        QVERIFY(!changedNames.contains(QStringLiteral("default")));

        // After a delete the window re-reads the counts: they replace what was counted.
        m_model->setEventCounts({{QStringLiteral("default"), 5}});
        QCOMPARE(m_model->index(2).data(EndpointListModel::CountRole).toLongLong(), 0);
        QCOMPARE(m_model->eventCount(QString()), 5);
    }

    void lastEventTime()
    {
        m_model->setEndpoints(threeEndpoints());
        QCOMPARE(m_model->index(2).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("no requests yet"));
        m_model->setLastEvents({{QStringLiteral("default"), Now.addSecs(-3 * 3600)}});
        QCOMPARE(m_model->index(1).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("3 h ago"));
        m_model->addEvents({makeEvent(QStringLiteral("staging"), Now.addSecs(-130))});
        QCOMPARE(m_model->index(2).data(EndpointListModel::LastEventRole).toDateTime(),
                 Now.addSecs(-130));
        QCOMPARE(m_model->index(2).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("2 min ago"));
        // "All" shows the newest of all.
        QCOMPARE(m_model->index(0).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("2 min ago"));
        // An older event does not move the time back.
        m_model->addEvents({makeEvent(QStringLiteral("staging"), Now.addSecs(-7200))});
        QCOMPARE(m_model->index(2).data(EndpointListModel::LastEventRole).toDateTime(),
                 Now.addSecs(-130));
        QVERIFY(m_model->index(2)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("last 2 min ago")));

        // Time passes: refreshTimes() tells the views, and the text moves on.
        QDateTime later = Now.addSecs(600);
        m_model->setClock([&later] { return later; });
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->refreshTimes();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 3);
        QCOMPARE(m_model->index(2).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("12 min ago"));
    }

    void relativeTime_data()
    {
        QTest::addColumn<int>("secondsAgo");
        QTest::addColumn<QString>("text");
        QTest::addRow("future") << -5 << QStringLiteral("just now");
        QTest::addRow("now") << 0 << QStringLiteral("just now");
        QTest::addRow("seconds") << 42 << QStringLiteral("42 s ago");
        QTest::addRow("minute") << 60 << QStringLiteral("1 min ago");
        QTest::addRow("minutes") << 59 * 60 + 59 << QStringLiteral("59 min ago");
        QTest::addRow("hours") << 5 * 3600 + 10 << QStringLiteral("5 h ago");
    }
    void relativeTime()
    {
        QFETCH(int, secondsAgo);
        QFETCH(QString, text);
        QCOMPARE(EndpointListModel::relativeTime(Now.addSecs(-secondsAgo), Now), text);
        // Older than a day: the date.
        QVERIFY(
            !EndpointListModel::relativeTime(Now.addDays(-3), Now).contains(QStringLiteral("ago")));
    }

    void endpointsComeAndGo()
    {
        m_model->setEndpoints(threeEndpoints());
        m_model->setEventCounts({{QStringLiteral("staging"), 2}});
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

        // A change of settings only: the row stays, dataChanged.
        QList<Endpoint> endpoints = threeEndpoints();
        endpoints[1].colour = QStringLiteral("#26a269");
        m_model->setEndpoints(endpoints);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(m_model->index(2).data(EndpointListModel::ColourRole).value<QColor>(),
                 QColor(QStringLiteral("#26a269")));

        // One goes away: the list is reset, counts stay by name.
        endpoints.removeAt(2);
        m_model->setEndpoints(endpoints);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->index(2).data(EndpointListModel::CountRole).toLongLong(), 2);
        m_model->setEndpoints({});
        QCOMPARE(m_model->rowCount(), 1);
    }

    void scopeAndsTheTypedFilter()
    {
        const EventFilter typed = EventFilter::parse(u"status:401 OR auth:missing");
        const EventFilter scoped = EventLogModel::scoped(typed, QStringLiteral("qa.env-2"));
        QVERIFY(scoped.isValid());
        const Event staging = makeEvent(QStringLiteral("qa.env-2"), Now);
        Event refused = staging;
        refused.status = 401;
        Event elsewhere = refused;
        elsewhere.endpoint = QStringLiteral("default");
        QVERIFY(!scoped.matches(staging, Now));
        QVERIFY(scoped.matches(refused, Now));
        QVERIFY(!scoped.matches(elsewhere, Now));
        // No typed filter: only the endpoint; no scope: the typed filter as it is.
        QVERIFY(
            EventLogModel::scoped(EventFilter(), QStringLiteral("qa.env-2")).matches(staging, Now));
        QVERIFY(!EventLogModel::scoped(EventFilter(), QStringLiteral("qa.env-2"))
                     .matches(elsewhere, Now));
        QCOMPARE(EventLogModel::scoped(typed, QString()).text(), typed.text());
    }

    void scopedLogShowsOneEndpoint()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("events.sqlite"));
        EventStore store;
        QCOMPARE(store.open(path), QString());
        QList<Event> batch;
        for (int i = 0; i < 6; ++i) {
            Event event = makeEvent(
                i % 3 == 0 ? QStringLiteral("staging") : QStringLiteral("default"), Now.addSecs(i));
            event.status = i < 3 ? 200 : 401;
            batch.append(event);
        }
        QSignalSpy committed(&store, &EventStore::committed);
        store.append(batch);
        QCOMPARE(committed.size(), 1);

        EventLogModel log;
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        log.setDatabase(path);
        QTRY_COMPARE(log.rowCount(), 6);
        log.setScope(QStringLiteral("staging"));
        QTRY_VERIFY(log.isComplete());
        QCOMPARE(log.rowCount(), 2);
        log.setUserFilter(EventFilter::parse(u"status:401"));
        QTRY_VERIFY(log.isComplete());
        QCOMPARE(log.rowCount(), 1);
        QCOMPARE(log.userFilter().text(), QStringLiteral("status:401"));
        // Live events follow the scope too.
        Event live = makeEvent(QStringLiteral("staging"), Now.addSecs(10));
        live.id = 100;
        live.status = 401;
        Event other = live;
        other.id = 101;
        other.endpoint = QStringLiteral("default");
        log.appendEvents({live, other});
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.index(1, EventLogDisplay::EndpointColumn).data().toString(),
                 QStringLiteral("staging"));
        QVERIFY(!log.index(1, EventLogDisplay::EndpointColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        log.setScope(QString());
        QTRY_VERIFY(log.isComplete());
        QCOMPARE(log.rowCount(), 3); // the stored 401s of both (the live two were never stored)
        QCOMPARE(log.headerData(EventLogDisplay::EndpointColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Endpoint"));
    }

private:
    std::unique_ptr<EndpointListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_MAIN(TestEndpointListModel)
#include "tst_endpointlistmodel.moc"
