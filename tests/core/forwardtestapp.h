#pragma once

// The user's app behind a forward URL, for the forwarding tests: a raw HTTP/1.1 server on a
// loopback port, on a thread of its own (so the test thread may block in RawHttpClient::read()
// while the app answers). It records every request and answers, holds its answers until
// release(), or never answers.

#include "events/event.h"

#include <QHostAddress>
#include <QList>
#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <memory>

namespace forwardtest {

using hookbench::HeaderList;

struct AppRequest
{
    QByteArray method;
    QByteArray target;
    HeaderList headers;
    QByteArray body;
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    int count(QByteArrayView name) const
    {
        int n = 0;
        for (const auto &header : headers)
            n += header.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
        return n;
    }
};

class ForwardApp
{
public:
    enum class Mode { Answer, Hold, Silent };

    ForwardApp()
    {
        m_thread.start();
        run([this] {
            m_server = new QTcpServer;
            m_server->listen(QHostAddress(QHostAddress::LocalHost), 0);
            m_port = m_server->serverPort();
            QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection())
                    accept(socket);
            });
        });
    }
    ~ForwardApp()
    {
        run([this] { delete m_server; }); // its sockets are its children
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/hook")) const
    {
        QUrl url;
        url.setScheme(QStringLiteral("http"));
        url.setHost(QStringLiteral("127.0.0.1"));
        url.setPort(m_port);
        url.setPath(path);
        return url;
    }
    void setAnswer(int status, const QByteArray &contentType, const QByteArray &body)
    {
        run([=] {
            m_status = status;
            m_contentType = contentType;
            m_body = body;
        });
    }
    void setMode(Mode mode)
    {
        run([=] { m_mode = mode; });
    }
    void release() // answers the held requests
    {
        run([this] {
            const QList<QTcpSocket *> held = std::exchange(m_held, {});
            for (QTcpSocket *socket : held)
                respond(socket);
        });
    }
    QList<AppRequest> requests()
    {
        QList<AppRequest> copy;
        run([&] { copy = m_requests; });
        return copy;
    }
    int answered()
    {
        int count = 0;
        run([&] { count = m_answered; });
        return count;
    }

private:
    template<typename Fn>
    void run(Fn &&fn)
    {
        QObject context;
        context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(&context, std::forward<Fn>(fn), Qt::BlockingQueuedConnection);
    }

    void accept(QTcpSocket *socket)
    {
        socket->setParent(m_server);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            m_held.removeAll(socket);
            socket->deleteLater();
        });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            AppRequest request;
            while (parse(buffer.get(), &request)) {
                m_requests.append(request);
                if (m_mode == Mode::Answer)
                    respond(socket);
                else if (m_mode == Mode::Hold)
                    m_held.append(socket);
            }
        });
    }

    static bool parse(QByteArray *buffer, AppRequest *request)
    {
        const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
        if (headEnd < 0)
            return false;
        const QList<QByteArray> lines = buffer->left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        AppRequest parsed;
        parsed.method = requestLine.value(0);
        parsed.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            parsed.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer->size() < headEnd + 4 + length)
            return false;
        parsed.body = buffer->mid(headEnd + 4, length);
        buffer->remove(0, headEnd + 4 + length);
        *request = parsed;
        return true;
    }

    void respond(QTcpSocket *socket)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(m_status) + " App\r\n";
        if (!m_contentType.isEmpty())
            out += "Content-Type: " + m_contentType + "\r\n";
        out += "X-App: yes\r\nContent-Length: " + QByteArray::number(m_body.size()) + "\r\n\r\n";
        socket->write(out + m_body);
        ++m_answered;
    }

    QThread m_thread;
    QTcpServer *m_server = nullptr; // lives on m_thread; everything below is used there only
    quint16 m_port = 0;
    Mode m_mode = Mode::Answer;
    int m_status = 200;
    QByteArray m_contentType = QByteArrayLiteral("application/json");
    QByteArray m_body = QByteArrayLiteral("{\"app\":\"ok\"}");
    QList<AppRequest> m_requests;
    QList<QTcpSocket *> m_held;
    int m_answered = 0;
};

} // namespace forwardtest
