#include "endpointwiring.h"

#include "appsettings.h"
#include "auth/keyring.h"
#include "endpoints/endpointdirectory.h"
#include "endpoints/endpointroutes.h"
#include "receiver/receiverservice.h"

namespace hookbench {

namespace {

bool sameResponse(const ResponseOverride &a, const ResponseOverride &b)
{
    return a.status == b.status && a.body == b.body && a.delayMs == b.delayMs;
}

bool sameLimits(const GateLimits &a, const GateLimits &b)
{
    return a.maxBodyBytes == b.maxBodyBytes && a.maxHeadBytes == b.maxHeadBytes &&
           a.maxConnections == b.maxConnections && a.headTimeoutMs == b.headTimeoutMs &&
           a.idleTimeoutMs == b.idleTimeoutMs && a.drainMs == b.drainMs;
}

bool sameRoute(const EndpointRoute &a, const EndpointRoute &b)
{
    return a.name == b.name && a.path == b.path && a.port == b.port && a.verifier == b.verifier &&
           sameResponse(a.response, b.response) && a.forward == b.forward;
}

} // namespace

ReceiverConfig routedConfig(const ReceiverConfig &base, const QList<Endpoint> &endpoints,
                            KeyRing *keyRing)
{
    ReceiverConfig config = base;
    routeEndpoints(
        endpoints,
        [keyRing](const QString &name) -> std::shared_ptr<const KeyVerifier> {
            if (!keyRing)
                return nullptr;
            return keyRing->verifier(name);
        },
        &config);
    if (keyRing && !config.verifier) // no endpoint list: the default endpoint's keys all the same
        config.verifier = keyRing->verifier(config.endpoint);
    return config;
}

bool sameReceiverSetup(const ReceiverConfig &a, const ReceiverConfig &b)
{
    if (a.host != b.host || a.port != b.port || a.path != b.path || a.endpoint != b.endpoint ||
        a.keys != b.keys || a.verifier != b.verifier || !sameResponse(a.response, b.response) ||
        !(a.forward == b.forward) || !sameLimits(a.limits, b.limits) ||
        a.databasePath != b.databasePath || a.retention != b.retention ||
        !(a.tlsChoice == b.tlsChoice) || a.otherEndpoints.size() != b.otherEndpoints.size())
        return false;
    for (qsizetype i = 0; i < a.otherEndpoints.size(); ++i) {
        if (!sameRoute(a.otherEndpoints.at(i), b.otherEndpoints.at(i)))
            return false;
    }
    return true;
}

QHash<QString, QUrl> endpointUrls(const ReceiverService &service, const QList<Endpoint> &endpoints)
{
    QHash<QString, QUrl> urls;
    if (!service.isRunning())
        return urls;
    for (const Endpoint &endpoint : endpoints) {
        const QUrl url = service.endpointUrl(endpoint.name);
        if (!url.isEmpty())
            urls.insert(endpoint.name, url);
    }
    return urls;
}

QString migrateLegacyEndpointSettings(AppSettings &settings, EndpointDirectory &directory)
{
    QString path;
    ResponseOverride response;
    if (!settings.legacyEndpointSettings(&path, &response))
        return {};
    std::optional<Endpoint> endpoint = directory.endpoint(QLatin1String(Endpoint::DefaultName));
    if (!endpoint)
        return {}; // the list could not be read: try again next time
    Endpoint migrated = *endpoint;
    if (!path.isEmpty())
        migrated.path = path;
    if (response.status > 0 || !response.body.isEmpty() || response.delayMs > 0)
        migrated.response = response;
    if (migrated != *endpoint) {
        const QString error = directory.update(migrated);
        if (!error.isEmpty())
            return error;
    }
    settings.removeLegacyEndpointSettings();
    return {};
}

} // namespace hookbench
