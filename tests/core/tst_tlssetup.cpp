// setUpTls (issue 10): the receiver's HTTPS choice made real, for the window and `listen`. The
// self-signed certificate is made once beside the database and kept, so clients keep trusting
// it; it is made again when it no longer fits (another address, a damaged file).
#include "receiver/tlssetup.h"

#include <QFile>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTlsSetup : public QObject
{
    Q_OBJECT

private:
    QString database() const { return m_dir.filePath(QStringLiteral("events.sqlite")); }
    QTemporaryDir m_dir;

private Q_SLOTS:
    void offIsPlainHttp()
    {
        const TlsSetup setup = setUpTls({}, database(), QHostAddress::LocalHost);
        QVERIFY(!setup.settings.isEnabled());
        QVERIFY(setup.error.isEmpty());
    }

    void selfSignedIsMadeOnceAndKept()
    {
        const TlsChoice choice{TlsChoice::Mode::SelfSigned, {}, {}};
        const TlsSetup first = setUpTls(choice, database(), QHostAddress::LocalHost);
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.settings.isEnabled());
        QCOMPARE(first.selfSignedCertificate,
                 m_dir.filePath(QStringLiteral("tls/self-signed.crt")));
        const QByteArray made = readAll(first.selfSignedCertificate);
        QVERIFY(!made.isEmpty());
        QCOMPARE(QFile::permissions(m_dir.filePath(QStringLiteral("tls/self-signed.key"))),
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser);

        // Kept across starts, on loopback and on all addresses (no name to add for those).
        QVERIFY(setUpTls(choice, database(), QHostAddress::LocalHost).settings == first.settings);
        QVERIFY(setUpTls(choice, database(), QHostAddress::AnyIPv4).settings == first.settings);
        QCOMPARE(readAll(first.selfSignedCertificate), made);

        // A LAN address the certificate lacks: made again, with it, then kept.
        const QHostAddress lan(QStringLiteral("192.168.7.7"));
        const TlsSetup widened = setUpTls(choice, database(), lan);
        QVERIFY2(widened.error.isEmpty(), qPrintable(widened.error));
        const QByteArray remade = readAll(widened.selfSignedCertificate);
        QVERIFY(remade != made);
        QVERIFY(QSslCertificate(remade)
                    .subjectAlternativeNames()
                    .values(QSsl::IpAddressEntry)
                    .contains(QStringLiteral("192.168.7.7")));
        QCOMPARE(setUpTls(choice, database(), lan).settings, widened.settings);

        // A damaged file is replaced, not served.
        QFile damaged(widened.selfSignedCertificate);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("not a certificate");
        damaged.close();
        const TlsSetup repaired = setUpTls(choice, database(), lan);
        QVERIFY2(repaired.error.isEmpty(), qPrintable(repaired.error));
        QVERIFY(repaired.settings.isEnabled());
    }

    void filesNeedBothAndNameTheFile()
    {
        TlsChoice choice{TlsChoice::Mode::Files, QStringLiteral("/nonexistent/cert.pem"), {}};
        TlsSetup setup = setUpTls(choice, database(), QHostAddress::LocalHost);
        QVERIFY(!setup.settings.isEnabled());
        QCOMPARE(setup.error, QStringLiteral("HTTPS needs both a certificate file and a key file"));
        choice.keyPath = QStringLiteral("/nonexistent/key.pem");
        setup = setUpTls(choice, database(), QHostAddress::LocalHost);
        QVERIFY(!setup.settings.isEnabled());
        QVERIFY2(setup.error.startsWith(QLatin1String("/nonexistent/cert.pem: cannot read")),
                 qPrintable(setup.error));
    }
};

QTEST_GUILESS_MAIN(TestTlsSetup)
#include "tst_tlssetup.moc"
