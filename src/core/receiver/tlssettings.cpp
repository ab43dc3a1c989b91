#include "tlssettings.h"

#include "certificatetools.h"

#include <QFile>
#include <QSslSocket>

namespace hookbench {

namespace {

bool readFile(const QString &path, QByteArray *bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace

TlsSettings tlsSettingsFromPem(const QByteArray &certificatePem, const QString &certificateName,
                               const QByteArray &keyPem, const QString &keyName, QString *error)
{
    if (!QSslSocket::supportsSsl()) {
        *error = QStringLiteral("HTTPS is not available: Qt found no TLS library (OpenSSL)");
        return {};
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1: no PEM certificate in it (expected "
                                "'-----BEGIN CERTIFICATE-----')")
                     .arg(certificateName);
        return {};
    }
    if (keyPem.contains("ENCRYPTED")) {
        *error = QStringLiteral("%1: the private key is encrypted; give an unencrypted key "
                                "(openssl pkey -in KEY -out PLAIN.key), kept readable by you only")
                     .arg(keyName);
        return {};
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = QStringLiteral("%1: no RSA or EC private key in PEM form in it").arg(keyName);
        return {};
    }
    // A mismatched pair would start, then fail every handshake: far harder to diagnose.
    if (!privateKeyMatches(chain.constFirst().toPem(), keyPem)) {
        *error = QStringLiteral("%1 is not the private key of the certificate in %2")
                     .arg(keyName, certificateName);
        return {};
    }
    return {chain, key};
}

TlsSettings loadTlsSettings(const QString &certificatePath, const QString &keyPath, QString *error)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readFile(certificatePath, &certificatePem, error) || !readFile(keyPath, &keyPem, error))
        return {};
    return tlsSettingsFromPem(certificatePem, certificatePath, keyPem, keyPath, error);
}

} // namespace hookbench
