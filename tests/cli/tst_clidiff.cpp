// `hookbench-cli diff OLD NEW [--format summary|unified|json-patch]` end to end: exit status from
// the semantic summary for every format, exact JSON Patch and unified diff, input errors.
#include "clitestsupport.h"
#include "diff/jsonpatch.h"
#include "diff/jsonprettyprinter.h"
#include "diff/jsontree.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;
using namespace hookbench;

namespace {

const QString Fixtures = QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings/");
const QString Rollout = Fixtures + QStringLiteral("feature-rollout.json");
const QString Multi = Fixtures + QStringLiteral("event-arch-revenue-props-multi-campaign.json");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray pretty(const QByteArray &json)
{
    return prettyPrint(JsonTree::parse(json)).text;
}

} // namespace

class TestCliDiff : public QObject
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(bytes) != bytes.size())
            return {};
        return path;
    }
    CliRun diff(const QStringList &args)
    {
        return runCli(QStringList{QStringLiteral("diff")} + args, m_env);
    }
    // The multi-campaign fixture with its campaigns reversed and, optionally, one campaign's
    // traffic changed and a top-level field removed.
    QByteArray editedMulti(bool change)
    {
        QJsonObject root = QJsonDocument::fromJson(readAll(Multi)).object();
        QJsonArray campaigns = root.value(QLatin1String("campaigns")).toArray();
        QJsonArray reversed;
        for (qsizetype i = campaigns.size() - 1; i >= 0; --i)
            reversed.append(campaigns.at(i));
        if (change) {
            QJsonObject first = reversed.at(0).toObject();
            first.insert(QLatin1String("percentTraffic"), 40);
            reversed.replace(0, first);
            root.remove(QLatin1String("version"));
        }
        root.insert(QLatin1String("campaigns"), reversed);
        return QJsonDocument(root).toJson(QJsonDocument::Compact);
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral(HOOKBENCH_CLI_PATH)), HOOKBENCH_CLI_PATH);
        QVERIFY(QFile::exists(Rollout) && QFile::exists(Multi));
        m_env = environment(m_dir.path()); // LC_ALL=C
    }

    void identical()
    {
        for (const QString &format :
             {QStringLiteral("summary"), QStringLiteral("unified"), QStringLiteral("json-patch")}) {
            const CliRun run = diff({Rollout, Rollout, QStringLiteral("--format"), format});
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.err.isEmpty(), run.err.constData());
            if (format == QLatin1String("json-patch"))
                QCOMPARE(run.out.trimmed(), QByteArray("[]"));
            else
                QCOMPARE(run.out, QByteArray());
        }
    }

    void reorderedCampaignsAreNoChange()
    {
        const QString reordered = write(QStringLiteral("reordered.json"), editedMulti(false));
        QVERIFY(!reordered.isEmpty());
        CliRun run = diff({Multi, reordered});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
        // The exact formats show the reordering, yet the exit status stays the summary's.
        run = diff({Multi, reordered, QStringLiteral("--format"), QStringLiteral("unified")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.isEmpty());
        run = diff({Multi, reordered, QStringLiteral("--report-order")});
        QCOMPARE(run.exitCode, 0);
    }

    void changedTraffic()
    {
        QByteArray text = readAll(Rollout);
        QVERIFY(text.contains("\"percentTraffic\": 100"));
        text.replace("\"percentTraffic\": 100", "\"percentTraffic\": 75");
        const QString changed = write(QStringLiteral("traffic.json"), text);
        CliRun run = diff({Rollout, changed});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QString::fromUtf8(run.out),
                 QStringLiteral("campaign FEATURE_ROLLOUT_TRAFFIC_100: percentTraffic 100 \u2192 "
                                "75\n"));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
        for (const QString &format : {QStringLiteral("unified"), QStringLiteral("json-patch")})
            QCOMPARE(diff({Rollout, changed, QStringLiteral("--format"), format}).exitCode, 1);
        // '-' reads one side from standard input.
        run = runCliWithInput({QStringLiteral("diff"), QStringLiteral("-"), changed}, m_env,
                              readAll(Rollout));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.startsWith("campaign FEATURE_ROLLOUT_TRAFFIC_100: percentTraffic"));
    }

    void emptyObjectAndArrayAlike()
    {
        const QString object = write(QStringLiteral("object.json"), "{}");
        const QString array = write(QStringLiteral("array.json"), "[]");
        const CliRun run = diff({object, array});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray());
    }

    void jsonPatchRoundTrip()
    {
        const QByteArray newText = editedMulti(true);
        const QString changed = write(QStringLiteral("patched.json"), newText);
        const CliRun run =
            diff({Multi, changed, QStringLiteral("--format"), QStringLiteral("json-patch")});
        QCOMPARE(run.exitCode, 1);
        QString error;
        const QByteArray result = applyJsonPatch(readAll(Multi), run.out, &error);
        QVERIFY2(!result.isNull(), qPrintable(error));
        QCOMPARE(result, compactJson(JsonTree::parse(newText)));
    }

    void unifiedAppliesWithPatch()
    {
        QVERIFY(QFile::exists(QStringLiteral("/usr/bin/patch")));
        const QByteArray newText = editedMulti(true);
        const QString changed = write(QStringLiteral("unified.json"), newText);
        const CliRun run =
            diff({Multi, changed, QStringLiteral("--format"), QStringLiteral("unified"),
                  QStringLiteral("--context"), QStringLiteral("2")});
        QCOMPARE(run.exitCode, 1);
        const QByteArray header = "--- " + Multi.toUtf8() + "\n+++ " + changed.toUtf8() + '\n';
        QVERIFY(run.out.startsWith(header));
        const QString oldPretty = write(QStringLiteral("old-pretty.json"), pretty(readAll(Multi)));
        const QString result = m_dir.filePath(QStringLiteral("result.json"));
        QProcess patch;
        patch.start(QStringLiteral("/usr/bin/patch"),
                    {QStringLiteral("-s"), QStringLiteral("-o"), result, oldPretty});
        QVERIFY(patch.waitForStarted());
        patch.write(run.out);
        patch.closeWriteChannel();
        QVERIFY(patch.waitForFinished());
        QCOMPARE(patch.exitCode(), 0);
        QCOMPARE(readAll(result), pretty(newText));
    }

    void invalidJson()
    {
        const QString bad = write(QStringLiteral("bad.json"), "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
        for (const QStringList &args : {QStringList{bad, Rollout}, QStringList{Rollout, bad}}) {
            const CliRun run = diff(args);
            QCOMPARE(run.exitCode, 2);
            QVERIFY(run.out.isEmpty());
            const QByteArray prefix =
                "hookbench-cli diff: " + bad.toUtf8() + ": line 3, column 7: ";
            QVERIFY2(run.err.startsWith(prefix), run.err.constData());
            QCOMPARE(run.err.count('\n'), 1);
        }
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        const QString missing = m_dir.filePath(QStringLiteral("missing.json"));
        QTest::newRow("missing file") << QStringList{Rollout, missing} << missing.toUtf8();
        QTest::newRow("bad format")
            << QStringList{Rollout, Rollout, QStringLiteral("--format"), QStringLiteral("xml")}
            << QByteArray("unknown --format 'xml'");
        QTest::newRow("no files") << QStringList{} << QByteArray("missing OLD and NEW");
        QTest::newRow("one file") << QStringList{Rollout} << QByteArray("missing NEW");
        QTest::newRow("three files")
            << QStringList{Rollout, Rollout, Rollout} << QByteArray("unexpected argument");
        QTest::newRow("bad context") << QStringList{Rollout,
                                                    Rollout,
                                                    QStringLiteral("--format"),
                                                    QStringLiteral("unified"),
                                                    QStringLiteral("--context"),
                                                    QStringLiteral("-1")}
                                     << QByteArray("--context");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const CliRun run = diff(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith("hookbench-cli diff: ") && run.err.contains(message),
                 run.err.constData());
        QCOMPARE(run.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_clidiff.moc"
