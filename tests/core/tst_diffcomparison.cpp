#include "diff/diffcomparison.h"
#include "diff/diffjob.h"
#include "vwofixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace hookbench;

namespace {

ComparisonSide side(QByteArray bytes, const QString &name)
{
    return {std::move(bytes), name};
}

ComparisonSide side(QByteArray bytes, const char *name)
{
    return {std::move(bytes), QString::fromLatin1(name)};
}

// A settings-like document with `count` campaigns; `changed` bumps every 100th's traffic.
QByteArray generated(int count, bool changed)
{
    QByteArray out = "{\"accountId\":1,\"campaigns\":[";
    for (int i = 0; i < count; ++i) {
        if (i)
            out += ',';
        const int traffic = changed && i % 100 == 0 ? 75 : 50;
        out += "{\"id\":" + QByteArray::number(i) + ",\"key\":\"c" + QByteArray::number(i) +
               "\",\"status\":\"RUNNING\",\"percentTraffic\":" + QByteArray::number(traffic) +
               ",\"variations\":[{\"id\":1,\"name\":\"Control\",\"weight\":50}]}";
    }
    return out + "]}";
}

} // namespace

// compareDocuments() and DiffJob: what the viewer computes off the GUI thread.
class TestDiffComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void settingsPair()
    {
        const QByteArray before = fixture("ab-campaign-two-variations.json");
        QByteArray after = before;
        const qsizetype at = after.indexOf("\"percentTraffic\"");
        QVERIFY(at > 0);
        const qsizetype valueEnd = after.indexOf(',', at);
        after.replace(at, valueEnd - at, "\"percentTraffic\": 33");

        QList<int> percents;
        QList<ComparisonStage> stages;
        const Comparison result = compareDocuments(
            side(before, QStringLiteral("old.json")), side(after, QStringLiteral("new.json")), {},
            nullptr, [&](int percent, ComparisonStage stage) {
                percents.append(percent);
                stages.append(stage);
            });
        QVERIFY2(result.isValid(), qPrintable(result.error));
        QVERIFY(result.semantic.settingsFiles);
        QCOMPARE(result.semantic.changes.size(), 1);
        const JsonChange &change = result.semantic.changes.first();
        QVERIFY2(change.detail.contains(QStringLiteral("→ 33")), qPrintable(change.detail));
        QCOMPARE(result.oldName, QStringLiteral("old.json"));

        // The changed node's line in the pretty text is the line the text diff changed.
        QVERIFY(result.text);
        const TextComparison &text = *result.text;
        QCOMPARE(text.diff.changeCount(), 1);
        const int line = text.newNodeLines.at(change.newNode) - 1;
        QVERIFY(text.newDoc.line(line).contains("\"percentTraffic\": 33"));
        const int row = text.alignment.rowForNewLine(line);
        QCOMPARE(text.alignment.row(row).kind, TextDiffAlignment::Kind::Modified);
        QCOMPARE(text.alignment.changeAtRow(row), 0);
        QCOMPARE(text.newLineNodes.size(), text.newDoc.lineCount());
        QCOMPARE(text.newLineNodes.at(line), change.newNode); // and back
        QCOMPARE(text.oldLineNodes.at(text.oldNodeLines.at(change.oldNode) - 1), change.oldNode);
        QCOMPARE(text.newLineNodes.at(0), int(JsonTree::Root));
        QCOMPARE(text.newLineNodes.last(), -1); // the root's closing brace

        QVERIFY(!percents.isEmpty());
        QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
        QCOMPARE(percents.last(), 100);
        QCOMPARE(stages.first(), ComparisonStage::ParsingOld);
        QCOMPARE(stages.last(), ComparisonStage::Done);
    }

    void invalidSideNamesFileLineAndColumn_data()
    {
        QTest::addColumn<bool>("oldBroken");
        QTest::addRow("old") << true;
        QTest::addRow("new") << false;
    }

    void invalidSideNamesFileLineAndColumn()
    {
        QFETCH(bool, oldBroken);
        const QByteArray good = "{\"a\": 1}";
        const QByteArray broken = "{\n  \"a\": 1,\n  \"b\" 2\n}";
        const Comparison result =
            compareDocuments(side(oldBroken ? broken : good, QStringLiteral("version 3")),
                             side(oldBroken ? good : broken, QStringLiteral("/tmp/new.json")), {});
        QVERIFY(!result.isValid());
        QVERIFY(!result.text);
        const QString name =
            oldBroken ? QStringLiteral("version 3") : QStringLiteral("/tmp/new.json");
        QVERIFY2(result.error.startsWith(name + QStringLiteral(": line 3, column 7: ")),
                 qPrintable(result.error));
    }

    void emptyInputIsAnError()
    {
        const Comparison result = compareDocuments(side({}, QStringLiteral("empty.json")),
                                                   side("{}", QStringLiteral("b")), {});
        QVERIFY2(result.error.startsWith(QStringLiteral("empty.json: ")), qPrintable(result.error));
    }

    void ignoreOrderToggle()
    {
        const QByteArray before = "{\"b\": 1, \"a\": [1, 2]}";
        const QByteArray after = "{\"a\": [1, 2], \"b\": 1}";
        ComparisonOptions options;
        options.ignoreOrder = true;
        Comparison result = compareDocuments(side(before, "old"), side(after, "new"), options);
        QVERIFY(result.isValid());
        QVERIFY(result.semantic.changes.isEmpty());
        QVERIFY(!result.text->diff.hasChanges()); // keys sorted on both sides

        options.ignoreOrder = false;
        result = compareDocuments(side(before, "old"), side(after, "new"), options);
        QVERIFY(result.isValid());
        QVERIFY(!result.semantic.changes.isEmpty());
        QCOMPARE(result.semantic.changes.first().kind, ChangeKind::Moved);
        QVERIFY(result.semantic.isEmpty());      // order alone is still no change
        QVERIFY(result.text->diff.hasChanges()); // document order shows the move
    }

    void ignoreWhitespaceToggle()
    {
        const QByteArray before = "{\"note\": \"a b\"}";
        const QByteArray after = "{\"note\": \"a   b\"}";
        ComparisonOptions options;
        Comparison result = compareDocuments(side(before, "old"), side(after, "new"), options);
        QVERIFY(result.text->diff.hasChanges());
        QCOMPARE(result.text->whitespace, TextDiffOptions::Whitespace::Exact);
        options.ignoreWhitespace = true;
        result = compareDocuments(side(before, "old"), side(after, "new"), options);
        QVERIFY(!result.text->diff.hasChanges());
        QCOMPARE(result.text->whitespace, TextDiffOptions::Whitespace::IgnoreAll);
        QCOMPARE(result.semantic.changes.size(), 1); // the value did change
    }

    void canceledBeforeStart()
    {
        const std::atomic_bool cancel{true};
        const Comparison result = compareDocuments(side(generated(200, false), "old"),
                                                   side(generated(200, true), "new"), {}, &cancel);
        QVERIFY(result.canceled);
        QVERIFY(!result.isValid());
        QVERIFY(!result.text);
    }

    void jobReportsOnTheCallersThread()
    {
        DiffJob job;
        QSignalSpy progressed(&job, &DiffJob::progressed);
        QSignalSpy finished(&job, &DiffJob::finished);
        job.start(side(generated(2000, false), "old"), side(generated(2000, true), "new"), {});
        QVERIFY(job.isRunning());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!job.isRunning());
        const auto result = finished.first().first().value<std::shared_ptr<const Comparison>>();
        QVERIFY2(result->isValid(), qPrintable(result->error));
        QCOMPARE(result->semantic.changes.size(), 20);
        QVERIFY(!progressed.isEmpty());
        QCOMPARE(progressed.last().at(0).toInt(), 100);
    }

    void newerStartSupersedesTheRunningOne()
    {
        DiffJob job;
        QSignalSpy finished(&job, &DiffJob::finished);
        job.start(side(generated(5000, false), "first"), side(generated(5000, true), "new"), {});
        job.start(side("{\"x\": 1}", "second"), side("{\"x\": 2}", "new"), {});
        QVERIFY(finished.wait(60000));
        QTest::qWait(200); // a late result of the first would arrive now
        QCOMPARE(finished.count(), 1);
        const auto result = finished.first().first().value<std::shared_ptr<const Comparison>>();
        QCOMPARE(result->oldName, QStringLiteral("second"));
        QCOMPARE(result->semantic.changes.size(), 1);
    }

    void cancelReportsOnceAndDropsTheResult()
    {
        DiffJob job;
        QSignalSpy finished(&job, &DiffJob::finished);
        job.start(side(generated(5000, false), "old"), side(generated(5000, true), "new"), {});
        job.cancel();
        QCOMPARE(finished.count(), 1);
        QVERIFY(finished.first().first().value<std::shared_ptr<const Comparison>>()->canceled);
        QVERIFY(!job.isRunning());
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        job.cancel(); // nothing running: nothing to say
        QCOMPARE(finished.count(), 1);
    }

    void destroyedWhileRunning()
    {
        // Under ASan this is where a worker writing into a dead job would show.
        auto job = std::make_unique<DiffJob>();
        job->start(side(generated(5000, false), "old"), side(generated(5000, true), "new"), {});
        job.reset();
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestDiffComparison)
#include "tst_diffcomparison.moc"
