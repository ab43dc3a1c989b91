#include "gateconnection.h"

#include "gatedsocket.h"
#include "httpstatus.h"
#include "threadcheck.h"

#include <QHttpServerResponder>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <sys/socket.h>

namespace hookbench {

namespace {
constexpr qint64 ReadChunk = 64 * 1024;
} // namespace

GateConnection::GateConnection(qintptr descriptor, const GateLimits &limits,
                               const QSslConfiguration *tls, const QElapsedTimer *clock,
                               QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_clock(clock)
    , m_socket(tls ? new QSslSocket(this) : new QTcpSocket(this))
{
    // Qt buffers at most this much; past it the kernel applies TCP back-pressure,
    // so a client streaming a huge body is never held in memory.
    m_socket->setReadBufferSize(ReadChunk);
    m_phaseStartMs = nowMs();
    if (!m_socket->setSocketDescriptor(descriptor))
        return;
    m_peerAddress = m_socket->peerAddress().toString(); // once, not per request
    connect(m_socket, &QTcpSocket::readyRead, this, &GateConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &GateConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &GateConnection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error != QAbstractSocket::RemoteHostClosedError)
            close();
    });
    if (tls && !startTls(*tls))
        return;
    m_httpSocket = new GatedSocket(this, m_socket);
    m_httpSocket->setParent(this);
}

bool GateConnection::startTls(const QSslConfiguration &tls)
{
    auto *socket = static_cast<QSslSocket *>(m_socket);
    socket->setSslConfiguration(tls);
    m_handshaking = true;
    connect(socket, &QSslSocket::encryptedBytesWritten, this, &GateConnection::onBytesWritten);
    connect(socket, &QSslSocket::encrypted, this, [this] {
        m_handshaking = false;
        m_phaseStartMs = nowMs(); // the head timer starts now
    });
    // A client that does not speak TLS (plain HTTP to an HTTPS port) fails here: errorOccurred
    // closes the connection; nothing reached QHttpServer, so nothing is recorded.
    socket->startServerEncryption();
    return socket->state() == QAbstractSocket::ConnectedState;
}

GateConnection::~GateConnection()
{
    m_responder.reset(); // before the socket it points to
}

bool GateConnection::isValid() const
{
    return m_httpSocket && m_state != State::Closed;
}

GatedSocket *GateConnection::httpSocket() const
{
    return m_httpSocket;
}

bool GateConnection::isEvictable() const
{
    return m_state == State::ReadingHead || m_state == State::Draining;
}

void GateConnection::onReadyRead()
{
    if (m_state == State::Draining)
        drainInput();
    else if (m_state == State::ReadingHead || m_state == State::ReadingBody)
        process();
    // AwaitingResponse: leave input in the socket (back-pressure) until answered.
}

qint64 GateConnection::inputCap() const
{
    // Wire bytes one request may occupy: its head, its body and chunk framing. Reads stop
    // at this cap, so memory stays bounded whatever the client sends (tiny chunks too).
    const qint64 allowance = qMax<qint64>(64 * 1024, m_limits.maxHeadBytes + 16 * 1024);
    if (m_state == State::ReadingHead)
        return m_limits.maxHeadBytes + 4 + 1; // one byte past the cap proves "too large"
    return m_limits.maxBodyBytes + allowance;
}

bool GateConnection::readInput()
{
    const qint64 budget = qMin(m_socket->bytesAvailable(), inputCap() - m_in.size());
    if (budget <= 0)
        return false;
    if (m_in.isEmpty() && m_state == State::ReadingHead)
        m_phaseStartMs = nowMs(); // the head timer runs from its first byte
    m_in += m_socket->read(budget);
    m_peakBuffered = qMax<qint64>(m_peakBuffered, m_in.size());
    return true;
}

void GateConnection::process()
{
    // Each pass reads what the current state may hold, then tries to advance.
    bool progressed = true;
    while (progressed && (m_state == State::ReadingHead || m_state == State::ReadingBody)) {
        const State before = m_state;
        const bool read = readInput();
        if (m_state == State::ReadingHead)
            parseHead();
        if (m_state == State::ReadingBody)
            scanBody();
        progressed = read || m_state != before;
    }
}

