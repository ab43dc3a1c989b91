// SettingsHistoryModel and SettingsFetchModel over a real version store (a temporary SQLite
// file) filled with the VWO fixtures, edited copies of them and failed fetches.
#include "settings/settingsversionstore.h"
#include "settingsfetchmodel.h"
#include "settingshistorymodel.h"
#include "vwofixture.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hookbench;

class tst_SettingsHistoryModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listsVersionsNewestFirst();
    void marksCurrentPerAccount();
    void reloadInsertsNewerOnTop();
    void keepsEndpointsApart();
    void keepsRowsWhenStoreFails();
    void triggerText_data();
    void triggerText();
    void fetchLogOutcomes();
    void fetchLogMarksFailures();
    void fetchLogReloadAndLimit();

private:
    SettingsVersion import(const QByteArray &bytes, const QString &name = {},
                           const QString &endpoint = Endpoint);
    FetchRecord fetch(const QByteArray &body, const QString &error = {},
                      const QList<qint64> &eventIds = {},
                      FetchTrigger trigger = FetchTrigger::Webhook);

    static inline const QString Endpoint = QStringLiteral("default");
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsVersionStore> m_store;
};

namespace {

// The A/B fixture with its one campaign's traffic changed: a one-campaign change.
QByteArray abWithTraffic(int percent)
{
    QByteArray bytes = fixture("ab-campaign-two-variations.json");
    const QByteArray edited = "\"percentTraffic\": " + QByteArray::number(percent);
    bytes.replace(QByteArrayLiteral("\"percentTraffic\": 50"), edited);
    return bytes;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

qint64 idAt(const QAbstractItemModel &model, int row)
{
    return model.data(model.index(row, 0), SettingsHistoryModel::VersionIdRole).toLongLong();
}

} // namespace

void tst_SettingsHistoryModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<SettingsVersionStore>();
    QCOMPARE(m_store->open(m_dir->filePath(QStringLiteral("events.sqlite"))), QString());
}

void tst_SettingsHistoryModel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

SettingsVersion tst_SettingsHistoryModel::import(const QByteArray &bytes, const QString &name,
                                                 const QString &endpoint)
{
    FetchRecord recorded;
    SettingsVersion version;
    const QString error =
        m_store->importFile(endpoint, name.isEmpty() ? QStringLiteral("settings.json") : name,
                            bytes, &recorded, &version);
    [&] { QCOMPARE(error, QString()); }();
    return version;
}

FetchRecord tst_SettingsHistoryModel::fetch(const QByteArray &body, const QString &error,
                                            const QList<qint64> &eventIds, FetchTrigger trigger)
{
    FetchRecord record;
    record.endpoint = Endpoint;
    record.startedAt = QDateTime::fromMSecsSinceEpoch(1606482285000, Qt::UTC);
    record.finishedAt = record.startedAt.addMSecs(250);
    record.trigger = trigger;
    record.source = QStringLiteral("https://dev.visualwebsiteoptimizer.com/server-side/pull"
                                   "?a=888888&i=REDACTED&r=0.42&platform=server&api-version=1");
    record.accountId = QStringLiteral("888888");
    record.httpStatus = error.isEmpty() ? 200 : 503;
    record.attempts = error.isEmpty() ? 1 : 5;
    record.error = error;
    record.eventIds = eventIds;
    FetchRecord recorded;
    const QString failure = m_store->recordFetch(record, body, &recorded);
    [&] { QCOMPARE(failure, QString()); }();
    return recorded;
}

