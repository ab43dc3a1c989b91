// SettingsHistoryPanel driven like a user would, over a real version store (a temporary SQLite
// file): files go in through the slots the dialogs call and through drops.
#include "diffwindow.h"
#include "inlinemessage.h"
#include "placeholderwidget.h"
#include "settings/settingsversionstore.h"
#include "settingsfetchlog.h"
#include "settingsfetchmodel.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"
#include "vwofixture.h"

#include <QApplication>
#include <QColor>
#include <QDragEnterEvent>
#include <QFile>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace hookbench;

class tst_SettingsHistoryPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyStateExplains();
    void importsValidAndInvalidFiles();
    void dropImportsEachFile();
    void compareNeedsTwoVersions();
    void compareWithPreviousOnDoubleClick();
    void exportWritesIdenticalBytes();
    void exportKeepsSdkKeyOut();
    void exportReportsWriteError();
    void fetchButtonSaysWhyNot();
    void showsFetchProgress();
    void marksFailedFetches();
    void asksForProfile();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    void showPanel(SettingsHistoryPanel &panel);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SettingsVersionStore> m_store;
};

namespace {

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

QTableView *versionsTable(QObject *panel)
{
    return child<QTableView>(panel, "versionsTable");
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

std::unique_ptr<QMimeData> fileUrls(const QStringList &paths)
{
    auto mime = std::make_unique<QMimeData>();
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime->setUrls(urls);
    return mime;
}

} // namespace

void tst_SettingsHistoryPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<SettingsVersionStore>();
    QCOMPARE(m_store->open(m_dir->filePath(QStringLiteral("events.sqlite"))), QString());
}

void tst_SettingsHistoryPanel::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString tst_SettingsHistoryPanel::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_SettingsHistoryPanel::showPanel(SettingsHistoryPanel &panel)
{
    panel.resize(1000, 640);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
}

void tst_SettingsHistoryPanel::emptyStateExplains()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    auto *empty = child<PlaceholderWidget>(&panel, "emptyState");
    QVERIFY(empty->isVisible());
    QVERIFY(!versionsTable(&panel)->isVisible());
    const QString text = empty->title() + QLatin1Char(' ') + empty->text();
    QVERIFY2(text.contains(QLatin1String("No settings-file versions yet. Fetch now, import a "
                                         "file, or send a webhook once auto-fetch is on.")),
             qPrintable(text));
    QVERIFY(child<QLabel>(&panel, "currentVersionLabel")
                ->text()
                .contains(QLatin1String("No "
                                        "version")));
    QVERIFY(!child<QPushButton>(&panel, "compareButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&panel, "exportButton")->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "importButton")->isEnabled());
    QVERIFY(child<QPushButton>(&panel, "fetchButton")->isEnabled());
    QVERIFY(!child<SettingsFetchLog>(&panel, "fetchLog")->isExpanded());
    QCOMPARE(child<SettingsFetchLog>(&panel, "fetchLog")->title(),
             QStringLiteral("Fetch log (no fetches yet)"));

    // When fetching cannot work yet, the empty state says why too.
    panel.setFetchAvailable(false, QStringLiteral("Set the account id and SDK key first"));
    QVERIFY(empty->text().contains(QLatin1String("Set the account id and SDK key first")));
}

void tst_SettingsHistoryPanel::importsValidAndInvalidFiles()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    const QString good =
        writeFile(QStringLiteral("good.json"), fixture("ab-campaign-two-variations.json"));
    const QString broken = writeFile(QStringLiteral("broken.json"), "{\"campaigns\": [\n  {");
    panel.importFiles({good, broken});

    QVERIFY(versionsTable(&panel)->isVisible());
    QCOMPARE(panel.historyModel()->rowCount(), 1);
    const qint64 id = panel.historyModel()->versionAt(0).id;
    QCOMPARE(panel.selectedVersionIds(), QList<qint64>{id}); // the new version is selected
    auto *result = child<InlineMessage>(&panel, "resultMessage");
    QVERIFY(result->isVisible());
    QCOMPARE(result->type(), InlineMessage::Error);
    const QString text = result->text();
    QVERIFY2(text.contains(QStringLiteral("Imported good.json as version #%1").arg(id)),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("broken.json was not imported")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line")), qPrintable(text)); // where the JSON broke
    QVERIFY(child<QLabel>(&panel, "currentVersionLabel")->text().contains(QLatin1String("888888")));

    // Both attempts are in the fetch log; the failed one is marked.
    QCOMPARE(panel.fetchModel()->rowCount(), 2);
    QCOMPARE(panel.fetchModel()->failedCount(), 1);

    // The same file again: nothing added, and said so.
    panel.importFiles({good});
    QCOMPARE(panel.historyModel()->rowCount(), 1);
    QCOMPARE(result->type(), InlineMessage::Information);
    QVERIFY2(result->text().contains(QLatin1String("nothing added")), qPrintable(result->text()));

    // A file that cannot be read is named with its path.
    panel.importFiles({m_dir->filePath(QStringLiteral("missing.json"))});
    QCOMPARE(result->type(), InlineMessage::Error);
    QVERIFY2(result->text().contains(QLatin1String("missing.json")), qPrintable(result->text()));
}

void tst_SettingsHistoryPanel::dropImportsEachFile()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    const QStringList paths = {
        writeFile(QStringLiteral("one.json"), fixture("ab-campaign-two-variations.json")),
        writeFile(QStringLiteral("two.json"), fixture("feature-rollout.json")),
        writeFile(QStringLiteral("notes.txt"), "not settings"),
    };
    const std::unique_ptr<QMimeData> mime = fileUrls(paths);
    const QPoint centre = panel.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&panel, &enter);
    QVERIFY(enter.isAccepted());
    auto *hint = child<InlineMessage>(&panel, "dropMessage");
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QLatin1String("one.json, two.json")), qPrintable(hint->text()));
    QVERIFY(!hint->text().contains(QLatin1String("notes.txt")));

    QDropEvent drop(centre, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&panel, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!hint->isVisible());
    QCOMPARE(panel.historyModel()->rowCount(), 2);
    const QString text = child<InlineMessage>(&panel, "resultMessage")->text();
    QVERIFY2(text.contains(QLatin1String("Imported one.json")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Imported two.json")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Skipped notes.txt")), qPrintable(text));
    QCOMPARE(panel.selectedVersionIds().size(), 2);

    // Nothing but other files: the drop is refused.
    const std::unique_ptr<QMimeData> text2 = fileUrls({paths.at(2)});
    QDragEnterEvent refused(centre, Qt::CopyAction, text2.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&panel, &refused);
    QVERIFY(!refused.isAccepted());
}

