#include "listentls.h"

#include "events/eventstore.h"
#include "receiver/certificatetools.h"
#include "receiver/receiverconfig.h"

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
QStringList extraHosts(const ReceiverConfig &config)
{
    const QHostAddress &host = config.host;
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

QString configureListenTls(const QString &certificatePath, const QString &keyPath, bool selfSigned,
                           ReceiverConfig *config, QString *notice)
{
    if (selfSigned && (!certificatePath.isEmpty() || !keyPath.isEmpty()))
        return QStringLiteral("--tls-self-signed: give it alone, or --tls-cert and --tls-key");
    if (certificatePath.isEmpty() != keyPath.isEmpty())
        return certificatePath.isEmpty() ? QStringLiteral("--tls-key needs --tls-cert")
                                         : QStringLiteral("--tls-cert needs --tls-key");
    QString certificate = certificatePath;
    QString key = keyPath;
    if (selfSigned) {
        const QString database =
            config->databasePath.isEmpty() ? EventStore::defaultPath() : config->databasePath;
        const QDir folder(QFileInfo(database).absoluteDir().filePath(QStringLiteral("tls")));
        certificate = folder.filePath(QStringLiteral("self-signed.crt"));
        key = folder.filePath(QStringLiteral("self-signed.key"));
        const QStringList hosts = extraHosts(*config);
        if (!usable(certificate, key, hosts)) {
            const GeneratedCertificate made = generateSelfSignedCertificate(hosts, SelfSignedDays);
            if (!made.error.isEmpty())
                return QStringLiteral("--tls-self-signed: ") + made.error;
            QString error;
            if (!QDir().mkpath(folder.path()))
                return QStringLiteral("--tls-self-signed: cannot create %1").arg(folder.path());
            if (!writePrivately(key, made.keyPem, &error) ||
                !writePrivately(certificate, made.certificatePem, &error))
                return QStringLiteral("--tls-self-signed: ") + error;
        }
        *notice = QStringLiteral("HTTPS with a self-signed certificate for testing: %1 (trust "
                                 "it in a client, e.g. curl --cacert %1)")
                      .arg(certificate);
    } else if (certificatePath.isEmpty()) {
        return {};
    }
    QString error;
    config->tls = loadTlsSettings(certificate, key, &error);
    if (!config->tls.isEnabled())
        return (selfSigned ? QStringLiteral("--tls-self-signed: ")
                           : QStringLiteral("--tls-cert/--tls-key: ")) +
               error;
    return {};
}

} // namespace hookbench
