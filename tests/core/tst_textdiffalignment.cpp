#include "diff/textdiff.h"
#include "diff/textdiffalignment.h"
#include "diff/textdiffdocument.h"

#include <QTest>

using namespace hookbench;

namespace {

TextDiffAlignment align(const char *oldText, const char *newText)
{
    return TextDiffAlignment(TextDiff::compute(TextDiffDocument(QByteArray(oldText)),
                                               TextDiffDocument(QByteArray(newText))));
}

// Rows as "old:new:kind" with '-' for gaps, e.g. "0:0:= 1:-:- 2:1:=".
QString rows(const TextDiffAlignment &alignment)
{
    QStringList parts;
    for (int r = 0; r < alignment.rowCount(); ++r) {
        const TextDiffAlignment::Row row = alignment.row(r);
        const char kinds[] = "=~-+";
        parts << (row.oldLine < 0 ? QStringLiteral("-") : QString::number(row.oldLine)) +
                     QLatin1Char(':') +
                     (row.newLine < 0 ? QStringLiteral("-") : QString::number(row.newLine)) +
                     QLatin1Char(':') + QLatin1Char(kinds[int(row.kind)]);
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestTextDiffAlignment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::addColumn<QString>("expected");
        QTest::addRow("empty") << QByteArray() << QByteArray() << QString();
        QTest::addRow("identical")
            << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QStringLiteral("0:0:= 1:1:=");
        QTest::addRow("added") << QByteArray("a\nc\n") << QByteArray("a\nb\nc\n")
                               << QStringLiteral("0:0:= -:1:+ 1:2:=");
        QTest::addRow("removed") << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n")
                                 << QStringLiteral("0:0:= 1:-:- 2:1:=");
        QTest::addRow("modified, longer new")
            << QByteArray("a\nx\nc\n") << QByteArray("a\ny\nz\nc\n")
            << QStringLiteral("0:0:= 1:1:~ -:2:+ 2:3:=");
        QTest::addRow("modified, longer old") << QByteArray("x\ny\nc\n") << QByteArray("z\nc\n")
                                              << QStringLiteral("0:0:~ 1:-:- 2:1:=");
        QTest::addRow("empty vs two")
            << QByteArray() << QByteArray("a\nb\n") << QStringLiteral("-:0:+ -:1:+");
    }
    void rows()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QFETCH(QString, expected);
        const TextDiffAlignment alignment = align(oldText.constData(), newText.constData());
        QCOMPARE(::rows(alignment), expected);
        // Every line maps to the row that shows it.
        for (int r = 0; r < alignment.rowCount(); ++r) {
            const TextDiffAlignment::Row row = alignment.row(r);
            if (row.oldLine >= 0)
                QCOMPARE(alignment.rowForOldLine(row.oldLine), r);
            if (row.newLine >= 0)
                QCOMPARE(alignment.rowForNewLine(row.newLine), r);
        }
        QCOMPARE(alignment.rowForOldLine(1000), alignment.rowCount());
        QCOMPARE(alignment.row(-1).oldLine, -1);
        QCOMPARE(alignment.row(alignment.rowCount()).newLine, -1);
    }

    void navigation()
    {
        // Rows: 0 a, 1 x~y, 2 b, 3 c, 4 -d, 5 e, 6 +f
        const TextDiffAlignment alignment = align("a\nx\nb\nc\nd\ne\n", "a\ny\nb\nc\ne\nf\n");
        QCOMPARE(alignment.rowCount(), 7);
        QCOMPARE(alignment.changeCount(), 3);
        QCOMPARE(alignment.changeFirstRow(0), 1);
        QCOMPARE(alignment.changeFirstRow(1), 4);
        QCOMPARE(alignment.changeFirstRow(2), 6);
        QCOMPARE(alignment.changeRowCount(2), 1);
        QCOMPARE(alignment.changeAtRow(1), 0);
        QCOMPARE(alignment.changeAtRow(2), -1);
        QCOMPARE(alignment.changeAtRow(6), 2);
        QCOMPARE(alignment.nextChangeRow(-1), 1);
        QCOMPARE(alignment.nextChangeRow(0), 1);
        QCOMPARE(alignment.nextChangeRow(1), 4);
        QCOMPARE(alignment.nextChangeRow(5), 6);
        QCOMPARE(alignment.nextChangeRow(6), -1);
        QCOMPARE(alignment.previousChangeRow(6), 4);
        QCOMPARE(alignment.previousChangeRow(4), 1);
        QCOMPARE(alignment.previousChangeRow(2), 1);
        QCOMPARE(alignment.previousChangeRow(1), -1);
        QCOMPARE(alignment.previousChangeRow(100), 6);
    }

    void noChanges()
    {
        const TextDiffAlignment alignment = align("a\n", "a\n");
        QCOMPARE(alignment.changeCount(), 0);
        QCOMPARE(alignment.nextChangeRow(-1), -1);
        QCOMPARE(alignment.previousChangeRow(5), -1);
        QCOMPARE(TextDiffAlignment().rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTextDiffAlignment)
#include "tst_textdiffalignment.moc"
