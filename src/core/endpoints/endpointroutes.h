#pragma once

#include "endpoint.h"
#include "receiver/receiverconfig.h"

#include <functional>
#include <memory>

namespace hookbench {

class KeyVerifier;

using VerifierFor = std::function<std::shared_ptr<const KeyVerifier>(const QString &endpoint)>;

// Puts `endpoints` into `config`: the default endpoint's path, response and forwarding into the
// config's own fields (and its verifier, when verifierFor gives one), every other endpoint into
// otherEndpoints. The window and `listen` both start the receiver this way.
void routeEndpoints(const QList<Endpoint> &endpoints, const VerifierFor &verifierFor,
                    ReceiverConfig *config);

} // namespace hookbench
