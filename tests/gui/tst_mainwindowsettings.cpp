// The window over a real receiver and a real SettingsSync against a loopback settings server:
// a webhook makes a fetch, the detail pane and the list's Settings column say what it caused,
// and one that caused nothing is marked; the Settings File menu opens the history and the
// account dialog. An event-table layout saved before that column still fits.
#include "accountprofiledialog.h"
#include "appsettings.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "mainwindow.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"
#include "secrets/secretstore.h"
#include "settings/settingssync.h"
#include "settings/settingssyncset.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"
#include "settingsserver.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray SdkKey = QByteArrayLiteral("someuniquestuff1234567");

} // namespace

class TestMainWindowSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_server = std::make_unique<SettingsServer>();
        QVERIFY(m_server->listen());
        m_server->setCredentials(QLatin1String(SettingsServer::DefaultAccountId),
                                 QString::fromLatin1(SdkKey));
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = m_dir->filePath(QStringLiteral("secrets.json"));
        m_secrets = std::make_unique<SecretStore>(options);
        m_config.port = 0;
        m_config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        m_syncs = std::make_unique<SettingsSyncSet>(m_secrets.get());
        QSignalSpy ready(m_syncs.get(), &SettingsSyncSet::ready);
        QCOMPARE(m_syncs->open(m_config.databasePath, {m_config.endpoint}), QString());
        QVERIFY(ready.wait(5000));
        m_sync = m_syncs->sync(m_config.endpoint);
        m_window = std::make_unique<MainWindow>();
        m_window->setSettingsSyncs(m_syncs.get());
        QCOMPARE(m_window->menuBar()->actions().constLast()->text(), QStringLiteral("&Help"));
        QVERIFY(m_service.start(m_config));
        connect(&m_service, &ReceiverService::eventsCommitted, m_window.get(),
                &MainWindow::appendEvents);
        connect(&m_service, &ReceiverService::eventsCommitted, m_syncs.get(),
                &SettingsSyncSet::addEvents);
        m_window->setReceiverConfig(m_config);
        m_window->setDatabase(m_config.databasePath);
        m_window->receiverStarted(m_service.url());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_service.stop();
        m_window.reset();
        m_sync = nullptr;
        m_syncs.reset();
        m_secrets.reset();
        m_server.reset();
        m_dir.reset();
    }

    void accountDialogSavesTheProfile()
    {
        auto *fetch = m_window->findChild<QAction *>(QStringLiteral("fetchSettingsAction"));
        QVERIFY(fetch);
        QVERIFY(!fetch->isEnabled());
        QVERIFY2(fetch->toolTip().contains(QLatin1String("account id")),
                 qPrintable(fetch->toolTip()));
        m_window->findChild<QAction *>(QStringLiteral("accountProfileAction"))->trigger();
        AccountProfileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<AccountProfileDialog *>()));
        QVERIFY(!dialog->problems().isEmpty()); // nothing entered yet
        dialog->findChild<QLineEdit *>(QStringLiteral("accountEdit"))
            ->setText(QStringLiteral("12x"));
        QVERIFY2(dialog->problems().join(QLatin1Char(' ')).contains(QLatin1String("Account id")),
                 qPrintable(dialog->problems().join(QLatin1Char(' '))));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountEdit"))
            ->setText(QLatin1String(SettingsServer::DefaultAccountId));
        dialog->findChild<QLineEdit *>(QStringLiteral("sdkKeyEdit"))
            ->setText(QString::fromLatin1(SdkKey));
        dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(m_server->baseUrl());
        QVERIFY2(dialog->problems().isEmpty(),
                 qPrintable(dialog->problems().join(QLatin1Char(' '))));
        dialog->save();
        QTRY_VERIFY(fetch->isEnabled());
        QCOMPARE(m_sync->profile().accountId, QLatin1String(SettingsServer::DefaultAccountId));
        QVERIFY(m_sync->hasSdkKey());
    }

    void webhookShowsWhatItCaused()
    {
        // No account yet: the webhook caused nothing, and the pane marks it.
        const qint64 first = postWebhook(1700000001);
        QVERIFY(first > 0);
        QVERIFY2(settingsRow().contains(QLatin1String("no settings-file account")),
                 qPrintable(settingsRow()));
        // So does the list, without selecting it.
        QCOMPARE(listSettings(first), QStringLiteral("Not fetched"));
        QVERIFY(!listCell(first).data(Qt::DecorationRole).value<QIcon>().isNull());

        setProfile();
        const qint64 second = postWebhook(1700000002);
        QTRY_VERIFY2(settingsRow().contains(QLatin1String("New settings-file version #1")),
                     qPrintable(settingsRow()));
        QCOMPARE(m_server->requests().last().path, QStringLiteral("/server-side/pull"));
        QVERIFY(second > first);
        QTRY_COMPARE(listSettings(second), QStringLiteral("Fetched"));
        QVERIFY(listCell(second).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(listSettings(first), QStringLiteral("Not fetched"));

        // The history window lists it.
        m_window->findChild<QAction *>(QStringLiteral("settingsHistoryAction"))->trigger();
        auto *panel = m_window->findChild<SettingsHistoryPanel *>();
        QVERIFY(panel);
        QTRY_COMPARE(panel->historyModel()->rowCount(), 1);

        // The server now fails: the next webhook's fetch fails and says why.
        m_server->setDefaultBehaviour(SettingsServer::Behaviour::answer(500, "down"));
        const qint64 third = postWebhook(1700000003);
        QTRY_VERIFY_WITH_TIMEOUT(settingsRow().contains(QLatin1String("fetch failed")), 10000);
        QVERIFY2(settingsRow().contains(QLatin1String("500")), qPrintable(settingsRow()));
        QCOMPARE(listSettings(third), QStringLiteral("Failed"));
        QVERIFY(!listCell(third).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(listSettings(second), QStringLiteral("Fetched"));
        // Read again from the store (a new filter), every row still says it.
        QSignalSpy loaded(m_window->eventsModel(), &EventLogModel::loaded);
        m_window->eventsModel()->setFilter(EventFilter::parse(u"method:POST"));
        QTRY_COMPARE(loaded.size(), 1);
        QTRY_COMPARE(listSettings(first), QStringLiteral("Not fetched"));
        QTRY_COMPARE(listSettings(second), QStringLiteral("Fetched"));
        QTRY_COMPARE(listSettings(third), QStringLiteral("Failed"));
        QCOMPARE(panel->historyModel()->rowCount(), 1);
    }

    // With several endpoints the menu and the history act on the endpoint chosen in the history;
    // each has its own account and history, and one that goes away leaves its history.
    void menuFollowsTheChosenEndpoint()
    {
        const QString staging = QStringLiteral("staging");
        setProfile();
        auto *fetch = m_window->findChild<QAction *>(QStringLiteral("fetchSettingsAction"));
        auto *account = m_window->findChild<QAction *>(QStringLiteral("accountProfileAction"));
        QTRY_VERIFY(fetch->isEnabled());
        QCOMPARE(fetch->text(), QStringLiteral("&Fetch Now"));
        QCOMPARE(m_syncs->setEndpoints({m_config.endpoint, staging}), QString());
        QCOMPARE(fetch->text(), QStringLiteral("&Fetch Now (default)"));
        QVERIFY(fetch->isEnabled());

        m_window->findChild<QAction *>(QStringLiteral("settingsHistoryAction"))->trigger();
        auto *panel = m_window->findChild<SettingsHistoryPanel *>();
        QVERIFY(panel);
        auto *combo = panel->findChild<QComboBox *>(QStringLiteral("endpointCombo"));
        QVERIFY(combo && combo->isVisible());
        QCOMPARE(combo->count(), 2);
        combo->setCurrentIndex(combo->findText(staging));
        QCOMPARE(panel->endpoint(), staging);
        QCOMPARE(fetch->text(), QStringLiteral("&Fetch Now (staging)"));
        QVERIFY(!fetch->isEnabled()); // staging has no account yet
        QVERIFY2(fetch->toolTip().contains(QLatin1String("\"staging\"")),
                 qPrintable(fetch->toolTip()));
        QVERIFY(!panel->isFetchAvailable());

        // Its account, in a dialog about staging.
        account->trigger();
        AccountProfileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<AccountProfileDialog *>()));
        QVERIFY2(dialog->windowTitle().contains(staging), qPrintable(dialog->windowTitle()));
        dialog->findChild<QLineEdit *>(QStringLiteral("accountEdit"))
            ->setText(QLatin1String(SettingsServer::DefaultAccountId));
        dialog->findChild<QLineEdit *>(QStringLiteral("sdkKeyEdit"))
            ->setText(QString::fromLatin1(SdkKey));
        dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(m_server->baseUrl());
        dialog->save();
        QTRY_VERIFY(fetch->isEnabled());
        QCOMPARE(m_syncs->sync(staging)->profile().accountId,
                 QLatin1String(SettingsServer::DefaultAccountId));

        // Fetch Now fetches staging's: its history gets the version, default's stays empty.
        fetch->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(panel->historyModel()->rowCount(), 1, 10000);
        QCOMPARE(panel->historyModel()->versionAt(0).endpoint, staging);
        SettingsVersion current;
        QCOMPARE(m_syncs->store()->currentVersion(m_config.endpoint, QString(), &current),
                 QString());
        QVERIFY(current.isNull());

        // Staging goes away: the menu is about default again, staging's history stays listed.
        QCOMPARE(m_syncs->setEndpoints({m_config.endpoint}), QString());
        QCOMPARE(panel->endpoint(), m_config.endpoint);
        QCOMPARE(fetch->text(), QStringLiteral("&Fetch Now"));
        QVERIFY(fetch->isEnabled());
        QCOMPARE(panel->endpointChoices(), (QStringList{m_config.endpoint, staging}));
        combo->setCurrentIndex(combo->findText(staging));
        QVERIFY(!fetch->isEnabled());
        QVERIFY2(fetch->toolTip().contains(QLatin1String("no longer exists")),
                 qPrintable(fetch->toolTip()));
        QVERIFY(!account->isEnabled());
        QCOMPARE(panel->historyModel()->rowCount(), 1);
    }

    void oldColumnLayoutStillFits()
    {
        // A layout saved before the Settings and Endpoint columns: ten columns, each its own
        // width.
        QStringList oldColumns = EventLogDisplay::columnKeys();
        oldColumns.removeOne(QStringLiteral("settings"));
        oldColumns.removeOne(QStringLiteral("endpoint"));
        QCOMPARE(oldColumns.size(), 10);
        QStandardItemModel oldModel(0, int(oldColumns.size()));
        QHeaderView oldHeader(Qt::Horizontal);
        oldHeader.setModel(&oldModel);
        for (int column = 0; column < oldColumns.size(); ++column)
            oldHeader.resizeSection(column, 40 + 7 * column);
        QSettings ini(m_dir->filePath(QStringLiteral("hookbench.ini")), QSettings::IniFormat);
        AppSettings settings(&ini);
        settings.setHeaderState(oldHeader.saveState()); // and no column names: an old one
        QVERIFY(settings.headerColumns().isEmpty());

        m_window->restoreLayout(settings);
        QHeaderView *header =
            m_window->findChild<QTableView *>(QStringLiteral("eventTable"))->horizontalHeader();
        QCOMPARE(header->count(), int(EventLogDisplay::ColumnCount));
        const QStringList columns = EventLogDisplay::columnKeys();
        for (int column = 0; column < header->count(); ++column) {
            QVERIFY2(!header->isSectionHidden(column), qPrintable(columns.at(column)));
            QCOMPARE(header->visualIndex(column), column);
            const int old = int(oldColumns.indexOf(columns.at(column)));
            if (old >= 0 && column != EventLogDisplay::PathColumn) // the path stretches
                QCOMPARE(header->sectionSize(column), 40 + 7 * old);
        }
        QVERIFY(header->sectionSize(EventLogDisplay::SettingsColumn) > 20); // its default

        // Saved again, with its column names: restored as it is.
        header->resizeSection(EventLogDisplay::SettingsColumn, 123);
        m_window->saveLayout(settings);
        QCOMPARE(settings.headerColumns(), columns);
        header->resizeSection(EventLogDisplay::SettingsColumn, 60);
        header->resizeSection(EventLogDisplay::SizeColumn, 61);
        m_window->restoreLayout(settings);
        QCOMPARE(header->sectionSize(EventLogDisplay::SettingsColumn), 123);
        QCOMPARE(header->sectionSize(EventLogDisplay::SizeColumn), 40 + 7 * 7);
    }

