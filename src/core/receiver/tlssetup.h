#pragma once

#include "tlssettings.h"

#include <QHostAddress>
#include <QString>

namespace hookbench {

// How the receiver serves: plain HTTP, HTTPS with a self-signed certificate made for testing, or
// HTTPS with the user's certificate and key files. What the window's settings and `listen`'s
// --tls-* options choose.
struct TlsChoice
{
    enum class Mode { Off, SelfSigned, Files };
    Mode mode = Mode::Off;
    QString certificatePath; // Files only
    QString keyPath;

    bool operator==(const TlsChoice &other) const
    {
        return mode == other.mode && certificatePath == other.certificatePath &&
               keyPath == other.keyPath;
    }
};

struct TlsSetup
{
    TlsSettings settings;          // disabled for Mode::Off or on error
    QString selfSignedCertificate; // SelfSigned: the certificate file clients must trust
    QString error;                 // names the file and what is wrong
};

// Makes a choice real. The self-signed certificate is made once and kept beside the event
// database (`databasePath`; tls/, the key 0600) so a client told to trust it keeps trusting
// it; it is made again when it expires within a day, or lacks `host` (when that is an address
// clients would use: not loopback, not 0.0.0.0 or ::).
TlsSetup setUpTls(const TlsChoice &choice, const QString &databasePath, const QHostAddress &host);

} // namespace hookbench
