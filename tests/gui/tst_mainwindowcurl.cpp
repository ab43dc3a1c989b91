// "Copy as curl" from the window, end to end: a real receiver with a key, a webhook from a raw
// client, the row selected in the window, the window's action triggered, the clipboard's command
// run by /bin/sh against the receiver. Revealed, the replay is stored as the same request again;
// masked, it carries no key (the receiver refuses it with 401) and will not run without one.
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "events/eventstore.h"
#include "export/curlexport.h"
#include "keyringsupport.h"
#include "keyspanel.h"
#include "mainwindow.h"
#include "rawhttpclient.h"
#include "receiver/receiverservice.h"
#include "resenddialog.h"

#include <QAction>
#include <QClipboard>
#include <QDialog>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray Key =
    QByteArrayLiteral("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
const QByteArray Target = QByteArrayLiteral("/vwo-webhook?env=staging&source=vwo");
const HeaderList Extra{{"x-vwo-auth", Key},
                       {"User-Agent", "VWO-Webhooks/1.0"},
                       {"X-Request-Id", "4f1c-'quoted'-$HOME"}};

struct ShellRun
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The headers a replay must reproduce: all but the framing curl owns.
HeaderList replayedHeaders(const Event &event)
{
    HeaderList headers;
    for (const auto &header : event.headers) {
        if (header.first.compare("host", Qt::CaseInsensitive) != 0 &&
            header.first.compare("content-length", Qt::CaseInsensitive) != 0)
            headers.append(header);
    }
    return headers;
}

// A real receiver with a key, and the window wired to it as src/app/main.cpp does.
struct WindowOnReceiver
{
    // Without `ring`, the receiver checks the fixed Key; with it, the ring's keys.
    explicit WindowOnReceiver(const QString &databasePath, KeyRing *ring = nullptr)
    {
        config.port = 0;
        config.databasePath = databasePath;
        if (ring) {
            config.verifier = ring->verifier(KeyRing::defaultEndpoint());
            window.setKeyRing(ring);
        } else {
            config.keys = {Key};
        }
        if (!service.start(config))
            return;
        QObject::connect(&service, &ReceiverService::eventsCommitted, &window,
                         &MainWindow::appendEvents);
        window.setReceiverConfig(config);
        window.setDatabase(config.databasePath);
        window.receiverStarted(service.url());
        window.show();
        exposed = QTest::qWaitForWindowExposed(&window);
    }
    bool ready() const { return exposed; }

    ReceiverConfig config;
    ReceiverService service;
    MainWindow window;
    bool exposed = false;
};

} // namespace

