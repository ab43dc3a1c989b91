// The window warns for as long as the receiver is reachable from other machines and an endpoint
// takes webhooks without a key (issue 10), like hookbench-cli listen does on stderr.
#include "auth/keyverifier.h"
#include "inlinemessage.h"
#include "mainwindow.h"

#include <QApplication>
#include <QPushButton>
#include <QTest>

using namespace hookbench;

namespace {

ReceiverConfig configOn(const char *host, const QList<QByteArray> &keys = {})
{
    ReceiverConfig config;
    config.host = QHostAddress(QLatin1String(host));
    config.keys = keys;
    return config;
}

EndpointRoute route(const QString &name, const QList<QByteArray> &keys)
{
    EndpointRoute route;
    route.name = name;
    route.path = QLatin1Char('/') + name;
    if (!keys.isEmpty())
        route.verifier = std::make_shared<StaticKeyVerifier>(keys);
    return route;
}

} // namespace

class TestMainWindowExposure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void warnsWhileReachableWithoutAKey_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("defaultHasKey");
        QTest::addColumn<bool>("stagingHasKey");
        QTest::addColumn<QStringList>("named"); // endpoints the warning names; none: no warning
        QTest::addRow("loopback, no keys")
            << QStringLiteral("127.0.0.1") << false << false << QStringList();
        QTest::addRow("IPv6 loopback, no keys")
            << QStringLiteral("::1") << false << false << QStringList();
        QTest::addRow("all addresses, no keys")
            << QStringLiteral("0.0.0.0") << false << false
            << QStringList{QStringLiteral("default"), QStringLiteral("staging")};
        QTest::addRow("all addresses, staging keyed")
            << QStringLiteral("0.0.0.0") << false << true << QStringList{QStringLiteral("default")};
        QTest::addRow("a LAN address, default keyed")
            << QStringLiteral("192.168.1.20") << true << false
            << QStringList{QStringLiteral("staging")};
        QTest::addRow("all addresses, every endpoint keyed")
            << QStringLiteral("0.0.0.0") << true << true << QStringList();
    }
    void warnsWhileReachableWithoutAKey()
    {
        QFETCH(QString, host);
        QFETCH(bool, defaultHasKey);
        QFETCH(bool, stagingHasKey);
        QFETCH(QStringList, named);

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ReceiverConfig config =
            configOn(host.toLatin1().constData(),
                     defaultHasKey ? QList<QByteArray>{"k1"} : QList<QByteArray>{});
        config.otherEndpoints.append(route(QStringLiteral("staging"), stagingHasKey
                                                                          ? QList<QByteArray>{"k2"}
                                                                          : QList<QByteArray>{}));
        window.setReceiverConfig(config);

        auto *message = window.findChild<InlineMessage *>(QStringLiteral("exposureMessage"));
        QVERIFY(message);
        QCOMPARE(message->isVisible(), !named.isEmpty());
        if (named.isEmpty())
            return;
        QVERIFY2(message->text().contains(host), qPrintable(message->text()));
        for (const QString &name : {QStringLiteral("default"), QStringLiteral("staging")})
            QCOMPARE(message->text().contains(name), named.contains(name));
        QVERIFY(message->findChild<QPushButton *>(QStringLiteral("exposureSettingsButton")));

        // Back on loopback (the user followed the advice): the warning goes.
        window.setReceiverConfig(configOn("127.0.0.1"));
        QVERIFY(!message->isVisible());
    }
};

QTEST_MAIN(TestMainWindowExposure)
#include "tst_mainwindowexposure.moc"
