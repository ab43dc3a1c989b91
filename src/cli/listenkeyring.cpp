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
    m_secretsFile = secretsFile;
    return setVerifiers(config);
}

QString ListenKeyRing::setVerifiers(ReceiverConfig *config)
{
    m_endpoints.clear();
    if (config->keys.isEmpty())
        m_endpoints.append(config->endpoint);
    for (const EndpointRoute &route : std::as_const(config->otherEndpoints))
        m_endpoints.append(route.name);
    if (m_endpoints.isEmpty())
        return {};
    if (!m_ring) {
        const QString error = openRing(config->databasePath.isEmpty() ? EventStore::defaultPath()
                                                                      : config->databasePath);
        if (!error.isEmpty())
            return error;
    }
    if (config->keys.isEmpty())
        config->verifier = m_ring->verifier(config->endpoint);
    for (EndpointRoute &route : config->otherEndpoints)
        route.verifier = m_ring->verifier(route.name);
    return {};
}

QString ListenKeyRing::openRing(const QString &databasePath)
{
    auto secrets = std::make_unique<SecretStore>(secretStoreOptions(m_secretsFile));
    auto ring = std::make_unique<KeyRing>(secrets.get());
    const QString error = ring->open(databasePath);
    if (!error.isEmpty())
        return error;
    ring->waitForSecrets(SecretsWaitMs);
    m_secrets = std::move(secrets);
    m_ring = std::move(ring);
    if (!m_verb.isEmpty())
        connectWarnings();
    return {};
}

void ListenKeyRing::reportAfterStart(const QString &verb)
{
    m_verb = verb;
    if (!m_ring)
        return;
    bool authRequired = false;
    for (const QString &endpoint : std::as_const(m_endpoints)) {
        for (const KeyInfo &key : m_ring->keys(endpoint)) {
            const QString error = m_ring->secretError(key.id);
            if (!error.isEmpty())
                printError(
                    verb,
                    QStringLiteral("warning: key %1 cannot be checked: %2").arg(key.id, error));
        }
        authRequired = authRequired || m_ring->verifier(endpoint)->authRequired();
    }
    if (authRequired) {
        const QString warning = fileFallbackWarning(*m_secrets);
        if (!warning.isEmpty())
            printError(verb, warning);
    }
    connectWarnings();
}

void ListenKeyRing::connectWarnings()
{
    const QString verb = m_verb;
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
