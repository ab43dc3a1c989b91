#include "appsettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    QSettings *fresh()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("test.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
        return m_settings.get();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaults()
    {
        const AppSettings settings(fresh());
        QCOMPARE(settings.receiverHost(), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings.receiverPort(), quint16(4000));
        QCOMPARE(settings.receiverPath(), QStringLiteral("/vwo-webhook"));
        QCOMPARE(settings.responseStatus(), 0);
        QVERIFY(settings.responseBody().isEmpty());
        QCOMPARE(settings.responseDelayMs(), 0);
        QCOMPARE(settings.retention(), 100000);
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.headerState().isEmpty());
        QVERIFY(!settings.trayNotificationsEnabled());

        const ReceiverConfig config = settings.receiverConfig();
        QCOMPARE(config.host, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(config.port, quint16(4000));
        QCOMPARE(config.path, QStringLiteral("/vwo-webhook"));
        QCOMPARE(config.response.status, 0);
    }

    void roundTrip()
    {
        {
            AppSettings settings(fresh());
            settings.setWindowGeometry(QByteArray("\x01\x02geometry", 10));
            settings.setWindowState(QByteArrayLiteral("state"));
            settings.setSplitterState(QByteArrayLiteral("splitter"));
            settings.setHeaderState(QByteArrayLiteral("header"));
            settings.setTrayNotificationsEnabled(true);

            ReceiverConfig config;
            config.host = QHostAddress(QStringLiteral("::1"));
            config.port = 0;
            config.path = QStringLiteral("/hooks/staging");
            config.keys = {QByteArrayLiteral("secret")};
            config.response = {503, QByteArrayLiteral("down\n"), 2000};
            config.retention = 500;
            settings.setReceiverConfig(config);
            settings.sync();
        }
        // A new QSettings on the same file: what was written to disk, not a cache.
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("test.ini")),
                                                 QSettings::IniFormat);
        const AppSettings settings(m_settings.get());
        QCOMPARE(settings.windowGeometry(), QByteArray("\x01\x02geometry", 10));
        QCOMPARE(settings.windowState(), QByteArrayLiteral("state"));
        QCOMPARE(settings.splitterState(), QByteArrayLiteral("splitter"));
        QCOMPARE(settings.headerState(), QByteArrayLiteral("header"));
        QVERIFY(settings.trayNotificationsEnabled());

        const ReceiverConfig config = settings.receiverConfig();
        QCOMPARE(config.host, QHostAddress(QStringLiteral("::1")));
        QCOMPARE(config.port, quint16(0));
        QCOMPARE(config.path, QStringLiteral("/hooks/staging"));
        QCOMPARE(config.response.status, 503);
        QCOMPARE(config.response.body, QByteArrayLiteral("down\n"));
        QCOMPARE(config.response.delayMs, 2000);
        QCOMPARE(config.retention, 500);
        QVERIFY(config.keys.isEmpty()); // keys are never stored in this file
        const QStringList keys = m_settings->allKeys();
        for (const QString &key : keys)
            QVERIFY2(m_settings->value(key).toString() != QLatin1String("secret"), qPrintable(key));
    }

    // HTTPS: the choice and the paths survive a restart; the paths stay when it is turned off;
    // an unknown mode (a hand-edited file) is plain HTTP.
    void httpsChoice()
    {
        {
            AppSettings settings(fresh());
            ReceiverConfig config;
            config.tlsChoice = {TlsChoice::Mode::Files, QStringLiteral("/etc/hb/cert.pem"),
                                QStringLiteral("/etc/hb/key.pem")};
            settings.setListenConfig(config);
            settings.sync();
        }
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("test.ini")),
                                                 QSettings::IniFormat);
        AppSettings settings(m_settings.get());
        const TlsChoice files{TlsChoice::Mode::Files, QStringLiteral("/etc/hb/cert.pem"),
                              QStringLiteral("/etc/hb/key.pem")};
        QVERIFY(settings.receiverConfig().tlsChoice == files);

        settings.setTlsChoice({TlsChoice::Mode::Off, files.certificatePath, files.keyPath});
        QCOMPARE(settings.tlsChoice().mode, TlsChoice::Mode::Off);
        QCOMPARE(settings.tlsChoice().certificatePath, files.certificatePath);
        settings.setTlsChoice({TlsChoice::Mode::SelfSigned, {}, {}});
        QCOMPARE(settings.tlsChoice().mode, TlsChoice::Mode::SelfSigned);

        m_settings->setValue(QStringLiteral("receiver/https"), QStringLiteral("maybe"));
        QCOMPARE(settings.tlsChoice().mode, TlsChoice::Mode::Off);
        QCOMPARE(AppSettings(fresh()).tlsChoice().mode, TlsChoice::Mode::Off); // the default
    }

    void corruptValuesFallBack_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QVariant>("value");
        QTest::addRow("host not an address")
            << QStringLiteral("receiver/host") << QVariant(QStringLiteral("x y"));
        QTest::addRow("port text")
            << QStringLiteral("receiver/port") << QVariant(QStringLiteral("abc"));
        QTest::addRow("port too big") << QStringLiteral("receiver/port") << QVariant(70000);
        QTest::addRow("port negative") << QStringLiteral("receiver/port") << QVariant(-1);
        QTest::addRow("path relative")
            << QStringLiteral("receiver/path") << QVariant(QStringLiteral("hook"));
        QTest::addRow("path with space")
            << QStringLiteral("receiver/path") << QVariant(QStringLiteral("/a b"));
        QTest::addRow("path list")
            << QStringLiteral("receiver/path") << QVariant(QStringList{{}, {}});
        QTest::addRow("status big") << QStringLiteral("receiver/responseStatus") << QVariant(1000);
        QTest::addRow("status small") << QStringLiteral("receiver/responseStatus") << QVariant(42);
        QTest::addRow("delay negative")
            << QStringLiteral("receiver/responseDelayMs") << QVariant(-5);
        QTest::addRow("delay huge")
            << QStringLiteral("receiver/responseDelayMs") << QVariant(99999999);
        QTest::addRow("retention zero") << QStringLiteral("storage/retention") << QVariant(0);
        QTest::addRow("retention text")
            << QStringLiteral("storage/retention") << QVariant(QStringLiteral("lots"));
    }

    void corruptValuesFallBack()
    {
        QFETCH(QString, key);
        QFETCH(QVariant, value);
        QSettings *raw = fresh();
        raw->setValue(key, value);
        raw->sync();
        const AppSettings settings(raw);
        const ReceiverConfig config = settings.receiverConfig();
        const ReceiverConfig defaults;
        QCOMPARE(config.host, defaults.host);
        QCOMPARE(config.port, defaults.port);
        QCOMPARE(config.path, defaults.path);
        QCOMPARE(config.response.status, 0);
        QCOMPARE(config.response.delayMs, 0);
        QCOMPARE(config.retention, defaults.retention);
    }

    void corruptFileOnDisk()
    {
        const QString path = m_dir.filePath(QStringLiteral("broken.ini"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[receiver]\nport=4x\nhost=@ByteArray(\\0\\0\npath=\"unterminated\n"
                   "[window]\ngeometry=@Variant(garbage)\n[notifications]\ntray=maybe\n");
        file.close();
        QSettings raw(path, QSettings::IniFormat);
        const AppSettings settings(&raw);
        QCOMPARE(settings.receiverPort(), quint16(4000));
        QCOMPARE(settings.receiverHost(), QStringLiteral("127.0.0.1"));
        QCOMPARE(settings.receiverPath(), QStringLiteral("/vwo-webhook"));
        QVERIFY(!settings.trayNotificationsEnabled());
        (void)settings.windowGeometry(); // must not crash
    }

    void pathValidation_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::addRow("default") << QStringLiteral("/vwo-webhook") << true;
        QTest::addRow("root") << QStringLiteral("/") << true;
        QTest::addRow("nested") << QStringLiteral("/a/b-c_d") << true;
        QTest::addRow("empty") << QStringLiteral("") << false;
        QTest::addRow("relative") << QStringLiteral("vwo") << false;
        QTest::addRow("query") << QStringLiteral("/a?b") << false;
        QTest::addRow("fragment") << QStringLiteral("/a#b") << false;
        QTest::addRow("tab") << QStringLiteral("/a\tb") << false;
    }

    void pathValidation()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QCOMPARE(AppSettings::isValidPath(path), valid);
    }
};

QTEST_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
