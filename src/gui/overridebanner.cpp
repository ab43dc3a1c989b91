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

namespace {

// A short summary of one override for the list of several: "503, a custom body, 2,000 ms".
QString overrideSummary(const ResponseOverride &response)
{
    QStringList parts;
    if (response.status > 0)
        parts.append(QString::number(response.status));
    if (!response.body.isEmpty())
        parts.append(trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner", "a custom body")));
    if (response.delayMs > 0)
        parts.append(trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner", "%1 ms delay"))
                         .arg(QLocale().toString(response.delayMs)));
    return parts.join(QLatin1String(", "));
}

// What every webhook to one endpoint gets, as the end of a sentence.
QString overrideDetail(const ResponseOverride &response)
{
    const QString status = QString::number(response.status);
    const QString delay = QLocale().toString(response.delayMs);
    const bool hasStatus = response.status > 0;
    const bool hasBody = !response.body.isEmpty();
    const bool hasDelay = response.delayMs > 0;
    if (hasStatus && hasBody && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "every webhook gets %1 with a custom body after %2 ms"))
            .arg(status, delay);
    if (hasStatus && hasBody)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "every webhook gets %1 with a custom body"))
            .arg(status);
    if (hasStatus && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "every webhook gets %1 after %2 ms"))
            .arg(status, delay);
    if (hasStatus)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner", "every webhook gets %1"))
            .arg(status);
    if (hasBody && hasDelay)
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "every webhook gets a custom body after %1 ms"))
            .arg(delay);
    if (hasBody)
        return trBanner(
            QT_TRANSLATE_NOOP("hookbench::OverrideBanner", "every webhook gets a custom body"));
    return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                      "every webhook is answered after %1 ms"))
        .arg(delay);
}

} // namespace

QString overrideBannerText(const QList<Endpoint> &endpoints)
{
    QList<Endpoint> overridden;
    for (const Endpoint &endpoint : endpoints) {
        if (isOverrideActive(endpoint.response))
            overridden.append(endpoint);
    }
    if (overridden.isEmpty())
        return {};
    // Only the default endpoint exists: no name needed, as before endpoints.
    if (endpoints.size() == 1)
        return overrideBannerText(overridden.first().response);
    if (overridden.size() == 1) {
        const QString detail = overrideDetail(overridden.first().response);
        return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                          "Responses of endpoint %1 are overridden: %2"))
            .arg(overridden.first().name, detail);
    }
    QStringList list;
    for (const Endpoint &endpoint : std::as_const(overridden))
        list.append(trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner", "%1 (%2)"))
                        .arg(endpoint.name, overrideSummary(endpoint.response)));
    return trBanner(QT_TRANSLATE_NOOP("hookbench::OverrideBanner",
                                      "Responses are overridden on %1 endpoints: %2"))
        .arg(overridden.size())
        .arg(list.join(QLatin1String(", ")));
}

} // namespace hookbench