void tst_SettingsHistoryModel::listsVersionsNewestFirst()
{
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(SettingsHistoryModel::ColumnCount));
    QCOMPARE(model.headerData(SettingsHistoryModel::ChangeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Change"));

    const SettingsVersion first = import(fixture("ab-campaign-two-variations.json"));
    const SettingsVersion second = import(abWithTraffic(80), QStringLiteral("edited.json"));
    // An invalid file is a failed fetch, not a version.
    FetchRecord failed;
    QCOMPARE(m_store->importFile(Endpoint, QStringLiteral("broken.json"), "{\"campaigns\": [",
                                 &failed, nullptr),
             QString());
    QCOMPARE(failed.outcome, FetchOutcome::Failed);
    QVERIFY(!QTest::currentTestFailed());
    model.reload();

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(idAt(model, 0), second.id);
    QCOMPARE(idAt(model, 1), first.id);
    QCOMPARE(model.rowOfId(first.id), 1);
    QCOMPARE(model.rowOfId(first.id + 100), -1);
    QCOMPARE(model.versionAt(0).sha256, second.sha256);
    QVERIFY(model.versionAt(5).isNull());
    QCOMPARE(cell(model, 0, SettingsHistoryModel::VersionColumn),
             QLatin1Char('#') + QString::number(second.id));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::TriggerColumn), QStringLiteral("imported file"));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::TriggerColumn, Qt::ToolTipRole),
             QStringLiteral("From edited.json"));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::AccountColumn), QStringLiteral("888888"));
    QCOMPARE(model.data(model.index(0, 0), SettingsHistoryModel::AccountIdRole).toString(),
             QStringLiteral("888888"));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::CampaignsColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::ChangeColumn),
             QStringLiteral("1 campaign changed (DEV_TEST_1)"));
    QCOMPARE(cell(model, 1, SettingsHistoryModel::ChangeColumn),
             QStringLiteral("first version: 1 campaign"));
    QCOMPARE(cell(model, 0, SettingsHistoryModel::TimeColumn),
             second.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    const QString utc = cell(model, 0, SettingsHistoryModel::TimeColumn, Qt::ToolTipRole);
    QVERIFY2(utc.endsWith(QLatin1Char('Z')), qPrintable(utc));
    QCOMPARE(QDateTime::fromString(utc, Qt::ISODateWithMs), second.createdAt);
    QCOMPARE(cell(model, 0, SettingsHistoryModel::SizeColumn, Qt::ToolTipRole),
             QStringLiteral("%1 bytes").arg(second.size));
    QVERIFY(!cell(model, 0, SettingsHistoryModel::SizeColumn).isEmpty());
    QVERIFY(cell(model, 0, SettingsHistoryModel::VersionColumn, Qt::ToolTipRole)
                .contains(second.sha256));
    QCOMPARE(
        model.data(model.index(0, SettingsHistoryModel::SizeColumn), Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
}

void tst_SettingsHistoryModel::marksCurrentPerAccount()
{
    const SettingsVersion a1 = import(fixture("ab-campaign-two-variations.json"));
    const SettingsVersion b1 = import(fixture("feature-rollout.json"));
    const SettingsVersion a2 = import(abWithTraffic(70));
    QVERIFY(!QTest::currentTestFailed());
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(idAt(model, 0), a2.id);
    QCOMPARE(idAt(model, 1), b1.id);
    QCOMPARE(idAt(model, 2), a1.id);
    QCOMPARE(cell(model, 1, SettingsHistoryModel::AccountColumn), QStringLiteral("123456"));
    // The newest of each account is current, and bold.
    QVERIFY(model.isCurrent(0));
    QVERIFY(model.isCurrent(1));
    QVERIFY(!model.isCurrent(2));
    QVERIFY(model.data(model.index(1, 0), SettingsHistoryModel::IsCurrentRole).toBool());
    QVERIFY(model.data(model.index(1, SettingsHistoryModel::VersionColumn), Qt::FontRole)
                .value<QFont>()
                .bold());
    QVERIFY(!model.data(model.index(2, SettingsHistoryModel::VersionColumn), Qt::FontRole)
                 .value<QFont>()
                 .bold());
    QVERIFY(cell(model, 1, SettingsHistoryModel::VersionColumn, Qt::ToolTipRole)
                .startsWith(QLatin1String("The current version of account 123456")));
}

void tst_SettingsHistoryModel::reloadInsertsNewerOnTop()
{
    const SettingsVersion first = import(fixture("ab-campaign-two-variations.json"));
    QVERIFY(!QTest::currentTestFailed());
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Nothing new: nothing happens.
    model.reload();
    QCOMPARE(inserted.size() + reset.size() + changed.size(), 0);

    // A webhook fetch and an import: two rows on top, in one insertion, the old row kept.
    const FetchRecord fetched = fetch(abWithTraffic(60), {}, {41});
    const SettingsVersion imported = import(abWithTraffic(90));
    QVERIFY(!QTest::currentTestFailed());
    model.reload();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(idAt(model, 0), imported.id);
    QCOMPARE(idAt(model, 1), fetched.versionId);
    QCOMPARE(idAt(model, 2), first.id);
    QCOMPARE(cell(model, 1, SettingsHistoryModel::TriggerColumn), QStringLiteral("webhook"));
    // The old current row is no longer current: it is repainted.
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
    QVERIFY(!model.isCurrent(2));

    // An unchanged fetch adds no version.
    fetch(abWithTraffic(90));
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);
}

void tst_SettingsHistoryModel::keepsEndpointsApart()
{
    import(fixture("feature-rollout.json"), {}, QStringLiteral("staging"));
    import(fixture("ab-campaign-two-variations.json"));
    QVERIFY(!QTest::currentTestFailed());
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, SettingsHistoryModel::AccountColumn), QStringLiteral("888888"));
    model.setEndpoint(QStringLiteral("staging"));
    QCOMPARE(model.endpoint(), QStringLiteral("staging"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, SettingsHistoryModel::AccountColumn), QStringLiteral("123456"));
    model.setEndpoint(QStringLiteral("nowhere"));
    QCOMPARE(model.rowCount(), 0);
}