class TestMainWindowCurl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the filter bar's recent filters
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(QStringLiteral("/usr/bin/curl")), "curl is required");
    }

    void copyAsCurlReplaysToTheReceiver()
    {
        WindowOnReceiver fixture(m_dir.filePath(QStringLiteral("events.sqlite")));
        QVERIFY2(fixture.ready(), qPrintable(fixture.service.errorString()));
        ReceiverService &service = fixture.service;
        MainWindow &window = fixture.window;
        const ReceiverConfig &config = fixture.config;

        QSignalSpy committed(&service, &ReceiverService::eventsCommitted);
        RawHttpClient client(service.port());
        QVERIFY(client.isConnected());
        const QByteArray body = vwoPayload(1717171717);
        client.send(RawHttpClient::post(Target, body, Extra));
        QCOMPARE(client.read().status, 200);
        const Event original = nextCommitted(committed);
        QVERIFY(original.id > 0);
        QCOMPARE(original.auth, AuthOutcome::Ok);
        QCOMPARE(original.query, QByteArray("env=staging&source=vwo"));

        // The user clicks the row.
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        QVERIFY(table);
        QTRY_VERIFY(window.eventsModel()->rowOfId(original.id) >= 0);
        const QModelIndex row =
            window.eventsModel()->index(window.eventsModel()->rowOfId(original.id), 0);
        table->scrollTo(row);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(row).center());
        QTRY_COMPARE(window.detailView()->shownEvent().id, original.id);

        auto *copyCurl = window.findChild<QAction *>(QStringLiteral("copyCurlAction"));
        auto *reveal = window.findChild<QPushButton *>(QStringLiteral("revealSecrets"));
        QVERIFY(copyCurl && reveal);
        QVERIFY(copyCurl->isEnabled());

        // Revealed: the replay is the same request, stored as a second event. (The detail pane
        // appears with the first request: wait until it is laid out, as a user would.)
        QTRY_VERIFY(reveal->height() > 0);
        QTest::mouseClick(reveal, Qt::LeftButton);
        QVERIFY(window.detailView()->secretsRevealed());
        QGuiApplication::clipboard()->clear();
        copyCurl->trigger();
        const QString revealed = QGuiApplication::clipboard()->text();
        QVERIFY2(revealed.startsWith(QLatin1String("curl ")), qPrintable(revealed));
        QVERIFY(revealed.contains(QString::fromLatin1(Key)));
        ShellRun run = runShell(revealed, QByteArray());
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());

        const Event replay = nextCommitted(committed);
        QCOMPARE(storedCount(config.databasePath), 2);
        QVERIFY(replay.id > original.id);
        QCOMPARE(replay.method, original.method);
        QCOMPARE(replay.path, original.path);
        QCOMPARE(replay.query, original.query);
        QCOMPARE(replay.body, body);
        QCOMPARE(replay.body, original.body);
        const HeaderList sent = replayedHeaders(original);
        const HeaderList got = replayedHeaders(replay);
        QCOMPARE(got.size(), sent.size());
        for (const auto &header : sent)
            QVERIFY2(got.contains(header), header.first.constData());
        QCOMPARE(replay.auth, AuthOutcome::Ok);
        QCOMPARE(replay.status, 200);
        QVERIFY(replay.valid);
        QTRY_VERIFY(window.eventsModel()->rowOfId(replay.id) >= 0); // the window shows it too

        // Masked: the key is not in the text; the command takes it from $VWO_AUTH. The replay
        // is a retry of the same delivery (same payload timestamp), so the row may have switched
        // to showing it, which hides secrets by itself; else the user hides them.
        if (window.detailView()->secretsRevealed())
            QTest::mouseClick(reveal, Qt::LeftButton);
        QVERIFY(!window.detailView()->secretsRevealed());
        const qint64 shown = window.detailView()->shownEvent().id;
        QVERIFY(shown == original.id || shown == replay.id);
        copyCurl->trigger();
        const QString masked = QGuiApplication::clipboard()->text();
        QVERIFY(masked != revealed);
        QVERIFY2(!masked.contains(QString::fromLatin1(Key)), qPrintable(masked));
        QVERIFY(masked.contains(QLatin1String(CurlSecretVariable)));

        // Unset, it stops before sending anything...
        run = runShell(masked, QByteArray());
        QVERIFY(run.finished);
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("VWO_AUTH"), run.err.constData());
        // ...and whatever else it holds, the receiver refuses it: the mask kept the key out.
        run = runShell(masked, QByteArrayLiteral("not-the-key"));
        QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("x-vwo-auth does not match any configured key"),
                 run.out.constData());
        const Event refused = nextCommitted(committed);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.auth, AuthOutcome::Failed);
        QCOMPARE(refused.headerValue("x-vwo-auth"), QByteArray("not-the-key"));
        QCOMPARE(refused.method, original.method);
        QCOMPARE(refused.path, original.path);
        QCOMPARE(refused.query, original.query);
        QCOMPARE(refused.body, original.body);
        QVERIFY(m_pending.isEmpty() && committed.isEmpty()); // the unset run sent nothing
        QCOMPARE(storedCount(config.databasePath), 3);
    }

    // Replay from the window: the request opens editable, the edited body goes to the receiver,
    // and the window groups the replay with the original as one delivery (same payload
    // timestamp, as a VWO retry would be).
    void replayEditedRequestJoinsItsDelivery()
    {
        WindowOnReceiver fixture(m_dir.filePath(QStringLiteral("replay.sqlite")));
        QVERIFY2(fixture.ready(), qPrintable(fixture.service.errorString()));
        ReceiverService &service = fixture.service;
        MainWindow &window = fixture.window;

        QSignalSpy committed(&service, &ReceiverService::eventsCommitted);
        RawHttpClient client(service.port());
        client.send(RawHttpClient::post(Target, vwoPayload(1818181818), Extra));
        QCOMPARE(client.read().status, 200);
        m_pending.clear();
        const Event original = nextCommitted(committed);
        EventLogModel *model = window.eventsModel();
        QTRY_VERIFY(model->rowOfId(original.id) >= 0);
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        table->setCurrentIndex(model->index(model->rowOfId(original.id), 0));
        QTRY_COMPARE(window.detailView()->shownEvent().id, original.id);

        auto *replay = window.findChild<QAction *>(QStringLiteral("replayAction"));
        QVERIFY(replay && replay->isEnabled());
        replay->trigger();
        auto *dialog = window.findChild<ResendDialog *>(QStringLiteral("resendDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->request().url.path(), QStringLiteral("/vwo-webhook"));
        QCOMPARE(dialog->request().url.query(QUrl::FullyEncoded),
                 QStringLiteral("env=staging&source=vwo"));
        auto *body = dialog->findChild<QPlainTextEdit *>(QStringLiteral("body"));
        QVERIFY(body);
        const QByteArray edited =
            QByteArray(vwoPayload(1818181818))
                .replace("campaign_settings_changed", "campaign_settings_changed_by_hand");
        body->setPlainText(QString::fromUtf8(edited));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        dialog->send();
        const Event sent = nextCommitted(committed);
        QCOMPARE(sent.body, edited);
        QCOMPARE(sent.path, original.path);
        QCOMPARE(sent.query, original.query);
        QCOMPARE(sent.auth, AuthOutcome::Ok); // the key went along, masked or not
        QCOMPARE(sent.deliveryOf, original.id);
        QTRY_VERIFY(dialog->statusText().startsWith(QLatin1String("200")));
        // One delivery row with two attempts, the replay its final one.
        const int row = model->rowOfId(original.id);
        QTRY_COMPARE(model->attemptCount(row), 2);
        QCOMPARE(model->rowOfId(sent.id), row);
        QTRY_COMPARE(model->eventAt(row).id, sent.id);
        dialog->close();
    }

    // The receiver keeps only a fingerprint of a key-ring key. Reveal, Copy as curl and Replay
    // fetch the key from the ring (audited); a revoked key has no value left to fetch.
    void keyRingKeysAreFetchedForRevealAndReplay()
    {
        keyringtest::Fixture keys;
        const KeyRing::Result generated = keys.ring->generateSync(KeyRing::defaultEndpoint(), {});
        QVERIFY2(generated.error.isEmpty(), qPrintable(generated.error));
        const QByteArray secret = generated.secret;
        WindowOnReceiver fixture(keys.dbPath(), keys.ring.get());
        QVERIFY2(fixture.ready(), qPrintable(fixture.service.errorString()));
        MainWindow &window = fixture.window;

        QSignalSpy committed(&fixture.service, &ReceiverService::eventsCommitted);
        RawHttpClient client(fixture.service.port());
        client.send(RawHttpClient::post(Target, vwoPayload(1919191919), {{"x-vwo-auth", secret}}));
        QCOMPARE(client.read().status, 200);
        m_pending.clear();
        const Event original = nextCommitted(committed);
        QCOMPARE(original.keyId, generated.key.id);
        QVERIFY(!original.headerValue("x-vwo-auth").contains(secret));
        QTRY_VERIFY(window.eventsModel()->rowOfId(original.id) >= 0);
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        table->setCurrentIndex(
            window.eventsModel()->index(window.eventsModel()->rowOfId(original.id), 0));
        QTRY_COMPARE(window.detailView()->shownEvent().id, original.id);

        // Masked, the command reads $VWO_AUTH; revealed, it carries the key from the ring.
        const auto revealedCount = [&keys] {
            int n = 0;
            for (const KeyAuditEntry &entry : keys.ring->auditTrail(KeyRing::defaultEndpoint()))
                n += entry.action == KeyAuditAction::Revealed ? 1 : 0;
            return n;
        };
        QVERIFY(window.detailView()->curlCommand().contains(QLatin1String(CurlSecretVariable)));
        window.detailView()->setSecretsRevealed(true);
        QTRY_VERIFY(window.detailView()->curlCommand().contains(QString::fromLatin1(secret)));
        QCOMPARE(window.detailView()->shownEvent().headerValue("x-vwo-auth"), secret);
        QCOMPARE(revealedCount(), 1);

        auto *replay = window.findChild<QAction *>(QStringLiteral("replayAction"));
        QVERIFY(replay && replay->isEnabled());
        replay->trigger();
        ResendDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ResendDialog *>(QStringLiteral("resendDialog"))));
        QByteArray replayed;
        for (const auto &[name, value] : dialog->request().headers)
            replayed = name == "x-vwo-auth" ? value : replayed;
        QCOMPARE(replayed, secret);
        QCOMPARE(revealedCount(), 2);
        dialog->send();
        const Event sent = nextCommitted(committed);
        QCOMPARE(sent.auth, AuthOutcome::Ok);
        QCOMPARE(sent.keyId, generated.key.id);
        dialog->close();
        delete dialog;

        // Revoked: the value is gone; the pane says why and curl still reads $VWO_AUTH.
        QVERIFY(keys.ring->revokeSync(generated.key.id).error.isEmpty());
        table->setCurrentIndex(
            window.eventsModel()->index(window.eventsModel()->rowOfId(original.id), 0));
        window.detailView()->clear();
        window.detailView()->setEvent(original);
        window.detailView()->setSecretsRevealed(true);
        auto *headers =
            window.detailView()->findChild<QTableWidget *>(QStringLiteral("headersTable"));
        QVERIFY(headers);
        const auto keyToolTip = [headers] { // the pane refills its cells: look each time
            for (int row = 0; row < headers->rowCount(); ++row) {
                if (headers->item(row, 0)->text() == QLatin1String("x-vwo-auth"))
                    return headers->item(row, 1)->toolTip();
            }
            return QString();
        };
        QTRY_VERIFY2(keyToolTip().contains(QLatin1String("revoked")), qPrintable(keyToolTip()));
        QVERIFY(window.detailView()->curlCommand().contains(QLatin1String(CurlSecretVariable)));
    }

    // Receiver > Webhook Keys… opens the panel on the receiver's endpoint, over the real ring.
    void keysActionOpensThePanel()
    {
        keyringtest::Fixture keys;
        MainWindow window;
        window.setKeyRing(keys.ring.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action = window.findChild<QAction *>(QStringLiteral("keysAction"));
        QVERIFY(action);
        action->trigger();
        auto *dialog = window.findChild<QDialog *>(QStringLiteral("keysDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto *panel = dialog->findChild<KeysPanel *>();
        QVERIFY(panel);
        QCOMPARE(panel->endpoint(), KeyRing::defaultEndpoint());
        action->trigger(); // the same window again, not a second one
        QCOMPARE(window.findChildren<QDialog *>(QStringLiteral("keysDialog")).size(), 1);
    }

private:
    // The next event the receiver committed, in order, however the commits were batched.
    Event nextCommitted(QSignalSpy &spy)
    {
        if (m_pending.isEmpty()) {
            if (spy.isEmpty() && !spy.wait(10000))
                return {};
            m_pending = spy.takeFirst().first().value<QList<Event>>();
        }
        return m_pending.isEmpty() ? Event() : m_pending.takeFirst();
    }

    static qint64 storedCount(const QString &path)
    {
        EventStore store; // a reader beside the service's writer (WAL)
        if (!store.open(path).isEmpty())
            return -1;
        return store.count();
    }

    ShellRun runShell(const QString &command, const QByteArray &secret)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // No proxy and no ~/.curlrc may change what reaches the receiver.
        for (const char *name :
             {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY",
              "no_proxy", "NO_PROXY", "CURL_HOME", CurlSecretVariable})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.path());
        if (!secret.isEmpty())
            env.insert(QString::fromLatin1(CurlSecretVariable), QString::fromLatin1(secret));
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
        process.closeWriteChannel();
        ShellRun run;
        // The receiver answers on its own thread; this thread only waits for the shell.
        run.finished = process.waitForFinished(20000);
        run.exitCode = process.exitCode();
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QTemporaryDir m_dir;
    QList<Event> m_pending; // committed, not yet looked at
};

QTEST_MAIN(TestMainWindowCurl)
#include "tst_mainwindowcurl.moc"
