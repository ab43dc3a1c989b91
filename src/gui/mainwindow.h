#pragma once

#include "events/event.h"
#include "receiver/receiverconfig.h"

#include <QHash>
#include <QMainWindow>
#include <QUrl>

#include <functional>

class QAction;
class QDialog;
class QLabel;
class QMenu;
class QSplitter;

namespace hookbench {

class AppSettings;
class AppTheme;
class EndpointDirectory;
class EndpointSidebar;
struct Endpoint;
class EventDetailView;
class EventLogModel;
class EventTableView;
class FilterBar;
class InlineMessage;
class KeyRing;
class KeysPanel;
class RateSparkline;
class SenderWindow;
class SettingsHistoryPanel;
class SettingsSync;
class SettingsSyncSet;
class RequestSender;
struct FetchRecord;
struct SettingsVersion;
class TrayNotifier;

// The main window. It knows the receiver only through these slots and signals;
// src/app wires them to ReceiverService, tests drive them directly.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Geometry, splitter and column layout, kept between sessions.
    void restoreLayout(const AppSettings &settings);
    void saveLayout(AppSettings &settings) const;

    EventLogModel *eventsModel() const { return m_model; }
    FilterBar *filterBar() const { return m_filterBar; }
    EventDetailView *detailView() const { return m_detail; }
    QUrl url() const { return m_url; } // the receiver's URL, or the one it failed to get
    // Puts the notifier's switch in the Receiver menu; its clicks show the window and request.
    void setTrayNotifier(TrayNotifier *notifier);
    // Adds the endpoint sidebar (left of the log) and the Endpoint menu over `directory` (not
    // owned). mainwindowendpoints.cpp
    void setEndpointDirectory(EndpointDirectory *directory);
    EndpointSidebar *endpointSidebar() const { return m_sidebar; }
    // The endpoint chosen in the sidebar, which scopes the log; empty: all endpoints.
    QString currentEndpoint() const;
    // Adds Receiver > Webhook Keys…, which opens the key panel of the sidebar's endpoint.
    void setKeyRing(KeyRing *ring); // mainwindowkeys.cpp
    // Adds the Settings File menu (history, fetch now, account) over the endpoints' syncs, and
    // tells in the detail pane what each webhook caused. The menu acts on the endpoint chosen in
    // the history. `syncs` is not owned. mainwindowsettings.cpp
    void setSettingsSyncs(SettingsSyncSet *syncs);
    // Adds View > Appearance: the system's look, light or dark. `theme` is not owned.
    // mainwindowview.cpp
    void setAppTheme(AppTheme *theme);

public Q_SLOTS:
    void receiverStarting(const QUrl &url);
    void receiverStopped();
    // The configuration the receiver runs with: the override banner and the settings
    // dialog follow it.
    void setReceiverConfig(const hookbench::ReceiverConfig &config);
    // The self-signed certificate HTTPS is served with, for the welcome view's curl command.
    void setSelfSignedCertificate(const QString &path) { m_selfSignedCertificate = path; }
    void receiverStarted(const QUrl &url);
    // suggestedPort: a free port to offer when addressInUse, else 0.
    void receiverFailed(const QString &message, bool addressInUse, quint16 suggestedPort);
    void receiverError(const QString &message); // trouble while running (e.g. the store)
    void appendEvents(const QList<hookbench::Event> &events);
    // The event database the receiver writes; the log reads it on its own thread.
    void setDatabase(const QString &path);
    void copyUrl();
    // The store removed events (deleted or cleared): re-read the log.
    void eventsRemoved();
    void eventsStarred(const QList<qint64> &ids, bool starred); // sorted
    // Raises the window and selects the request with this store id (0: only raises).
    void revealEvent(qint64 id);
    // Where each endpoint is served while the receiver runs (ReceiverService::endpointUrl);
    // empty while stopped. mainwindowendpoints.cpp
    void setEndpointUrls(const QHash<QString, QUrl> &urls);
    void setCurrentEndpoint(const QString &name); // "" for all endpoints
    // ReceiverService::eventForwarded: the row and the detail pane show the app's answer.
    void eventForwarded(qint64 id, const hookbench::ForwardResult &result); // mainwindowforward.cpp
    // The settings-file history / account profile of this endpoint. mainwindowsettings.cpp
    void showSettingsHistoryOf(const QString &endpoint);
    void editAccountProfileOf(const QString &endpoint);

Q_SIGNALS:
    void currentEndpointChanged(const QString &name); // "" for all endpoints
    // Stop the receiver if it runs and start it again on port (same host and path).
    void restartRequested(quint16 port);
    void stopRequested();
    // The user changed the receiver's settings (dialog, or "Turn Off" on the override banner).
    void receiverConfigChanged(const hookbench::ReceiverConfig &config);
    // Delete these stored events / all of them (the user has confirmed clearing).
    void removeEventsRequested(const QList<qint64> &ids);
    void starRequested(const QList<qint64> &ids, bool starred);
    void clearEventsRequested();

private:
    enum class State { Stopped, Starting, Listening };

