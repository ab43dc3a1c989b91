#include "accountprofile.h"

#include "settingsurl.h"

namespace hookbench {

QString AccountProfile::check() const
{
    QString error = SettingsUrl::checkAccountId(accountId);
    if (error.isEmpty() && !baseUrl.isEmpty())
        error = SettingsUrl::checkBaseUrl(baseUrl);
    if (error.isEmpty() && (timeoutMs < 100 || timeoutMs > 600 * 1000))
        error = QStringLiteral("the timeout must be between 0.1 and 600 seconds");
    return error;
}

QString AccountProfile::effectiveBaseUrl() const
{
    return baseUrl.isEmpty() ? SettingsUrl::defaultBaseUrl().toString() : baseUrl;
}

bool operator==(const AccountProfile &a, const AccountProfile &b)
{
    return a.endpoint == b.endpoint && a.accountId == b.accountId && a.baseUrl == b.baseUrl &&
           a.autoFetch == b.autoFetch && a.timeoutMs == b.timeoutMs;
}

QString sdkKeySecretName(const QString &endpoint)
{
    return QLatin1String("sdk-key/") + endpoint;
}

} // namespace hookbench
