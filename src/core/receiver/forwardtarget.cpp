#include "forwardtarget.h"

namespace hookbench {

QString ForwardTarget::check() const
{
    if (url.isEmpty())
        return {};
    if (!url.isValid())
        return QStringLiteral("forward URL is not valid: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("forward URL must start with http:// or https://, not '%1'")
            .arg(url.toDisplayString());
    if (url.host().isEmpty())
        return QStringLiteral("forward URL '%1' has no host").arg(url.toDisplayString());
    if (timeoutMs < 100 || timeoutMs > MaxTimeoutMs)
        return QStringLiteral("forward timeout %1 ms is outside 100-%2 ms")
            .arg(timeoutMs)
            .arg(MaxTimeoutMs);
    return {};
}

bool operator==(const ForwardTarget &a, const ForwardTarget &b)
{
    return a.url == b.url && a.followAnswer == b.followAnswer && a.timeoutMs == b.timeoutMs;
}

} // namespace hookbench
