#include "inlinemessage.h"
#include "overridebanner.h"
#include "receiversettingsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

template<typename T>
T *child(const QDialog &dialog, const char *name)
{
    T *widget = dialog.findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

QPushButton *okButton(const QDialog &dialog)
{
    return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
}

} // namespace

class TestReceiverSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void roundTrip()
    {
        ReceiverConfig in;
        in.host = QHostAddress(QStringLiteral("127.0.0.2"));
        in.port = 4100;
        in.path = QStringLiteral("/hooks/staging");
        in.endpoint = QStringLiteral("staging");
        in.keys = {QByteArrayLiteral("k1")};
        in.response = {418, QByteArrayLiteral("{\"teapot\":true}"), 1500};
        in.databasePath = QStringLiteral("/tmp/x.sqlite");
        in.retention = 77;

        ReceiverSettingsDialog dialog;
        dialog.setConfig(in);
        QVERIFY(dialog.isInputValid());
        QVERIFY(okButton(dialog)->isEnabled());
        const ReceiverConfig out = dialog.config();
        QCOMPARE(out.host, in.host);
        QCOMPARE(out.port, in.port);
        QCOMPARE(out.path, in.path);
        QCOMPARE(out.response.status, 418);
        QCOMPARE(out.response.body, in.response.body);
        QCOMPARE(out.response.delayMs, 1500);
        // Not edited here: passed through.
        QCOMPARE(out.endpoint, in.endpoint);
        QCOMPARE(out.keys, in.keys);
        QCOMPARE(out.databasePath, in.databasePath);
        QCOMPARE(out.retention, 77);
        QCOMPARE(out.limits.maxBodyBytes, in.limits.maxBodyBytes);
    }

    void httpsChoice()
    {
        QTemporaryDir dir;
        const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        for (const QString &path : {certificate, key}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        ReceiverSettingsDialog dialog;
        QCOMPARE(dialog.config().tlsChoice.mode, TlsChoice::Mode::Off); // off by default
        QVERIFY(!child<QLineEdit>(dialog, "certificateEdit")->isEnabled());

        // Self-signed: nothing to fill in; the URL becomes https.
        child<QGroupBox>(dialog, "httpsGroup")->setChecked(true);
        QVERIFY(dialog.isInputValid());
        QCOMPARE(dialog.config().tlsChoice.mode, TlsChoice::Mode::SelfSigned);
        QVERIFY2(child<QLabel>(dialog, "urlValue")->text().startsWith(QLatin1String("https://")),
                 qPrintable(child<QLabel>(dialog, "urlValue")->text()));

        // Files: both must be there.
        child<QRadioButton>(dialog, "filesRadio")->setChecked(true);
        QVERIFY(child<QLineEdit>(dialog, "certificateEdit")->isEnabled());
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(dialog.problems(), QStringList({QStringLiteral("Certificate: choose a file."),
                                                 QStringLiteral("Private key: choose a file.")}));
        child<QLineEdit>(dialog, "certificateEdit")->setText(certificate);
        child<QLineEdit>(dialog, "keyEdit")->setText(dir.filePath(QStringLiteral("nope.pem")));
        QCOMPARE(dialog.problems(),
                 QStringList(QStringLiteral("Private key: “%1” is not a file.")
                                 .arg(dir.filePath(QStringLiteral("nope.pem")))));
        child<QLineEdit>(dialog, "keyEdit")->setText(key);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(dialog.config().tlsChoice == (TlsChoice{TlsChoice::Mode::Files, certificate, key}));

        // And back: a new dialog shows what was chosen.
        ReceiverSettingsDialog again;
        again.setConfig(dialog.config());
        QVERIFY(child<QGroupBox>(again, "httpsGroup")->isChecked());
        QVERIFY(child<QRadioButton>(again, "filesRadio")->isChecked());
        QCOMPARE(child<QLineEdit>(again, "keyEdit")->text(), key);
    }

    void invalidPathDisablesOk()
    {
        ReceiverSettingsDialog dialog;
        dialog.show();
        QVERIFY(okButton(dialog)->isEnabled());
        auto *message = child<InlineMessage>(dialog, "validationMessage");
        QVERIFY(!message->isVisibleTo(&dialog));

        child<QLineEdit>(dialog, "pathEdit")->setText(QStringLiteral("vwo-webhook"));
        QVERIFY(!dialog.isInputValid());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(message->isVisibleTo(&dialog));
        QVERIFY2(message->text().startsWith(QLatin1String("Path")), qPrintable(message->text()));

        child<QLineEdit>(dialog, "pathEdit")->setText(QStringLiteral("/vwo-webhook"));
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(!message->isVisibleTo(&dialog));
    }

    void invalidHostNamesAddress()
    {
        ReceiverSettingsDialog dialog;
        child<QLineEdit>(dialog, "hostEdit")->setText(QStringLiteral("not a host"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(dialog.problems().size(), 1);
        QVERIFY(dialog.problems().constFirst().startsWith(QLatin1String("Address")));
    }

    void nonLoopbackWarns_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("warn");
        QTest::addRow("v4 loopback") << QStringLiteral("127.0.0.1") << false;
        QTest::addRow("v6 loopback") << QStringLiteral("::1") << false;
        QTest::addRow("localhost") << QStringLiteral("localhost") << false;
        QTest::addRow("any") << QStringLiteral("0.0.0.0") << true;
        QTest::addRow("lan") << QStringLiteral("192.168.1.10") << true;
        QTest::addRow("garbage") << QStringLiteral("nope") << false; // an error instead
    }

    void nonLoopbackWarns()
    {
        QFETCH(QString, host);
        QFETCH(bool, warn);
        ReceiverSettingsDialog dialog;
        dialog.show();
        child<QLineEdit>(dialog, "hostEdit")->setText(host);
        auto *warning = child<InlineMessage>(dialog, "hostWarning");
        QCOMPARE(warning->isVisibleTo(&dialog), warn);
        QCOMPARE(warning->text(), QStringLiteral("Reachable from other machines on your network"));
    }

    void overrideOffClearsResponse()
    {
        ReceiverConfig in;
        in.response = {503, QByteArrayLiteral("x"), 200};
        ReceiverSettingsDialog dialog;
        dialog.setConfig(in);
        auto *group = child<QGroupBox>(dialog, "overrideGroup");
        QVERIFY(group->isChecked());
        group->setChecked(false);
        const ReceiverConfig out = dialog.config();
        QCOMPARE(out.response.status, 0);
        QVERIFY(out.response.body.isEmpty()); // the receiver would apply a lone body
        QCOMPARE(out.response.delayMs, 0);
    }

    void overrideWithoutStatus()
    {
        ReceiverSettingsDialog dialog;
        child<QGroupBox>(dialog, "overrideGroup")->setChecked(true);
        child<QCheckBox>(dialog, "statusCheck")->setChecked(false);
        child<QSpinBox>(dialog, "delaySpin")->setValue(3000);
        const ReceiverConfig out = dialog.config();
        QCOMPARE(out.response.status, 0);
        QCOMPARE(out.response.delayMs, 3000);
    }

    void noOverrideByDefault()
    {
        ReceiverSettingsDialog dialog;
        dialog.setConfig(ReceiverConfig());
        QVERIFY(!child<QGroupBox>(dialog, "overrideGroup")->isChecked());
        QCOMPARE(dialog.config().response.status, 0);
        QCOMPARE(dialog.config().path, QStringLiteral("/vwo-webhook"));
    }

    void bannerText_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("delay");
        QTest::addColumn<QString>("text");
        const QString prefix = QStringLiteral("Responses are overridden: every webhook ");
        QTest::addRow("none") << 0 << QByteArray() << 0 << QString();
        QTest::addRow("status") << 503 << QByteArray() << 0 << prefix + QStringLiteral("gets 503");
        QTest::addRow("status delay")
            << 503 << QByteArray() << 2000 << prefix + QStringLiteral("gets 503 after 2,000 ms");
        QTest::addRow("status body") << 500 << QByteArray("x") << 0
                                     << prefix + QStringLiteral("gets 500 with a custom body");
        QTest::addRow("all") << 501 << QByteArray("x") << 10
                             << prefix + QStringLiteral("gets 501 with a custom body after 10 ms");
        QTest::addRow("body") << 0 << QByteArray("x") << 0
                              << prefix + QStringLiteral("gets a custom body");
        QTest::addRow("body delay") << 0 << QByteArray("x") << 5
                                    << prefix + QStringLiteral("gets a custom body after 5 ms");
        QTest::addRow("delay") << 0 << QByteArray() << 60000
                               << prefix + QStringLiteral("is answered after 60,000 ms");
    }

    void bannerText()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, delay);
        QFETCH(QString, text);
        const ResponseOverride response{status, body, delay};
        QCOMPARE(overrideBannerText(response), text);
        QCOMPARE(isOverrideActive(response), !text.isEmpty());
    }
};

QTEST_MAIN(TestReceiverSettingsDialog)
#include "tst_receiversettingsdialog.moc"
