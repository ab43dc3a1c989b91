#pragma once

// Fixtures for the window's endpoint tests: an EndpointDirectory with a "staging" endpoint on a
// fresh database in a temporary folder, secrets in a file (no keychain needed), and a helper
// that answers the next modal dialog.

#include "endpoints/endpointdirectory.h"
#include "events/event.h"
#include "secrets/secretstore.h"

#include <QApplication>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace endpointtest {

using namespace hookbench;

inline Event makeEvent(const QString &endpoint, int status)
{
    Event event;
    event.endpoint = endpoint;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.method = QByteArrayLiteral("POST");
    event.path = endpoint == QLatin1String("default") ? QByteArrayLiteral("/vwo-webhook")
                                                      : QByteArrayLiteral("/vwo/staging");
    event.status = status;
    event.valid = true;
    event.remoteAddress = QStringLiteral("127.0.0.1");
    return event;
}

// Runs `answer` on the next modal dialog or message box once it is up.
inline void whenModal(std::function<void(QWidget *)> answer)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, answer] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        answer(modal);
    });
    timer->start();
}

inline void clickButton(QWidget *parent, const char *name)
{
    auto *button = parent->findChild<QPushButton *>(QLatin1String(name));
    QVERIFY2(button, name);
    button->click();
}

struct Fixture
{
    Fixture()
    {
        QVERIFY(dir.isValid());
        SecretStore::Options options;
        options.useKeychain = false;
        options.fallbackPath = dir.filePath(QStringLiteral("secrets.json"));
        secrets = std::make_unique<SecretStore>(options);
        directory = std::make_unique<EndpointDirectory>(secrets.get());
        QCOMPARE(directory->open(dbPath()), QString());
        Endpoint staging;
        staging.name = QStringLiteral("staging");
        staging.path = QStringLiteral("/vwo/staging");
        QCOMPARE(directory->add(staging), QString());
    }
    QString dbPath() const { return dir.filePath(QStringLiteral("hookbench.sqlite")); }

    QTemporaryDir dir;
    std::unique_ptr<SecretStore> secrets;
    std::unique_ptr<EndpointDirectory> directory;
};

} // namespace endpointtest
