#pragma once

#include "events/forwardresult.h"
#include "forwardtarget.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hookbench {

// One webhook to pass on, as VWO sent it.
struct ForwardRequest
{
    qint64 eventId = 0;
    ForwardTarget target;
    QByteArray method;
    HeaderList headers; // as received: x-vwo-auth unredacted, hop-by-hop ones still in
    QByteArray body;
    QString remoteAddress; // VWO's, for X-Forwarded-For
};

// Passes webhooks on to an endpoint's forward URL (issue 8) and reports what the app answered.
// Lives on the receiver's thread with one QNetworkAccessManager for all forwards, so connections
// to the app are reused. Never follows redirects (a 3xx is the app's answer), keeps no cookies;
// loopback targets bypass any proxy (networktarget.h). The deadline is the whole exchange:
// QNetworkRequest's transfer timeout only measures silence.
class Forwarder : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ForwardResult &result)>;

    explicit Forwarder(QObject *parent = nullptr);
    ~Forwarder() override; // aborts what is in flight without calling back

    // Sends at once; `done` is called exactly once with the app's answer or the failure in
    // words (followed and answeredStatus are left to the caller).
    void forward(const ForwardRequest &request, Callback done);
    int inFlight() const { return int(m_flights.size()); }
    // Ends every forward in flight now, each reported with `why` as its error.
    void abortAll(const QString &why);

    // What the app receives: the request's headers without hop-by-hop ones (and those the
    // Connection header names), Host and Content-Length (Qt sets them), plus X-Forwarded-For
    // (appended to VWO's own, if any) and X-Hookbench-Event-Id.
    static HeaderList forwardedHeaders(const HeaderList &received, qint64 eventId,
                                       const QString &remoteAddress);
    static QString displayUrl(const QUrl &url); // without any password

private:
    struct Flight
    {
        ForwardResult result;
        Callback done;
        QElapsedTimer clock;
        QUrl url;
        QString abortReason; // set before an abort of ours: timeout, stop
        QString tlsErrors;
        QTimer *deadline = nullptr; // a child of the reply
    };

    void readBody(QNetworkReply *reply);
    void finish(QNetworkReply *reply);
    static QString failureText(QNetworkReply *reply, const Flight &flight);

    QNetworkAccessManager *m_manager = nullptr; // created with the first forward
    QHash<QNetworkReply *, Flight> m_flights;
};

} // namespace hookbench
