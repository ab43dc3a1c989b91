#include "events/eventstore.h"
#include "exportdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

class TestExportDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("events.sqlite")); }

    static Event event(int i)
    {
        Event e;
        e.receivedAt = QDateTime::fromMSecsSinceEpoch(1606482285000 + i, Qt::UTC);
        e.method = "POST";
        e.path = "/vwo-webhook";
        e.headers = {{"Host", "127.0.0.1:4000"}, {"x-vwo-auth", "secret-key-0123456789"}};
        e.body = "{}";
        e.status = i % 2 ? 401 : 200;
        return e;
    }
    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        EventStore store;
        QCOMPARE(store.open(dbPath()), QString());
        QList<Event> batch;
        for (int i = 0; i < 10; ++i)
            batch << event(i);
        store.append(batch); // ids 1..10; 401s are the even ids
    }

    void scopesFollowWhatExists()
    {
        ExportDialog none(dbPath(), {}, EventFilter(), 10, 10);
        QVERIFY(!none.isScopeEnabled(ExportDialog::Scope::Selected));
        QVERIFY(!none.isScopeEnabled(ExportDialog::Scope::Filtered)); // no filter: same as all
        QVERIFY(none.isScopeEnabled(ExportDialog::Scope::All));
        QCOMPARE(none.scope(), ExportDialog::Scope::All);

        ExportDialog filtered(dbPath(), {}, EventFilter::parse(u"status:401"), 5, 10);
        QVERIFY(filtered.isScopeEnabled(ExportDialog::Scope::Filtered));
        QCOMPARE(filtered.scope(), ExportDialog::Scope::Filtered);

        ExportDialog selected(dbPath(), {2, 3}, EventFilter::parse(u"status:401"), 5, 10);
        QCOMPARE(selected.scope(), ExportDialog::Scope::Selected);
        QVERIFY(selected.canExport());

        ExportDialog empty(dbPath(), {}, EventFilter::parse(u"status:500"), 0, 10);
        QCOMPARE(empty.scope(), ExportDialog::Scope::Filtered);
        QVERIFY(!empty.canExport());
        QVERIFY(!empty.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        empty.setScope(ExportDialog::Scope::All);
        QVERIFY(empty.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void revealOnlyForHar()
    {
        ExportDialog dialog(dbPath(), {}, EventFilter(), 10, 10);
        QCOMPARE(dialog.format(), EventExporter::Format::Jsonl);
        QVERIFY(!dialog.revealSecrets());
        dialog.setRevealSecrets(true);
        QVERIFY(!dialog.revealSecrets()); // disabled for JSON Lines
        dialog.setFormat(EventExporter::Format::Har);
        QVERIFY(!dialog.revealSecrets()); // unchecked by default
        dialog.setRevealSecrets(true);
        QVERIFY(dialog.revealSecrets());
        QVERIFY(dialog.request(QStringLiteral("x")).har.revealSecrets);
        dialog.setFormat(EventExporter::Format::Jsonl);
        QVERIFY(!dialog.revealSecrets()); // switching away unchecks it
        QVERIFY(!dialog.request(QStringLiteral("x")).har.revealSecrets);
    }

    void suggestsTimestampedNames()
    {
        const QDateTime at(QDate(2024, 3, 5), QTime(7, 8, 9));
        QCOMPARE(ExportDialog::suggestedFileName(EventExporter::Format::Har, at),
                 QStringLiteral("hookbench-20240305-070809.har"));
        QCOMPARE(ExportDialog::suggestedFileName(EventExporter::Format::Jsonl, at),
                 QStringLiteral("hookbench-20240305-070809.jsonl"));
    }

    void exportsSelectedJsonl()
    {
        ExportDialog dialog(dbPath(), {7, 3}, EventFilter(), 10, 10);
        const QString path = m_dir->filePath(QStringLiteral("out.jsonl"));
        QVERIFY2(dialog.exportTo(path), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QDir::toNativeSeparators(path)));
        const QList<QByteArray> lines = read(path).trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(lines.at(0)).object().value(u"id").toInteger(), 3);
        QCOMPARE(QJsonDocument::fromJson(lines.at(1)).object().value(u"id").toInteger(), 7);
    }

    void exportsFilteredHarWithSecrets()
    {
        ExportDialog dialog(dbPath(), {}, EventFilter::parse(u"status:401"), 5, 10);
        dialog.setFormat(EventExporter::Format::Har);
        dialog.setRevealSecrets(true);
        const QString path = m_dir->filePath(QStringLiteral("out.har"));
        QVERIFY2(dialog.exportTo(path), qPrintable(dialog.message()));
        const QByteArray har = read(path);
        const QJsonDocument doc = QJsonDocument::fromJson(har);
        QCOMPARE(doc.object().value(u"log").toObject().value(u"entries").toArray().size(), 5);
        QVERIFY(har.contains("secret-key-0123456789"));
    }

    void reportsFailure()
    {
        ExportDialog dialog(dbPath(), {}, EventFilter(), 10, 10);
        const QString path = m_dir->filePath(QStringLiteral("missing/out.jsonl"));
        QVERIFY(!dialog.exportTo(path));
        QVERIFY2(dialog.message().contains(QDir::toNativeSeparators(path)),
                 qPrintable(dialog.message()));
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
