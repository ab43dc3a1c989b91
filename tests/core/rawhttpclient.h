#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpSocket>

// A deliberately low-level HTTP/1.1 client for tests: it writes exactly the
// bytes it is given, so tests can send pipelined, malformed or slow requests.
struct RawResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const;
};

class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port);
    bool isConnected() const;
    void send(const QByteArray &bytes);
    // Reads one response (waiting up to timeoutMs); status 0 when none came.
    RawResponse read(int timeoutMs = 5000);
    // True when the server closed the connection within timeoutMs.
    bool waitForClose(int timeoutMs);
    QTcpSocket &socket() { return m_socket; }

    static QByteArray post(const QByteArray &path, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers = {});

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

QByteArray vwoPayload(qint64 timestamp = 1606482285);
