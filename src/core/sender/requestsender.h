#pragma once

#include "outgoingrequest.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace hookbench {

// Why no HTTP answer came. Distinct kinds, so a retry policy can tell them apart.
enum class SendFailure {
    None,              // an HTTP answer came (whatever its status)
    InvalidRequest,    // validate() refused it; nothing was sent
    ConnectionRefused, // nothing listens at host:port
    HostNotFound,      // DNS lookup failed
    Timeout,           // no complete answer within the timeout
    Tls,               // TLS handshake or certificate check failed
    ConnectionClosed,  // the server closed the connection before answering
    Cancelled,         // abort()
    Other,
};

struct SendResult
{
    int status = 0; // 0 when no HTTP answer came
    QByteArray reason;
    HeaderList headers;
    QByteArray body;            // at most RequestSender::MaxKeptBody bytes
    qint64 bodyBytes = 0;       // the whole body's size as received
    bool bodyTruncated = false; // body holds only the first MaxKeptBody bytes
    QUrl redirectTarget;        // a 3xx's Location, resolved; never followed
    qint64 elapsedMs = 0;       // from send() to the answer or failure
    // The timing breakdown QtNetwork exposes: milliseconds from send() to each milestone, -1
    // when it did not happen (a reused connection neither connects nor shakes hands again).
    qint64 connectStartedMs = -1; // a new connection started connecting (after DNS)
    qint64 tlsReadyMs = -1;       // the TLS handshake finished (https)
    qint64 requestSentMs = -1;    // the request was written to the socket
    qint64 headersMs = -1;        // the status line and headers had arrived
    SendFailure failure = SendFailure::None;
    QString error; // the failure in words; empty when an answer came

    bool answered() const { return failure == SendFailure::None; }
    bool isSuccess() const { return answered() && status >= 200 && status < 300; }
};

// Sends one request at a time with QNetworkAccessManager, fully asynchronously, and reports
// the answer or the failure in words. Never follows redirects, never keeps cookies; loopback
// targets bypass any configured proxy (a proxy cannot reach the user's own machine) while
// other targets keep the system's proxy settings, as "Copy as curl" does.
//
// Qt adds User-Agent, Accept-Encoding, Accept-Language and Connection when the request has
// none, and sends a header name only once (repeated names are joined with ", ").
class RequestSender : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxKeptBody = 1024 * 1024;

    explicit RequestSender(QObject *parent = nullptr);
    ~RequestSender() override; // aborts a request in flight without reporting it

    // Starts sending; finished() follows exactly once. Returns false (and reports nothing)
    // while another request is in flight. An invalid request is reported through finished()
    // with SendFailure::InvalidRequest, from the event loop.
    bool send(const OutgoingRequest &request, int timeoutMs);
    bool isBusy() const { return m_reply != nullptr || m_pendingInvalid; }
    void abort(); // the request in flight ends with SendFailure::Cancelled

Q_SIGNALS:
    void finished(const hookbench::SendResult &result);

private:
    void readBody();
    void onFinished();
    void onTimeout();
    QString failureText(QNetworkReply *reply, SendFailure *failure) const;

    QNetworkAccessManager *m_manager;
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    SendResult m_result;
    QUrl m_url;
    QString m_tlsErrors;
    int m_timeoutMs = 0;
    bool m_timedOut = false;
    bool m_pendingInvalid = false;
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::SendResult)
