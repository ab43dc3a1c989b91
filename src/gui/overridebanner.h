#pragma once

#include "endpoints/endpoint.h"
#include "receiver/receiverconfig.h"

#include <QString>

namespace hookbench {

// True when the receiver answers anything other than normally (status, body or delay).
bool isOverrideActive(const ResponseOverride &response);

// The text of the banner shown while an override is active, e.g.
// "Responses are overridden: every webhook gets 503 after 2,000 ms". Empty when inactive.
QString overrideBannerText(const ResponseOverride &response);

// The same over every endpoint, naming the ones whose responses are overridden, e.g.
// "Responses of endpoint staging are overridden: every webhook gets 503", or
// "Responses are overridden on 2 endpoints: default (503), staging (a delay of 2,000 ms)".
// Empty when none is.
QString overrideBannerText(const QList<Endpoint> &endpoints);

} // namespace hookbench