private:
    void setProfile()
    {
        AccountProfile profile;
        profile.accountId = QLatin1String(SettingsServer::DefaultAccountId);
        profile.baseUrl = m_server->baseUrl();
        bool done = false;
        m_sync->setBackoff({20, 20, 20, 20});
        m_sync->setProfile(profile, SdkKey, [&](const QString &error) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            done = true;
        });
        QTRY_VERIFY(done);
    }

    // Posts a valid webhook (no keys: authentication not required), selects its row.
    qint64 postWebhook(qint64 timestamp)
    {
        QSignalSpy committed(&m_service, &ReceiverService::eventsCommitted);
        RawHttpClient client(m_service.port());
        client.send(RawHttpClient::post("/vwo-webhook", vwoPayload(timestamp)));
        if (client.read().status != 200 || !committed.wait(5000))
            return 0;
        const qint64 id = committed.first().first().value<QList<Event>>().first().id;
        EventLogModel *model = m_window->eventsModel();
        if (!QTest::qWaitFor([&] { return model->rowOfId(id) >= 0; }, 5000))
            return 0;
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("eventTable"));
        table->setCurrentIndex(model->index(model->rowOfId(id), 0));
        const bool shown =
            QTest::qWaitFor([&] { return m_window->detailView()->shownEvent().id == id; }, 5000);
        return shown ? id : 0;
    }

    // The event list's Settings cell of a webhook.
    QModelIndex listCell(qint64 id) const
    {
        EventLogModel *model = m_window->eventsModel();
        return model->index(model->rowOfId(id), EventLogDisplay::SettingsColumn);
    }
    QString listSettings(qint64 id) const { return listCell(id).data().toString(); }

    QString settingsRow() const
    {
        auto *label =
            m_window->detailView()->findChild<QLabel *>(QStringLiteral("overviewSettings"));
        return label ? label->text() : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsServer> m_server;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<SettingsSyncSet> m_syncs;
    SettingsSync *m_sync = nullptr; // the default endpoint's, in m_syncs
    std::unique_ptr<MainWindow> m_window;
    ReceiverConfig m_config;
    ReceiverService m_service;
};

QTEST_MAIN(TestMainWindowSettings)
#include "tst_mainwindowsettings.moc"
