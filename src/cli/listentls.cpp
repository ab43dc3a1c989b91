#include "listentls.h"

#include "events/eventstore.h"
#include "receiver/receiverconfig.h"
#include "receiver/tlssetup.h"

namespace hookbench {

QString configureListenTls(const QString &certificatePath, const QString &keyPath, bool selfSigned,
                           ReceiverConfig *config, QString *notice)
{
    if (selfSigned && (!certificatePath.isEmpty() || !keyPath.isEmpty()))
        return QStringLiteral("--tls-self-signed: give it alone, or --tls-cert and --tls-key");
    if (certificatePath.isEmpty() != keyPath.isEmpty())
        return certificatePath.isEmpty() ? QStringLiteral("--tls-key needs --tls-cert")
                                         : QStringLiteral("--tls-cert needs --tls-key");
    TlsChoice choice;
    choice.mode = selfSigned                  ? TlsChoice::Mode::SelfSigned
                  : certificatePath.isEmpty() ? TlsChoice::Mode::Off
                                              : TlsChoice::Mode::Files;
    choice.certificatePath = certificatePath;
    choice.keyPath = keyPath;
    const QString database =
        config->databasePath.isEmpty() ? EventStore::defaultPath() : config->databasePath;
    const TlsSetup setup = setUpTls(choice, database, config->host);
    if (!setup.error.isEmpty())
        return (selfSigned ? QStringLiteral("--tls-self-signed: ")
                           : QStringLiteral("--tls-cert/--tls-key: ")) +
               setup.error;
    config->tls = setup.settings;
    if (!setup.selfSignedCertificate.isEmpty())
        *notice = QStringLiteral("HTTPS with a self-signed certificate for testing: %1 (trust "
                                 "it in a client, e.g. curl --cacert %1)")
                      .arg(setup.selfSignedCertificate);
    return {};
}

} // namespace hookbench