    void createActions();
    QWidget *createEndpointArea(QWidget *logArea); // mainwindowendpoints.cpp
    void createEndpointMenu();
    void createHelpMenu();
    void sendWelcomeWebhook(); // mainwindowwelcome.cpp
    QString tunnelGuidance() const;
    void endpointsChanged();
    void fitEndpointColumn(const QList<Endpoint> &endpoints);
    void endpointScopeChanged(const QString &name);
    void refreshEventCounts();
    void updateEndpointActions();
    void newEndpoint();
    void editEndpoint(const QString &name);
    void renameEndpoint();
    void deleteEndpoint();
    void removeEndpoint(const QString &name, bool keepEvents);
    void copyEndpointUrl();
    bool showScopePlaceholder();
    void turnOffOverrides();
    void applyReceiverSettings(const ReceiverConfig &config);
    std::function<QString(const QString &path)> defaultPathCheck() const;
    QString keysEndpoint() const;
    void createStatusBar();
    void setState(State state);
    void updatePlaceholder();
    void showStartFailure(const QString &text, quint16 suggestedPort);
    void showCurrentEvent();
    void deleteSelected();
    void editReceiverSettings();
    void toggleReceiver();
    void updateOverrideBanner();
    void createExposureMessage(); // mainwindowexposure.cpp
    void updateExposureMessage();
    void updateMessageArea();
    void clearAll();
    QList<qint64> selectedIds() const;
    void updateMatchCount();
    void createRequestSendActions(QMenu *menu); // mainwindowrequests.cpp
    void createStarAction(QMenu *menu);
    void toggleStarSelected();
    void updateRequestSendActions();
    void openResendDialog(bool replay);
    void openResendDialog(bool replay, const Event &event);
    void showKeys();
    void createSenderMenu(); // mainwindowsender.cpp
    void showSender(bool audit);
    void showSettingsHistory(); // mainwindowsettings.cpp
    void editAccountProfile();
    void updateFetchAvailability();
    void chooseSettingsEndpoint(const QString &endpoint);
    SettingsSync *chosenSettingsSync() const;
    void settingsFetchRecorded(const FetchRecord &fetch, const SettingsVersion &version);
    void showSettingsFetch(); // the detail pane's "Settings file" row for its event
    // Calls `then` with `event`, its key-ring placeholder for x-vwo-auth replaced by the key
    // (read from the key ring, audited as revealed) when it has one and the key can be read.
    void withStoredKey(const Event &event, std::function<void(const Event &)> then);

    EventLogModel *m_model;
    FilterBar *m_filterBar;
    EventTableView *m_view;
    EventDetailView *m_detail;
    QSplitter *m_splitter;
    QSplitter *m_endpointSplitter = nullptr; // the sidebar beside the rest
    EndpointSidebar *m_sidebar = nullptr;
    EndpointDirectory *m_endpoints = nullptr;
    QMenu *m_endpointMenu = nullptr;
    QAction *m_editEndpointAction = nullptr;
    QAction *m_renameEndpointAction = nullptr;
    QAction *m_deleteEndpointAction = nullptr;
    QAction *m_copyEndpointUrlAction = nullptr;
    QAction *m_endpointKeysAction = nullptr;
    QAction *m_endpointHistoryAction = nullptr;
    QAction *m_endpointAccountAction = nullptr;
    QHash<QString, QUrl> m_endpointUrls;
    InlineMessage *m_message;
    InlineMessage *m_overrideMessage;
    InlineMessage *m_exposureMessage = nullptr;
    RateSparkline *m_rate = nullptr;
    QAction *m_startStopAction = nullptr;
    QMenu *m_receiverMenu = nullptr;
    QMenu *m_helpMenu = nullptr; // last in the menu bar
    ReceiverConfig m_config;
    QString m_selfSignedCertificate;
    QWidget *m_messageArea; // the message with its margins, hidden together
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_copyBodyAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_replayAction = nullptr;
    QAction *m_starAction = nullptr;
    QAction *m_resendAction = nullptr;
    QUrl m_url;
    RequestSender *m_welcomeSender = nullptr; // the welcome view's test webhook
    QUrl m_lastResendUrl;                     // where "Resend" went last, offered again
    KeyRing *m_keyRing = nullptr;
    QDialog *m_keysDialog = nullptr; // created on first use
    KeysPanel *m_keysPanel = nullptr;
    SenderWindow *m_senderWindow = nullptr; // created on first use
    SettingsSyncSet *m_settingsSyncs = nullptr;
    QString m_settingsEndpoint; // what the Settings File menu acts on: the history's choice
    QAction *m_accountAction = nullptr;
    QDialog *m_settingsDialog = nullptr; // created on first use
    SettingsHistoryPanel *m_settingsPanel = nullptr;
    QAction *m_fetchAction = nullptr;
    QList<qint64> m_fetchingFor;                // webhooks whose fetch is in flight or queued
    QHash<qint64, QString> m_unrecordedFetches; // event id → why the history lacks its fetch
    State m_state = State::Stopped;
    qint64 m_received = 0;  // since launch
    qint64 m_totalRows = 0; // stored events, as last seen unfiltered
    int m_scanPercent = 0;  // of the store the filter's load has looked at
};

} // namespace hookbench
