#include "diff/textdiffinline.h"

#include <QTest>

using namespace hookbench;
using Whitespace = TextDiffOptions::Whitespace;

Q_DECLARE_METATYPE(TextDiffOptions::Whitespace)

namespace {

// The highlighted text, ranges joined by '|'.
QString marked(QStringView line, const QList<TextDiffInline::Range> &ranges)
{
    QStringList parts;
    for (const TextDiffInline::Range &range : ranges)
        parts << line.mid(range.start, range.length).toString();
    return parts.join(QLatin1Char('|'));
}

} // namespace

class TestTextDiffInline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranges_data()
    {
        QTest::addColumn<QString>("oldLine");
        QTest::addColumn<QString>("newLine");
        QTest::addColumn<Whitespace>("mode");
        QTest::addColumn<int>("maxLength");
        QTest::addColumn<QString>("oldMarked");
        QTest::addColumn<QString>("newMarked");
        const Whitespace exact = Whitespace::Exact;
        const int max = TextDiffInline::DefaultMaxLength;
        QTest::addRow("identical") << QStringLiteral("abc") << QStringLiteral("abc") << exact << max
                                   << QString() << QString();
        QTest::addRow("number") << QStringLiteral("      \"weight\": 50,")
                                << QStringLiteral("      \"weight\": 25,") << exact << max
                                << QStringLiteral("50") << QStringLiteral("25");
        QTest::addRow("two places")
            << QStringLiteral("\"status\": \"PAUSED\", \"percentTraffic\": 50")
            << QStringLiteral("\"status\": \"RUNNING\", \"percentTraffic\": 75") << exact << max
            << QStringLiteral("PAUSED|50") << QStringLiteral("RUNNING|75");
        QTest::addRow("insertion") << QStringLiteral("[1, 3]") << QStringLiteral("[1, 2, 3]")
                                   << exact << max << QString() << QStringLiteral("2, ");
        QTest::addRow("words merge over spaces")
            << QStringLiteral("name: old value here") << QStringLiteral("name: new thing here")
            << exact << max << QStringLiteral("old value") << QStringLiteral("new thing");
        QTest::addRow("empty old") << QString() << QStringLiteral("abc") << exact << max
                                   << QString() << QStringLiteral("abc");
        QTest::addRow("indent exact") << QStringLiteral("  a: 1") << QStringLiteral("a: 1") << exact
                                      << max << QStringLiteral("  ") << QString();
        QTest::addRow("indent -w")
            << QStringLiteral("  a: 1") << QStringLiteral("a: 2") << Whitespace::IgnoreAll << max
            << QStringLiteral("1") << QStringLiteral("2");
        QTest::addRow("spacing -b")
            << QStringLiteral("a  b c ") << QStringLiteral("a b d") << Whitespace::IgnoreChanges
            << max << QStringLiteral("c") << QStringLiteral("d");
        QTest::addRow("long line: span between common ends")
            << QStringLiteral("prefix-AAA-suffix") << QStringLiteral("prefix-BB-suffix") << exact
            << 8 << QStringLiteral("AAA") << QStringLiteral("BB");
        QTest::addRow("long line: pure insertion")
            << QStringLiteral("abcdef") << QStringLiteral("abcXdef") << exact << 4 << QString()
            << QStringLiteral("X");
        QTest::addRow("surrogates stay whole")
            << QStringLiteral("x \U0001F600 y") << QStringLiteral("x \U0001F601 y") << exact << max
            << QStringLiteral("\U0001F600") << QStringLiteral("\U0001F601");
    }
    void ranges()
    {
        QFETCH(QString, oldLine);
        QFETCH(QString, newLine);
        QFETCH(Whitespace, mode);
        QFETCH(int, maxLength);
        QFETCH(QString, oldMarked);
        QFETCH(QString, newMarked);
        const TextDiffInline::Result result =
            TextDiffInline::compute(oldLine, newLine, mode, maxLength);
        QCOMPARE(marked(oldLine, result.oldRanges), oldMarked);
        QCOMPARE(marked(newLine, result.newRanges), newMarked);
    }

    void rangesAreOffsets()
    {
        const TextDiffInline::Result result =
            TextDiffInline::compute(u"\"weight\": 50,", u"\"weight\": 25,");
        QCOMPARE(result.oldRanges, (QList<TextDiffInline::Range>{{10, 2}}));
        QCOMPARE(result.newRanges, (QList<TextDiffInline::Range>{{10, 2}}));
    }
};

QTEST_GUILESS_MAIN(TestTextDiffInline)
#include "tst_textdiffinline.moc"
