#pragma once

#include "events/event.h"
#include "traydigest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QAction;
class QSystemTrayIcon;

namespace hookbench {

class AppSettings;

// Optional desktop notifications for failed requests (wrong or missing x-vwo-auth, invalid
// payload), coalesced by TrayDigest to at most one every 10 s. Owns the tray icon, shown only
// while notifications are on, and the checkable "Notify on Failed Requests" action bound to
// AppSettings::trayNotificationsEnabled(). Without a system tray (e.g. -platform offscreen)
// it stays silent and the action is disabled, its tooltip saying why.
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    // settings must outlive the notifier.
    explicit TrayNotifier(AppSettings *settings, QObject *parent = nullptr);

    static bool isAvailable(); // a system tray exists in this session
    QAction *action() const { return m_action; }
    bool isActive() const { return m_digest.isEnabled(); } // would notify now

public Q_SLOTS:
    void addEvents(const QList<hookbench::Event> &events); // ReceiverService::eventsCommitted

Q_SIGNALS:
    void eventActivated(qint64 id); // the user clicked a message about this request
    void windowRequested();         // the user clicked the tray icon

private:
    void apply();
    void flush();
    void show(const TrayMessage &message);
    void scheduleFlush();

    AppSettings *m_settings;
    QAction *m_action;
    QSystemTrayIcon *m_tray = nullptr; // only where a tray exists
    TrayDigest m_digest;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    qint64 m_shownEventId = 0;
};

} // namespace hookbench
