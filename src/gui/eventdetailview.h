#pragma once

#include "events/event.h"

#include <QUrl>
#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace hookbench {

class EventDetailBodyView;
class EventForwardView;
class InlineMessage;
class PlaceholderWidget;

// The detail pane for one captured request: an Overview that explains the outcome in
// words, the Headers (x-vwo-auth masked until revealed), the decoded Query parameters
// and the Body, plus "Copy as curl" and "Copy body". Talks to the window only through
// copied(); it never reaches into other widgets.
class EventDetailView : public QWidget
{
    Q_OBJECT
public:
    explicit EventDetailView(QWidget *parent = nullptr);

    void setEvent(const Event &event); // hides secrets again
    // Where the event stands in its delivery (VWO's retries of one webhook); 1 of 1 hides it.
    void setDeliveryPosition(int attempt, int attempts);
    // What the webhook caused in the settings history, in words; empty hides the row.
    void setSettingsFetch(const QString &text, bool problem);
    // The app behind the forward URL answered (issue 8); ignored unless `eventId` is shown.
    // Keeps the reveal state and the chosen tab. eventdetailforward.cpp
    void setForwardResult(qint64 eventId, const hookbench::ForwardResult &result);
    void clear(); // the "Select a request" empty state
    bool hasEvent() const { return m_hasEvent; }
    const Event &shownEvent() const { return m_event; }

    // Where "Copy as curl" sends the request; empty: derived from the Host header.
    void setReceiverBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl receiverBaseUrl() const { return m_baseUrl; }

    bool secretsRevealed() const { return m_revealed; }
    // Revealing an x-vwo-auth that the receiver stored only as a key-ring fingerprint asks for
    // the key through secretNeeded(); provideSecret() brings the answer (or why there is none).
    void setSecretsRevealed(bool revealed);
    void provideSecret(qint64 eventId, const QString &keyId, const QByteArray &secret,
                       const QString &error);

    // The curl command "Copy as curl" puts on the clipboard, for the current reveal state.
    QString curlCommand() const;

    // Header values shown in place of a secret's value (length hidden, too).
    static QString maskedValue();

public Q_SLOTS:
    void copyAsCurl();
    void copyBody();

Q_SIGNALS:
    // After a copy; `message` is a finished sentence for a status bar.
    void copied(const QString &message);
    void secretNeeded(qint64 eventId, const QString &keyId);

private:
    QWidget *createOverviewPage();
    QWidget *createHeadersPage();
    QWidget *createQueryPage();
    void fillOverview();
    void fillHeaders();
    void fillQuery();
    void fillForward(); // eventdetailforward.cpp
    void updateActions();
    void resetSecret();
    bool curlRevealsKey() const;

    enum class SecretState { Stored, Needed, Pending, Loaded, Failed };

    Event m_event;
    bool m_hasEvent = false;
    bool m_revealed = false;
    SecretState m_secretState = SecretState::Stored; // Stored: the header holds what was sent
    QString m_secretKeyId;
    QString m_secretError;
    QUrl m_baseUrl;

    QStackedWidget *m_stack;
    PlaceholderWidget *m_placeholder;
    QLabel *m_title;
    QPushButton *m_reveal;
    QPushButton *m_copyBody;
    QPushButton *m_copyCurl;
    QTabWidget *m_tabs;
    InlineMessage *m_outcome;
    QFormLayout *m_form;
    QTableWidget *m_headers;
    QStackedWidget *m_queryStack;
    QTableWidget *m_query;
    EventDetailBodyView *m_body;
    EventForwardView *m_forward;
};

} // namespace hookbench
