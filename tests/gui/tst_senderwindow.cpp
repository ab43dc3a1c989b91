// SenderWindow driven like a user would, against loopback QHttpServer endpoints (real sockets)
// and a real key ring (SQLite file, file secret store).
#include "core/audittestservers.h"
#include "core/keyringsupport.h"
#include "headereditor.h"
#include "sendauditview.h"
#include "senderform.h"
#include "senderpresets.h"
#include "senderwindow.h"
#include "sendhistoryview.h"
#include "sendloadview.h"
#include "sendresultview.h"
#include "sendretryview.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hookbench;
using namespace hookbench::audittest;

class tst_SenderWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendOnceRecordsHistoryWithoutKey();
    void asVwoRetriesUntil200();
    void cancelDuringWait();
    void loadCountsExact();
    void auditShowsFailuresAndExports();
    void badInputNamesFieldAndDisablesSend();
    void curlImportKeepsKeyOutOfPresets();
    void keyChooserFillsFromKeyRing();
    void historyLoadsRequestBack();

private:
    void makeWindow();
    void setRequest(const QUrl &url, const QByteArray &key = Key);
    void sendAndWait(int timeoutMs = 20000);
    QByteArray databaseBytes() const;
    QByteArray settingsBytes();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SenderPresets> m_presets;
    std::unique_ptr<SenderWindow> m_window;
};

void tst_SenderWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_presets = std::make_unique<SenderPresets>(m_settings.get());
    makeWindow();
}

void tst_SenderWindow::cleanup()
{
    m_window.reset();
    m_presets.reset();
    m_settings.reset();
    m_dir.reset();
}

void tst_SenderWindow::makeWindow()
{
    m_window = std::make_unique<SenderWindow>(m_presets.get());
    const QString error = m_window->setDatabase(m_dir->filePath(QStringLiteral("events.sqlite")));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window->show();
}

void tst_SenderWindow::setRequest(const QUrl &url, const QByteArray &key)
{
    OutgoingRequest request;
    request.url = url;
    request.headers = {{"Content-Type", "application/json"}};
    if (!key.isEmpty())
        request.headers.append({"x-vwo-auth", key});
    request.body = R"({"timestamp": 1, "event": "settings_changed"})";
    m_window->form()->setRequest(request);
}

void tst_SenderWindow::sendAndWait(int timeoutMs)
{
    auto *send = m_window->findChild<QPushButton *>(QStringLiteral("send"));
    QVERIFY2(send->isEnabled(), qPrintable(m_window->problem()));
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(m_window->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isRunning(), timeoutMs);
}

