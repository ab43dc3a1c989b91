#include "diff/diffjob.h"
#include "difftextview.h"
#include "difftreemodel.h"
#include "diffwindow.h"
#include "vwofixture.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using namespace hookbench;

namespace {

// The fixture with its first percentTraffic set to `traffic`.
QByteArray withTraffic(QByteArray settings, int traffic)
{
    const qsizetype at = settings.indexOf("\"percentTraffic\"");
    const qsizetype end = settings.indexOf(',', at);
    const QByteArray field = "\"percentTraffic\": " + QByteArray::number(traffic);
    return settings.replace(at, end - at, field);
}

// A settings file with `count` campaigns, pretty-printed like VWO's; `changed` edits every 100th.
QByteArray generated(int count, bool changed)
{
    QByteArray out = "{\n  \"accountId\": 888888,\n  \"version\": 1,\n  \"campaigns\": [\n";
    for (int i = 0; i < count; ++i) {
        const int traffic = changed && i % 100 == 7 ? 75 : 50;
        out += "    {\n      \"id\": " + QByteArray::number(i) + ",\n      \"key\": \"campaign_" +
               QByteArray::number(i) +
               "\",\n      \"status\": \"RUNNING\",\n      \"type\": \"FEATURE_TEST\",\n"
               "      \"percentTraffic\": " +
               QByteArray::number(traffic) +
               ",\n      \"variations\": [\n        {\"id\": 1, \"name\": \"Control\", "
               "\"weight\": 50},\n        {\"id\": 2, \"name\": \"Variation-1\", \"weight\": "
               "50}\n      ],\n      \"goals\": [{\"identifier\": \"purchase\", \"id\": 1, "
               "\"type\": \"CUSTOM_GOAL\"}]\n    }" +
               (i + 1 < count ? ",\n" : "\n");
    }
    return out + "  ]\n}\n";
}

bool waitForResult(DiffWindow &window)
{
    QSignalSpy finished(&window, &DiffWindow::comparisonFinished);
    return !window.isComparing() || finished.wait(60000);
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

void drop(QWidget *window, const QStringList &paths, QPoint at)
{
    const std::unique_ptr<QMimeData> mime = fileUrls(paths);
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &dropped);
    QVERIFY(dropped.isAccepted());
}

} // namespace

