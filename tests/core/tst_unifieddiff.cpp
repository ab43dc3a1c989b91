#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"
#include "diff/unifieddiff.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

QByteArray unified(const QByteArray &oldText, const QByteArray &newText, int context = 3)
{
    const TextDiffDocument oldDoc(oldText), newDoc(newText);
    return UnifiedDiff::format(oldDoc, newDoc, TextDiff::compute(oldDoc, newDoc),
                               QStringLiteral("a"), QStringLiteral("b"), context);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs a program; returns its stdout, or a null array (and `error`) when it could not run.
QByteArray run(const QString &program, const QStringList &arguments, const QString &dir,
               QString &error, int expectedExit = 0)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(program, arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != expectedExit) {
        error = program + QLatin1String(" failed: ") +
                QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput());
        return QByteArray();
    }
    return process.readAllStandardOutput();
}

// GNU diff -u with the same labels (exit 1: the files differ).
QByteArray gnuUnified(const QByteArray &oldText, const QByteArray &newText, QString &error)
{
    QTemporaryDir dir;
    writeFile(dir.filePath(QStringLiteral("old")), oldText);
    writeFile(dir.filePath(QStringLiteral("new")), newText);
    return run(QStringLiteral("diff"),
               {QStringLiteral("-u"), QStringLiteral("--label"), QStringLiteral("a"),
                QStringLiteral("--label"), QStringLiteral("b"), QStringLiteral("old"),
                QStringLiteral("new")},
               dir.path(), error, oldText == newText ? 0 : 1);
}

// Lines with their '\n'.
QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines;
    for (qsizetype at = 0; at < text.size();) {
        const qsizetype nl = text.indexOf('\n', at);
        const qsizetype end = nl < 0 ? text.size() : nl + 1;
        lines << text.mid(at, end - at);
        at = end;
    }
    return lines;
}

QByteArray joined(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines)
        out += line;
    return out;
}

// A line index near `at` whose neighbours differ from it, so a change there is unambiguous.
int distinctLineNear(const QList<QByteArray> &lines, int at)
{
    for (int i = std::max(1, at); i + 1 < lines.size(); ++i) {
        if (lines[i] != lines[i - 1] && lines[i] != lines[i + 1])
            return i;
    }
    return at;
}

QMap<QString, QByteArray> edits(const QByteArray &text)
{
    const QList<QByteArray> lines = linesOf(text);
    const int n = int(lines.size());
    QMap<QString, QByteArray> out;
    QList<QByteArray> l = lines;
    l[distinctLineNear(lines, n / 2)] = "      \"changed\": true,\n";
    out[QStringLiteral("replace one line")] = joined(l);
    l = lines;
    l.remove(n / 3, std::min(5, n / 3));
    out[QStringLiteral("delete block")] = joined(l);
    l = lines;
    l.insert(2 * n / 3, "      \"added\": 1,\n");
    l.insert(2 * n / 3, "      \"added\": 2,\n");
    out[QStringLiteral("insert block")] = joined(l);
    l = lines;
    l[n / 10] = "  \"x\": 0,\n";
    l.remove(n / 2);
    l.insert(9 * n / 10, "  \"y\": 0,\n");
    out[QStringLiteral("several")] = joined(l);
    out[QStringLiteral("drop final newline")] = text.endsWith('\n') ? text.chopped(1) : text;
    out[QStringLiteral("add final newline")] = text.endsWith('\n') ? text : text + '\n';
    out[QStringLiteral("crlf")] = QByteArray(text).replace("\n", "\r\n");
    out[QStringLiteral("crlf first half")] =
        QByteArray(text.left(text.size() / 2)).replace("\n", "\r\n") + text.mid(text.size() / 2);
    l = lines;
    std::reverse(l.begin(), l.end());
    out[QStringLiteral("reversed")] = joined(l);
    l = lines;
    std::sort(l.begin(), l.end());
    out[QStringLiteral("sorted")] = joined(l);
    out[QStringLiteral("emptied")] = QByteArray();
    return out;
}