QByteArray tst_SenderWindow::databaseBytes() const
{
    QByteArray bytes;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        QFile file(m_dir->filePath(QStringLiteral("events.sqlite")) + QLatin1String(suffix));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

QByteArray tst_SenderWindow::settingsBytes()
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_SenderWindow::sendOnceRecordsHistoryWithoutKey()
{
    TestServer server(sampleStyle);
    setRequest(server.url());
    m_window->setMode(SenderWindow::Mode::Once);
    sendAndWait();
    QCOMPARE(server.requests, 1);
    QVERIFY2(m_window->oncePage()->resultView()->statusText().startsWith(QLatin1String("200 OK")),
             qPrintable(m_window->oncePage()->resultView()->statusText()));
    QCOMPARE(m_window->oncePage()->resultView()->tone(), SendResultView::Tone::Success);
    QCOMPARE(m_window->historyPage()->table()->rowCount(), 1);
    QVERIFY(!databaseBytes().contains(Key));
}

void tst_SenderWindow::asVwoRetriesUntil200()
{
    int seen = 0;
    TestServer server([&seen](const QHttpServerRequest &) {
        return ++seen <= 2 ? QHttpServerResponse(Status::InternalServerError)
                           : QHttpServerResponse(QByteArrayLiteral("ok"));
    });
    setRequest(server.url());
    m_window->setMode(SenderWindow::Mode::Vwo);
    m_window->vwoPage()->setWaitsMs(100, 200); // VWO's 1-2 s, shortened
    m_window->vwoPage()->setWindowMs(20000);
    sendAndWait();
    QTableWidget *attempts = m_window->vwoPage()->attemptsTable();
    QCOMPARE(attempts->rowCount(), 3);
    QVERIFY(attempts->item(0, 4)->text().startsWith(QLatin1String("500")));
    QVERIFY(attempts->item(2, 4)->text().startsWith(QLatin1String("200")));
    QVERIFY(!attempts->item(0, 5)->text().isEmpty()); // waited before attempt 2
    QVERIFY2(m_window->vwoPage()->liveText().startsWith(QLatin1String("Succeeded")),
             qPrintable(m_window->vwoPage()->liveText()));
    QCOMPARE(m_window->historyPage()->table()->rowCount(), 1);
}

void tst_SenderWindow::cancelDuringWait()
{
    TestServer server(
        [](const QHttpServerRequest &) { return QHttpServerResponse(Status::ServiceUnavailable); });
    setRequest(server.url());
    m_window->setMode(SenderWindow::Mode::Vwo);
    auto *send = m_window->findChild<QPushButton *>(QStringLiteral("send"));
    auto *cancel = m_window->findChild<QPushButton *>(QStringLiteral("cancel"));
    QVERIFY(!cancel->isEnabled());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(cancel->isEnabled());
    QVERIFY(!send->isEnabled()); // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->vwoPage()->liveText().contains(QLatin1String("next retry in")), 10000);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!m_window->isRunning());
    QVERIFY2(m_window->vwoPage()->liveText().startsWith(QLatin1String("Cancelled")),
             qPrintable(m_window->vwoPage()->liveText()));
    QCOMPARE(m_window->vwoPage()->attemptsTable()->rowCount(), server.requests);
    QVERIFY(send->isEnabled());
}

void tst_SenderWindow::loadCountsExact()
{
    TestServer server(lenient);
    setRequest(server.url());
    m_window->setMode(SenderWindow::Mode::Load);
    m_window->loadPage()->setCount(50);
    m_window->loadPage()->setConcurrency(5);
    sendAndWait(60000);
    QCOMPARE(server.requests, 50);
    QVERIFY2(m_window->loadPage()->summaryText().startsWith(
                 QLatin1String("50 of 50 sent, 50 answered, 0 failed.")),
             qPrintable(m_window->loadPage()->summaryText()));
    QTableWidget *statuses = m_window->loadPage()->statusTable();
    QCOMPARE(statuses->rowCount(), 1);
    QCOMPARE(statuses->item(0, 0)->text(), QStringLiteral("200"));
    QCOMPARE(statuses->item(0, 1)->text(), QStringLiteral("50"));
    QCOMPARE(m_window->historyPage()->table()->rowCount(), 1);
}

void tst_SenderWindow::auditShowsFailuresAndExports()
{
    TestServer server(lenient);
    setRequest(server.url());
    m_window->setMode(SenderWindow::Mode::Audit);
    sendAndWait(60000);
    SendAuditView *audit = m_window->auditPage();
    QTableWidget *checks = audit->checksTable();
    QVERIFY(checks->rowCount() > 3);
    QStringList verdicts;
    for (int row = 0; row < checks->rowCount(); ++row)
        verdicts << checks->item(row, SendAuditView::VerdictColumn)->text();
    QVERIFY2(verdicts.contains(QStringLiteral("Fail")), qPrintable(verdicts.join(u',')));
    QVERIFY(verdicts.contains(QStringLiteral("Pass")));
    QVERIFY(audit->resultText().startsWith(QLatin1String("Failed")));

    for (const bool html : {false, true}) {
        const QString path =
            m_dir->filePath(html ? QStringLiteral("a.html") : QStringLiteral("a.md"));
        QCOMPARE(audit->exportTo(path, html), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.toLower().contains("fail"));
        QVERIFY(text.contains("pass"));
        QVERIFY(!text.contains(Key));
    }
    const QString error =
        audit->exportTo(m_dir->filePath(QStringLiteral("no/such/dir/a.md")), false);
    QVERIFY2(error.contains(QLatin1String("no/such/dir/a.md")), qPrintable(error));
    QVERIFY(!databaseBytes().contains(Key));
}

void tst_SenderWindow::badInputNamesFieldAndDisablesSend()
{
    auto *send = m_window->findChild<QPushButton *>(QStringLiteral("send"));
    auto *url = m_window->findChild<QLineEdit *>(QStringLiteral("url"));
    auto *payload = m_window->findChild<QPlainTextEdit *>(QStringLiteral("payload"));
    url->clear();
    QTest::keyClicks(url, QStringLiteral("ftp://example.com/x"));
    QVERIFY2(m_window->problem().startsWith(QLatin1String("URL:")),
             qPrintable(m_window->problem()));
    QVERIFY(!send->isEnabled());
    url->setText(QStringLiteral("http://127.0.0.1:9/x"));
    QVERIFY(send->isEnabled());
    payload->setPlainText(QStringLiteral("{\"timestamp\": 1,"));
    QVERIFY2(m_window->problem().startsWith(QLatin1String("Payload:")),
             qPrintable(m_window->problem()));
    QVERIFY(m_window->problem().contains(QLatin1String("line 1")));
    QVERIFY(!send->isEnabled());
    m_window->form()->useVwoTemplate();
    QVERIFY(send->isEnabled());
}

void tst_SenderWindow::curlImportKeepsKeyOutOfPresets()
{
    SenderForm *form = m_window->form();
    QCOMPARE(form->importCurl(QStringLiteral(
                 "curl -X PUT 'http://127.0.0.1:9/hook' \\\n -H 'x-vwo-auth: topsecret' \\\n"
                 " -H 'X-Test: 1' --data-raw '{\"a\": 1}'")),
             QString());
    const OutgoingRequest request = form->request();
    QCOMPARE(request.method, QByteArray("PUT"));
    QCOMPARE(request.url, QUrl(QStringLiteral("http://127.0.0.1:9/hook")));
    // curl's own default for -d bodies comes along.
    const HeaderList expected{{"x-vwo-auth", "topsecret"},
                              {"X-Test", "1"},
                              {"Content-Type", "application/x-www-form-urlencoded"}};
    QCOMPARE(request.headers, expected);
    QCOMPARE(request.body, QByteArray("{\"a\": 1}"));
    QCOMPARE(form->keyChoice(), QStringLiteral("typed"));
    QVERIFY(!form->importCurl(QStringLiteral("wget x")).isEmpty());

    form->savePreset(QStringLiteral("put hook"));
    QVERIFY(!settingsBytes().contains("topsecret"));
    setRequest(QUrl(QStringLiteral("http://127.0.0.1:9/other")));
    QVERIFY(form->applyPreset(QStringLiteral("put hook")));
    QCOMPARE(form->request().method, QByteArray("PUT"));
    QCOMPARE(form->request().headers.size(), 2);
    QVERIFY(form->authKey().isEmpty());
    QCOMPARE(form->keyChoice(), QStringLiteral("none"));
}

void tst_SenderWindow::keyChooserFillsFromKeyRing()
{
    keyringtest::Fixture keys;
    const KeyRing::Result generated = keyringtest::await([&](KeyRing::Done done) {
        keys.ring->generate(KeyRing::defaultEndpoint(), QStringLiteral("Main"), done);
    });
    QVERIFY2(generated.error.isEmpty(), qPrintable(generated.error));
    m_window->setKeyRing(keys.ring.get());
    m_window->setReceiverUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/vwo-webhook")));
    SenderForm *form = m_window->form();
    auto *chooser = m_window->findChild<QComboBox *>(QStringLiteral("keyChooser"));
    QCOMPARE(chooser->count(), 3); // none, the key, typed
    QVERIFY(chooser->itemText(1).contains(generated.key.id));
    form->chooseKey(generated.key.id);
    QVERIFY(!m_window->canSend()); // the value is on its way
    QTRY_COMPARE(form->authKey(), generated.secret);
    QVERIFY2(m_window->problem().isEmpty(), qPrintable(m_window->problem()));

    form->savePreset(QStringLiteral("ring"));
    const QByteArray stored = settingsBytes();
    QVERIFY(!stored.contains(generated.secret));
    QVERIFY(stored.contains(SenderPresets::keyReference(generated.key.id).toUtf8()));
    QCOMPARE(m_presets->preset(QStringLiteral("ring"))->keyId, generated.key.id);

    form->chooseKey(QStringLiteral("none"));
    QVERIFY(form->authKey().isEmpty());
    QVERIFY(form->applyPreset(QStringLiteral("ring")));
    QTRY_COMPARE(form->authKey(), generated.secret);
    m_window.reset(); // before the key ring goes
}

void tst_SenderWindow::historyLoadsRequestBack()
{
    TestServer server(sampleStyle);
    setRequest(server.url());
    sendAndWait();
    setRequest(QUrl(QStringLiteral("http://127.0.0.1:9/elsewhere")), {});
    SendHistoryView *history = m_window->historyPage();
    history->table()->selectRow(0);
    QVERIFY(history->detailText().contains(QLatin1String("[redacted]")));
    QVERIFY(!history->detailText().contains(QString::fromLatin1(Key)));
    QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("loadIntoForm")),
                      Qt::LeftButton);
    QCOMPARE(m_window->form()->request().url, server.url());
    QVERIFY(m_window->form()->authKey().isEmpty());
    QCOMPARE(m_window->form()->keyChoice(), QStringLiteral("none"));

    // Delete removes the selected run, from the database too; Clear asks, then empties it.
    sendAndWait();
    QCOMPARE(history->table()->rowCount(), 2);
    auto *remove = history->findChild<QPushButton *>(QStringLiteral("deleteHistoryEntry"));
    auto *clear = history->findChild<QPushButton *>(QStringLiteral("clearHistory"));
    QVERIFY(!remove->isEnabled());
    history->table()->selectRow(1);
    QVERIFY(remove->isEnabled());
    remove->click();
    QCOMPARE(history->table()->rowCount(), 1);
    QVERIFY(clear->isEnabled());
    QTimer::singleShot(0, this, [] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        box->button(QMessageBox::Yes)->click();
    });
    clear->click();
    QCOMPARE(history->table()->rowCount(), 0);
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(tst_SenderWindow)
#include "tst_senderwindow.moc"
