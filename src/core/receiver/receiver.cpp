#include "receiver.h"

#include "gatedsocket.h"
#include "httpgate.h"
#include "httpstatus.h"
#include "webhookvalidator.h"

#include <QAbstractEventDispatcher>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTimer>

namespace hookbench {

namespace {
const QByteArray JsonType = QByteArrayLiteral("application/json");
// Shared, not rebuilt per request.
const HeaderList JsonHeaders = {{QByteArrayLiteral("Content-Type"), JsonType}};
const HeaderList PlainTextHeaders = {
    {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}};

void splitTarget(const QByteArray &target, Event *event)
{
    const qsizetype question = target.indexOf('?');
    event->path = question < 0 ? target : target.left(question);
    event->query = question < 0 ? QByteArray() : target.mid(question + 1);
}
} // namespace

Receiver::Receiver(const ReceiverConfig &config, std::shared_ptr<const KeyVerifier> verifier,
                   QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(config)
    , m_verifier(std::move(verifier))
{
    // The end of an event-loop turn: every request read in it joins one batch, and no
    // queued call (one wake-up syscall each) is needed to get there.
    if (auto *dispatcher = QAbstractEventDispatcher::instance())
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &Receiver::flush);
}

Receiver::~Receiver()
{
    if (m_gate)
        m_gate->closeAll();
}

quint16 Receiver::startListening(QString *error, bool *addressInUse)
{
    m_gate = new HttpGate(m_config.limits, this);
    connect(m_gate, &HttpGate::rejected, this, &Receiver::recordRejection);
    *addressInUse = false;
    if (!m_gate->listen(m_config.host, m_config.port)) {
        *addressInUse = m_gate->serverError() == QAbstractSocket::AddressInUseError;
        const QString where =
            QStringLiteral("port %1 on %2").arg(m_config.port).arg(m_config.host.toString());
        *error = *addressInUse ? QString(where + QStringLiteral(" is already in use"))
                               : QString(QStringLiteral("cannot listen on ") + where +
                                         QStringLiteral(": ") + m_gate->errorString());
        delete m_gate;
        m_gate = nullptr;
        return 0;
    }
    bind(m_gate);
    return m_gate->serverPort();
}

void Receiver::stopListening()
{
    if (m_gate)
        m_gate->close();
}

void Receiver::closeConnections()
{
    if (m_gate)
        m_gate->closeAll();
}

int Receiver::outstanding() const
{
    int count = int(m_batch.size()) + m_delayedAnswers;
    for (const auto &batch : m_inFlight)
        count += int(batch.size());
    return count;
}

bool Receiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *gated = qobject_cast<GatedSocket *>(socket);
    GateConnection *connection = gated ? gated->connection() : nullptr;
    if (!connection)
        return false;
    const RequestHead &head = connection->currentHead();

    Event event;
    event.endpoint = m_config.endpoint;
    event.receivedAt = connection->currentReceivedAt();
    event.method = head.method;
    splitTarget(head.target, &event);
    event.headers = head.headers;
    event.body = request.body();
    event.remoteAddress = connection->peerAddress();
    event.remotePort = socket->peerPort();
    event.size = connection->currentRequestBytes();

