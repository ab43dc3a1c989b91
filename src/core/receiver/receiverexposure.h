#pragma once

#include "receiverconfig.h"

#include <QStringList>

#include <memory>

namespace hookbench {

class KeyVerifier;

// What the default endpoint checks x-vwo-auth with: the config's verifier (its key ring) when
// it has one, else its static keys (`listen --key`; none: every sender is accepted).
std::shared_ptr<const KeyVerifier> defaultEndpointVerifier(const ReceiverConfig &config);

// The endpoints anyone who can reach the receiver may post to: it is bound to an address other
// than loopback and the endpoint requires no key. Empty when bound to loopback. Front ends warn
// about each (the receiver binds to 127.0.0.1 unless told otherwise).
QStringList endpointsOpenToTheNetwork(const ReceiverConfig &config);

} // namespace hookbench
