#include "receiverexposure.h"

#include "auth/keyverifier.h"

namespace hookbench {

std::shared_ptr<const KeyVerifier> defaultEndpointVerifier(const ReceiverConfig &config)
{
    return config.verifier ? config.verifier : std::make_shared<StaticKeyVerifier>(config.keys);
}

QStringList endpointsOpenToTheNetwork(const ReceiverConfig &config)
{
    if (config.host.isLoopback())
        return {};
    QStringList open;
    if (!defaultEndpointVerifier(config)->requiresKey())
        open.append(config.endpoint);
    for (const EndpointRoute &route : config.otherEndpoints) {
        if (!route.verifier || !route.verifier->requiresKey())
            open.append(route.name);
    }
    return open;
}

} // namespace hookbench
