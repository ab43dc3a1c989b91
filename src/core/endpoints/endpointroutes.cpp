#include "endpointroutes.h"

namespace hookbench {

void routeEndpoints(const QList<Endpoint> &endpoints, const VerifierFor &verifierFor,
                    ReceiverConfig *config)
{
    config->otherEndpoints.clear();
    for (const Endpoint &endpoint : endpoints) {
        std::shared_ptr<const KeyVerifier> verifier =
            verifierFor ? verifierFor(endpoint.name) : nullptr;
        if (endpoint.isDefault()) {
            config->endpoint = endpoint.name;
            config->path = endpoint.path;
            config->response = endpoint.response;
            config->forward = endpoint.forward;
            if (verifier)
                config->verifier = verifier;
            continue;
        }
        config->otherEndpoints.append({endpoint.name, endpoint.path, endpoint.port,
                                       std::move(verifier), endpoint.response, endpoint.forward});
    }
}

} // namespace hookbench
