#pragma once

#include "loadanswerparser.h"
#include "outgoingrequest.h"
#include "requestsender.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>

#include <array>

class QTcpSocket;

namespace hookbench {

// What every connection of a load run shares, built once per run: the request's bytes on the
// wire, where they go, and the failure texts (worded like RequestSender's).
struct LoadTarget
{
    QString host;
    quint16 port = 0;
    bool tls = false;
    QNetworkProxy proxy;
    QByteArray requestBytes;      // request line, headers (Host, Content-Length added), body
    bool bodylessAnswers = false; // HEAD
    int timeoutMs = 0;
    QString where; // "host:port"
    QString refusedText;
    QString hostNotFoundText;
    QString closedText;
    QString cutOffText;
    QString timeoutText;
    QElapsedTimer clock; // the run's clock: latencies and timeouts

    // Everything but the clock, from a request that passed validate().
    static LoadTarget from(const OutgoingRequest &request, int timeoutMs);
};

// One persistent HTTP/1.1 client connection of a load run (QTcpSocket, or QSslSocket for
// https): sends a request when asked, reads the answer and reports it, then stays open for the
// next one. Opens (again) when needed: at first, after a "Connection: close" answer or a
// failure, or when the server closed it between requests.
class LoadConnection : public QObject
{
    Q_OBJECT
public:
    // Told about every request's outcome by direct calls (cheaper than signals per answer).
    // Called from the socket's signal handlers: a failure's owner must not send again before
    // returning to the event loop (the socket it replaced may still be unwinding).
    class Client
    {
    public:
        virtual void answered(LoadConnection *connection, int status, qint64 latencyNs) = 0;
        virtual void failed(LoadConnection *connection, SendFailure failure,
                            const QString &text) = 0;

    protected:
        ~Client() = default;
    };

    LoadConnection(const LoadTarget &target, Client &client, QObject *parent = nullptr);
    ~LoadConnection() override;

    // Sends the next request (connecting first when needed). Only while not busy.
    void send();
    bool isBusy() const { return m_busy; }
    qint64 busySinceNs() const { return m_startedNs; } // on the target's clock
    // The request in flight fails with a timeout; the connection closes.
    void timeOut();
    // Closes without reporting anything (cancel, end of run).
    void drop();

private:
    void openSocket();
    void onReady();
    void writeRequest();
    void onReadyRead();
    void onError();
    void readAvailable();
    void complete(bool reuse);
    void fail(SendFailure failure, const QString &text);
    void closeSocket();

    const LoadTarget &m_target;
    Client &m_client;
    QTcpSocket *m_socket = nullptr; // a QSslSocket for https
    LoadAnswerParser m_parser;
    qint64 m_startedNs = 0;
    qint64 m_writtenNs = 0;
    bool m_busy = false;
    bool m_ready = false; // connected (and encrypted for https)
    bool m_written = false;
    bool m_reused = false; // the request went out on a connection an earlier one used
    QString m_tlsErrors;
    std::array<char, 8192> m_buffer; // answers are read here, then skipped, never kept
};

} // namespace hookbench
