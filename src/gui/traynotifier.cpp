#include "traynotifier.h"

#include "appicon.h"
#include "appsettings.h"

#include <QAction>
#include <QSystemTrayIcon>

namespace hookbench {

TrayNotifier::TrayNotifier(AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_action(new QAction(tr("&Notify on Failed Requests"), this))
{
    m_action->setObjectName(QStringLiteral("trayNotificationsAction"));
    m_action->setCheckable(true);
    m_clock.start();
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &TrayNotifier::flush);

    m_action->setChecked(m_settings->trayNotificationsEnabled());
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        m_settings->setTrayNotificationsEnabled(on);
        apply();
    });
    if (!isAvailable()) {
        // The saved choice still shows; it applies again in a session with a tray.
        m_action->setEnabled(false);
        m_action->setToolTip(tr("No system tray is available in this desktop session, so "
                                "Hookbench cannot show notifications."));
        return;
    }
    m_action->setToolTip(tr("Show a desktop notification when a request fails authentication "
                            "or carries an invalid payload"));

    m_tray = new QSystemTrayIcon(appIcon(), this);
    m_tray->setToolTip(tr("Hookbench"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (m_shownEventId > 0)
            Q_EMIT eventActivated(m_shownEventId);
        else
            Q_EMIT windowRequested();
    });
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    Q_EMIT windowRequested();
            });
    apply();
}

bool TrayNotifier::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayNotifier::apply()
{
    const bool on = m_tray && m_action->isChecked();
    m_digest.setEnabled(on);
    if (!on)
        m_flushTimer.stop();
    if (m_tray)
        m_tray->setVisible(on); // balloons need a visible icon
}

void TrayNotifier::addEvents(const QList<Event> &events)
{
    if (const auto message = m_digest.add(events, m_clock.elapsed()))
        show(*message);
    scheduleFlush();
}

void TrayNotifier::flush()
{
    if (const auto message = m_digest.flush(m_clock.elapsed()))
        show(*message);
    scheduleFlush();
}

void TrayNotifier::scheduleFlush()
{
    const qint64 due = m_digest.flushDueMs();
    if (due < 0 || m_flushTimer.isActive())
        return;
    m_flushTimer.start(int(qMax<qint64>(0, due - m_clock.elapsed())));
}

void TrayNotifier::show(const TrayMessage &message)
{
    m_shownEventId = message.eventId;
    m_tray->showMessage(message.title, message.text, QSystemTrayIcon::Warning,
                        int(TrayDigest::IntervalMs));
}

} // namespace hookbench
