#include "loadconnection.h"

#include "networktarget.h"

#include <QTcpSocket>
#if QT_CONFIG(ssl)
#include <QSslError>
#include <QSslSocket>
#endif

namespace hookbench {

namespace {

bool isDefaultPort(const QUrl &url, bool tls)
{
    return url.port() == -1 || url.port() == (tls ? 443 : 80);
}

} // namespace

LoadTarget LoadTarget::from(const OutgoingRequest &request, int timeoutMs)
{
    LoadTarget target;
    const QUrl &url = request.url;
    target.tls = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    target.host = url.host();
    target.port = quint16(url.port(target.tls ? 443 : 80));
    target.proxy = proxyFor(url);
    target.bodylessAnswers = request.method == "HEAD";
    target.timeoutMs = timeoutMs;
    target.where = hostAndPort(url);
    target.refusedText =
        QStringLiteral("connection refused by %1 (nothing is listening there)").arg(target.where);
    target.hostNotFoundText =
        QStringLiteral("host %1 not found (DNS lookup failed)").arg(url.host());
    target.closedText =
        QStringLiteral("%1 closed the connection without answering").arg(target.where);
    target.cutOffText =
        QStringLiteral("%1 closed the connection in the middle of an answer").arg(target.where);
    target.timeoutText = QStringLiteral("timed out after %1 ms").arg(timeoutMs);

    // The request as it goes on the wire, built once for the whole run.
    QByteArray path =
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (path.isEmpty() || path.startsWith('?'))
        path.prepend('/');
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (!isDefaultPort(url, target.tls))
        host += ':' + QByteArray::number(url.port());

    QByteArray &bytes = target.requestBytes;
    bytes.reserve(256 + request.body.size());
    bytes += request.method + ' ' + path + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : request.headers)
        bytes += name + ": " + value + "\r\n";
    const QByteArray &method = request.method;
    // Like RequestSender: a length whenever there is a body or the method expects one.
    if (!request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        bytes += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    bytes += "\r\n" + request.body;
    return target;
}

LoadConnection::LoadConnection(const LoadTarget &target, Client &client, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_client(client)
{}

LoadConnection::~LoadConnection()
{
    closeSocket();
}

void LoadConnection::send()
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_written = false;
    m_startedNs = m_target.clock.nsecsElapsed();
    m_parser.reset(m_target.bodylessAnswers);
    m_reused = m_ready;
    if (m_ready)
        writeRequest();
    else
        openSocket();
}

void LoadConnection::timeOut()
{
    if (m_busy)
        fail(SendFailure::Timeout, m_target.timeoutText);
}

void LoadConnection::drop()
{
    m_busy = false;
    closeSocket();
}

void LoadConnection::openSocket()
{
    closeSocket();
    m_tlsErrors.clear();
#if QT_CONFIG(ssl)
    QSslSocket *tlsSocket = nullptr;
    if (m_target.tls) {
        tlsSocket = new QSslSocket(this);
        m_socket = tlsSocket;
        connect(tlsSocket, &QSslSocket::encrypted, this, &LoadConnection::onReady);
        connect(tlsSocket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            QStringList texts;
            for (const QSslError &error : errors)
                texts << error.errorString();
            m_tlsErrors = texts.join(QLatin1String("; "));
        });
    }
#endif
    if (!m_socket) {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &LoadConnection::onReady);
    }
    m_socket->setProxy(m_target.proxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &LoadConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &LoadConnection::onError);
#if QT_CONFIG(ssl)
    if (tlsSocket) {
        tlsSocket->connectToHostEncrypted(m_target.host, m_target.port);
        return;
    }
#endif
    m_socket->connectToHost(m_target.host, m_target.port);
}

void LoadConnection::onReady()
{
    m_ready = true;
    // Each request goes out in one write; do not let Nagle hold the next one back.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_busy && !m_written)
        writeRequest();
}

void LoadConnection::writeRequest()
{
    m_written = true;
    m_writtenNs = m_target.clock.nsecsElapsed();
    m_socket->write(m_target.requestBytes); // shares the bytes: no copy
    m_socket->flush();                      // now, not on the next event-loop pass
}

void LoadConnection::onReadyRead()
{
    if (!m_busy) {
        closeSocket(); // bytes nobody asked for: the connection is out of step
        return;
    }
    readAvailable();
}

void LoadConnection::readAvailable()
{
    while (m_busy) {
        const qint64 size = m_socket->read(m_buffer.data(), qint64(m_buffer.size()));
        if (size <= 0)
            return;
        qsizetype used = 0;
        switch (m_parser.feed(m_buffer.data(), size, &used)) {
        case LoadAnswerParser::Result::NeedMore:
            break;
        case LoadAnswerParser::Result::Invalid:
            fail(SendFailure::Other, QStringLiteral("%1 sent an invalid HTTP answer (%2)")
                                         .arg(m_target.where, QLatin1String(m_parser.problem())));
            return;
        case LoadAnswerParser::Result::Complete:
            // Anything after the answer would be out of step: start afresh instead.
            complete(m_parser.keepAlive() && used == size && m_socket->bytesAvailable() == 0);
            return;
        }
    }
}

void LoadConnection::onError()
{
    const QAbstractSocket::SocketError error = m_socket->error();
    const bool wasReady = std::exchange(m_ready, false); // this socket is done for
    if (!m_busy) {
        closeSocket(); // e.g. the server ended an idle keep-alive connection
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        readAvailable(); // what came before the close may complete the answer
        if (!m_busy)
            return;
        if (m_parser.finishAtClose()) {
            complete(false);
            return;
        }
        if (std::exchange(m_reused, false) && !m_parser.hasStarted()) {
            // The server ended this kept-alive connection as the request went out, before
            // reading it: once more on a fresh connection, as browsers do.
            m_written = false;
            openSocket();
            return;
        }
    }
    const QString &where = m_target.where;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(SendFailure::ConnectionRefused, m_target.refusedText);
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(SendFailure::HostNotFound, m_target.hostNotFoundText);
        return;
    case QAbstractSocket::RemoteHostClosedError:
        if (m_target.tls && !wasReady) {
            fail(SendFailure::Tls,
                 QStringLiteral("TLS handshake with %1 failed: the server closed the connection")
                     .arg(where));
        } else {
            fail(SendFailure::ConnectionClosed,
                 m_parser.hasStarted() ? m_target.cutOffText : m_target.closedText);
        }
        return;
    case QAbstractSocket::SocketTimeoutError:
        fail(SendFailure::Timeout, m_target.timeoutText);
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        fail(SendFailure::Tls,
             QStringLiteral("TLS handshake with %1 failed: %2")
                 .arg(where, m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors));
        return;
    default:
        fail(SendFailure::Other, m_socket->errorString());
        return;
    }
}

void LoadConnection::complete(bool reuse)
{
    const qint64 latencyNs = m_target.clock.nsecsElapsed() - m_writtenNs;
    m_busy = false;
    if (!reuse || !m_ready)
        closeSocket();
    m_client.answered(this, m_parser.status(), latencyNs);
}

void LoadConnection::fail(SendFailure failure, const QString &text)
{
    m_busy = false;
    closeSocket();
    m_client.failed(this, failure, text);
}

void LoadConnection::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = std::exchange(m_socket, nullptr);
    m_ready = false;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater(); // may be inside one of its own signals
}

} // namespace hookbench
