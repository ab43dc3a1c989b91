#pragma once

#include <QWidget>

class QListView;
class QTimer;
class QToolButton;

namespace hookbench {

class EndpointListModel;

// The endpoints beside the event log: "All endpoints", then each endpoint with its colour chip,
// name, URL (or path), request count and the time of its last request, which a timer keeps
// current. Choosing a row scopes the log (currentEndpointChanged); the window supplies the
// actions (context menu, the "+" button).
class EndpointSidebar : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointSidebar(QWidget *parent = nullptr);

    EndpointListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    // Empty for "All endpoints".
    QString currentEndpoint() const;
    // Selects the endpoint's row ("All endpoints" when empty or unknown).
    void setCurrentEndpoint(const QString &name);
    // The "+" button beside the title (typically Endpoint > New Endpoint…).
    void setNewAction(QAction *action);
    // How often the "2 min ago" texts are brought up to date.
    void setRefreshInterval(int milliseconds);

Q_SIGNALS:
    void currentEndpointChanged(const QString &name);
    // Right click or the menu key on a row (made current first); name empty for "All".
    void contextMenuRequested(const QString &name, const QPoint &globalPos);
    void endpointActivated(const QString &name); // double click or Enter on an endpoint

private:
    void currentRowChanged();
    void restoreCurrent(); // after the model was reset: the same endpoint if it still exists

    EndpointListModel *m_model;
    QListView *m_view;
    QToolButton *m_newButton;
    QTimer *m_refreshTimer;
    QString m_current;
};

} // namespace hookbench
