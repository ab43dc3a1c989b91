#pragma once

#include "events/event.h"

#include <QMainWindow>
#include <QUrl>

class QAction;
class QLabel;

namespace hookbench {

class EventTableView;
class InlineMessage;
class RecentEventsModel;

// The main window. It knows the receiver only through these slots and signals;
// src/app wires them to ReceiverService, tests drive them directly.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    RecentEventsModel *eventsModel() const { return m_model; }
    QUrl url() const { return m_url; } // the receiver's URL, or the one it failed to get

public Q_SLOTS:
    void receiverStarting(const QUrl &url);
    void receiverStarted(const QUrl &url);
    // suggestedPort: a free port to offer when addressInUse, else 0.
    void receiverFailed(const QString &message, bool addressInUse, quint16 suggestedPort);
    void receiverError(const QString &message); // trouble while running (e.g. the store)
    void appendEvents(const QList<hookbench::Event> &events);
    void copyUrl();

Q_SIGNALS:
    // Stop the receiver if it runs and start it again on port (same host and path).
    void restartRequested(quint16 port);

private:
    enum class State { Stopped, Starting, Listening };

    void createActions();
    void createStatusBar();
    void setState(State state);
    void updatePlaceholder();
    void showStartFailure(const QString &text, quint16 suggestedPort);

    RecentEventsModel *m_model;
    EventTableView *m_view;
    InlineMessage *m_message;
    QWidget *m_messageArea; // the message with its margins, hidden together
    QLabel *m_stateIcon = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_urlLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QUrl m_url;
    State m_state = State::Stopped;
    qint64 m_received = 0; // since launch; the table keeps only the newest rows
};

} // namespace hookbench
