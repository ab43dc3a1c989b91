#pragma once

#include <QObject>

class QDBusVariant;
class QVariant;

namespace hookbench {

// The desktop's light or dark preference, read from the XDG desktop portal
// (org.freedesktop.portal.Settings, org.freedesktop.appearance color-scheme) and followed while
// it changes: Qt 6.4 has no colour-scheme hint of its own. Without a portal, or on a portal
// without the setting, the scheme stays NoPreference.
class ColorSchemeWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Scheme { NoPreference, Dark, Light };
    Q_ENUM(Scheme)

    // Asks the portal on the session bus at once, without blocking; ready() tells the answer.
    explicit ColorSchemeWatcher(QObject *parent = nullptr);

    Scheme scheme() const { return m_scheme; }
    bool isReady() const { return m_ready; }
    // Runs the event loop until the first answer or `timeoutMs`, so that a window shows the
    // desktop's look from its first frame; a later answer still applies.
    bool waitUntilReady(int timeoutMs);

    // The portal's value (uint32: 0 no preference, 1 dark, 2 light), possibly wrapped in
    // D-Bus variants (Read() wraps it twice).
    static Scheme schemeFromPortal(const QVariant &value);

Q_SIGNALS:
    void ready(hookbench::ColorSchemeWatcher::Scheme scheme); // the first answer, or none
    void schemeChanged(hookbench::ColorSchemeWatcher::Scheme scheme);

private Q_SLOTS:
    void onSettingChanged(const QString &group, const QString &key, const QDBusVariant &value);

private:
    void setScheme(Scheme scheme);

    Scheme m_scheme = Scheme::NoPreference;
    bool m_ready = false;
    bool m_changedBeforeReady = false;
};

} // namespace hookbench
