#pragma once

#include "auth/keyring.h"
#include "receiver/receiverconfig.h"
#include "secrets/secretstore.h"

#include <memory>

namespace hookbench::cli {

// `listen`'s key rings: every endpoint but the default authenticates with its key ring, and so
// does the default without --key/--key-file/HOOKBENCH_KEYS. Changes made while listening
// (`keys revoke` in another shell, the GUI's key panel) apply within a second (the ring polls
// the database).
class ListenKeyRing
{
public:
    // Opens the ring on the config's database (unless no endpoint needs it), waits for the
    // accepted keys' values and sets the verifiers: config->verifier when config->keys is
    // empty, and each of config->otherEndpoints'. Empty string on success.
    QString attach(ReceiverConfig *config, const QString &secretsFile);
    // The same for a config rebuilt while listening (endpoints added in another shell): opens
    // the ring when an endpoint needs it for the first time. Empty string on success.
    QString setVerifiers(ReceiverConfig *config);
    // After the "listening on" line: warnings (unreadable keys, file fallback), from now on too.
    void reportAfterStart(const QString &verb);
    void close(); // writes the last usage counts

private:
    QString openRing(const QString &databasePath);
    void connectWarnings();

    QString m_secretsFile;
    QString m_verb; // set once reporting started
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<KeyRing> m_ring;
    QStringList m_endpoints; // authenticated by the ring
};

} // namespace hookbench::cli
