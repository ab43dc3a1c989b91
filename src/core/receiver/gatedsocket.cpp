#include "gatedsocket.h"

#include <cstring>

namespace hookbench {

GatedSocket::GatedSocket(GateConnection *connection, QTcpSocket *real)
    : m_connection(connection)
    , m_real(real)
{
    setPeerAddress(real->peerAddress());
    setPeerPort(real->peerPort());
    setLocalAddress(real->localAddress());
    setLocalPort(real->localPort());
    setSocketState(QAbstractSocket::ConnectedState);
    QIODevice::open(QIODevice::ReadWrite);
}

GatedSocket::~GatedSocket()
{
    // QAbstractSocket's destructor would try to abort a socket engine we never had.
    setSocketState(QAbstractSocket::UnconnectedState);
    setOpenMode(QIODevice::NotOpen);
}

void GatedSocket::deliver(const QByteArray &request)
{
    m_pending += request;
    Q_EMIT readyRead();
}

void GatedSocket::detach()
{
    m_real = nullptr;
    m_pending.clear();
}

qint64 GatedSocket::bytesAvailable() const
{
    return QIODevice::bytesAvailable() + m_pending.size();
}

qint64 GatedSocket::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_pending.size());
    if (n > 0) {
        std::memcpy(data, m_pending.constData(), size_t(n));
        m_pending.remove(0, n);
    }
    return n;
}

qint64 GatedSocket::readLineData(char *data, qint64 maxSize)
{
    const qsizetype newline = m_pending.indexOf('\n');
    const qint64 lineLength = newline < 0 ? m_pending.size() : newline + 1;
    return readData(data, qMin(maxSize, lineLength));
}

qint64 GatedSocket::writeData(const char *data, qint64 size)
{
    if (!m_real)
        return -1;
    return m_real->write(data, size);
}

} // namespace hookbench
