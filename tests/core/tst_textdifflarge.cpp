#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"
#include "textdifftestsupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>

using namespace hookbench;
using namespace textdifftest;

namespace {

// A settings-file-like document: blocks of mostly repeated lines with a unique id and key.
QList<QByteArray> syntheticLines(int count)
{
    QList<QByteArray> lines;
    lines.reserve(count);
    for (int c = 0; lines.size() < count; ++c) {
        const QByteArray id = QByteArray::number(c);
        lines << "    {"
              << "      \"id\": " + id + ',' << "      \"key\": \"campaign_" + id + "\","
              << "      \"status\": \"RUNNING\","
              << "      \"percentTraffic\": 100,"
              << "      \"variations\": [";
        for (int v = 1; v <= 3; ++v) {
            lines << "        {"
                  << "          \"id\": " + QByteArray::number(v) + ','
                  << "          \"name\": \"Variation-" + QByteArray::number(v) + "\","
                  << "          \"weight\": 33.33" << (v < 3 ? "        }," : "        }");
        }
        lines << "      ],"
              << "      \"goals\": []"
              << "    },";
    }
    lines.resize(count);
    return lines;
}

qint64 timed(const std::function<void()> &f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return timer.elapsed();
}

} // namespace

// TextDiff on 500k-line inputs (timings printed, not asserted: machines differ), and its
// progress and cancel hooks.
class TestTextDiffLarge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancelAndProgress()
    {
        const QList<QByteArray> lines = syntheticLines(200000);
        const TextDiffDocument oldDoc(joinLines(lines));
        const TextDiffDocument newDoc(joinLines(edited(lines, 0.01, 3)));
        std::atomic_bool cancel{false};
        TextDiffOptions options;
        options.cancel = &cancel;
        QList<int> seen;
        options.progress = [&](int percent) { seen << percent; };
        const TextDiff full = TextDiff::compute(oldDoc, newDoc, options);
        QVERIFY(!full.isCanceled());
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.constLast(), 100);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QVERIFY(std::adjacent_find(seen.cbegin(), seen.cend()) == seen.cend());

        options.progress = [&](int percent) {
            if (percent >= 10)
                cancel = true;
        };
        const TextDiff canceled = TextDiff::compute(oldDoc, newDoc, options);
        QVERIFY(canceled.isCanceled());
        QVERIFY(canceled.runs().isEmpty());
    }

    // Timings are printed, not asserted: machines differ.
    void large_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addRow("identical") << 0.0;
        QTest::addRow("1 percent changed") << 0.01;
        QTest::addRow("10 percent changed") << 0.10;
    }
    void large()
    {
        QFETCH(double, fraction);
        const QList<QByteArray> lines = syntheticLines(500000);
        const TextDiffDocument oldDoc(joinLines(lines));
        const TextDiffDocument newDoc(joinLines(edited(lines, fraction, 5)));
        TextDiff diff;
        const qint64 ms = timed([&] { diff = TextDiff::compute(oldDoc, newDoc); });
        qInfo("500k lines (%.1f MB), %g%% changed: %lld ms, -%d +%d lines in %d changes",
              oldDoc.data().size() / 1e6, fraction * 100, ms, diff.deletedLineCount(),
              diff.insertedLineCount(), diff.changeCount());
        const QString problem = checkDiff(oldDoc, newDoc, diff);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Near-minimal: no more than the edits made (a replace counts as -1 +1).
        QVERIFY(diff.deletedLineCount() <= int(lines.size() * fraction * 0.7) + 100);
    }

    void largeNothingInCommon()
    {
        QList<QByteArray> a, b;
        for (int i = 0; i < 500000; ++i) {
            a << "old " + QByteArray::number(i);
            b << "new " + QByteArray::number(i);
        }
        const TextDiffDocument oldDoc(joinLines(a)), newDoc(joinLines(b));
        TextDiff diff;
        const qint64 ms = timed([&] { diff = TextDiff::compute(oldDoc, newDoc); });
        qInfo("500k lines, nothing in common: %lld ms", ms);
        QCOMPARE(diff.runs().size(), 1);
        QCOMPARE(diff.deletedLineCount(), 500000);
        QCOMPARE(diff.insertedLineCount(), 500000);
    }

    // Only frequent lines in common: the Myers fallback with its cost limit.
    void largeFrequentLines()
    {
        QRandomGenerator random(13);
        QList<QByteArray> a, b;
        for (int i = 0; i < 100000; ++i) {
            a << QByteArray(1, char('a' + random.bounded(3)));
            b << QByteArray(1, char('a' + random.bounded(3)));
        }
        const TextDiffDocument oldDoc(joinLines(a)), newDoc(joinLines(b));
        TextDiff diff;
        const qint64 ms = timed([&] { diff = TextDiff::compute(oldDoc, newDoc); });
        qInfo("100k random lines over 3 values: %lld ms, -%d +%d", ms, diff.deletedLineCount(),
              diff.insertedLineCount());
        const QString problem = checkDiff(oldDoc, newDoc, diff);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Distinct lines, one changed every 100: histogram diff alone would make 5,000 passes.
    void largeRegularChanges()
    {
        QList<QByteArray> a, b;
        for (int i = 0; i < 500000; ++i) {
            a << "line " + QByteArray::number(i);
            b << (i % 100 == 50 ? "changed " + QByteArray::number(i) : a.constLast());
        }
        const TextDiffDocument oldDoc(joinLines(a)), newDoc(joinLines(b));
        TextDiff diff;
        const qint64 ms = timed([&] { diff = TextDiff::compute(oldDoc, newDoc); });
        qInfo("500k distinct lines, every 100th changed: %lld ms", ms);
        QCOMPARE(diff.changeCount(), 5000);
        QCOMPARE(diff.deletedLineCount(), 5000);
        const QString problem = checkDiff(oldDoc, newDoc, diff);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestTextDiffLarge)
#include "tst_textdifflarge.moc"
