#include "httpgate.h"

#include "gatedsocket.h"

#include <unistd.h>

namespace hookbench {

HttpGate::HttpGate(const GateLimits &limits, const TlsSettings &tls, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{
    if (tls.isEnabled()) {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificateChain(tls.chain);
        configuration.setPrivateKey(tls.key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
        m_tls = std::make_shared<const QSslConfiguration>(configuration);
    }
    qRegisterMetaType<hookbench::GateRejection>();
    m_clock.start();
    // One timer for every deadline: cheaper than a timer per connection at the cap.
    m_sweepTimer.setInterval(100);
    connect(&m_sweepTimer, &QTimer::timeout, this, &HttpGate::sweep);
    m_sweepTimer.start();
    setMaxPendingConnections(m_limits.maxConnections);
}

void HttpGate::incomingConnection(qintptr descriptor)
{
    if (m_connections.size() >= m_limits.maxConnections && !evictOne()) {
        ::close(int(descriptor)); // every connection is mid-answer: refuse the newcomer
        return;
    }
    auto *connection = new GateConnection(descriptor, m_limits, m_tls.get(), &m_clock, this);
    if (!connection->isValid()) {
        delete connection;
        return;
    }
    connect(connection, &GateConnection::rejected, this, &HttpGate::rejected);
    connect(connection, &GateConnection::finished, this, &HttpGate::forget);
    m_connections.append(connection);
    addPendingConnection(connection->httpSocket()); // QTcpServer then emits newConnection()
}

bool HttpGate::evictOne()
{
    GateConnection *victim = nullptr;
    for (GateConnection *connection : std::as_const(m_connections)) {
        if (connection->isEvictable() &&
            (!victim || connection->waitingSinceMs() < victim->waitingSinceMs()))
            victim = connection;
    }
    if (!victim)
        return false;
    ++m_evictions;
    victim->abort(); // finished() removes it from m_connections
    return true;
}

void HttpGate::forget(GateConnection *connection)
{
    m_connections.removeOne(connection);
    m_peakBufferedClosed = qMax(m_peakBufferedClosed, connection->peakBufferedBytes());
    connection->deleteLater();
}

qint64 HttpGate::peakBufferedBytes() const
{
    qint64 peak = m_peakBufferedClosed;
    for (const GateConnection *connection : m_connections)
        peak = qMax(peak, connection->peakBufferedBytes());
    return peak;
}

void HttpGate::sweep()
{
    const qint64 now = m_clock.elapsed();
    const QList<GateConnection *> snapshot = m_connections;
    for (GateConnection *connection : snapshot)
        connection->checkDeadlines(now);
}

void HttpGate::closeAll()
{
    const QList<GateConnection *> snapshot = m_connections;
    for (GateConnection *connection : snapshot)
        connection->abort();
}

} // namespace hookbench
