#pragma once

#include "auth/keyring.h"
#include "receiver/receiverconfig.h"
#include "secrets/secretstore.h"

#include <memory>

namespace hookbench::cli {

// `listen` without --key/--key-file/HOOKBENCH_KEYS: the endpoint's key ring authenticates,
// and changes made while listening (`keys revoke` in another shell, the GUI's key panel) apply
// within a second (the ring polls the database).
class ListenKeyRing
{
public:
    // Opens the ring on the config's database, waits for the accepted keys' values and sets
    // config->verifier. Empty string on success.
    QString attach(ReceiverConfig *config, const QString &secretsFile);
    // After the "listening on" line: warnings (unreadable keys, file fallback), from now on too.
    void reportAfterStart(const QString &verb);
    void close(); // writes the last usage counts

private:
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<KeyRing> m_ring;
    QString m_endpoint;
};

} // namespace hookbench::cli