void tst_SettingsHistoryPanel::compareNeedsTwoVersions()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    panel.importFiles({writeFile(QStringLiteral("a.json"), abWithTraffic(10)),
                       writeFile(QStringLiteral("b.json"), abWithTraffic(20)),
                       writeFile(QStringLiteral("c.json"), fixture("feature-rollout.json"))});
    QCOMPARE(panel.historyModel()->rowCount(), 3);
    QTableView *table = versionsTable(&panel);
    auto *compare = child<QPushButton>(&panel, "compareButton");
    auto *exportButton = child<QPushButton>(&panel, "exportButton");

    selectRows(table, {0});
    QVERIFY(!compare->isEnabled());
    QVERIFY(exportButton->isEnabled());
    QVERIFY(compare->toolTip().contains(QLatin1String("exactly two")));
    selectRows(table, {0, 1, 2});
    QVERIFY(!compare->isEnabled());
    QVERIFY(!exportButton->isEnabled());

    selectRows(table, {2, 1}); // a.json and b.json, in any order
    QVERIFY(compare->isEnabled());
    const qint64 a = panel.historyModel()->versionAt(2).id;
    const qint64 b = panel.historyModel()->versionAt(1).id;
    QSignalSpy requested(&panel, &SettingsHistoryPanel::compareRequested);
    compare->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), a);
    QCOMPARE(requested.at(0).at(1).toLongLong(), b);
    auto *message = child<InlineMessage>(&panel, "compareMessage");
    QVERIFY(message->isVisible());
    // The summary here, the changes in VWO's terms in the viewer it opened.
    QCOMPARE(message->text(),
             QStringLiteral("From #%1 to #%2: 1 campaign changed (DEV_TEST_1)").arg(a).arg(b));
    auto *viewer = panel.findChild<DiffWindow *>(QStringLiteral("settingsDiffWindow"));
    QVERIFY(viewer);
    QVERIFY(viewer->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(viewer->comparison(), 10000);
    QCOMPARE(viewer->comparison()->oldName.left(QString::number(a).size() + 1),
             QStringLiteral("#%1").arg(a));
    const QList<JsonChange> &changes = viewer->comparison()->semantic.changes;
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().sentence,
             QStringLiteral("campaign DEV_TEST_1: percentTraffic 10 \u2192 20"));
    delete viewer;

    // Across accounts it says so.
    selectRows(table, {0, 2});
    compare->click();
    QVERIFY2(message->text().contains(QLatin1String("different accounts: 888888 and 123456")),
             qPrintable(message->text()));
}

