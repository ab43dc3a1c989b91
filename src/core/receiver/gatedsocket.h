#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace hookbench {

class GateConnection;

// The socket QHttpServer is given instead of the real one. It has no socket
// engine: the gate pushes exactly one complete, checked request into it at a
// time, and whatever QHttpServer writes goes straight to the real connection.
// This is how the gate sees every request head before QHttpServer does and
// how pipelined requests reach Qt 6.4's parser one by one.
class GatedSocket : public QTcpSocket
{
    Q_OBJECT
public:
    GatedSocket(GateConnection *connection, QTcpSocket *real);
    ~GatedSocket() override;

    GateConnection *connection() const { return m_connection; }

    void deliver(const QByteArray &request); // emits readyRead()
    void detach();                           // the real connection is gone

    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 readLineData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    GateConnection *m_connection;
    QTcpSocket *m_real;
    QByteArray m_pending;
};

} // namespace hookbench