void GateConnection::parseHead()
{
    if (m_in.isEmpty())
        return;
    const HeadParseResult parsed = parseRequestHead(m_in, m_limits.maxHeadBytes);
    switch (parsed.state) {
    case HeadParseResult::Incomplete:
        return;
    case HeadParseResult::TooLarge:
        m_head = parsed.head;
        return reject(431, parsed.error);
    case HeadParseResult::Malformed:
        m_head = parsed.head;
        return reject(400, QStringLiteral("malformed HTTP request: ") + parsed.error);
    case HeadParseResult::Complete:
        break;
    }
    m_head = parsed.head;
    m_receivedAt = QDateTime::currentDateTimeUtc();
    if (!m_head.chunked && m_head.contentLength > m_limits.maxBodyBytes)
        return reject(413, QStringLiteral("body of %1 bytes exceeds the limit of %2 bytes")
                               .arg(m_head.contentLength)
                               .arg(m_limits.maxBodyBytes));
    m_chunked.reset();
    m_chunkScanned = m_head.headBytes;
    m_state = State::ReadingBody;
    m_phaseStartMs = nowMs();
    const bool bodyExpected = m_head.chunked || m_head.contentLength > 0;
    if (m_head.expectContinue && bodyExpected && m_in.size() == m_head.headBytes)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void GateConnection::scanBody()
{
    qsizetype requestEnd = -1;
    if (m_head.chunked) {
        const auto result = m_chunked.scan(QByteArrayView(m_in).sliced(m_chunkScanned));
        m_chunkScanned = m_in.size();
        if (m_chunked.bodyBytes() > m_limits.maxBodyBytes)
            return reject(413, QStringLiteral("chunked body exceeds the limit of %1 bytes")
                                   .arg(m_limits.maxBodyBytes));
        if (result == ChunkedScanner::Error)
            return reject(400, QStringLiteral("malformed HTTP request: ") + m_chunked.error());
        if (result == ChunkedScanner::Done)
            requestEnd = m_head.headBytes + m_chunked.consumed();
        else if (m_in.size() >= inputCap())
            return reject(413, QStringLiteral("chunked body framing exceeds the limit of %1 bytes")
                                   .arg(m_limits.maxBodyBytes));
    } else if (m_in.size() >= m_head.headBytes + m_head.contentLength) {
        requestEnd = m_head.headBytes + m_head.contentLength;
    }
    if (requestEnd < 0) {
        if (!m_in.isEmpty())
            m_phaseStartMs = nowMs(); // progress resets the idle timer
        return;
    }
    deliver(requestEnd);
}

void GateConnection::deliver(qsizetype requestEnd)
{
    m_requestBytes = requestEnd;
    m_completedNs = m_clock->nsecsElapsed();
    m_state = State::AwaitingResponse;
    // Usually the buffer holds exactly this request: hand it over without a copy.
    QByteArray request;
    if (requestEnd == m_in.size()) {
        request = std::exchange(m_in, {});
    } else {
        request = m_in.left(requestEnd);
        m_in.remove(0, requestEnd);
    }
    Q_EMIT requestReady(this);
    if (m_httpSocket)
        m_httpSocket->deliver(request); // QHttpServer parses it and calls the handler
    if (m_state == State::AwaitingResponse && !m_responder && m_httpSocket &&
        m_httpSocket->state() != QAbstractSocket::ConnectedState) {
        reject(400, QStringLiteral("malformed HTTP request: rejected by the HTTP parser"));
    }
}

void GateConnection::holdResponder(std::unique_ptr<QHttpServerResponder> responder)
{
    m_responder = std::move(responder);
}

void GateConnection::respond(int status, const HeaderList &headers, const QByteArray &body,
                             bool closeAfter)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    if (m_state != State::AwaitingResponse)
        return;
    closeAfter = closeAfter || !m_head.keepAlive;
    if (m_responder && responderKnowsStatus(status)) {
        m_responder->writeStatusLine(QHttpServerResponder::StatusCode(status));
        for (const auto &header : headers)
            m_responder->writeHeader(header.first, header.second);
        m_responder->writeHeader(QByteArrayLiteral("Content-Length"),
                                 QByteArray::number(body.size()));
        if (closeAfter)
            m_responder->writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
        m_responder->writeBody(body);
    } else {
        QByteArray contentType;
        for (const auto &header : headers) {
            if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
                contentType = header.second;
        }
        m_socket->write(rawResponse(status, contentType, body, closeAfter));
    }
    m_responder.reset();
    // Send now rather than on the next write notification: saves a poll round per answer batch.
    m_socket->flush();
    m_servedAny = true;
    if (closeAfter) {
        m_state = State::Draining;
        m_phaseStartMs = nowMs();
        m_closeWhenWritten = true;
        onBytesWritten();
        return;
    }
    m_state = State::ReadingHead;
    m_phaseStartMs = nowMs();
    // Input that arrived meanwhile (pipelined requests) has no readyRead of its own. Checked
    // first: a queued call costs a wake-up, and in the common case nothing is waiting.
    if (!m_in.isEmpty() || m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &GateConnection::onReadyRead, Qt::QueuedConnection);
}

