// HTTPS (issue 10): self-signed certificates made with OpenSSL, certificate and key files
// checked with clear errors, and a receiver serving HTTPS through the same gate (limits, keep-
// alive, 413) with a handshake timeout. Real TLS over loopback, verified against the certificate.
#include "rawhttpclient.h"
#include "receiver/certificatetools.h"
#include "receiver/receiverservice.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace hookbench;

namespace {

// One HTTPS connection that trusts only `authority` and expects the name "localhost".
class TlsClient
{
public:
    TlsClient(quint16 port, const QSslCertificate &authority)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({authority});
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        m_socket.setSslConfiguration(configuration);
        m_socket.connectToHostEncrypted(QStringLiteral("localhost"), port);
        m_socket.waitForEncrypted(10000);
    }
    bool isEncrypted() const { return m_socket.isEncrypted(); }
    QString error() const { return m_socket.errorString(); }

    // Sends one request and reads its answer: status and body (Content-Length framed).
    std::pair<int, QByteArray> exchange(const QByteArray &request)
    {
        m_socket.write(request);
        QDeadlineTimer deadline(10000);
        for (;;) {
            const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const QByteArray head = m_buffer.left(headEnd).toLower();
                const qsizetype at = head.indexOf("content-length:");
                const qint64 length = at < 0 ? 0
                                             : head.mid(at + 15, head.indexOf('\r', at) - at - 15)
                                                   .trimmed()
                                                   .toLongLong();
                if (m_buffer.size() >= headEnd + 4 + length) {
                    const int status = m_buffer.mid(9, 3).toInt();
                    const QByteArray body = m_buffer.mid(headEnd + 4, length);
                    m_buffer.remove(0, headEnd + 4 + length);
                    return {status, body};
                }
            }
            if (deadline.hasExpired() ||
                !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
                return {0, m_socket.errorString().toUtf8()};
            m_buffer += m_socket.readAll();
        }
    }

private:
    QSslSocket m_socket;
    QByteArray m_buffer;
};

QByteArray writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return dir.filePath(name).toUtf8();
}

} // namespace