void tst_SettingsHistoryPanel::compareWithPreviousOnDoubleClick()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    panel.importFiles({writeFile(QStringLiteral("a.json"), abWithTraffic(10)),
                       writeFile(QStringLiteral("c.json"), fixture("feature-rollout.json")),
                       writeFile(QStringLiteral("b.json"), abWithTraffic(20))});
    QTableView *table = versionsTable(&panel);
    selectRows(table, {0});
    QSignalSpy requested(&panel, &SettingsHistoryPanel::compareRequested);
    panel.compareWithPrevious();
    QCOMPARE(requested.size(), 1);
    // The previous version of the same account, not the row below.
    QCOMPARE(requested.at(0).at(0).toLongLong(), panel.historyModel()->versionAt(2).id);
    QCOMPARE(requested.at(0).at(1).toLongLong(), panel.historyModel()->versionAt(0).id);
    // The first version of an account has nothing to compare with.
    selectRows(table, {1});
    panel.compareWithPrevious();
    QCOMPARE(requested.size(), 1);
}

void tst_SettingsHistoryPanel::exportWritesIdenticalBytes()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    // CRLF and trailing newlines: the export must not re-serialize. No SDK key in this one.
    QByteArray bytes = fixture("whitelisting-enabled.json");
    bytes.replace("  \"sdkKey\": \"someuniquestuff1234567\",\n", "");
    QVERIFY(!bytes.contains("sdkKey"));
    bytes.replace("\n", "\r\n");
    bytes.append("\n\n");
    panel.importFiles({writeFile(QStringLiteral("white.json"), bytes)});
    const qint64 id = panel.historyModel()->versionAt(0).id;
    QVERIFY(id > 0);

    const QString target = m_dir->filePath(QStringLiteral("exported.json"));
    QVERIFY(panel.exportVersion(id, target));
    QFile exported(target);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll(), bytes);
    auto *result = child<InlineMessage>(&panel, "resultMessage");
    QCOMPARE(result->type(), InlineMessage::Information);
    QVERIFY2(result->text().contains(QStringLiteral("Exported version #%1").arg(id)),
             qPrintable(result->text()));
    QVERIFY(!result->text().contains(QLatin1String("REDACTED")));
}

void tst_SettingsHistoryPanel::exportKeepsSdkKeyOut()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    const QByteArray bytes = fixture("ab-campaign-two-variations.json");
    QVERIFY(bytes.contains("someuniquestuff1234567"));
    panel.importFiles({writeFile(QStringLiteral("ab.json"), bytes)});
    const qint64 id = panel.historyModel()->versionAt(0).id;
    const QString target = m_dir->filePath(QStringLiteral("ab-exported.json"));
    QVERIFY(panel.exportVersion(id, target));
    QFile exported(target);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    // Byte for byte what the history stores, which is the file with its key replaced.
    QByteArray expected = bytes;
    expected.replace("someuniquestuff1234567", "REDACTED");
    QCOMPARE(exported.readAll(), expected);
    const QString text = child<InlineMessage>(&panel, "resultMessage")->text();
    QVERIFY2(text.contains(QLatin1String("REDACTED")), qPrintable(text));
}

void tst_SettingsHistoryPanel::exportReportsWriteError()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    panel.importFiles({writeFile(QStringLiteral("a.json"), abWithTraffic(10))});
    const qint64 id = panel.historyModel()->versionAt(0).id;
    const QString target = m_dir->filePath(QStringLiteral("no/such/folder/out.json"));
    QVERIFY(!panel.exportVersion(id, target));
    auto *result = child<InlineMessage>(&panel, "resultMessage");
    QCOMPARE(result->type(), InlineMessage::Error);
    QVERIFY2(result->text().contains(QDir::toNativeSeparators(target)), qPrintable(result->text()));
    QVERIFY(!QFile::exists(target));

    QVERIFY(!panel.exportVersion(id + 50, m_dir->filePath(QStringLiteral("x.json"))));
    QVERIFY2(result->text().contains(QStringLiteral("No settings version with id %1").arg(id + 50)),
             qPrintable(result->text()));
}

