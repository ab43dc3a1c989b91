#pragma once

#include "gateconnection.h"
#include "receiverconfig.h"

#include <QElapsedTimer>
#include <QList>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTimer>

namespace hookbench {

// The QTcpServer handed to QHttpServer::bind(). It accepts every connection
// itself and puts a GateConnection in front of it, so limits that Qt 6.4's
// QHttpServer lacks (body and head size, connection cap, head and idle
// timeouts, malformed input) are enforced before QHttpServer sees a byte.
class HttpGate : public QTcpServer
{
    Q_OBJECT
public:
    // With tls enabled every connection is HTTPS (a QSslSocket in server mode).
    HttpGate(const GateLimits &limits, const TlsSettings &tls, QObject *parent = nullptr);

    GateLimits limits() const { return m_limits; }
    int openConnections() const { return int(m_connections.size()); }
    qint64 evictions() const { return m_evictions; }
    qint64 peakBufferedBytes() const; // largest input any connection held at once
    void closeAll();

Q_SIGNALS:
    void rejected(const hookbench::GateRejection &rejection);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void sweep();
    bool evictOne();
    void forget(GateConnection *connection);

    GateLimits m_limits;
    std::shared_ptr<const QSslConfiguration> m_tls; // null: plain HTTP
    QElapsedTimer m_clock;
    QTimer m_sweepTimer;
    QList<GateConnection *> m_connections;
    qint64 m_evictions = 0;
    qint64 m_peakBufferedClosed = 0;
};

} // namespace hookbench
