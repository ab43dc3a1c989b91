#pragma once

#include "receiver/receiverconfig.h"

#include <QString>

namespace hookbench {

// True when the receiver answers anything other than normally (status, body or delay).
bool isOverrideActive(const ResponseOverride &response);

// The text of the banner shown while an override is active, e.g.
// "Responses are overridden: every webhook gets 503 after 2,000 ms". Empty when inactive.
QString overrideBannerText(const ResponseOverride &response);

} // namespace hookbench
