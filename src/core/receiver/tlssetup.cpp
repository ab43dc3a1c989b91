#include "tlssetup.h"

#include "certificatetools.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSslCertificate>

#include <algorithm>

namespace hookbench {

namespace {

constexpr int SelfSignedDays = 90;

bool writePrivately(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    // Owner-only before a byte of the key is written.
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// The address listened on, when a client would use it in the URL (not 0.0.0.0 or ::).
QStringList extraHosts(const QHostAddress &host)
{
    if (host.isLoopback() || host == QHostAddress::AnyIPv4 || host == QHostAddress::AnyIPv6 ||
        host == QHostAddress::Any)
        return {};
    return {host.toString()};
}

bool usable(const QString &certificatePath, const QString &keyPath, const QStringList &hosts)
{
    QFile certificateFile(certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return false;
    const QByteArray certificatePem = certificateFile.readAll();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem);
    if (chain.isEmpty() || !privateKeyMatches(certificatePem, keyFile.readAll()))
        return false;
    const QSslCertificate &certificate = chain.constFirst();
    // A day of validity left at least, and every host asked for among its names.
    if (certificate.expiryDate() < QDateTime::currentDateTimeUtc().addDays(1))
        return false;
    const auto names = certificate.subjectAlternativeNames();
    for (const QString &host : hosts) {
        // Addresses compare as addresses: Qt spells IPv6 entries in full (0:0:...:1).
        const QHostAddress address(host);
        const QStringList ips = names.values(QSsl::IpAddressEntry);
        const bool listed = address.isNull()
                                ? names.values(QSsl::DnsEntry).contains(host)
                                : std::any_of(ips.begin(), ips.end(), [&](const QString &ip) {
                                      return QHostAddress(ip) == address;
                                  });
        if (!listed)
            return false;
    }
    return true;
}

} // namespace

TlsSetup setUpTls(const TlsChoice &choice, const QString &databasePath, const QHostAddress &host)
{
    TlsSetup setup;
    QString certificate = choice.certificatePath;
    QString key = choice.keyPath;
    switch (choice.mode) {
    case TlsChoice::Mode::Off:
        return setup;
    case TlsChoice::Mode::Files:
        if (certificate.isEmpty() || key.isEmpty()) {
            setup.error = QStringLiteral("HTTPS needs both a certificate file and a key file");
            return setup;
        }
        break;
    case TlsChoice::Mode::SelfSigned: {
        const QDir folder(QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("tls")));
        certificate = folder.filePath(QStringLiteral("self-signed.crt"));
        key = folder.filePath(QStringLiteral("self-signed.key"));
        const QStringList hosts = extraHosts(host);
        if (!usable(certificate, key, hosts)) {
            const GeneratedCertificate made = generateSelfSignedCertificate(hosts, SelfSignedDays);
            if (!made.error.isEmpty()) {
                setup.error = made.error;
                return setup;
            }
            if (!QDir().mkpath(folder.path())) {
                setup.error = QStringLiteral("cannot create %1").arg(folder.path());
                return setup;
            }
            if (!writePrivately(key, made.keyPem, &setup.error) ||
                !writePrivately(certificate, made.certificatePem, &setup.error))
                return setup;
        }
        setup.selfSignedCertificate = certificate;
        break;
    }
    }
    setup.settings = loadTlsSettings(certificate, key, &setup.error);
    if (!setup.settings.isEnabled())
        setup.selfSignedCertificate.clear();
    return setup;
}

} // namespace hookbench
