#include "receiver.h"

#include "gatedsocket.h"
#include "httpgate.h"
#include "httpstatus.h"
#include "threadcheck.h"
#include "webhookvalidator.h"

#include <QAbstractEventDispatcher>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTimer>

#include <algorithm>

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
    , m_forwarder(new Forwarder(this))
{
    planRoutes(config, std::move(verifier), &m_routes, &m_listeners);
    // The end of an event-loop turn: every request read in it joins one batch, and no
    // queued call (one wake-up syscall each) is needed to get there.
    if (auto *dispatcher = QAbstractEventDispatcher::instance())
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, &Receiver::flush);
}

Receiver::~Receiver()
{
    closeConnections();
}

bool Receiver::listenOn(Listener *listener, const QString &forWhom, QString *error,
                        bool *addressInUse)
{
    auto *gate = new HttpGate(m_config.limits, m_config.tls, this);
    if (!gate->listen(m_config.host, listener->port)) {
        *addressInUse = gate->serverError() == QAbstractSocket::AddressInUseError;
        const QString where =
            QStringLiteral("port %1 on %2").arg(listener->port).arg(m_config.host.toString());
        *error = forWhom + (*addressInUse ? QString(where + QStringLiteral(" is already in use"))
                                          : QString(QStringLiteral("cannot listen on ") + where +
                                                    QStringLiteral(": ") + gate->errorString()));
        delete gate;
        return false;
    }
    listener->gate = gate;
    connect(gate, &HttpGate::rejected, this, [this, gate](const GateRejection &rejection) {
        const Listener *owner = &m_listeners.first(); // also for a retired gate's connections
        for (const Listener &candidate : std::as_const(m_listeners)) {
            if (candidate.gate == gate)
                owner = &candidate;
        }
        recordRejection(owner, rejection);
    });
    bind(gate);
    return true;
}

quint16 Receiver::startListening(QString *error, bool *addressInUse)
{
    *addressInUse = false;
    for (qsizetype i = 0; i < m_listeners.size(); ++i) {
        Listener &listener = m_listeners[i];
        const QString forWhom =
            i == 0 ? QString()
                   : QStringLiteral("endpoint %1: ").arg(m_routes.at(listener.routes.first()).name);
        if (!listenOn(&listener, forWhom, error, addressInUse)) {
            stopListening();
            return 0;
        }
    }
    return m_listeners.first().gate->serverPort();
}

QHash<QString, quint16> Receiver::endpointPorts() const
{
    QHash<QString, quint16> ports;
    for (const Listener &listener : m_listeners) {
        for (qsizetype route : listener.routes)
            ports.insert(m_routes.at(route).name, listener.gate ? listener.gate->serverPort() : 0);
    }
    return ports;
}

void Receiver::stopListening()
{
    for (const Listener &listener : std::as_const(m_listeners)) {
        if (listener.gate)
            listener.gate->close();
    }
}

void Receiver::closeConnections()
{
    // Follow-mode answers still get theirs (502) before their connections close.
    m_forwarder->abortAll(QStringLiteral("Hookbench stopped before the app answered"));
    for (const Listener &listener : std::as_const(m_listeners)) {
        if (listener.gate)
            listener.gate->closeAll();
    }
    for (HttpGate *gate : std::as_const(m_retiredGates))
        gate->closeAll();
}

int Receiver::outstanding() const
{
    int count = int(m_batch.size()) + m_delayedAnswers + m_forwarder->inFlight();
    for (const auto &batch : m_inFlight)
        count += int(batch.size());
    return count;
}

const Receiver::Listener *Receiver::listenerFor(quint16 localPort) const
{
    for (const Listener &listener : m_listeners) {
        if (listener.gate && listener.gate->serverPort() == localPort)
            return &listener;
    }
    return &m_listeners.first();
}

bool Receiver::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto *gated = qobject_cast<GatedSocket *>(socket);
    GateConnection *connection = gated ? gated->connection() : nullptr;
    if (!connection)
        return false;
    const RequestHead &head = connection->currentHead();
    const Listener *listener = listenerFor(socket->localPort());
    if (answerHealthCheck(head, listener, connection, request, socket))
        return true;

    Event event;
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
    const Route *route = nullptr;
    for (qsizetype index : listener->routes) {
        if (m_routes.at(index).path == path)
            route = &m_routes.at(index);
    }
    // A path no endpoint serves is recorded under the listener's first endpoint (the default
    // one on the receiver's port), so it shows where the user looks.
    event.endpoint = route ? route->name : m_routes.at(listener->routes.first()).name;
    if (!route) {
        event.status = 404;
        event.error = QStringLiteral("no endpoint at %1").arg(path);
    } else if (event.method != "POST") {
        event.status = 405;
        event.error = QStringLiteral("method %1 is not allowed on %2; use POST")
                          .arg(QString::fromLatin1(event.method), path);
        answer.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
    } else {
        authenticateAndValidate(*route, &event, &answer);
        if (answer.forward.target.isSet()) {
            answer.forward.method = event.method;
            answer.forward.headers = head.headers; // x-vwo-auth as sent, not as stored
            answer.forward.body = event.body;
            answer.forward.remoteAddress = event.remoteAddress;
        }
    }
    const bool awaitsApp = event.forwardState == ForwardState::Pending && event.forward.followed;
    if (answer.body.isEmpty() && event.status != 200 && !awaitsApp)
        answer.body = errorBody(event.error);
    answer.status = event.status;
    event.handlingMicros = (connection->gateClockNs() - connection->currentCompletedNs()) / 1000;

    auto responder = std::make_unique<QHttpServerResponder>(makeResponder(request, socket));
    connection->holdResponder(std::move(responder));
    enqueue(std::move(event), std::move(answer));
    return true;
}