QStringList fixtureNames()
{
    return QDir(QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings"))
        .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QByteArray fixture(const QString &name)
{
    return readFile(QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings/") + name);
}

} // namespace

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("patch")).isEmpty(),
                 "GNU patch is needed (scripts/install-deps.sh installs it)");
        QVERIFY(!fixtureNames().isEmpty());
    }

    // Small unambiguous diffs: exactly GNU diff's bytes.
    void format_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        QTest::addColumn<QByteArray>("expected");
        QByteArray twenty;
        for (int i = 1; i <= 20; ++i)
            twenty += QByteArray::number(i) + '\n';
        QTest::addRow("identical") << QByteArray("a\n") << QByteArray("a\n") << QByteArray();
        QTest::addRow("empty vs empty") << QByteArray() << QByteArray() << QByteArray();
        QTest::addRow("from empty") << QByteArray() << QByteArray("a\nb\n")
                                    << QByteArray("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        QTest::addRow("to empty") << QByteArray("a\n") << QByteArray()
                                  << QByteArray("--- a\n+++ b\n@@ -1 +0,0 @@\n-a\n");
        QTest::addRow("middle") << QByteArray("a\nb\nc\n") << QByteArray("a\nX\nc\n")
                                << QByteArray("--- a\n+++ b\n@@ -1,3 +1,3 @@\n a\n-b\n+X\n c\n");
        QTest::addRow("no newline, changed")
            << QByteArray("a\nb") << QByteArray("a\nc")
            << QByteArray("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                          "+c\n\\ No newline at end of file\n");
        QTest::addRow("newline added")
            << QByteArray("a\nb") << QByteArray("a\nb\n")
            << QByteArray("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                          "+b\n");
        QTest::addRow("no newline, context")
            << QByteArray("x\na\nb") << QByteArray("y\na\nb")
            << QByteArray("--- a\n+++ b\n@@ -1,3 +1,3 @@\n-x\n+y\n a\n b\n"
                          "\\ No newline at end of file\n");
        QTest::addRow("two hunks")
            << twenty
            << QByteArray(twenty).replace("\n2\n", "\nTWO\n").replace("\n18\n", "\nEIGHTEEN\n")
            << QByteArray();
        QTest::addRow("one hunk")
            << twenty
            << QByteArray(twenty).replace("\n5\n", "\nFIVE\n").replace("\n12\n", "\nTWELVE\n")
            << QByteArray();
        QTest::addRow("crlf") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nc\r\n")
                              << QByteArray("--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
    }
    void format()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QFETCH(QByteArray, expected);
        const QByteArray ours = unified(oldText, newText);
        if (!expected.isEmpty() || oldText == newText)
            QCOMPARE(ours, expected);
        QString error;
        const QByteArray gnu = gnuUnified(oldText, newText, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ours, gnu);
    }

    void hunkRanges()
    {
        const TextDiffDocument oldDoc(QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n"));
        const TextDiffDocument newDoc(QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n"));
        const TextDiff diff = TextDiff::compute(oldDoc, newDoc);
        const QList<UnifiedDiff::Hunk> hunks = UnifiedDiff::hunks(diff, 2);
        QCOMPARE(hunks.size(), 1);
        QCOMPARE(UnifiedDiff::hunkHeader(hunks[0]), QByteArray("@@ -8,2 +8,3 @@"));
        QCOMPARE(UnifiedDiff::hunkHeader(UnifiedDiff::hunks(diff, 0).constFirst()),
                 QByteArray("@@ -9,0 +10 @@"));
    }

    // Edits of real settings files: GNU diff's bytes exactly, as we slide change groups as it
    // does. Reversing or sorting the lines leaves many equally short scripts, and there the two
    // algorithms pick different ones (patchRoundTrip still covers them).
    void sameAsGnuDiff_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("edit");
        const QStringList scrambled{QStringLiteral("reversed"), QStringLiteral("sorted")};
        for (const QString &name : fixtureNames()) {
            for (const QString &edit : edits(fixture(name)).keys()) {
                if (!scrambled.contains(edit))
                    QTest::addRow("%s: %s", qPrintable(name), qPrintable(edit)) << name << edit;
            }
        }
    }
    void sameAsGnuDiff()
    {
        QFETCH(QString, name);
        QFETCH(QString, edit);
        const QByteArray oldText = fixture(name);
        const QByteArray newText = edits(oldText).value(edit);
        QString error;
        const QByteArray gnu = gnuUnified(oldText, newText, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(unified(oldText, newText), gnu);
    }

    // Every fixture against edited copies of itself and against the next fixture: patch applied
    // to OLD must give NEW byte for byte.
    void patchRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("oldText");
        QTest::addColumn<QByteArray>("newText");
        const QStringList names = fixtureNames();
        for (int f = 0; f < names.size(); ++f) {
            const QByteArray text = fixture(names[f]);
            const QMap<QString, QByteArray> edited = edits(text);
            for (auto it = edited.cbegin(); it != edited.cend(); ++it) {
                QTest::addRow("%s: %s", qPrintable(names[f]), qPrintable(it.key()))
                    << text << it.value();
            }
            QTest::addRow("%s: from empty", qPrintable(names[f])) << QByteArray() << text;
            const QByteArray next = fixture(names[(f + 1) % names.size()]);
            QTest::addRow("%s: to the next fixture", qPrintable(names[f])) << text << next;
            QTest::addRow("%s: from the next fixture, no newline", qPrintable(names[f]))
                << next << text.trimmed();
        }
    }
    void patchRoundTrip()
    {
        QFETCH(QByteArray, oldText);
        QFETCH(QByteArray, newText);
        QTemporaryDir dir;
        const QByteArray patchText = unified(oldText, newText);
        QVERIFY(writeFile(dir.filePath(QStringLiteral("old.json")), oldText));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("change.diff")), patchText));
        QString error;
        run(QStringLiteral("patch"),
            {QStringLiteral("-s"), QStringLiteral("--binary"), QStringLiteral("--reject-file=-"),
             QStringLiteral("-o"), QStringLiteral("out.json"), QStringLiteral("old.json"),
             QStringLiteral("change.diff")},
            dir.path(), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(readFile(dir.filePath(QStringLiteral("out.json"))) == newText);
    }

    // git apply reads the same format (with -p1 style labels).
    void gitApplyRoundTrip()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("git")).isEmpty())
            QSKIP("git is not installed");
        for (const QString &name : fixtureNames()) {
            const QByteArray oldText = fixture(name);
            const QByteArray newText = edits(oldText).value(QStringLiteral("several"));
            const TextDiffDocument oldDoc(oldText), newDoc(newText);
            const QByteArray patchText =
                UnifiedDiff::format(oldDoc, newDoc, TextDiff::compute(oldDoc, newDoc),
                                    QStringLiteral("a/s.json"), QStringLiteral("b/s.json"));
            QTemporaryDir dir;
            QVERIFY(writeFile(dir.filePath(QStringLiteral("s.json")), oldText));
            QVERIFY(writeFile(dir.filePath(QStringLiteral("change.diff")), patchText));
            QString error;
            run(QStringLiteral("git"), {QStringLiteral("apply"), QStringLiteral("change.diff")},
                dir.path(), error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY2(readFile(dir.filePath(QStringLiteral("s.json"))) == newText, qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