void tst_SettingsHistoryPanel::fetchButtonSaysWhyNot()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    auto *fetch = child<QPushButton>(&panel, "fetchButton");
    QSignalSpy requested(&panel, &SettingsHistoryPanel::fetchRequested);
    const QString reason = QStringLiteral("Set the account id and SDK key first");
    panel.setFetchAvailable(false, reason);
    QVERIFY(!panel.isFetchAvailable());
    QVERIFY(!fetch->isEnabled());
    QCOMPARE(fetch->toolTip(), reason);
    fetch->click();
    QCOMPARE(requested.size(), 0);

    panel.setFetchAvailable(true);
    QVERIFY(fetch->isEnabled());
    QVERIFY(fetch->toolTip() != reason);
    fetch->click();
    QCOMPARE(requested.size(), 1);
}

void tst_SettingsHistoryPanel::showsFetchProgress()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    auto *fetch = child<QPushButton>(&panel, "fetchButton");
    auto *message = child<InlineMessage>(&panel, "fetchMessage");
    panel.showFetchInProgress(QStringLiteral("Fetching the settings file (attempt 2 of 5)…"));
    QVERIFY(message->isVisible());
    QCOMPARE(message->type(), InlineMessage::Information);
    QVERIFY(!fetch->isEnabled()); // one fetch at a time

    // The owner's fetch stored a version: the done message and the new row.
    FetchRecord record;
    record.endpoint = QStringLiteral("default");
    record.trigger = FetchTrigger::Manual;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.finishedAt = record.startedAt;
    record.httpStatus = 200;
    QCOMPARE(m_store->recordFetch(record, fixture("feature-rollout.json")), QString());
    panel.showFetchDone(QStringLiteral("New version #1"));
    QVERIFY(fetch->isEnabled());
    QCOMPARE(message->text(), QStringLiteral("New version #1"));
    QCOMPARE(panel.historyModel()->rowCount(), 1);
    QVERIFY(versionsTable(&panel)->isVisible());

    panel.showFetchFailed(QStringLiteral("HTTP 403 Forbidden: check the SDK key"));
    QCOMPARE(message->type(), InlineMessage::Error);
    QVERIFY(message->text().contains(QLatin1String("403 Forbidden")));
    QVERIFY(fetch->isEnabled());
    QVERIFY(child<SettingsFetchLog>(&panel, "fetchLog")->isExpanded());
}

void tst_SettingsHistoryPanel::marksFailedFetches()
{
    const QString error = QStringLiteral("HTTP 503 Service Unavailable after 5 attempts: the "
                                         "server said \"maintenance until 14:00 UTC, please "
                                         "retry later\"");
    FetchRecord record;
    record.endpoint = QStringLiteral("default");
    record.accountId = QStringLiteral("888888");
    record.trigger = FetchTrigger::Webhook;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.finishedAt = record.startedAt;
    record.attempts = 5;
    record.httpStatus = 503;
    record.error = error;
    record.eventIds = {7, 8};
    QCOMPARE(m_store->recordFetch(record, {}), QString());

    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    // The last fetch failed: the log is open without asking, and says how many failed.
    auto *log = child<SettingsFetchLog>(&panel, "fetchLog");
    QVERIFY(log->isExpanded());
    QCOMPARE(log->title(), QStringLiteral("Fetch log (1, 1 failed)"));
    auto *table = child<QTableView>(&panel, "fetchLogTable");
    QVERIFY(table->isVisible());
    const QAbstractItemModel *model = table->model();
    const QModelIndex outcome = model->index(0, SettingsFetchModel::OutcomeColumn);
    QCOMPARE(model->data(outcome).toString(), QStringLiteral("failed"));
    QVERIFY(model->data(outcome, Qt::ForegroundRole).canConvert<QColor>());
    QVERIFY(!model->data(outcome, Qt::DecorationRole).isNull());
    QCOMPARE(
        model->data(model->index(0, SettingsFetchModel::ErrorColumn), Qt::ToolTipRole).toString(),
        error);
    QCOMPARE(table->horizontalHeader()->sectionResizeMode(SettingsFetchModel::ErrorColumn),
             QHeaderView::Stretch);

    // Folding leaves one line.
    child<QToolButton>(&panel, "fetchLogToggle")->click();
    QVERIFY(!log->isExpanded());
    QVERIFY(!table->isVisible());
}

void tst_SettingsHistoryPanel::asksForProfile()
{
    SettingsHistoryPanel panel(m_store.get());
    showPanel(panel);
    QSignalSpy requested(&panel, &SettingsHistoryPanel::profileRequested);
    child<QPushButton>(&panel, "profileButton")->click();
    QCOMPARE(requested.size(), 1);
}

QTEST_MAIN(tst_SettingsHistoryPanel)

#include "tst_settingshistorypanel.moc"