void tst_SettingsHistoryModel::keepsRowsWhenStoreFails()
{
    import(fixture("ab-campaign-two-variations.json"));
    QVERIFY(!QTest::currentTestFailed());
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy errors(&model, &SettingsHistoryModel::errorOccurred);
    m_store->close();
    model.reload();
    QCOMPARE(errors.size(), 1);
    QVERIFY(!model.lastError().isEmpty());
    QCOMPARE(model.rowCount(), 1);
}

void tst_SettingsHistoryModel::triggerText_data()
{
    QTest::addColumn<FetchTrigger>("trigger");
    QTest::addColumn<QString>("text");
    QTest::addRow("webhook") << FetchTrigger::Webhook << QStringLiteral("webhook");
    QTest::addRow("manual") << FetchTrigger::Manual << QStringLiteral("manual fetch");
    QTest::addRow("file") << FetchTrigger::File << QStringLiteral("imported file");
}

void tst_SettingsHistoryModel::triggerText()
{
    QFETCH(FetchTrigger, trigger);
    QFETCH(QString, text);
    QCOMPARE(SettingsHistoryModel::triggerText(trigger), text);
    // Through the model too.
    QByteArray body = fixture("feature-rollout.json");
    FetchRecord record = fetch(body, {}, {}, trigger);
    QVERIFY(!QTest::currentTestFailed());
    SettingsHistoryModel model(m_store.get(), Endpoint);
    QCOMPARE(cell(model, 0, SettingsHistoryModel::TriggerColumn), text);
    QCOMPARE(idAt(model, 0), record.versionId);
}

void tst_SettingsHistoryModel::fetchLogOutcomes()
{
    SettingsFetchModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(SettingsFetchModel::ColumnCount));
    const FetchRecord added = fetch(fixture("ab-campaign-two-variations.json"), {}, {3, 4});
    const FetchRecord same = fetch(fixture("ab-campaign-two-variations.json"), {}, {9});
    import(abWithTraffic(20), QStringLiteral("mine.json"));
    QVERIFY(!QTest::currentTestFailed());
    model.reload();
    QCOMPARE(model.rowCount(), 3);

    // Newest first: the import, the unchanged fetch, the new version.
    QCOMPARE(cell(model, 0, SettingsFetchModel::TriggerColumn), QStringLiteral("imported file"));
    QCOMPARE(cell(model, 0, SettingsFetchModel::AttemptsColumn), QStringLiteral("\u2014"));
    QCOMPARE(cell(model, 0, SettingsFetchModel::HttpStatusColumn), QStringLiteral("\u2014"));
    QCOMPARE(cell(model, 1, SettingsFetchModel::OutcomeColumn),
             QStringLiteral("unchanged (#%1)").arg(same.versionId));
    QCOMPARE(cell(model, 2, SettingsFetchModel::OutcomeColumn),
             QStringLiteral("new version #%1").arg(added.versionId));
    QCOMPARE(model.data(model.index(2, 0), SettingsFetchModel::VersionIdRole).toLongLong(),
             added.versionId);
    QCOMPARE(model.data(model.index(2, 0), SettingsFetchModel::FetchIdRole).toLongLong(), added.id);
    QCOMPARE(cell(model, 2, SettingsFetchModel::TriggerColumn), QStringLiteral("webhook"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::AttemptsColumn), QStringLiteral("1"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::HttpStatusColumn), QStringLiteral("200"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::WebhooksColumn), QStringLiteral("2"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::WebhooksColumn, Qt::ToolTipRole),
             QStringLiteral("Webhook events served by this fetch: #3, #4"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::ErrorColumn), QString());
    QCOMPARE(model.failedCount(), 0);
    QVERIFY(!model.data(model.index(2, 0), SettingsFetchModel::FailedRole).toBool());
    QVERIFY(
        !model.data(model.index(2, SettingsFetchModel::ErrorColumn), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(2, SettingsFetchModel::OutcomeColumn), Qt::DecorationRole)
                 .value<QIcon>()
                 .isNull());
    QVERIFY(cell(model, 2, SettingsFetchModel::TimeColumn, Qt::ToolTipRole)
                .contains(QLatin1String("2020-11-27T13:04:45.250Z")));
}

