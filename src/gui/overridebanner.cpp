#include "overridebanner.h"

#include <QCoreApplication>
#include <QLocale>

namespace hookbench {

namespace {

// A free function has no tr(); this context keeps the strings together for translators.
QString trBanner(const char *text)
{
    return QCoreApplication::translate("hookbench::OverrideBanner", text);
}

} // namespace

bool isOverrideActive(const ResponseOverride &response)
{
    return response.status > 0 || !response.body.isEmpty() || response.delayMs > 0;
}

QString overrideBannerText(const ResponseOverride &response)
{
    if (!isOverrideActive(response))
        return {};
    const QLocale locale;
    const QString status = QString::number(response.status); // a code, never grouped
    const QString delay = locale.toString(response.delayMs);
    const bool hasStatus = response.status > 0;
    const bool hasBody = !response.body.isEmpty();
    const bool hasDelay = response.delayMs > 0;

    // Whole sentences per case, so translators can reorder them.
    if (hasStatus && hasBody && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP(
                            "hookbench::OverrideBanner",
                            "Responses are overridden: every webhook gets %1 with a custom body "
                            "after %2 ms"))
            .arg(status, delay);
    if (hasStatus && hasBody)
        return trBanner(QT_TRANSLATE_NOOP(
                            "hookbench::OverrideBanner",
                            "Responses are overridden: every webhook gets %1 with a custom body"))
            .arg(status);
    if (hasStatus && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "Responses are overridden: every webhook gets %1 "
                                          "after %2 ms"))
            .arg(status, delay);
    if (hasStatus)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "Responses are overridden: every webhook gets %1"))
            .arg(status);
    if (hasBody && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "Responses are overridden: every webhook gets a "
                                          "custom body after %1 ms"))
            .arg(delay);
    if (hasBody)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "Responses are overridden: every webhook gets a "
                                          "custom body"));
    return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                      "Responses are overridden: every webhook is answered "
                                      "after %1 ms"))
        .arg(delay);
}

} // namespace hookbench
