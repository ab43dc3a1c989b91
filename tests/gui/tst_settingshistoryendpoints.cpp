// SettingsHistoryPanel across endpoints, over a real version store (a temporary SQLite file):
// the chooser switches which endpoint's history is shown, and a version is compared with the
// current version of another endpoint in the diff viewer, both sides named by endpoint.
#include "diffwindow.h"
#include "inlinemessage.h"
#include "settings/settingsversionstore.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"
#include "vwofixture.h"

#include <QAction>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hookbench;

namespace {

const QString Default = QStringLiteral("default");
const QString Staging = QStringLiteral("staging");
const QString Production = QStringLiteral("production");

QByteArray abWithTraffic(int percent)
{
    QByteArray bytes = fixture("ab-campaign-two-variations.json");
    const QByteArray edited = "\"percentTraffic\": " + QByteArray::number(percent);
    bytes.replace(QByteArrayLiteral("\"percentTraffic\": 50"), edited);
    return bytes;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child named %s", name);
    return found;
}

void selectRows(QTableView *table, const QList<int> &rows)
{
    QItemSelection selection;
    for (int row : rows) {
        selection.select(table->model()->index(row, 0),
                         table->model()->index(row, table->model()->columnCount() - 1));
    }
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

} // namespace

class tst_SettingsHistoryEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<SettingsVersionStore>();
        QCOMPARE(m_store->open(m_dir->filePath(QStringLiteral("events.sqlite"))), QString());
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void chooserSwitchesTheHistory()
    {
        const qint64 defaultId = import(Default, abWithTraffic(10));
        const qint64 stagingId = import(Staging, abWithTraffic(20));
        const qint64 retiredId = import(QStringLiteral("retired"), abWithTraffic(30));
        SettingsHistoryPanel panel(m_store.get());
        showPanel(panel);
        auto *combo = child<QComboBox>(&panel, "endpointCombo");
        // Before the owner names its endpoints: those with a history.
        QCOMPARE(panel.endpointChoices(),
                 (QStringList{Default, QStringLiteral("retired"), Staging}));
        QVERIFY(combo->isVisible());

        panel.setEndpoints({Default, Production, Staging});
        // The owner's order, then those only the history knows.
        QCOMPARE(panel.endpointChoices(),
                 (QStringList{Default, Production, Staging, QStringLiteral("retired")}));
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->currentText(), Default);
        QCOMPARE(panel.historyModel()->versionAt(0).id, defaultId);
        QVERIFY(!combo->itemData(3, Qt::ToolTipRole).toString().isEmpty()); // no longer exists

