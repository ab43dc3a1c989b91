#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace hookbench {

// What Qt cannot do with certificates, done with OpenSSL's libcrypto.

struct GeneratedCertificate
{
    QByteArray certificatePem;
    QByteArray keyPem; // unencrypted PKCS#8: keep it readable by its owner only
    QString error;     // empty on success
};

// A self-signed certificate for trying HTTPS locally: an EC P-256 key, valid from a minute ago
// for `days`, for localhost, 127.0.0.1 and ::1 plus `extraHosts` (names or IP addresses), usable
// as its own trust anchor (curl --cacert FILE).
GeneratedCertificate generateSelfSignedCertificate(const QStringList &extraHosts, int days);

// Whether keyPem is the private key of the first certificate in certificatePem.
bool privateKeyMatches(const QByteArray &certificatePem, const QByteArray &keyPem);

} // namespace hookbench