void GateConnection::reject(int status, const QString &error)
{
    GateRejection rejection;
    rejection.head = m_head;
    rejection.status = status;
    rejection.error = error;
    rejection.bytes = m_in.size();
    rejection.remoteAddress = m_peerAddress;
    rejection.remotePort = m_socket->peerPort();
    rejection.receivedAt = m_receivedAt.isValid() ? m_receivedAt : QDateTime::currentDateTimeUtc();
    m_responder.reset();
    m_in.clear();
    m_socket->write(rawResponse(status, "application/json", errorBody(error), true));
    m_state = State::Draining;
    m_phaseStartMs = nowMs();
    m_closeWhenWritten = true;
    Q_EMIT rejected(rejection);
    onBytesWritten();
    drainInput();
}

void GateConnection::drainInput()
{
    // Read and discard: closing with unread input makes the kernel send a reset,
    // and the client would lose the answer we just wrote.
    char sink[16 * 1024];
    while (m_socket->bytesAvailable() > 0)
        m_socket->read(sink, sizeof sink);
}

void GateConnection::onBytesWritten()
{
    if (!m_closeWhenWritten || m_halfClosed || m_socket->bytesToWrite() > 0)
        return;
    // Everything is sent: signal end of our side, keep reading until the peer closes.
    m_halfClosed = true;
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket)) {
        // TLS ends with close_notify, not a bare FIN that clients report as truncation.
        if (tls->encryptedBytesToWrite() == 0)
            tls->disconnectFromHost();
        else
            m_halfClosed = false; // try again at the next bytesWritten
        return;
    }
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

void GateConnection::checkDeadlines(qint64 now)
{
    const qint64 waited = now - m_phaseStartMs;
    if (m_handshaking) {
        if (waited > m_limits.handshakeTimeoutMs)
            abort();
        return;
    }
    switch (m_state) {
    case State::ReadingHead:
        if (!m_in.isEmpty() || !m_servedAny) {
            if (waited > m_limits.headTimeoutMs) {
                if (m_in.isEmpty())
                    abort();
                else
                    reject(408, QStringLiteral("request head not complete within %1 ms")
                                    .arg(m_limits.headTimeoutMs));
            }
        } else if (waited > m_limits.idleTimeoutMs) {
            abort();
        }
        break;
    case State::ReadingBody:
        if (waited > m_limits.idleTimeoutMs)
            abort();
        break;
    case State::Draining:
        if (waited > m_limits.drainMs)
            abort();
        break;
    case State::AwaitingResponse:
    case State::Closed:
        break;
    }
}

void GateConnection::abort()
{
    m_socket->abort();
    close();
}

void GateConnection::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_responder.reset();
    if (m_httpSocket) {
        m_httpSocket->detach();
        m_httpSocket->deleteLater();
    }
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    Q_EMIT finished(this);
}

} // namespace hookbench
