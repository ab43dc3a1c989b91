#include "receiverexposure.h"

#include "auth/keyverifier.h"

namespace hookbench {

namespace {

bool requiresKey(const std::shared_ptr<const KeyVerifier> &verifier,
                 const QList<QByteArray> &keys = {})
{
    return verifier ? verifier->requiresKey() : !keys.isEmpty();
}

} // namespace

QStringList endpointsOpenToTheNetwork(const ReceiverConfig &config)
{
    if (config.host.isLoopback())
        return {};
    QStringList open;
    if (!requiresKey(config.verifier, config.keys))
        open.append(config.endpoint);
    for (const EndpointRoute &route : config.otherEndpoints) {
        if (!requiresKey(route.verifier))
            open.append(route.name);
    }
    return open;
}

} // namespace hookbench
