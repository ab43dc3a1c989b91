#pragma once

#include "endpoints/endpoint.h"
#include "receiver/receiverconfig.h"

#include <QHash>
#include <QUrl>

namespace hookbench {

class AppSettings;
class EndpointDirectory;
class KeyRing;
class ReceiverService;

// What the app's main() needs to run the receiver over the endpoint list: kept here, out of
// main.cpp, so it stays wiring only and these can be tested.

// `base` (host, port, limits, database) with every endpoint routed into it (routeEndpoints),
// each authenticated by its key ring verifier.
ReceiverConfig routedConfig(const ReceiverConfig &base, const QList<Endpoint> &endpoints,
                            KeyRing *keyRing);
// True when a receiver started with `a` serves exactly what one started with `b` would: no
// restart needed.
bool sameReceiverSetup(const ReceiverConfig &a, const ReceiverConfig &b);
// Where each endpoint is served while `service` runs.
QHash<QString, QUrl> endpointUrls(const ReceiverService &service, const QList<Endpoint> &endpoints);
// Before endpoints, the settings file held the receiver's path and response override: moves a
// path other than the default and an override into the default endpoint's row, then removes
// them from the file. Empty string on success (or nothing to move); on failure the file keeps
// them, so the next start tries again.
QString migrateLegacyEndpointSettings(AppSettings &settings, EndpointDirectory &directory);

} // namespace hookbench
