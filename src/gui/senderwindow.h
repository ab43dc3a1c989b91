#pragma once

#include "sender/sendhistory.h"

#include <QMainWindow>

class QLabel;
class QPushButton;
class QTabWidget;

namespace hookbench {

class KeyRing;
class SendAuditView;
class SendHistoryView;
class SendLoadView;
class SendModePage;
class SendRetryView;
class SenderForm;
class SenderPresets;

// The test-webhook sender (issue 7): the request form on top; below, one tab per mode (Once,
// As VWO, Load, Audit) with its options and results, and the history of past runs. One run at
// a time; Send stays disabled while the form or the mode's options have a problem.
class SenderWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Mode { Once, Vwo, Load, Audit, History };

    // `presets` is not owned; null: presets in the default QSettings.
    explicit SenderWindow(SenderPresets *presets = nullptr, QWidget *parent = nullptr);
    ~SenderWindow() override;

    void setReceiverUrl(const QUrl &url); // the form's target until the user changes it
    void setKeyRing(KeyRing *ring);       // not owned
    // The event database, which also keeps the send history. Empty on success.
    QString setDatabase(const QString &path);

    void setMode(Mode mode);
    Mode mode() const;
    bool isRunning() const;
    bool canSend() const;
    QString problem() const; // why Send is disabled, naming the field; empty when it is not

    SenderForm *form() const { return m_form; }
    SendRetryView *oncePage() const { return m_once; }
    SendRetryView *vwoPage() const { return m_vwo; }
    SendLoadView *loadPage() const { return m_load; }
    SendAuditView *auditPage() const { return m_audit; }
    SendHistoryView *historyPage() const { return m_history; }

public Q_SLOTS:
    void send();
    void cancel();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    SendModePage *currentPage() const;
    QList<SendModePage *> pages() const;
    void updateButtons();
    void record(SendRecord record);

    SendHistoryStore m_store;
    SenderForm *m_form;
    QTabWidget *m_modes;
    SendRetryView *m_once;
    SendRetryView *m_vwo;
    SendLoadView *m_load;
    SendAuditView *m_audit;
    SendHistoryView *m_history;
    QLabel *m_problem;
    QPushButton *m_send;
    QPushButton *m_cancel;
};

} // namespace hookbench