void Receiver::authenticateAndValidate(const Route &route, Event *event, Answer *answer) const
{
    bool present = false;
    QByteArray key;
    for (const auto &header : std::as_const(event->headers)) {
        if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0) {
            present = true;
            key = header.second;
            break;
        }
    }
    const AuthResult auth = route.verifier ? route.verifier->verify(key, present) : AuthResult{};
    event->auth = auth.outcome;
    event->keyId = auth.keyId;
    if (!auth.storedHeader.isEmpty()) {
        for (auto &header : event->headers) {
            if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
                header.second = auth.storedHeader;
        }
    }
    const ValidationResult validation = validateWebhookPayload(event->body);
    event->valid = validation.valid;
    event->payloadTimestamp = validation.timestamp; // groups VWO's retries in the store
    if (auth.outcome == AuthOutcome::Missing) {
        event->status = 401;
        event->error = QStringLiteral("x-vwo-auth header is missing");
    } else if (auth.outcome == AuthOutcome::Failed) {
        event->status = 401;
        event->error = QStringLiteral("x-vwo-auth does not match any configured key");
    } else if (!validation.valid) {
        event->status = 400;
        event->error = validation.error;
    } else {
        event->status = 200;
    }
    // Only webhooks we accept go on to the app, whatever an override answers VWO; refusals
    // are ours alone.
    if (route.forward.isSet() && event->asksForSettingsFetch()) {
        event->forwardState = ForwardState::Pending;
        event->forward.url = Forwarder::displayUrl(route.forward.url);
        event->forward.followed = route.forward.followAnswer;
        answer->forward.target = route.forward;
        if (route.forward.followAnswer) {
            // The app plays the receiver: the override (status, body and delay) is ignored, and
            // until the app answers there is no status (0, "not answered").
            event->status = 0;
            return;
        }
    }
    // The override plays a down, odd or slow receiver. A status override replaces every
    // answer but 401 (it never turns a refused key into a success); a body alone replaces
    // the body of the normal 200; the delay holds every answer on this route.
    const ResponseOverride &override = route.response;
    const bool keyRefused = event->status == 401;
    if (override.status > 0 && !keyRefused)
        event->status = override.status;
    if (!override.body.isEmpty() && !keyRefused && (override.status > 0 || event->status == 200)) {
        answer->body = override.body;
        answer->headers = PlainTextHeaders;
    }
    answer->delayMs = override.delayMs;
}

void Receiver::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest() takes every request; nothing is left for a router.
}

void Receiver::recordRejection(const Listener *listener, const GateRejection &rejection)
{
    Event event;
    event.endpoint = m_routes.at(listener->routes.first()).name;
    event.receivedAt = rejection.receivedAt;
    event.method = rejection.head.method;
    splitTarget(rejection.head.target, &event);
    event.headers = rejection.head.headers;
    event.remoteAddress = rejection.remoteAddress;
    event.remotePort = rejection.remotePort;
    event.size = rejection.bytes;
    event.status = rejection.status;
    event.error = rejection.error;
    // A rejected request whose path names an endpoint on this listener belongs to it.
    const QString path = QString::fromUtf8(event.path);
    for (qsizetype index : listener->routes) {
        if (m_routes.at(index).path == path)
            event.endpoint = m_routes.at(index).name;
    }
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
    HOOKBENCH_CHECK_OWN_THREAD();
    m_storeError.clear();
    if (m_inFlight.isEmpty())
        return;
    const QList<Answer> answers = m_inFlight.dequeue();
    for (qsizetype i = 0; i < answers.size(); ++i)
        answer(answers[i], i < events.size() ? events[i].id : 0);
    flush();
}

void Receiver::onFailed(const QList<Event> &, const QString &reason)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    m_storeError = reason;
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
    if (answer.forward.target.isSet()) {
        // Only once committed (eventId 0: not stored, so not accepted and not passed on).
        const bool awaitsApp = eventId != 0 && answer.forward.target.followAnswer;
        if (eventId != 0)
            startForward(answer, eventId);
        answer.forward = {};
        if (awaitsApp)
            return; // answerAsApp() answers
    }
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
