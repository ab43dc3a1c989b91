#pragma once

// A test clock and a scripted loopback server for tst_retrysession: the retry policy runs on
// fake time against real sockets.

#include "sender/retryclock.h"

#include <QHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <vector>

namespace hookbench {

inline constexpr qint64 WallBaseMs = 1'700'000'000'000;

// Time stands still until a scheduled task runs; then it jumps to the task's due time. With
// autoRun, tasks run from the event loop as soon as they are scheduled (an hour of retries takes
// milliseconds); without, the test runs them (or not) with runNext().
class FakeClock final : public RetryClock
{
public:
    qint64 now = 0;
    bool autoRun = true;
    QList<int> waits{1500}; // drawn in order; the last one repeats
    QList<QPair<int, int>> drawnRanges;
    QList<qint64> scheduledDelays;

    qint64 monotonicMs() const override { return now; }
    qint64 wallMs() const override { return WallBaseMs + now; }
    int randomWaitMs(int minMs, int maxMs) override
    {
        drawnRanges.append({minMs, maxMs});
        return waits.size() > 1 ? waits.takeFirst() : waits.constFirst();
    }
    quint64 schedule(qint64 delayMs, Task task) override
    {
        const quint64 id = ++m_lastId;
        m_pending.push_back({id, now + delayMs, std::move(task)});
        scheduledDelays.append(delayMs);
        if (autoRun)
            QTimer::singleShot(0, &m_context, [this] { runNext(); });
        return id;
    }
    void cancel(quint64 id) override
    {
        m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                       [id](const Pending &p) { return p.id == id; }),
                        m_pending.end());
    }
    int pending() const { return int(m_pending.size()); }
    bool runNext()
    {
        if (m_pending.empty())
            return false;
        auto next =
            std::min_element(m_pending.begin(), m_pending.end(),
                             [](const Pending &a, const Pending &b) { return a.due < b.due; });
        const Pending task = *next;
        m_pending.erase(next);
        now = qMax(now, task.due);
        task.task();
        return true;
    }

private:
    struct Pending
    {
        quint64 id;
        qint64 due;
        Task task;
    };
    std::vector<Pending> m_pending;
    quint64 m_lastId = 0;
    QObject m_context;
};

// A loopback HTTP server answering request n with script[n] (the last entry repeats): a status,
// 0 to close the connection without answering, -1 to never answer. Every answer closes its
// connection, so each attempt opens a new one (and a closed listener means "refused").
class ScriptServer : public QTcpServer
{
public:
    explicit ScriptServer(QList<int> script)
        : m_script(std::move(script))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        });
        listen(QHostAddress::LocalHost);
        port = serverPort();
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/vwo-webhook").arg(port)); }
    bool relisten() { return listen(QHostAddress::LocalHost, port); }

    quint16 port = 0;
    QList<QByteArray> bodies;                  // each request's body, in order
    std::function<void(int number)> onRequest; // after request `number` (from 1) was handled

private:
    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Whatever";
        }
    }
    void read(QTcpSocket *socket)
    {
        QByteArray &input = m_input[socket];
        input += socket->readAll();
        const qsizetype headEnd = input.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const qsizetype at = input.toLower().indexOf("content-length: ");
        const qsizetype length =
            at < 0 ? 0 : input.mid(at + 16, 12).split('\r').first().toLongLong();
        if (input.size() < headEnd + 4 + length)
            return;
        bodies.append(input.mid(headEnd + 4, length));
        m_input.remove(socket);
        const int status = m_script.value(bodies.size() - 1, m_script.constLast());
        if (status == 0) {
            socket->abort();
        } else if (status > 0) {
            const QByteArray body =
                status == 204 ? QByteArray() : "{\"status\":" + QByteArray::number(status) + "}";
            socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) +
                          "\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        }
        if (onRequest)
            onRequest(int(bodies.size()));
    }
    QList<int> m_script;
    QHash<QTcpSocket *, QByteArray> m_input;
};

} // namespace hookbench
