#pragma once

#include <QString>

namespace hookbench {

// Where an endpoint's settings file comes from (DESIGN.md §1). The SDK key is a credential and
// is not part of it: it lives in the secret store under sdkKeySecretName(endpoint).
struct AccountProfile
{
    static constexpr int DefaultTimeoutMs = 30 * 1000;

    QString endpoint;
    QString accountId;                // digits; empty: no profile yet
    QString baseUrl;                  // empty: VWO's own (SettingsUrl::defaultBaseUrl())
    bool autoFetch = true;            // fetch after every valid, authenticated webhook
    int timeoutMs = DefaultTimeoutMs; // per attempt

    bool isSet() const { return !accountId.isEmpty(); }
    // The first problem (account id, base URL, timeout) in words; empty when fine.
    QString check() const;
    QString effectiveBaseUrl() const;
};

bool operator==(const AccountProfile &a, const AccountProfile &b);
inline bool operator!=(const AccountProfile &a, const AccountProfile &b)
{
    return !(a == b);
}

// The secret store's name for an endpoint's SDK key: "sdk-key/<endpoint>".
QString sdkKeySecretName(const QString &endpoint);

} // namespace hookbench
