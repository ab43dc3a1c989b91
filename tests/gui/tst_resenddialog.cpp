#include "eventdetailview.h"
#include "inlinemessage.h"
#include "receiver/receiverservice.h"
#include "resenddialog.h"
#include "sendresultview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

const QByteArray Key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");

QByteArray payload(qint64 timestamp)
{
    return R"({"timestamp":)" + QByteArray::number(timestamp) +
           R"(,"event":"settings_changed","action":"campaign_settings_changed",)"
           R"("triggered_by":"vwo"})";
}

Event capturedWebhook()
{
    Event event;
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "env=prod";
    event.headers = {{"Host", "hooks.example.com"},
                     {"Content-Type", "application/json"},
                     {"x-vwo-auth", Key},
                     {"Content-Length", "120"}};
    event.body = payload(1606482285);
    return event;
}

QUrl origin(quint16 port)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

} // namespace

class TestResendDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;

    void startReceiver()
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        config.keys = {Key};
        m_service = std::make_unique<ReceiverService>();
        QVERIFY2(m_service->start(config), qPrintable(m_service->errorString()));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void fieldsComeFromTheEvent()
    {
        ResendDialog dialog(ResendDialog::Mode::Replay, capturedWebhook(), origin(4000));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Replay request"));
        QCOMPARE(child<QComboBox>(&dialog, "method")->currentText(), QStringLiteral("POST"));
        QCOMPARE(child<QLineEdit>(&dialog, "url")->text(),
                 QStringLiteral("http://127.0.0.1:4000/vwo-webhook?env=prod"));
        auto *table = child<QTableWidget>(&dialog, "headersTable");
        QCOMPARE(table->rowCount(), 2); // Host and Content-Length are the sender's
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Content-Type"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("application/json"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("x-vwo-auth"));
        QCOMPARE(child<QPlainTextEdit>(&dialog, "body")->toPlainText(),
                 QString::fromUtf8(payload(1606482285)));
        QVERIFY(child<QPushButton>(&dialog, "send")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "cancel")->isEnabled());
        QVERIFY(child<InlineMessage>(&dialog, "validationMessage")->isHidden());
        QCOMPARE(dialog.problem(), QString());
        QCOMPARE(dialog.request().body, payload(1606482285)); // unedited: the original bytes

        ResendDialog resend(ResendDialog::Mode::Resend, capturedWebhook(),
                            QUrl(QStringLiteral("https://example.com/hooks")));
        QCOMPARE(resend.windowTitle(), QStringLiteral("Resend request"));
        QCOMPARE(child<QLineEdit>(&resend, "url")->text(),
                 QStringLiteral("https://example.com/hooks"));
    }

    void secretIsMaskedUntilRevealed()
    {
        ResendDialog dialog(ResendDialog::Mode::Replay, capturedWebhook(), origin(4000));
        auto *table = child<QTableWidget>(&dialog, "headersTable");
        auto *reveal = child<QCheckBox>(&dialog, "revealSecrets");
        QVERIFY(!dialog.revealSecrets());
        QCOMPARE(table->item(1, 1)->text(), EventDetailView::maskedValue());
        QVERIFY(!table->item(1, 1)->text().contains(QString::fromLatin1(Key)));
        QCOMPARE(dialog.request().headers.at(1).second, Key); // masked, still sent

        reveal->setChecked(true);
        QVERIFY(dialog.revealSecrets());
        QCOMPARE(table->item(1, 1)->text(), QString::fromLatin1(Key));
        dialog.setRevealSecrets(false);
        QVERIFY(!reveal->isChecked());
        QCOMPARE(table->item(1, 1)->text(), EventDetailView::maskedValue());

        // Editing a masked value edits the key, without showing it.
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        table->setCurrentCell(1, 1);
        table->editItem(table->item(1, 1));
        auto *editor = table->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QCOMPARE(editor->echoMode(), QLineEdit::Password);
        QCOMPARE(editor->text(), QString::fromLatin1(Key));
        editor->setText(QStringLiteral("another-key"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(dialog.request().headers.at(1).second, QByteArray("another-key"));
        QCOMPARE(table->item(1, 1)->text(), EventDetailView::maskedValue());
    }

    void invalidInputDisablesSend()
    {
        ResendDialog dialog(ResendDialog::Mode::Resend, capturedWebhook(), origin(4000));
        auto *url = child<QLineEdit>(&dialog, "url");
        auto *send = child<QPushButton>(&dialog, "send");
        auto *message = child<InlineMessage>(&dialog, "validationMessage");

        url->setText(QStringLiteral("ftp://example.com/hooks"));
        QVERIFY(!send->isEnabled());
        QVERIFY(!message->isHidden());
        QCOMPARE(message->text(), QStringLiteral("URL: scheme must be http or https"));
        url->setText(QStringLiteral("http://127.0.0.1:99999/"));
        QCOMPARE(message->text(), QStringLiteral("URL: invalid port or port number out of range"));
        url->clear();
        QCOMPARE(message->text(), QStringLiteral("URL: empty"));
        url->setText(QStringLiteral("http://127.0.0.1:4000/vwo-webhook"));
        QVERIFY(send->isEnabled());
        QVERIFY(message->isHidden());

        // An added row is "header 3" until it has a name.
        child<QPushButton>(&dialog, "addHeader")->click();
        QCOMPARE(message->text(), QStringLiteral("header 3: name is empty"));
        QVERIFY(!send->isEnabled());
        auto *table = child<QTableWidget>(&dialog, "headersTable");
        table->item(2, 0)->setText(QStringLiteral("X Trace"));
        QCOMPARE(message->text(), QStringLiteral("header 3: name contains a space"));
        table->selectRow(2);
        child<QPushButton>(&dialog, "removeHeader")->click();
        QCOMPARE(table->rowCount(), 2);
        QVERIFY(send->isEnabled());

        child<QComboBox>(&dialog, "method")->setCurrentText(QStringLiteral("HEAD"));
        QCOMPARE(message->text(), QStringLiteral("Body: a HEAD request cannot carry a body"));
        child<QPlainTextEdit>(&dialog, "body")->clear();
        QVERIFY(send->isEnabled());
    }

    void formatJson()
    {
        ResendDialog dialog(ResendDialog::Mode::Replay, capturedWebhook(), origin(4000));
        auto *body = child<QPlainTextEdit>(&dialog, "body");
        child<QPushButton>(&dialog, "formatJson")->click();
        QVERIFY(body->toPlainText().startsWith(QStringLiteral("{\n  \"timestamp\": 1606482285,")));
        QVERIFY(child<QLabel>(&dialog, "bodyNote")->isHidden());
        body->undo();
        QCOMPARE(body->toPlainText(), QString::fromUtf8(payload(1606482285)));

        body->setPlainText(QStringLiteral("{\n  \"a\": 1,\n  oops\n}"));
        child<QPushButton>(&dialog, "formatJson")->click();
        auto *note = child<QLabel>(&dialog, "bodyNote");
        QVERIFY(!note->isHidden());
        QVERIFY2(note->text().contains(QStringLiteral("line 3")), qPrintable(note->text()));
        QCOMPARE(body->toPlainText(), QStringLiteral("{\n  \"a\": 1,\n  oops\n}"));
    }

    void sendsTheEditedRequest()
    {
        startReceiver();
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        ResendDialog dialog(ResendDialog::Mode::Replay, capturedWebhook(),
                            origin(m_service->port()));
        QSignalSpy sent(&dialog, &ResendDialog::sent);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        child<QPlainTextEdit>(&dialog, "body")->setPlainText(QString::fromUtf8(payload(42)));
        child<QPushButton>(&dialog, "send")->click();
        QVERIFY(dialog.isSending() || !sent.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("200 OK \u00b7 ")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.findChild<SendResultView *>()->tone(), SendResultView::Tone::Success);
        QVERIFY(!child<QPlainTextEdit>(&dialog, "responseHeaders")->toPlainText().isEmpty());

        QTRY_VERIFY_WITH_TIMEOUT(!committed.isEmpty(), 5000);
        Event stored = committed.first().first().value<QList<Event>>().first();
        QCOMPARE(stored.body, payload(42));
        QCOMPARE(stored.query, QByteArray("env=prod"));
        QCOMPARE(stored.auth, AuthOutcome::Ok);

        // Again, with Ctrl+Return and another method: the dialog sends as often as asked.
        child<QComboBox>(&dialog, "method")->setCurrentText(QStringLiteral("PUT"));
        QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 10000);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("405 Method Not Allowed")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.findChild<SendResultView *>()->tone(), SendResultView::Tone::Failure);
        QTRY_VERIFY(committed.size() >= 2);
        stored = committed.at(1).first().value<QList<Event>>().first();
        QCOMPARE(stored.method, QByteArray("PUT"));
        QCOMPARE(stored.body, payload(42));
    }

    void failuresAreShownInWords()
    {
        const quint16 port = ReceiverService::findFreePort(QHostAddress(QHostAddress::LocalHost));
        ResendDialog dialog(ResendDialog::Mode::Resend, capturedWebhook(), origin(port));
        QSignalSpy sent(&dialog, &ResendDialog::sent);
        dialog.send();
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 1, 10000);
        QVERIFY2(dialog.statusText().startsWith(
                     QStringLiteral("Failed: connection refused by 127.0.0.1:%1").arg(port)),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.findChild<SendResultView *>()->tone(), SendResultView::Tone::Failure);
        QVERIFY(child<QPushButton>(&dialog, "send")->isEnabled());
    }

    void toneColorsFollowThePalette()
    {
        QPalette light;
        light.setColor(QPalette::Window, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
        for (auto tone : {SendResultView::Tone::Success, SendResultView::Tone::Failure}) {
            QVERIFY(SendResultView::toneColor(tone, light).lightnessF() < 0.5);
            QVERIFY(SendResultView::toneColor(tone, dark).lightnessF() > 0.5);
        }
    }
};

QTEST_MAIN(TestResendDialog)
#include "tst_resenddialog.moc"
