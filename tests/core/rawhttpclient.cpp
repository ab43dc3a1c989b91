#include "rawhttpclient.h"

#include <QDeadlineTimer>
#include <QHostAddress>

QByteArray RawResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

RawHttpClient::RawHttpClient(quint16 port)
{
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    m_socket.waitForConnected(5000);
}

bool RawHttpClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void RawHttpClient::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(5000)) {
    }
}

RawResponse RawHttpClient::read(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    RawResponse response;
    qsizetype headEnd = -1;
    qint64 length = -1;
    for (;;) {
        if (headEnd < 0) {
            headEnd = m_buffer.indexOf("\r\n\r\n");
            // Skip interim 1xx answers.
            if (headEnd >= 0 && m_buffer.startsWith("HTTP/1.1 1")) {
                m_buffer.remove(0, headEnd + 4);
                headEnd = -1;
                continue;
            }
            if (headEnd >= 0) {
                const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
                response.status = lines.first().split(' ').value(1).toInt();
                for (int i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines[i].trimmed();
                    const qsizetype colon = line.indexOf(':');
                    response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                }
                length = response.header("content-length").toLongLong();
            }
        }
        if (headEnd >= 0 && m_buffer.size() >= headEnd + 4 + length) {
            response.body = m_buffer.mid(headEnd + 4, length);
            m_buffer.remove(0, headEnd + 4 + length);
            return response;
        }
        if (deadline.hasExpired())
            return {};
        if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_buffer += m_socket.readAll();
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_buffer.isEmpty())
                return {};
            if (deadline.hasExpired() || m_socket.state() != QAbstractSocket::ConnectedState) {
                if (headEnd < 0 && m_buffer.indexOf("\r\n\r\n") < 0)
                    return {};
            }
        }
        m_buffer += m_socket.readAll();
    }
}

bool RawHttpClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        if (m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            m_buffer += m_socket.readAll();
    }
    return m_socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray RawHttpClient::post(const QByteArray &path, const QByteArray &body,
                               const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray out = "POST " + path +
                     " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n";
    for (const auto &h : headers)
        out += h.first + ": " + h.second + "\r\n";
    return out + "\r\n" + body;
}

QByteArray vwoPayload(qint64 timestamp)
{
    return "{\"timestamp\": " + QByteArray::number(timestamp) +
           ", \"event\": \"settings_changed\", \"action\": \"campaign_settings_changed\", "
           "\"triggered_by\": \"vwo\"}";
}
