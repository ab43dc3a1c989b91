#include "diff/jsondiff.h"
#include "tst_jsondiffedit.h"

#include <QDir>
#include <QTest>

using namespace hookbench;
using namespace jsonedit;

namespace {

QStringList sentences(const JsonDiff &diff)
{
    QStringList out;
    for (const JsonChange &change : diff.changes)
        out.append(change.sentence);
    return out;
}

} // namespace

// The semantic diff of every fixture against edited copies of itself, sentence by sentence.
class TestJsonDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureEdits_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QStringList>("expected");
        const QStringList names = QDir(fixturesDir()).entryList({QStringLiteral("*.json")});
        QVERIFY(names.size() >= 10);
        int rows = 0;
        for (const QString &name : names) {
            const QByteArray bytes = readFixture(name);
            const QJsonValue root = parse(bytes);
            for (const auto &[label, editor] : editors()) {
                const std::optional<Edit> edit = editor(root);
                if (!edit)
                    continue;
                QTest::addRow("%s: %s", qPrintable(name), label)
                    << bytes << dump(edit->document) << edit->sentences;
                ++rows;
            }
        }
        QVERIFY(rows > 150);
    }
    void fixtureEdits()
    {
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, after);
        QFETCH(QStringList, expected);
        const JsonTree oldTree = JsonTree::parse(before);
        const JsonTree newTree = JsonTree::parse(after);
        QVERIFY(!oldTree.isNull() && !newTree.isNull());
        const JsonDiff diff = diffJson(oldTree, newTree);
        QVERIFY(diff.settingsFiles);
        QCOMPARE(sentences(diff), expected);
        QCOMPARE(diff.isEmpty(), expected.isEmpty());
        // The other way round: as many changes, added and removed swapped.
        const JsonDiff back = diffJson(newTree, oldTree);
        QCOMPARE(back.changes.size(), diff.changes.size());
        for (qsizetype i = 0; i < diff.changes.size(); ++i) {
            const JsonChange &change = diff.changes[i];
            // Every change points at its values in the trees, and carries them.
            if (change.kind != ChangeKind::Added) {
                QVERIFY(change.oldNode >= 0);
                QCOMPARE(oldTree.pointer(change.oldNode), change.oldPath);
                QVERIFY(!change.oldValue.isEmpty());
            }
            if (change.kind != ChangeKind::Removed) {
                QVERIFY(change.newNode >= 0);
                QCOMPARE(newTree.pointer(change.newNode), change.newPath);
                QVERIFY(!change.newValue.isEmpty());
            }
            QVERIFY(!change.scope.isEmpty());
            QCOMPARE(change.sentence, changeSentence(change.scope, change.detail, change.entity));
        }
        DiffOptions options;
        options.reportOrder = true;
        const JsonDiff ordered = diffJson(oldTree, newTree, options);
        QCOMPARE(ordered.isEmpty(), expected.isEmpty());
        if (QByteArray(QTest::currentDataTag()).endsWith("reordered")) {
            QVERIFY(!ordered.changes.isEmpty());
            for (const JsonChange &change : ordered.changes)
                QCOMPARE(change.kind, ChangeKind::Moved);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonDiff)
#include "tst_jsondiff.moc"