// The diff viewer: two documents in, the tree and the text out, the toggles, F7, files and drops.
class TestDiffWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("HookbenchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_diffwindow"));
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().remove(QStringLiteral("diff")); }

    void showsTreeAndText()
    {
        DiffWindow window;
        window.show();
        const QByteArray before = fixture("ab-campaign-two-variations.json");
        window.compare({before, QStringLiteral("#1")},
                       {withTraffic(before, 35), QStringLiteral("#2")});
        QVERIFY(waitForResult(window));
        QVERIFY(window.comparison());
        QCOMPARE(window.errorText(), QString());
        QCOMPARE(window.windowTitle(), QStringLiteral("#1 → #2 — Hookbench"));

        DiffTreeModel *tree = window.treeModel();
        QCOMPARE(tree->changeCount(), 1);
        QVERIFY(tree->rowCount() >= 1);
        QCOMPARE(window.textView()->changeCount(), 1);
        QCOMPARE(window.textView()->currentChange(), 0); // the first change is shown at once
        QVERIFY(window.nextChangeAction()->isEnabled());
        auto *status = window.statusBar()->findChild<QLabel *>();
        QVERIFY(status);
        QVERIFY2(status->text().contains(QLatin1String("change 1 of 1")),
                 qPrintable(status->text()));

        // Clicking the change's row in the tree shows its line.
        const QModelIndex leaf = findLeaf(tree, QModelIndex());
        QVERIFY(leaf.isValid());
        window.treeView()->setCurrentIndex(leaf);
        const int node = leaf.data(DiffTreeModel::NewNodeRole).toInt();
        QVERIFY(node >= 0);
        const TextComparison &text = *window.comparison()->text;
        const int line = text.newNodeLines.at(node) - 1;
        QVERIFY(text.newDoc.line(line).contains("35"));
        QCOMPARE(window.textView()->focusedRow(), text.alignment.rowForNewLine(line));
    }

    void f7StepsThroughChanges()
    {
        DiffWindow window;
        window.show();
        window.compare({generated(300, false), QStringLiteral("old")},
                       {generated(300, true), QStringLiteral("new")});
        QVERIFY(waitForResult(window));
        DiffTextView *view = window.textView();
        QCOMPARE(view->changeCount(), 3); // campaigns 7, 107, 207
        QCOMPARE(view->currentChange(), 0);
        window.nextChangeAction()->trigger();
        QCOMPARE(view->currentChange(), 1);
        QTest::keyClick(&window, Qt::Key_F7);
        QCOMPARE(view->currentChange(), 2);
        QTest::keyClick(&window, Qt::Key_F7); // the last: stays
        QCOMPARE(view->currentChange(), 2);
        QTest::keyClick(&window, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(view->currentChange(), 1);
        // The tree follows: the change's row is current (campaign_107's percentTraffic).
        const QModelIndex current = window.treeView()->currentIndex();
        QVERIFY(current.isValid());
        QVERIFY2(current.data().toString().contains(QLatin1String("percentTraffic")),
                 qPrintable(current.data().toString()));
        QCOMPARE(current.parent().data().toString(), QStringLiteral("campaign campaign_107"));
        QCOMPARE(view->currentChange(), 1); // selecting it did not move the text
        auto *status = window.statusBar()->findChild<QLabel *>();
        QVERIFY2(status->text().contains(QLatin1String("change 2 of 3")),
                 qPrintable(status->text()));
    }

    void changedOnlyFiltersTheTree()
    {
        DiffWindow window;
        window.compare({generated(300, false), QStringLiteral("old")},
                       {generated(300, true), QStringLiteral("new")});
        QVERIFY(waitForResult(window));
        QVERIFY(window.changedOnlyAction()->isChecked()); // the default
        const int changedRows = window.treeModel()->rowCount();
        QCOMPARE(changedRows, 3);
        window.changedOnlyAction()->trigger();
        QCOMPARE(window.treeModel()->rowCount(), 300);
        QVERIFY(!QSettings().value(QStringLiteral("diff/changedOnly")).toBool()); // remembered
        window.changedOnlyAction()->trigger();
        QCOMPARE(window.treeModel()->rowCount(), changedRows);
    }

    void togglesRecompute()
    {
        DiffWindow window;
        window.compare({"{\"b\": 1, \"a\": \"x y\"}", QStringLiteral("old")},
                       {"{\"a\": \"x  y\", \"b\": 1}", QStringLiteral("new")});
        QVERIFY(waitForResult(window));
        QVERIFY(window.comparison()->options.ignoreOrder);
        QCOMPARE(window.textView()->changeCount(), 1); // the value; the order is ignored
        window.ignoreWhitespaceAction()->trigger();
        QVERIFY(waitForResult(window));
        QVERIFY(window.comparison()->options.ignoreWhitespace);
        QCOMPARE(window.textView()->changeCount(), 0);
        QCOMPARE(window.treeModel()->changeCount(), 1); // the string did change
        window.ignoreOrderAction()->trigger();
        QVERIFY(waitForResult(window));
        QVERIFY(!window.comparison()->options.ignoreOrder);
        QVERIFY(window.textView()->changeCount() > 0); // document order differs
    }

    void invalidJsonNamesTheSide()
    {
        DiffWindow window;
        window.compare({"{\"a\": 1}", QStringLiteral("good.json")},
                       {"{\n  \"a\": 1,\n  \"b\" 2\n}", QStringLiteral("broken.json")});
        QVERIFY(waitForResult(window));
        QVERIFY(!window.comparison());
        QVERIFY2(window.errorText().contains(QLatin1String("broken.json: line 3, column 7: ")),
                 qPrintable(window.errorText()));
        QCOMPARE(window.treeModel()->rowCount(), 0);
        QCOMPARE(window.textView()->rowCount(), 0);
        QVERIFY(!window.nextChangeAction()->isEnabled());
    }

    void unreadableFilesAreNamed()
    {
        DiffWindow window;
        const QString good = write("good.json", "{}");
        const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
        window.compareFiles(good, missing);
        QVERIFY2(window.errorText().startsWith(QStringLiteral("Cannot read %1: ").arg(missing)),
                 qPrintable(window.errorText()));
        QVERIFY(!window.isComparing());
        window.compareFiles(m_dir.path(), good);
        QVERIFY2(window.errorText().contains(QLatin1String("is a folder")),
                 qPrintable(window.errorText()));
    }

    void dropTwoFilesOrOneOnASide()
    {
        DiffWindow window;
        window.resize(1000, 700);
        window.show();
        const QByteArray before = fixture("feature-rollout.json");
        const QString a = write("a.json", before);
        const QString b = write("b.json", withTraffic(before, 5));
        const QString c = write("c.json", withTraffic(before, 9));
        drop(&window, {a, b}, window.rect().center());
        QVERIFY(waitForResult(window));
        QCOMPARE(window.comparison()->oldName, QDir::toNativeSeparators(a));
        QCOMPARE(window.comparison()->newName, QDir::toNativeSeparators(b));

        drop(&window, {c}, QPoint(window.width() - 20, window.height() / 2)); // the right half
        QVERIFY(waitForResult(window));
        QCOMPARE(window.comparison()->oldName, QDir::toNativeSeparators(a));
        QCOMPARE(window.comparison()->newName, QDir::toNativeSeparators(c));
        QVERIFY(
            window.comparison()->semantic.changes.first().sentence.contains(QStringLiteral("→ 9")));

        drop(&window, {c}, QPoint(20, window.height() / 2)); // the left half: identical now
        QVERIFY(waitForResult(window));
        QCOMPARE(window.comparison()->oldName, QDir::toNativeSeparators(c));
        QCOMPARE(window.treeModel()->changeCount(), 0);

        // Not files: refused.
        QMimeData text;
        text.setText(QStringLiteral("{}"));
        QDragEnterEvent enter(window.rect().center(), Qt::CopyAction, &text, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void largeComparisonRunsOffTheGuiThread()
    {
        DiffWindow window;
        window.show();
        // About 2 MB a side: long enough to watch, short enough for a sanitizer build.
        const QByteArray before = generated(8000, false);
        const QByteArray after = generated(8000, true);
        window.compare({before, QStringLiteral("old")}, {after, QStringLiteral("new")});
        QVERIFY(window.isComparing()); // compare() returned at once: the worker compares
        QVERIFY(waitForResult(window));
        QCOMPARE(window.comparison()->semantic.changes.size(), 80);
        QCOMPARE(window.textView()->changeCount(), 80);
        QCOMPARE(window.textView()->rowCount(), window.comparison()->text->alignment.rowCount());

        // Cancel keeps what is shown.
        const auto shown = window.comparison();
        window.ignoreWhitespaceAction()->trigger();
        QVERIFY(window.isComparing());
        window.findChild<QPushButton *>(QStringLiteral("cancelComparisonButton"))->click();
        QVERIFY(!window.isComparing());
        QCOMPARE(window.comparison(), shown);
    }

    void swapSides()
    {
        DiffWindow window;
        const QByteArray before = fixture("feature-rollout.json");
        window.compare({before, QStringLiteral("old")},
                       {withTraffic(before, 5), QStringLiteral("new")});
        QVERIFY(waitForResult(window));
        auto *swap = window.findChild<QAction *>(QStringLiteral("swapSidesAction"));
        QVERIFY(swap);
        swap->trigger();
        QVERIFY(waitForResult(window));
        QCOMPARE(window.comparison()->oldName, QStringLiteral("new"));
        QVERIFY(
            window.comparison()->semantic.changes.first().sentence.contains(QStringLiteral("5 →")));
    }

private:
    static QModelIndex findLeaf(const QAbstractItemModel *model, const QModelIndex &parent)
    {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (model->rowCount(index) == 0)
                return index;
            const QModelIndex leaf = findLeaf(model, index);
            if (leaf.isValid())
                return leaf;
        }
        return {};
    }

    QString write(const char *name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestDiffWindow)
#include "tst_diffwindow.moc"