void tst_SettingsHistoryModel::fetchLogMarksFailures()
{
    SettingsFetchModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString error = QStringLiteral("HTTP 503 Service Unavailable after 5 attempts; the "
                                         "last answer said: upstream maintenance\nretry later");
    fetch({}, error, {11, 12, 13});
    QVERIFY(!QTest::currentTestFailed());
    FetchRecord failedImport;
    QCOMPARE(m_store->importFile(Endpoint, QStringLiteral("/tmp/notes.json"), "[1, 2]",
                                 &failedImport, nullptr),
             QString());
    model.reload();
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.failedCount(), 2);

    QCOMPARE(cell(model, 1, SettingsFetchModel::OutcomeColumn), QStringLiteral("failed"));
    QCOMPARE(model.data(model.index(1, 0), SettingsFetchModel::OutcomeRole).toInt(),
             int(FetchOutcome::Failed));
    QVERIFY(model.data(model.index(1, 0), SettingsFetchModel::FailedRole).toBool());
    QCOMPARE(cell(model, 1, SettingsFetchModel::AttemptsColumn), QStringLiteral("5"));
    QCOMPARE(cell(model, 1, SettingsFetchModel::HttpStatusColumn), QStringLiteral("503"));
    QCOMPARE(cell(model, 1, SettingsFetchModel::WebhooksColumn), QStringLiteral("3"));
    // One line in the cell, all of it in the tooltip; red text and a distinct icon.
    QCOMPARE(cell(model, 1, SettingsFetchModel::ErrorColumn),
             QString(error).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    QCOMPARE(cell(model, 1, SettingsFetchModel::ErrorColumn, Qt::ToolTipRole), error);
    QCOMPARE(cell(model, 1, SettingsFetchModel::OutcomeColumn, Qt::ToolTipRole), error);
    const QVariant colour =
        model.data(model.index(1, SettingsFetchModel::OutcomeColumn), Qt::ForegroundRole);
    QVERIFY(colour.canConvert<QColor>());
    QVERIFY(model.data(model.index(1, SettingsFetchModel::ErrorColumn), Qt::ForegroundRole)
                .canConvert<QColor>());
    const auto icon = [&](int row) {
        return model.data(model.index(row, SettingsFetchModel::OutcomeColumn), Qt::DecorationRole)
            .value<QIcon>()
            .pixmap(16, 16)
            .toImage();
    };
    fetch(fixture("feature-rollout.json"));
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(icon(0) != icon(2)); // new version vs failed

    // The failed import names the file and the reason.
    const QString importError = cell(model, 1, SettingsFetchModel::ErrorColumn);
    QVERIFY2(importError.startsWith(QLatin1String("notes.json: ")), qPrintable(importError));
    QCOMPARE(cell(model, 1, SettingsFetchModel::TriggerColumn), QStringLiteral("imported file"));
}

void tst_SettingsHistoryModel::fetchLogReloadAndLimit()
{
    SettingsFetchModel model(m_store.get(), Endpoint);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLimit(3);
    QCOMPARE(model.limit(), 3);
    for (int i = 0; i < 3; ++i)
        fetch({}, QStringLiteral("timeout %1").arg(i));
    QVERIFY(!QTest::currentTestFailed());
    model.reload();
    QCOMPARE(model.rowCount(), 3);
    const qint64 oldest = model.fetchAt(2).id;

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    fetch({}, QStringLiteral("timeout 3"));
    fetch(fixture("feature-rollout.json"));
    model.reload();
    // Two on top, two off the end: no reset, the rows in between kept.
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(cell(model, 0, SettingsFetchModel::OutcomeColumn).left(12),
             QStringLiteral("new version "));
    QCOMPARE(cell(model, 1, SettingsFetchModel::ErrorColumn), QStringLiteral("timeout 3"));
    QCOMPARE(cell(model, 2, SettingsFetchModel::ErrorColumn), QStringLiteral("timeout 2"));
    QVERIFY(model.fetchAt(2).id > oldest);

    model.setLimit(0);
    QCOMPARE(model.rowCount(), 5);
    model.setEndpoint(QStringLiteral("staging"));
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_SettingsHistoryModel)

#include "tst_settingshistorymodel.moc"
