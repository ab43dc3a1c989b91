// The window's endpoints: the sidebar scoping the log, the Endpoint menu (new, rename, delete),
// the keys, the override banner and the receiver settings over the default endpoint. Real
// EndpointDirectory and EventStore on a temporary database, secrets in a file.
#include "auth/keyring.h"
#include "endpointlistmodel.h"
#include "endpoints/endpointdirectory.h"
#include "endpointsidebar.h"
#include "endpointtestsupport.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "filterbar.h"
#include "mainwindow.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace hookbench;
using namespace endpointtest;

namespace {

QStringList shownEndpoints(const EventLogModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->index(row, EventLogDisplay::EndpointColumn).data().toString());
    return names;
}

} // namespace

class TestMainWindowEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HookbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowendpoints"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void init()
    {
        m_fixture = std::make_unique<Fixture>();
        m_dir = &m_fixture->dir;
        m_secrets = m_fixture->secrets.get();
        m_directory = m_fixture->directory.get();

        // Three requests to default (one refused), two to staging (one refused).
        EventStore store;
        store.setRetention(0);
        QCOMPARE(store.open(dbPath()), QString());
        QSignalSpy committed(&store, &EventStore::committed);
        store.append(
            {makeEvent(QStringLiteral("default"), 200), makeEvent(QStringLiteral("staging"), 200),
             makeEvent(QStringLiteral("default"), 401), makeEvent(QStringLiteral("staging"), 401),
             makeEvent(QStringLiteral("default"), 200)});
        QCOMPARE(committed.size(), 1);
        store.close();

        m_window = std::make_unique<MainWindow>();
        m_window->setEndpointDirectory(m_directory);
        m_window->setDatabase(dbPath());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_window->eventsModel()->rowCount(), 5);
    }

    void cleanup()
    {
        m_window.reset();
        m_fixture.reset();
    }

    void sidebarListsEndpointsWithCounts()
    {
        EndpointSidebar *sidebar = m_window->endpointSidebar();
        QVERIFY(sidebar->isVisible());
        const EndpointListModel *model = sidebar->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0).data().toString(), QStringLiteral("All endpoints"));
        QCOMPARE(model->index(0).data(EndpointListModel::CountRole).toLongLong(), 5);
        QCOMPARE(model->index(1).data(EndpointListModel::CountRole).toLongLong(), 3);
        QCOMPARE(model->index(2).data(EndpointListModel::CountRole).toLongLong(), 2);
        QCOMPARE(model->index(2).data(EndpointListModel::LastEventTextRole).toString(),
                 QStringLiteral("just now"));
        QCOMPARE(model->index(2).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("/vwo/staging"));
        m_window->setEndpointUrls({{QStringLiteral("staging"),
                                    QUrl(QStringLiteral("http://127.0.0.1:4000/vwo/staging"))}});
        QCOMPARE(model->index(2).data(EndpointListModel::LocationRole).toString(),
                 QStringLiteral("http://127.0.0.1:4000/vwo/staging"));

        // Live requests and deletes keep the counts true.
        Event live = makeEvent(QStringLiteral("staging"), 200);
        live.id = 99;
        m_window->appendEvents({live});
        QCOMPARE(model->index(2).data(EndpointListModel::CountRole).toLongLong(), 3);
        QCOMPARE(model->index(0).data(EndpointListModel::CountRole).toLongLong(), 6);
        m_window->eventsRemoved(); // the store is the truth: 99 was never stored
        QCOMPARE(model->index(2).data(EndpointListModel::CountRole).toLongLong(), 2);
    }

    void clickScopesTheLog()
    {
        QSignalSpy changed(m_window.get(), &MainWindow::currentEndpointChanged);
        QListView *list = m_window->endpointSidebar()->view();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(2, 0)).center());
        QCOMPARE(m_window->currentEndpoint(), QStringLiteral("staging"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("staging"));
        EventLogModel *log = m_window->eventsModel();
        QTRY_VERIFY(log->isComplete());
        QTRY_COMPARE(shownEndpoints(log), QStringList(2, QStringLiteral("staging")));

        // ANDed with what the user types; the typed text stays as it is.
        FilterBar *filter = m_window->filterBar();
        filter->setText(QStringLiteral("status:401"));
        filter->apply();
        QTRY_VERIFY(log->isComplete());
        QCOMPARE(log->rowCount(), 1);
        QTRY_COMPARE(shownEndpoints(log), QStringList{QStringLiteral("staging")});
        QCOMPARE(filter->text(), QStringLiteral("status:401"));

        // "All endpoints" clears the scope, not the typed filter.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(0, 0)).center());
        QCOMPARE(m_window->currentEndpoint(), QString());
        QTRY_VERIFY(log->isComplete());
        QCOMPARE(log->rowCount(), 2);
        filter->clear();
        QTRY_VERIFY(log->isComplete());
        QCOMPARE(log->rowCount(), 5);
    }

    void newEndpointThroughTheWindow()
    {
        // Through the window: a real add, and the sidebar shows the new endpoint.
        whenModal([](QWidget *modal) {
            auto *name = modal->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
            QTest::keyClicks(name, QStringLiteral("qa"));
            modal->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                ->button(QDialogButtonBox::Ok)
                ->click();
        });
        m_window->findChild<QAction *>(QStringLiteral("newEndpointAction"))->trigger();
        QVERIFY(m_directory->endpoint(QStringLiteral("qa")));
        QCOMPARE(m_directory->endpoint(QStringLiteral("qa"))->path, QStringLiteral("/vwo/qa"));
        QCOMPARE(m_window->currentEndpoint(), QStringLiteral("qa"));
        QCOMPARE(m_window->endpointSidebar()->model()->rowCount(), 4);
    }

    void defaultEndpointCannotBeDeletedOrRenamed()
    {
        auto *remove = m_window->findChild<QAction *>(QStringLiteral("deleteEndpointAction"));
        auto *rename = m_window->findChild<QAction *>(QStringLiteral("renameEndpointAction"));
        auto *edit = m_window->findChild<QAction *>(QStringLiteral("editEndpointAction"));
        QVERIFY(!remove->isEnabled()); // "All endpoints"
        QVERIFY(!edit->isEnabled());
        m_window->setCurrentEndpoint(QStringLiteral("default"));
        QVERIFY(edit->isEnabled());
        QVERIFY(!remove->isEnabled());
        QVERIFY(!rename->isEnabled());
        QVERIFY2(remove->toolTip().contains(QStringLiteral("default endpoint cannot be deleted")),
                 qPrintable(remove->toolTip()));
        QVERIFY(rename->toolTip().contains(QStringLiteral("default endpoint")));
        m_window->setCurrentEndpoint(QStringLiteral("staging"));
        QVERIFY(remove->isEnabled());
        QVERIFY(rename->isEnabled());
    }

    void deleteKeepingOrDeletingEvents_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<qint64>("stagingEventsAfter");
        QTest::addRow("keep") << "keepEventsButton" << qint64(2);
        QTest::addRow("delete") << "deleteWithEventsButton" << qint64(0);
    }

    void deleteKeepingOrDeletingEvents()
    {
        QFETCH(QString, button);
        QFETCH(qint64, stagingEventsAfter);
        m_window->setCurrentEndpoint(QStringLiteral("staging"));
        QString boxText;
        whenModal([&](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            QVERIFY(box);
            boxText = box->text();
            // Cancel is the default: Enter deletes nothing.
            QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
            clickButton(modal, qPrintable(button));
        });
        m_window->findChild<QAction *>(QStringLiteral("deleteEndpointAction"))->trigger();
        QCOMPARE(boxText, QStringLiteral("Delete the endpoint staging?"));
        QTRY_VERIFY(!m_directory->endpoint(QStringLiteral("staging")));
        QCOMPARE(m_directory->eventCounts().value(QStringLiteral("staging")), stagingEventsAfter);
        QCOMPARE(m_directory->eventCounts().value(QStringLiteral("default")), 3);
        // Back to all endpoints; the log and the counts follow.
        QCOMPARE(m_window->currentEndpoint(), QString());
        QTRY_COMPARE(m_window->eventsModel()->rowCount(), int(3 + stagingEventsAfter));
        QTRY_COMPARE(m_window->endpointSidebar()->model()->eventCount(QString()),
                     3 + stagingEventsAfter);
    }

    void deleteCancelledKeepsAll()
    {
        m_window->setCurrentEndpoint(QStringLiteral("staging"));
        whenModal([](QWidget *modal) {
            qobject_cast<QMessageBox *>(modal)->button(QMessageBox::Cancel)->click();
        });
        m_window->findChild<QAction *>(QStringLiteral("deleteEndpointAction"))->trigger();
        QVERIFY(m_directory->endpoint(QStringLiteral("staging")));
        QCOMPARE(m_directory->eventCounts().value(QStringLiteral("staging")), 2);
    }

    void renameMovesEverything()
    {
        m_window->setCurrentEndpoint(QStringLiteral("staging"));
        whenModal([](QWidget *modal) {
            auto *name = modal->findChild<QLineEdit *>(QStringLiteral("newNameEdit"));
            QVERIFY(name);
            name->setText(QStringLiteral("bad name"));
            auto *error = modal->findChild<QLabel *>(QStringLiteral("newNameError"));
            QVERIFY(error->isVisible());
            QPushButton *ok = modal->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            name->setText(QStringLiteral("default"));
            QVERIFY(error->text().contains(QStringLiteral("exists already")));
            name->setText(QStringLiteral("production"));
            QVERIFY(ok->isEnabled());
            ok->click();
        });
        m_window->findChild<QAction *>(QStringLiteral("renameEndpointAction"))->trigger();
        QVERIFY(!m_directory->endpoint(QStringLiteral("staging")));
        QCOMPARE(m_directory->endpoint(QStringLiteral("production"))->path,
                 QStringLiteral("/vwo/staging"));
        QCOMPARE(m_directory->eventCounts().value(QStringLiteral("production")), 2);
        QCOMPARE(m_window->currentEndpoint(), QStringLiteral("production"));
        EventLogModel *log = m_window->eventsModel();
        QTRY_VERIFY(log->isComplete());
        QTRY_COMPARE(shownEndpoints(log), QStringList(2, QStringLiteral("production")));
    }

    void keysOpenForTheChosenEndpoint()
    {
        KeyRing ring(m_secrets);
        QCOMPARE(ring.open(dbPath()), QString());
        m_window->setKeyRing(&ring);
        m_window->setCurrentEndpoint(QStringLiteral("staging"));
        m_window->findChild<QAction *>(QStringLiteral("keysAction"))->trigger();
        auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("keysDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Webhook Keys of staging"));
        // It follows the sidebar while open; "All" means the default endpoint.
        m_window->setCurrentEndpoint(QString());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Webhook Keys of default"));
        dialog->hide();
    }

    void bannerNamesOverriddenEndpoints()
    {
        auto *banner = m_window->findChild<QWidget *>(QStringLiteral("overrideMessage"));
        QVERIFY(!banner->isVisible());
        Endpoint staging = *m_directory->endpoint(QStringLiteral("staging"));
        staging.response.status = 503;
        QCOMPARE(m_directory->update(staging), QString());
        QVERIFY(banner->isVisible());
        QStringList labels;
        for (const QLabel *label : banner->findChildren<QLabel *>())
            labels.append(label->text());
        QVERIFY2(labels.join(QLatin1Char(' '))
                     .contains(QStringLiteral(
                         "Responses of endpoint staging are overridden: every webhook "
                         "gets 503")),
                 qPrintable(labels.join(QLatin1Char('|'))));
        // Turn Off clears it in the endpoint's row.
        clickButton(banner, "turnOffOverrideButton");
        QCOMPARE(m_directory->endpoint(QStringLiteral("staging"))->response.status, 0);
        QVERIFY(!banner->isVisible());
    }

    void receiverSettingsEditDefaultEndpoint()
    {
        QSignalSpy configChanged(m_window.get(), &MainWindow::receiverConfigChanged);
        whenModal([](QWidget *modal) {
            auto *path = modal->findChild<QLineEdit *>(QStringLiteral("pathEdit"));
            QVERIFY(path);
            path->setText(QStringLiteral("/vwo/staging")); // staging's: refused
            QPushButton *ok = modal->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                                  ->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled());
            path->setText(QStringLiteral("/hooks/default"));
            QVERIFY(ok->isEnabled());
            ok->click();
        });
        m_window->findChild<QAction *>(QStringLiteral("receiverSettingsAction"))->trigger();
        QCOMPARE(m_directory->endpoint(QStringLiteral("default"))->path,
                 QStringLiteral("/hooks/default"));
        QCOMPARE(configChanged.size(), 0); // host and port as they were: no restart asked
    }

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("hookbench.sqlite")); }

    std::unique_ptr<Fixture> m_fixture;
    QTemporaryDir *m_dir = nullptr;
    SecretStore *m_secrets = nullptr;
    EndpointDirectory *m_directory = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindowEndpoints)
#include "tst_mainwindowendpoints.moc"
