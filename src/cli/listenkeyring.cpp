#include "listenkeyring.h"

#include "auth/keyringverifier.h"
#include "clihelpers.h"
#include "clikeyring.h"
#include "events/eventstore.h"

namespace hookbench::cli {

namespace {
constexpr int SecretsWaitMs = 15000; // backstop: each keychain job has its own timeout
} // namespace

QString ListenKeyRing::attach(ReceiverConfig *config, const QString &secretsFile)
{
    m_endpoint = config->endpoint;
    m_secrets = std::make_unique<SecretStore>(secretStoreOptions(secretsFile));
    m_ring = std::make_unique<KeyRing>(m_secrets.get());
    const QString path =
        config->databasePath.isEmpty() ? EventStore::defaultPath() : config->databasePath;
    const QString error = m_ring->open(path);
    if (!error.isEmpty())
        return error;
    m_ring->waitForSecrets(SecretsWaitMs);
    config->verifier = m_ring->verifier(m_endpoint);
    return {};
}

void ListenKeyRing::reportAfterStart(const QString &verb)
{
    if (!m_ring)
        return;
    for (const KeyInfo &key : m_ring->keys(m_endpoint)) {
        const QString error = m_ring->secretError(key.id);
        if (!error.isEmpty())
            printError(verb,
                       QStringLiteral("warning: key %1 cannot be checked: %2").arg(key.id, error));
    }
    if (m_ring->verifier(m_endpoint)->authRequired()) {
        const QString warning = fileFallbackWarning(*m_secrets);
        if (!warning.isEmpty())
            printError(verb, warning);
    }
    QObject::connect(
        m_ring.get(), &KeyRing::secretUnavailable, m_ring.get(),
        [verb](const QString &id, const QString &error) {
            printError(verb,
                       QStringLiteral("warning: key %1 cannot be checked: %2").arg(id, error));
        });
    QObject::connect(m_ring.get(), &KeyRing::errorOccurred, m_ring.get(),
                     [verb](const QString &message) { printError(verb, message); });
}

void ListenKeyRing::close()
{
    if (m_ring)
        m_ring->close();
}

} // namespace hookbench::cli
