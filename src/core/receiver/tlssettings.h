#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace hookbench {

// HTTPS for the receiver (issue 10): its certificate (with any intermediates after it) and
// private key. A null certificate means plain HTTP.
struct TlsSettings
{
    QList<QSslCertificate> chain; // the receiver's certificate first
    QSslKey key;

    bool isEnabled() const { return !chain.isEmpty(); }
    bool operator==(const TlsSettings &other) const
    {
        return chain == other.chain && key == other.key;
    }
};

// Reads a PEM certificate file (the receiver's certificate, then any intermediates) and a PEM
// private key file (RSA or EC, not encrypted). On failure returns disabled settings and says
// which file is wrong and why in *error.
TlsSettings loadTlsSettings(const QString &certificatePath, const QString &keyPath, QString *error);

// The same from PEM bytes; `certificateName` and `keyName` name them in errors.
TlsSettings tlsSettingsFromPem(const QByteArray &certificatePem, const QString &certificateName,
                               const QByteArray &keyPem, const QString &keyName, QString *error);

} // namespace hookbench