class TestReceiverTls : public QObject
{
    Q_OBJECT

private:
    bool start(const GateLimits &limits = {})
    {
        ReceiverConfig config;
        config.port = 0;
        config.databasePath = m_dir->filePath(QStringLiteral("events.sqlite"));
        config.limits = limits;
        QString error;
        config.tls = tlsSettingsFromPem(m_made.certificatePem, QStringLiteral("cert.pem"),
                                        m_made.keyPem, QStringLiteral("key.pem"), &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        m_service = std::make_unique<ReceiverService>();
        return config.tls.isEnabled() && m_service->start(config);
    }
    QSslCertificate authority() const { return QSslCertificate(m_made.certificatePem); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ReceiverService> m_service;
    GeneratedCertificate m_made;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QFAIL("Qt has no TLS backend here; install the OpenSSL library (libssl3)");
        m_made = generateSelfSignedCertificate({}, 7);
        QVERIFY2(m_made.error.isEmpty(), qPrintable(m_made.error));
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }
    void cleanup() { m_service.reset(); }

    void selfSignedCertificateNamesTheHosts()
    {
        const GeneratedCertificate made = generateSelfSignedCertificate(
            {QStringLiteral("192.168.1.20"), QStringLiteral("hook.test")}, 30);
        QVERIFY2(made.error.isEmpty(), qPrintable(made.error));
        const QSslCertificate certificate(made.certificatePem);
        QVERIFY(!certificate.isNull());
        QVERIFY(certificate.isSelfSigned());
        const auto names = certificate.subjectAlternativeNames();
        QCOMPARE(names.values(QSsl::DnsEntry).size(), 2);
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("hook.test")));
        QStringList ips;
        for (const QString &ip : names.values(QSsl::IpAddressEntry))
            ips.append(QHostAddress(ip).toString()); // one spelling of ::1
        for (const char *ip : {"127.0.0.1", "::1", "192.168.1.20"})
            QVERIFY2(ips.contains(QLatin1String(ip)), qPrintable(ips.join(QLatin1Char(' '))));
        const qint64 days = QDateTime::currentDateTimeUtc().daysTo(certificate.expiryDate());
        QVERIFY2(days >= 29 && days <= 30, qPrintable(QString::number(days)));
        QVERIFY(privateKeyMatches(made.certificatePem, made.keyPem));
        QVERIFY(!privateKeyMatches(made.certificatePem, m_made.keyPem));
        QVERIFY(!generateSelfSignedCertificate({QStringLiteral("a b")}, 1).error.isEmpty());
    }

    void badFilesAreNamed_data()
    {
        QTest::addColumn<QByteArray>("certificate");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("error");
        const GeneratedCertificate other = generateSelfSignedCertificate({}, 1);
        QTest::addRow("no certificate") << QByteArray("hello") << m_made.keyPem
                                        << QStringLiteral("cert.pem: no PEM certificate");
        QTest::addRow("no key") << m_made.certificatePem << QByteArray("hello")
                                << QStringLiteral("key.pem: no RSA or EC private key");
        QTest::addRow("encrypted key")
            << m_made.certificatePem
            << QByteArray("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED "
                          "PRIVATE KEY-----\n")
            << QStringLiteral("key.pem: the private key is encrypted");
        QTest::addRow("another certificate's key")
            << m_made.certificatePem << other.keyPem
            << QStringLiteral("key.pem is not the private key of the certificate in ");
    }
    void badFilesAreNamed()
    {
        QFETCH(QByteArray, certificate);
        QFETCH(QByteArray, key);
        QFETCH(QString, error);
        const QString certificatePath =
            QString::fromUtf8(writeFile(*m_dir, QStringLiteral("cert.pem"), certificate));
        const QString keyPath =
            QString::fromUtf8(writeFile(*m_dir, QStringLiteral("key.pem"), key));
        QString message;
        const TlsSettings tls = loadTlsSettings(certificatePath, keyPath, &message);
        QVERIFY(!tls.isEnabled());
        // The error starts with the path of the file at fault.
        QVERIFY2(message.contains(error), qPrintable(message));
        if (error.endsWith(QLatin1String(" in ")))
            QVERIFY2(message.endsWith(certificatePath), qPrintable(message));
        QVERIFY2(message.startsWith(m_dir->path()), qPrintable(message));

        const TlsSettings missing =
            loadTlsSettings(m_dir->filePath(QStringLiteral("nope.pem")), keyPath, &message);
        QVERIFY(!missing.isEnabled());
        QVERIFY2(message.contains(QStringLiteral("nope.pem: cannot read")), qPrintable(message));
    }

    void servesHttpsThroughTheGate()
    {
        QVERIFY(start());
        QCOMPARE(m_service->url().scheme(), QStringLiteral("https"));
        QSignalSpy committed(m_service.get(), &ReceiverService::eventsCommitted);
        TlsClient client(m_service->port(), authority());
        QVERIFY2(client.isEncrypted(), qPrintable(client.error()));
        // Two requests on one connection (keep-alive through the gate), then one over the cap.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(client.exchange(RawHttpClient::post("/vwo-webhook", vwoPayload(i + 1))).first,
                     200);
        QTRY_COMPARE_WITH_TIMEOUT(committed.size() >= 1, true, 5000);
        const QByteArray big(2 * 1024 * 1024, 'x');
        QCOMPARE(client.exchange(RawHttpClient::post("/vwo-webhook", big)).first, 413);
    }

    void plainHttpGetsNoAnswerAndTlsGoesOn()
    {
        QVERIFY(start());
        RawHttpClient plain(m_service->port());
        plain.send(RawHttpClient::post("/vwo-webhook", vwoPayload()));
        QCOMPARE(plain.read(3000).status, 0); // a TLS alert at most, never an HTTP answer
        QVERIFY(plain.waitForClose(5000));
        TlsClient client(m_service->port(), authority());
        QVERIFY2(client.isEncrypted(), qPrintable(client.error()));
        QCOMPARE(client.exchange(RawHttpClient::post("/vwo-webhook", vwoPayload())).first, 200);
    }

    void stalledHandshakeIsClosed_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addRow("nothing") << QByteArray();
        // The first bytes of a ClientHello record, then nothing more.
        QTest::addRow("half a ClientHello") << QByteArray("\x16\x03\x01\x02\x00\x01", 6);
    }
    void stalledHandshakeIsClosed()
    {
        QFETCH(QByteArray, sent);
        GateLimits limits;
        limits.handshakeTimeoutMs = 300;
        limits.headTimeoutMs = 60000; // so only the handshake timeout can close it
        limits.idleTimeoutMs = 60000;
        QVERIFY(start(limits));
        RawHttpClient stalled(m_service->port());
        QVERIFY(stalled.isConnected());
        if (!sent.isEmpty())
            stalled.send(sent);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(stalled.waitForClose(10000));
        QVERIFY2(timer.elapsed() >= 200, qPrintable(QString::number(timer.elapsed())));
        // Meanwhile and afterwards, a real client is served.
        TlsClient client(m_service->port(), authority());
        QVERIFY2(client.isEncrypted(), qPrintable(client.error()));
        QCOMPARE(client.exchange(RawHttpClient::post("/vwo-webhook", vwoPayload())).first, 200);
    }
};

QTEST_GUILESS_MAIN(TestReceiverTls)
#include "tst_receivertls.moc"
