#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace hookbench {

// Which settings-file address: what a user asks for, or what a webhook makes the SDKs pull.
enum class SettingsPath {
    Settings, // /server-side/settings (manual fetch)
    Pull,     // /server-side/pull (fetch triggered by a webhook)
};

// Builds VWO's settings-file URL:
//   BASE/server-side/settings?a=ACCOUNT&i=SDK_KEY&r=RANDOM&platform=server&api-version=1
//   &sdk=hookbench&sdk-v=VERSION
// The URL carries the SDK key, a credential: only redacted() may be logged, stored or shown.
// Every check returns an empty string when fine, else the problem in plain words; no message
// ever quotes the SDK key.
class SettingsUrl
{
    Q_DECLARE_TR_FUNCTIONS(SettingsUrl)

public:
    static constexpr char DefaultBase[] = "https://dev.visualwebsiteoptimizer.com";
    static constexpr char RedactedKey[] = "REDACTED";

    static QUrl defaultBaseUrl();

    // http or https, a host, no user info, query or fragment. A path is kept as a prefix
    // (for proxies): "https://proxy.example/vwo" gives https://proxy.example/vwo/server-side/…
    // *normalized (optional) gets the parsed URL without trailing slashes.
    static QString checkBaseUrl(const QString &baseUrl, QUrl *normalized = nullptr);
    static QString checkAccountId(const QString &accountId); // digits only
    static QString checkSdkKey(const QString &sdkKey);       // printable ASCII, no whitespace

    // The full URL, or an empty QUrl with *error set (the first problem found). An empty
    // baseUrl means defaultBaseUrl(). The overload without random draws r like the SDKs do
    // (a number in [0, 1)).
    static QUrl build(const QString &baseUrl, SettingsPath path, const QString &accountId,
                      const QString &sdkKey, QString *error = nullptr);
    static QUrl build(const QString &baseUrl, SettingsPath path, const QString &accountId,
                      const QString &sdkKey, double random, QString *error = nullptr);

    // The same URL with the value of every "i" query item replaced by REDACTED (and any
    // password dropped); other items keep their exact encoding.
    static QUrl redacted(const QUrl &url);
    static QString redactedString(const QUrl &url);

    static QString pathFor(SettingsPath path);
};

} // namespace hookbench