    Answer answer;
    answer.connection = connection;
    answer.headers = JsonHeaders;
    const QString path = QString::fromUtf8(event.path);
    if (path != m_config.path) {
        event.status = 404;
        event.error = QStringLiteral("no endpoint at %1").arg(path);
    } else if (event.method != "POST") {
        event.status = 405;
        event.error = QStringLiteral("method %1 is not allowed on %2; use POST")
                          .arg(QString::fromLatin1(event.method), path);
        answer.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
    } else {
        bool present = false;
        QByteArray key;
        for (const auto &header : std::as_const(event.headers)) {
            if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0) {
                present = true;
                key = header.second;
                break;
            }
        }
        const AuthResult auth = m_verifier ? m_verifier->verify(key, present) : AuthResult{};
        event.auth = auth.outcome;
        event.keyId = auth.keyId;
        if (!auth.storedHeader.isEmpty()) {
            for (auto &header : event.headers) {
                if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
                    header.second = auth.storedHeader;
            }
        }
        const ValidationResult validation = validateWebhookPayload(event.body);
        event.valid = validation.valid;
        event.payloadTimestamp = validation.timestamp; // groups VWO's retries in the store
        if (auth.outcome == AuthOutcome::Missing) {
            event.status = 401;
            event.error = QStringLiteral("x-vwo-auth header is missing");
        } else if (auth.outcome == AuthOutcome::Failed) {
            event.status = 401;
            event.error = QStringLiteral("x-vwo-auth does not match any configured key");
        } else if (!validation.valid) {
            event.status = 400;
            event.error = validation.error;
        } else {
            event.status = 200;
        }
        // The override plays a down, odd or slow receiver. A status override replaces every
        // answer but 401 (it never turns a refused key into a success); a body alone replaces
        // the body of the normal 200; the delay holds every answer on this route.
        const ResponseOverride &override = m_config.response;
        const bool keyRefused = event.status == 401;
        if (override.status > 0 && !keyRefused)
            event.status = override.status;
        if (!override.body.isEmpty() && !keyRefused &&
            (override.status > 0 || event.status == 200)) {
            answer.body = override.body;
            answer.headers = PlainTextHeaders;
        }
        answer.delayMs = override.delayMs;
    }
    if (answer.body.isEmpty() && event.status != 200)
        answer.body = errorBody(event.error);
    answer.status = event.status;
    event.handlingMicros = (connection->gateClockNs() - connection->currentCompletedNs()) / 1000;

    auto responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    connection->holdResponder(std::move(responder));
    enqueue(std::move(event), std::move(answer));
    return true;
}

void Receiver::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request; nothing is left for a router.
}

void Receiver::recordRejection(const GateRejection &rejection)
{
    Event event;
    event.endpoint = m_config.endpoint;
    event.receivedAt = rejection.receivedAt;
    event.method = rejection.head.method;
    splitTarget(rejection.head.target, &event);
    event.headers = rejection.head.headers;
    event.remoteAddress = rejection.remoteAddress;
    event.remotePort = rejection.remotePort;
    event.size = rejection.bytes;
    event.status = rejection.status;
    event.error = rejection.error;
    enqueue(std::move(event), Answer{}); // the gate has answered already
}

void Receiver::enqueue(Event &&event, Answer &&answer)
{
    m_batch.append(std::move(event));
    m_batchAnswers.append(std::move(answer));
}

void Receiver::flush()
{
    if (m_batch.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_inFlight.enqueue(std::exchange(m_batchAnswers, {}));
    Q_EMIT batchReady(std::exchange(m_batch, {}));
}

void Receiver::onCommitted(const QList<Event> &events)
{
    if (m_inFlight.isEmpty())
        return;
    const QList<Answer> answers = m_inFlight.dequeue();
    for (qsizetype i = 0; i < answers.size(); ++i)
        answer(answers[i], i < events.size() ? events[i].id : 0);
    flush();
}

void Receiver::onFailed(const QList<Event> &, const QString &reason)
{
    if (m_inFlight.isEmpty())
        return;
    const QList<Answer> answers = m_inFlight.dequeue();
    for (Answer failed : answers) {
        // Not stored means not accepted: say so, so that VWO retries.
        failed.status = 503;
        failed.body = errorBody(QStringLiteral("could not store the request: ") + reason);
        failed.headers = JsonHeaders;
        failed.delayMs = 0;
        answer(failed, 0);
    }
    flush();
}

void Receiver::answer(Answer answer, qint64 eventId)
{
    if (!answer.connection)
        return;
    if (answer.status == 200 && answer.body.isEmpty())
        answer.body = "{\"ok\":true,\"id\":" + QByteArray::number(eventId) + '}';
    if (answer.delayMs > 0) {
        // A timer, not a sleep: a slow answer must not stall other connections.
        ++m_delayedAnswers;
        const int delay = std::exchange(answer.delayMs, 0);
        QTimer::singleShot(delay, this, [this, answer]() {
            --m_delayedAnswers;
            this->answer(answer, 0);
        });
        return;
    }
    answer.connection->respond(answer.status, answer.headers, answer.body, false);
}

} // namespace hookbench
