#include "auth/keyring.h"
#include "eventtableview.h"
#include "keyringsupport.h"
#include "mainwindow.h"
#include "placeholderwidget.h"
#include "receiver/receiverservice.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

// The empty log while listening is the welcome view (issue 9): one click sends a real test
// webhook to our own receiver (signed with the endpoint's primary key when it has one), and it
// says how to let VWO reach a desktop.
class TestWelcomeView : public QObject
{
    Q_OBJECT

private:
    // Starts a receiver (keys from `ring` when given) and a window listening on it.
    bool start(KeyRing *ring = nullptr)
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = m_dir.filePath(QStringLiteral("events.sqlite"));
        if (ring)
            config.verifier = ring->verifier(config.endpoint);
        if (!m_service.start(config))
            return false;
        m_window = std::make_unique<MainWindow>();
        if (ring)
            m_window->setKeyRing(ring);
        connect(&m_service, &ReceiverService::eventsCommitted, m_window.get(),
                &MainWindow::appendEvents);
        m_window->setReceiverConfig(config);
        m_window->receiverStarted(m_service.url());
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }
    PlaceholderWidget *placeholder() const
    {
        return m_window->findChild<EventTableView *>(QStringLiteral("eventTable"))->placeholder();
    }
    // Clicks the welcome view's button and returns the event it caused.
    Event clickSend()
    {
        QSignalSpy committed(&m_service, &ReceiverService::eventsCommitted);
        auto *send = placeholder()->findChild<QPushButton *>(QStringLiteral("placeholderAction"));
        if (!send || !send->isVisible())
            return {};
        QTest::mouseClick(send, Qt::LeftButton);
        if (!committed.wait(10000))
            return {};
        return committed.first().at(0).value<QList<Event>>().value(0);
    }

    QTemporaryDir m_dir;
    ReceiverService m_service;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void cleanup()
    {
        m_window.reset();
        m_service.stop();
    }

    void guidesAndSendsATestWebhook()
    {
        QVERIFY(start());
        QCOMPARE(placeholder()->title(), QStringLiteral("Waiting for webhooks"));
        QCOMPARE(placeholder()->actionText(), QStringLiteral("Send a &Test Webhook"));
        const QString note = placeholder()->note();
        QVERIFY2(note.contains(QStringLiteral("VWO cannot reach 127.0.0.1")), qPrintable(note));
        QVERIFY2(note.contains(QStringLiteral("ngrok http %1").arg(m_service.port())),
                 qPrintable(note));
        QVERIFY(note.contains(QStringLiteral("/vwo-webhook")));

        const Event event = clickSend();
        QCOMPARE(event.status, 200);
        QCOMPARE(event.auth, AuthOutcome::NotRequired);
        QVERIFY(event.valid);
        QVERIFY(event.body.contains("\"event\":\"settings_changed\""));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(
            QStringLiteral("the receiver answered 200")));
        // A request in the log: the welcome view gives way to the table.
        QVERIFY(!placeholder()->isVisible());
    }

    void signsWithThePrimaryKey()
    {
        keyringtest::Fixture keys;
        const KeyRing::Result generated = keyringtest::await([&](KeyRing::Done done) {
            keys.ring->generate(KeyRing::defaultEndpoint(), QStringLiteral("Main"), done);
        });
        QVERIFY2(generated.error.isEmpty(), qPrintable(generated.error));
        QVERIFY(start(keys.ring.get()));
        const Event event = clickSend();
        QCOMPARE(event.status, 200);
        QCOMPARE(event.auth, AuthOutcome::Ok);
        QCOMPARE(event.keyId, generated.key.id);
    }

    void notOfferedWhileStopped()
    {
        QVERIFY(start());
        m_window->receiverStopped();
        QVERIFY(placeholder()->actionText().isEmpty());
        QVERIFY(placeholder()->note().isEmpty());
    }
};

QTEST_MAIN(TestWelcomeView)
#include "tst_welcomeview.moc"
