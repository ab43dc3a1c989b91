#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"
#include "diff/textdiffmyers.h"
#include "textdifftestsupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace hookbench;
using namespace textdifftest;

Q_DECLARE_METATYPE(TextDiffOptions::Whitespace)

namespace {

// "=2 -1+1 =3": equal runs by length, change runs by lines deleted and inserted.
QString script(const TextDiff &diff)
{
    QStringList parts;
    for (const TextDiff::Run &run : diff.runs()) {
        parts << (run.equal ? QStringLiteral("=%1").arg(run.oldCount)
                            : QStringLiteral("-%1+%2").arg(run.oldCount).arg(run.newCount));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentLines_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("lines");
        QTest::addColumn<QByteArray>("last");
        QTest::addColumn<bool>("lastHasNewline");
        QTest::addRow("empty") << QByteArray() << 0 << QByteArray() << false;
        QTest::addRow("one newline") << QByteArray("\n") << 1 << QByteArray() << true;
        QTest::addRow("terminated") << QByteArray("a\nb\n") << 2 << QByteArray("b") << true;
        QTest::addRow("unterminated") << QByteArray("a\nb") << 2 << QByteArray("b") << false;
        QTest::addRow("crlf") << QByteArray("a\r\nb\r\n") << 2 << QByteArray("b\r") << true;
    }
    void documentLines()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, lines);
        QFETCH(QByteArray, last);
        QFETCH(bool, lastHasNewline);
        const TextDiffDocument doc(data);
        QCOMPARE(doc.lineCount(), lines);
        if (lines > 0) {
            QCOMPARE(doc.line(lines - 1).toByteArray(), last);
            QCOMPARE(doc.hasNewline(lines - 1), lastHasNewline);
        }
    }

    void diff_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::addColumn<Whitespace>("mode");
        QTest::addColumn<QString>("expected");
        const Whitespace exact = Whitespace::Exact;
        const Whitespace amount = Whitespace::IgnoreChanges;
        const Whitespace all = Whitespace::IgnoreAll;
        QTest::addRow("empty vs empty") << QByteArray() << QByteArray() << exact << QString();
        QTest::addRow("empty vs two")
            << QByteArray() << QByteArray("a\nb\n") << exact << QStringLiteral("-0+2");
        QTest::addRow("two vs empty")
            << QByteArray("a\nb\n") << QByteArray() << exact << QStringLiteral("-2+0");
        QTest::addRow("identical")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc\n") << exact << QStringLiteral("=3");
        QTest::addRow("change at start") << QByteArray("x\nb\nc\n") << QByteArray("a\nb\nc\n")
                                         << exact << QStringLiteral("-1+1 =2");
        QTest::addRow("change in middle") << QByteArray("a\nx\nc\n") << QByteArray("a\nb\nc\n")
                                          << exact << QStringLiteral("=1 -1+1 =1");
        QTest::addRow("change at end") << QByteArray("a\nb\nx\n") << QByteArray("a\nb\nc\n")
                                       << exact << QStringLiteral("=2 -1+1");
        QTest::addRow("insert only") << QByteArray("a\nc\n") << QByteArray("a\nb\nb2\nc\n") << exact
                                     << QStringLiteral("=1 -0+2 =1");
        QTest::addRow("delete only") << QByteArray("a\nb\nc\nd\n") << QByteArray("a\nd\n") << exact
                                     << QStringLiteral("=1 -2+0 =1");
        QTest::addRow("repeated lines") << QByteArray("a\na\na\n") << QByteArray("a\na\n") << exact
                                        << QStringLiteral("=2 -1+0");
        QTest::addRow("repeated pair") << QByteArray("a\nb\na\nb\n") << QByteArray("a\nb\n")
                                       << exact << QStringLiteral("=2 -2+0");
        // GNU diff places this insertion the same way (after the second "{").
        QTest::addRow("repeated braces")
            << QByteArray("{\n a\n}\n{\n c\n}\n") << QByteArray("{\n a\n}\n{\n b\n}\n{\n c\n}\n")
            << exact << QStringLiteral("=4 -0+3 =2");
        QTest::addRow("interleaved")
            << QByteArray("a\nb\nc\nd\ne\nf\n") << QByteArray("a\nX\nc\nd\nY\nf\nZ\n") << exact
            << QStringLiteral("=1 -1+1 =2 -1+1 =1 -0+1");
        QTest::addRow("newline added at end")
            << QByteArray("a\nb") << QByteArray("a\nb\n") << exact << QStringLiteral("=1 -1+1");
        QTest::addRow("newline removed at end")
            << QByteArray("a\nb\n") << QByteArray("a\nb") << exact << QStringLiteral("=1 -1+1");
        QTest::addRow("both unterminated")
            << QByteArray("a\nb") << QByteArray("a\nb") << exact << QStringLiteral("=2");
        QTest::addRow("unterminated change")
            << QByteArray("a\nb") << QByteArray("a\nc") << exact << QStringLiteral("=1 -1+1");
        QTest::addRow("crlf change")
            << QByteArray("a\r\nb\r\nc\r\n") << QByteArray("a\r\nx\r\nc\r\n") << exact
            << QStringLiteral("=1 -1+1 =1");
        QTest::addRow("crlf vs lf")
            << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << exact << QStringLiteral("-2+2");
        QTest::addRow("crlf vs lf -b")
            << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << amount << QStringLiteral("=2");
        QTest::addRow("crlf vs lf -w")
            << QByteArray("a\r\nb\r\n") << QByteArray("a\nb\n") << all << QStringLiteral("=2");
        QTest::addRow("indent") << QByteArray("  a\nb\n") << QByteArray("a\nb\n") << exact
                                << QStringLiteral("-1+1 =1");
        QTest::addRow("indent -b") << QByteArray("  a\nb\n") << QByteArray("a\nb\n") << amount
                                   << QStringLiteral("-1+1 =1");
        QTest::addRow("indent -w")
            << QByteArray("  a\nb\n") << QByteArray("a\nb\n") << all << QStringLiteral("=2");
        QTest::addRow("inner spaces -b")
            << QByteArray("a  b\t c\n") << QByteArray("a b c\n") << amount << QStringLiteral("=1");
        QTest::addRow("trailing space -b")
            << QByteArray("x\na \n") << QByteArray("x\na") << amount << QStringLiteral("=2");
        QTest::addRow("split word -b")
            << QByteArray("ab\n") << QByteArray("a b\n") << amount << QStringLiteral("-1+1");
        QTest::addRow("split word -w")
            << QByteArray("ab\n") << QByteArray("a b\n") << all << QStringLiteral("=1");
        QTest::addRow("whitespace and real change -w")
            << QByteArray("a\n  b\nc\n") << QByteArray("a\nb\nC\n") << all
            << QStringLiteral("=2 -1+1");
    }
    void diff()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QFETCH(Whitespace, mode);
        QFETCH(QString, expected);
        const TextDiffDocument oldDoc(oldText), newDoc(newText);
        TextDiffOptions options;
        options.whitespace = mode;
        const TextDiff diff = TextDiff::compute(oldDoc, newDoc, options);
        QCOMPARE(script(diff), expected);
        const QString problem = checkDiff(oldDoc, newDoc, diff, mode);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(diff.hasChanges(), expected.contains(QLatin1Char('+')));
    }

    // Random small inputs over a tiny alphabet: many repeats, every algorithm path.
    void randomInputsGiveValidScripts()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 3000; ++round) {
            QList<QByteArray> a, b;
            const int alphabet = 1 + random.bounded(6);
            for (int i = random.bounded(40); i > 0; --i)
                a << QByteArray(1, char('a' + random.bounded(alphabet)));
            b = edited(a, 0.3, round);
            for (int i = random.bounded(3); i > 0; --i)
                b.insert(random.bounded(b.size() + 1), QByteArray(1, 'z'));
            const TextDiffDocument oldDoc(joinLines(a)), newDoc(joinLines(b));
            const QString problem = checkDiff(oldDoc, newDoc, TextDiff::compute(oldDoc, newDoc));
            QVERIFY2(problem.isEmpty(),
                     qPrintable(problem + QLatin1String(" in round ") + QString::number(round)));
        }
    }

    // Below its cost limit TextDiffMyers is exact: compare with the textbook LCS table.
    void myersIsMinimal()
    {
        QRandomGenerator random(11);
        for (int round = 0; round < 500; ++round) {
            std::vector<int> a(size_t(random.bounded(60))), b(size_t(random.bounded(60)));
            for (int &x : a)
                x = random.bounded(4);
            for (int &x : b)
                x = random.bounded(4);
            std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
            for (size_t i = a.size(); i-- > 0;) {
                for (size_t j = b.size(); j-- > 0;) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1
                                             : std::max(lcs[i + 1][j], lcs[i][j + 1]);
                }
            }
            std::vector<char> ca(a.size(), 0), cb(b.size(), 0);
            QVERIFY(TextDiffMyers::compare(a.data(), int(a.size()), b.data(), int(b.size()),
                                           ca.data(), cb.data(), TextDiffOptions()));
            const auto changes =
                std::count(ca.begin(), ca.end(), 1) + std::count(cb.begin(), cb.end(), 1);
            QCOMPARE(qsizetype(changes), qsizetype(a.size() + b.size()) - 2 * lcs[0][0]);
            const TextDiff diff = TextDiff::fromChangedFlags(ca, cb);
            for (const TextDiff::Run &run : diff.runs()) {
                for (int i = 0; run.equal && i < run.oldCount; ++i)
                    QCOMPARE(a[size_t(run.oldStart + i)], b[size_t(run.newStart + i)]);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
