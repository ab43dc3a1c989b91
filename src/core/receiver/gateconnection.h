#pragma once

#include "receiverconfig.h"
#include "requesthead.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <memory>

class QHttpServerResponder;
class QSslConfiguration;
class QTcpSocket;

namespace hookbench {

class GatedSocket;

// A request the gate answered itself (413, 431, 400, 408): recorded like any other.
struct GateRejection
{
    RequestHead head; // method/target empty when the head could not be parsed
    int status = 0;
    QString error;
    qint64 bytes = 0;
    QString remoteAddress;
    quint16 remotePort = 0;
    QDateTime receivedAt;
};

// One client connection behind the gate: reads the real socket, enforces the
// limits, and hands QHttpServer one complete request at a time through a
// GatedSocket. The next pipelined request waits until this one is answered.
class GateConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { ReadingHead, ReadingBody, AwaitingResponse, Draining, Closed };

    // tls: null for plain HTTP; else the server side of a TLS handshake starts at once.
    GateConnection(qintptr descriptor, const GateLimits &limits, const QSslConfiguration *tls,
                   const QElapsedTimer *clock, QObject *parent);
    ~GateConnection() override;

    bool isValid() const;
    State state() const { return m_state; }
    GatedSocket *httpSocket() const;

    // The request currently with QHttpServer.
    const RequestHead &currentHead() const { return m_head; }
    qint64 currentRequestBytes() const { return m_requestBytes; }
    QDateTime currentReceivedAt() const { return m_receivedAt; }
    qint64 currentCompletedNs() const
    {
        return m_completedNs;
    } // clock time the request was complete
    qint64 gateClockNs() const { return m_clock->nsecsElapsed(); }
    QString peerAddress() const { return m_peerAddress; }

    // Eviction at the connection cap: only connections not being answered are
    // candidates; the one waiting longest (idle, or slowest head) goes first.
    bool isEvictable() const;
    qint64 waitingSinceMs() const { return m_phaseStartMs; }

    void holdResponder(std::unique_ptr<QHttpServerResponder> responder);
    // Answers the current request and moves on to the next one (or closes).
    void respond(int status, const HeaderList &headers, const QByteArray &body, bool closeAfter);

    void checkDeadlines(qint64 nowMs);
    void abort();
    qint64 peakBufferedBytes() const { return m_peakBuffered; }

Q_SIGNALS:
    void requestReady(hookbench::GateConnection *connection); // about to be handed to QHttpServer
    void rejected(const hookbench::GateRejection &rejection);
    void finished(hookbench::GateConnection *connection);

private:
    void onReadyRead();
    qint64 inputCap() const;
    bool readInput();
    void process();
    void parseHead();
    void scanBody();
    void deliver(qsizetype requestEnd);
    void reject(int status, const QString &error);
    void drainInput();
    void onBytesWritten();
    bool startTls(const QSslConfiguration &tls);
    void close();
    qint64 nowMs() const { return m_clock->elapsed(); }

    GateLimits m_limits;
    const QElapsedTimer *m_clock;
    QTcpSocket *m_socket;
    QString m_peerAddress;
    QPointer<GatedSocket> m_httpSocket;
    std::unique_ptr<QHttpServerResponder> m_responder;
    State m_state = State::ReadingHead;
    QByteArray m_in;
    RequestHead m_head;
    ChunkedScanner m_chunked;
    qsizetype m_chunkScanned = 0;
    qint64 m_requestBytes = 0;
    QDateTime m_receivedAt;
    qint64 m_completedNs = 0;
    qint64 m_phaseStartMs = 0;
    bool m_servedAny = false;
    bool m_handshaking = false; // HTTPS: no request byte can arrive before the handshake ends
    bool m_closeWhenWritten = false;
    bool m_halfClosed = false;
    qint64 m_peakBuffered = 0;
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::GateRejection)