        QSignalSpy changed(&panel, &SettingsHistoryPanel::endpointChanged);
        combo->setCurrentIndex(combo->findText(Staging));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), Staging);
        QCOMPARE(panel.endpoint(), Staging);
        QCOMPARE(panel.historyModel()->rowCount(), 1);
        QCOMPARE(panel.historyModel()->versionAt(0).id, stagingId);
        const QString header = child<QLabel>(&panel, "currentVersionLabel")->text();
        QVERIFY2(header.contains(QLatin1String("endpoint staging")), qPrintable(header));

        // Set by the owner: the chooser follows, and says so once.
        panel.setEndpoint(QStringLiteral("retired"));
        QCOMPARE(combo->currentText(), QStringLiteral("retired"));
        QCOMPARE(panel.historyModel()->versionAt(0).id, retiredId);
        QCOMPARE(changed.size(), 2);
        panel.setEndpoint(Production);
        QCOMPARE(panel.historyModel()->rowCount(), 0);
        QVERIFY(child<QWidget>(&panel, "emptyState")->isVisible());

        // A single endpoint needs no chooser.
        SettingsVersionStore empty;
        QCOMPARE(empty.open(m_dir->filePath(QStringLiteral("empty.sqlite"))), QString());
        SettingsHistoryPanel alone(&empty);
        showPanel(alone);
        alone.setEndpoints({Default});
        QVERIFY(!child<QComboBox>(&alone, "endpointCombo")->isVisible());
        QVERIFY(!child<QPushButton>(&alone, "compareEndpointButton")->isEnabled());
    }

    void comparesWithAnotherEndpoint()
    {
        const qint64 older = import(Default, abWithTraffic(10));
        const qint64 current = import(Default, abWithTraffic(30));
        const qint64 staging = import(Staging, abWithTraffic(20));
        SettingsHistoryPanel panel(m_store.get());
        showPanel(panel);
        panel.setEndpoints({Default, Staging, Production});
        auto *button = child<QPushButton>(&panel, "compareEndpointButton");
        auto *table = child<QTableView>(&panel, "versionsTable");
        auto *message = child<InlineMessage>(&panel, "compareMessage");
        QVERIFY(button->isEnabled()); // nothing selected: the current version
        QVERIFY(child<QAction>(&panel, "compareEndpointAction")->isEnabled());

        // The menu offers the other endpoints; one without a version cannot be chosen.
        auto *menu = child<QMenu>(&panel, "compareEndpointMenu");
        QCOMPARE(button->menu(), menu);
        Q_EMIT menu->aboutToShow();
        auto *toStaging = child<QAction>(menu, "compareEndpoint:staging");
        auto *toProduction = child<QAction>(menu, "compareEndpoint:production");
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("compareEndpoint:default")));
        QVERIFY(toStaging->isEnabled());
        QVERIFY2(toStaging->text().contains(QStringLiteral("#%1").arg(staging)),
                 qPrintable(toStaging->text()));
        QVERIFY(!toProduction->isEnabled());
        QVERIFY2(toProduction->text().contains(QLatin1String("no version yet")),
                 qPrintable(toProduction->text()));

        toStaging->trigger();
        DiffWindow *viewer = openedViewer(&panel);
        QVERIFY(viewer);
        QVERIFY2(viewer->windowTitle().contains(QLatin1String("default (#")) &&
                     viewer->windowTitle().contains(QLatin1String("staging (#")),
                 qPrintable(viewer->windowTitle()));
        QTRY_VERIFY_WITH_TIMEOUT(viewer->comparison(), 10000);
        QVERIFY2(viewer->comparison()->oldName.startsWith(
                     QStringLiteral("default (#%1 of ").arg(current)),
                 qPrintable(viewer->comparison()->oldName));
        QVERIFY2(viewer->comparison()->newName.startsWith(
                     QStringLiteral("staging (#%1 of ").arg(staging)),
                 qPrintable(viewer->comparison()->newName));
        QCOMPARE(viewer->comparison()->semantic.changes.size(), 1);
        QCOMPARE(viewer->comparison()->semantic.changes.first().sentence,
                 QStringLiteral("campaign DEV_TEST_1: percentTraffic 30 \u2192 20"));
        QCOMPARE(message->type(), InlineMessage::Information);
        QCOMPARE(message->text(),
                 QStringLiteral("From default #%1 to staging #%2: 1 campaign changed (DEV_TEST_1)")
                     .arg(current)
                     .arg(staging));
        delete viewer;

        // A selected older version instead of the current one.
        selectRows(table, {1});
        QCOMPARE(panel.selectedVersionIds(), QList<qint64>{older});
        panel.compareWithEndpoint(Staging);
        viewer = openedViewer(&panel);
        QVERIFY(viewer);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->comparison(), 10000);
        QVERIFY(
            viewer->comparison()->oldName.startsWith(QStringLiteral("default (#%1 ").arg(older)));
        QCOMPARE(viewer->comparison()->semantic.changes.first().sentence,
                 QStringLiteral("campaign DEV_TEST_1: percentTraffic 10 \u2192 20"));
        delete viewer;

        // Two selected: which one is meant is unclear.
        selectRows(table, {0, 1});
        QVERIFY(!button->isEnabled());
        panel.compareWithEndpoint(Staging);
        QVERIFY(!openedViewer(&panel));
        QCOMPARE(message->type(), InlineMessage::Error);

        // An endpoint without a version says so, and opens nothing.
        selectRows(table, {});
        panel.compareWithEndpoint(Production);
        QVERIFY(!openedViewer(&panel));
        QCOMPARE(message->type(), InlineMessage::Error);
        QVERIFY2(message->text().contains(
                     QLatin1String("Endpoint production has no settings-file version yet")),
                 qPrintable(message->text()));

        // From staging's side, the other way round.
        panel.setEndpoint(Staging);
        panel.compareWithEndpoint(Default);
        viewer = openedViewer(&panel);
        QVERIFY(viewer);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->comparison(), 10000);
        QVERIFY(viewer->comparison()->oldName.startsWith(QLatin1String("staging (#")));
        QVERIFY(viewer->comparison()->newName.startsWith(QLatin1String("default (#")));
        delete viewer;
    }

private:
    qint64 import(const QString &endpoint, const QByteArray &bytes)
    {
        FetchRecord recorded;
        SettingsVersion version;
        const QString error =
            m_store->importFile(endpoint, QStringLiteral("file.json"), bytes, &recorded, &version);
        if (!error.isEmpty() || version.isNull())
            qFatal("import failed: %s %s", qPrintable(error), qPrintable(recorded.error));
        return version.id;
    }
    static void showPanel(SettingsHistoryPanel &panel)
    {
        panel.resize(1000, 640);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
    }
    static DiffWindow *openedViewer(QWidget *panel)
    {
        return panel->findChild<DiffWindow *>(QStringLiteral("settingsDiffWindow"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsVersionStore> m_store;
};

QTEST_MAIN(tst_SettingsHistoryEndpoints)

#include "tst_settingshistoryendpoints.moc"
