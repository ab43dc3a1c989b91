#include "events/eventstore.h"
#include "eventstoresupport.h"
#include "export/eventexporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace hookbench;
using namespace storetest;

// EventExporter: JSON Lines and HAR files from the store, paged, atomic, cancellable.
class TestEventExporter : public StoreTestCase
{
    Q_OBJECT

private:
    QString target(const char *name) const { return m_dir->filePath(QLatin1String(name)); }

    static QList<QByteArray> readLines(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QByteArray> lines = file.readAll().split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }
    static QList<QByteArray> jsonLines(QList<Event> newestFirst)
    {
        std::reverse(newestFirst.begin(), newestFirst.end());
        QList<QByteArray> lines;
        for (const Event &event : std::as_const(newestFirst))
            lines.append(event.toJsonLine());
        return lines;
    }
    EventExporter::Request
    request(const char *file, EventExporter::Format format = EventExporter::Format::Jsonl) const
    {
        EventExporter::Request r;
        r.databasePath = dbPath();
        r.targetPath = target(file);
        r.format = format;
        return r;
    }
    void expectNoFiles(const QString &except = {})
    {
        const QStringList files = QDir(m_dir->path()).entryList(QDir::Files);
        for (const QString &name : files)
            QVERIFY2(name.startsWith(QLatin1String("events.sqlite")) || name == except,
                     qPrintable(name));
    }

private Q_SLOTS:
    void init() { openFreshStore(); }
    void cleanup() { closeStore(); }

    void jsonlAllEqualsToJsonLine()
    {
        fill(2500); // several pages
        const auto result = EventExporter::run(request("all.jsonl"));
        QCOMPARE(result.error, QString());
        QCOMPARE(result.count, 2500);
        QCOMPARE(readLines(target("all.jsonl")), jsonLines(m_store->latest(0)));
    }

    void jsonlFilteredEqualsQuery()
    {
        fill(2500);
        auto r = request("filtered.jsonl");
        r.filter = EventFilter::parse(u"status:401");
        const auto result = EventExporter::run(r);
        QCOMPARE(result.error, QString());
        QCOMPARE(result.count, 834);
        QCOMPARE(readLines(r.targetPath), jsonLines(m_store->query(r.filter, 0)));
    }

    void jsonlSelectedInIdOrder()
    {
        fill(3000);
        auto r = request("selected.jsonl");
        r.useIds = true;
        QList<Event> expected;
        for (qint64 id = 2999; id >= 1; id -= 2) // descending, duplicates, a missing id
            r.ids << id;
        r.ids << 5 << 99999;
        const QList<Event> all = m_store->latest(0);
        for (const Event &event : all) // newest first, like latest()
            if (event.id % 2 == 1)
                expected.append(event);
        const auto result = EventExporter::run(r);
        QCOMPARE(result.error, QString());
        QCOMPARE(result.count, 1500);
        QCOMPARE(readLines(r.targetPath), jsonLines(expected));
    }

