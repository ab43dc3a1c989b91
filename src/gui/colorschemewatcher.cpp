#include "colorschemewatcher.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QEventLoop>
#include <QTimer>

namespace hookbench {

namespace {
const QString PortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString PortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString SettingsInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString AppearanceGroup = QStringLiteral("org.freedesktop.appearance");
const QString ColorSchemeKey = QStringLiteral("color-scheme");
constexpr int PortalTimeoutMs = 2000; // a portal that hangs must not leave the look undecided
} // namespace

ColorSchemeWatcher::ColorSchemeWatcher(QObject *parent)
    : QObject(parent)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_ready = true;
        return;
    }
    bus.connect(PortalService, PortalPath, SettingsInterface, QStringLiteral("SettingChanged"),
                this, SLOT(onSettingChanged(QString, QString, QDBusVariant)));
    // Read() rather than ReadOne(): every portal version has it.
    QDBusMessage call = QDBusMessage::createMethodCall(PortalService, PortalPath, SettingsInterface,
                                                       QStringLiteral("Read"));
    call << AppearanceGroup << ColorSchemeKey;
    auto *pending = new QDBusPendingCallWatcher(bus.asyncCall(call, PortalTimeoutMs), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QVariant> reply = *w;
        // A change signalled while the call was under way is newer than its answer.
        if (!reply.isError() && !m_changedBeforeReady)
            setScheme(schemeFromPortal(reply.value()));
        m_ready = true;
        Q_EMIT ready(m_scheme);
    });
}

bool ColorSchemeWatcher::waitUntilReady(int timeoutMs)
{
    if (m_ready)
        return true;
    QEventLoop loop;
    connect(this, &ColorSchemeWatcher::ready, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    return m_ready;
}

ColorSchemeWatcher::Scheme ColorSchemeWatcher::schemeFromPortal(const QVariant &value)
{
    QVariant inner = value;
    while (inner.metaType() == QMetaType::fromType<QDBusVariant>())
        inner = qvariant_cast<QDBusVariant>(inner).variant();
    bool ok = false;
    const uint scheme = inner.toUInt(&ok);
    if (!ok)
        return Scheme::NoPreference;
    switch (scheme) {
    case 1:
        return Scheme::Dark;
    case 2:
        return Scheme::Light;
    default:
        return Scheme::NoPreference;
    }
}

void ColorSchemeWatcher::onSettingChanged(const QString &group, const QString &key,
                                          const QDBusVariant &value)
{
    if (group != AppearanceGroup || key != ColorSchemeKey)
        return;
    if (!m_ready)
        m_changedBeforeReady = true;
    setScheme(schemeFromPortal(value.variant()));
}

void ColorSchemeWatcher::setScheme(Scheme scheme)
{
    if (scheme == m_scheme)
        return;
    m_scheme = scheme;
    Q_EMIT schemeChanged(scheme);
}

} // namespace hookbench
