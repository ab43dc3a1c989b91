#pragma once

#include "receiverconfig.h"

#include <QStringList>

namespace hookbench {

// The endpoints anyone who can reach the receiver may post to: it is bound to an address other
// than loopback and the endpoint requires no key. Empty when bound to loopback. Front ends warn
// about each (the receiver binds to 127.0.0.1 unless told otherwise).
QStringList endpointsOpenToTheNetwork(const ReceiverConfig &config);

} // namespace hookbench