    void harParsesWithAllEntries()
    {
        fill(1200);
        auto r = request("all.har", EventExporter::Format::Har);
        r.filter = EventFilter::parse(u"status:200");
        const auto result = EventExporter::run(r);
        QCOMPARE(result.error, QString());
        QFile file(r.targetPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray entries =
            doc.object().value(u"log").toObject().value(u"entries").toArray();
        QCOMPARE(entries.size(), 800);
        QCOMPARE(result.count, 800);
        // Secrets stay redacted unless revealed.
        QVERIFY(!doc.toJson().contains("0123456789abcdef0123456789abcdef"));
    }

    void emptyExportIsValid()
    {
        auto r = request("empty.har", EventExporter::Format::Har);
        const auto result = EventExporter::run(r);
        QCOMPARE(result.error, QString());
        QCOMPARE(result.count, 0);
        QFile file(r.targetPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        QCOMPARE(doc.object().value(u"log").toObject().value(u"entries").toArray().size(), 0);
    }

    void largeExportInBackgroundWithProgress()
    {
        for (int i = 0; i < 4; ++i)
            m_store->append(makeBatch(5000, i * 5000));
        EventExporter exporter;
        QSignalSpy progress(&exporter, &EventExporter::progress);
        QSignalSpy finished(&exporter, &EventExporter::finished);
        QVERIFY(exporter.start(request("large.jsonl")));
        QVERIFY(exporter.isRunning());
        QVERIFY(!exporter.start(request("other.jsonl"))); // one at a time
        QVERIFY(finished.wait(60000));
        QVERIFY(!exporter.isRunning());
        QCOMPARE(finished.first().at(0).toLongLong(), 20000);
        QCOMPARE(finished.first().at(1).toString(), target("large.jsonl"));
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last().at(0).toLongLong(), 20000);
        QCOMPARE(progress.last().at(1).toLongLong(), 20000);
        const QList<QByteArray> lines = readLines(target("large.jsonl"));
        QCOMPARE(lines.size(), 20000);
        QCOMPARE(lines.last(), m_store->latest(1).first().toJsonLine());
        expectNoFiles(QStringLiteral("large.jsonl"));
    }

    void cancelLeavesNoFile()
    {
        fill(5000);
        std::atomic_bool cancel{false};
        auto r = request("cancelled.jsonl");
        const auto result = EventExporter::run(r, &cancel, [&](qint64 done, qint64) {
            if (done >= 1000)
                cancel = true;
        });
        QVERIFY(result.cancelled);
        QVERIFY(!QFile::exists(r.targetPath));
        expectNoFiles();

        EventExporter exporter; // the same through the thread
        QSignalSpy cancelled(&exporter, &EventExporter::cancelled);
        QVERIFY(exporter.start(r));
        exporter.cancel();
        QVERIFY(cancelled.wait(10000));
        QVERIFY(!QFile::exists(r.targetPath));
        expectNoFiles();
    }

    void cancelKeepsAnExistingFile()
    {
        fill(100);
        QFile old(target("keep.jsonl"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old\n");
        old.close();
        std::atomic_bool cancel{true};
        QVERIFY(EventExporter::run(request("keep.jsonl"), &cancel).cancelled);
        QCOMPARE(readLines(target("keep.jsonl")), QList<QByteArray>{"old"});
    }

    void unwritableTargetFails_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("missing folder") << QStringLiteral("no/such/dir/x.jsonl");
        QTest::addRow("a directory") << QStringLiteral("adir");
    }
    void unwritableTargetFails()
    {
        QFETCH(QString, path);
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("adir")));
        fill(10);
        EventExporter exporter;
        QSignalSpy failed(&exporter, &EventExporter::failed);
        auto r = request("");
        r.targetPath = m_dir->filePath(path);
        QVERIFY(exporter.start(r));
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QDir::toNativeSeparators(r.targetPath)), qPrintable(message));
        QVERIFY2(message.length() > r.targetPath.length() + 20, qPrintable(message));
        expectNoFiles();
    }

    void missingDatabaseFails()
    {
        auto r = request("x.jsonl");
        r.databasePath = target("nothere.sqlite");
        const auto result = EventExporter::run(r);
        QVERIFY2(result.error.contains(QLatin1String("nothere.sqlite")), qPrintable(result.error));
        QVERIFY(!QFile::exists(r.databasePath)); // read-only: never created
        QVERIFY(!QFile::exists(r.targetPath));
    }

    void invalidFilterFails()
    {
        auto r = request("x.jsonl");
        r.filter = EventFilter::parse(u"status:");
        QVERIFY(!EventExporter::run(r).error.isEmpty());
        QVERIFY(!QFile::exists(r.targetPath));
    }

    void exportsWhileAnotherStoreAppends()
    {
        fill(3000);
        // The writer appends on another thread while we export: WAL lets both run.
        ConcurrentAppender writer(dbPath(), 50, 10000);
        QTRY_VERIFY(writer.appended() > 0);
        auto r = request("concurrent.jsonl");
        const auto result = EventExporter::run(r);
        writer.stop();
        QCOMPARE(result.error, QString());
        QVERIFY(result.count >= 3000);
        const QList<QByteArray> lines = readLines(r.targetPath);
        QCOMPARE(lines.size(), result.count);
        const QList<Event> all = m_store->latest(0);
        QCOMPARE(lines, jsonLines(all.mid(all.size() - result.count)));
    }
};

QTEST_GUILESS_MAIN(TestEventExporter)
#include "tst_eventexporter.moc"
