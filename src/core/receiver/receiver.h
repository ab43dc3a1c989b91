#pragma once

#include "auth/keyverifier.h"
#include "events/event.h"
#include "forwarder.h"
#include "gateconnection.h"
#include "receiverconfig.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QPointer>
#include <QQueue>
#include <memory>

namespace hookbench {

class HttpGate;

// Captures every request that reaches QHttpServer through the gate, checks and
// validates VWO-route requests, and answers each one only after the store has
// committed it (group commit: one batch in flight, the next one accumulating).
//
// Forwarding (issue 8): a valid, authenticated webhook to an endpoint with a forward URL is
// passed on once committed. In own-answer mode VWO is answered as usual and the app's answer
// is only recorded; in follow mode the answer waits for the app's and copies its status,
// Content-Type and body (502 when it cannot be reached). Either way forwardFinished() reports
// it with the status VWO got, for the store to record.
//
// GET /healthz on the receiver's own port (unless an endpoint serves that path) is answered at
// once and not recorded: 200 while the store accepts events, 503 after a failed commit until
// the next one succeeds. For load balancers and `systemctl` watchdogs (issue 9).
class Receiver : public QAbstractHttpServer
{
    Q_OBJECT
public:
    Receiver(const ReceiverConfig &config, std::shared_ptr<const KeyVerifier> verifier,
             QObject *parent = nullptr);
    ~Receiver() override;

    // Returns the bound port, or 0 with *error set.
    quint16 startListening(QString *error, bool *addressInUse);
    void stopListening();
    void closeConnections();
    int outstanding() const; // requests not yet answered, and forwards under way
    HttpGate *gate() const { return m_listeners.isEmpty() ? nullptr : m_listeners.first().gate; }
    // Serves config's endpoints from now on, without a restart (the receiver's own host, port
    // and limits stay): new ports of their own are opened, ports no endpoint uses any more stop
    // accepting (their open connections finish). On an error (a port taken) nothing changes.
    QString setEndpoints(const ReceiverConfig &config, std::shared_ptr<const KeyVerifier> verifier);
    // The port each endpoint is served on, once listening (name -> port).
    QHash<QString, quint16> endpointPorts() const;

public Q_SLOTS:
    void onCommitted(const QList<hookbench::Event> &events);
    void onFailed(const QList<hookbench::Event> &events, const QString &reason);

Q_SIGNALS:
    void batchReady(const QList<hookbench::Event> &batch);
    void forwardFinished(qint64 id, const hookbench::ForwardResult &result, int answeredStatus);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Answer
    {
        QPointer<GateConnection> connection; // null: already answered (gate rejections)
        int status = 0;
        QByteArray body; // for 200: filled with the event id once committed
        HeaderList headers;
        int delayMs = 0;
        ForwardRequest forward; // target set: forward once committed
    };

    // An endpoint as served: the default one comes first (from the config's own fields).
    struct Route
    {
        QString name;
        QString path;
        std::shared_ptr<const KeyVerifier> verifier;
        ResponseOverride response;
        ForwardTarget forward;
    };
    // One listening socket and the endpoints served on it.
    struct Listener
    {
        HttpGate *gate = nullptr;
        quint16 port = 0; // as configured (0: any free port, for the receiver's own)
        QList<qsizetype> routes;
    };

    static void planRoutes(const ReceiverConfig &config,
                           std::shared_ptr<const KeyVerifier> verifier, QList<Route> *routes,
                           QList<Listener> *listeners);
    bool listenOn(Listener *listener, const QString &forWhom, QString *error, bool *addressInUse);
    const Listener *listenerFor(quint16 localPort) const;
    void authenticateAndValidate(const Route &route, Event *event, Answer *answer) const;
    void recordRejection(const Listener *listener, const GateRejection &rejection);
    void enqueue(Event &&event, Answer &&answer);
    void flush();
    void answer(Answer answer, qint64 eventId);
    void startForward(const Answer &answer, qint64 eventId);
    static int answerAsApp(GateConnection *connection, const ForwardResult &result);
    // receiverhealth.cpp: true when it answered the request as the health check.
    bool answerHealthCheck(const RequestHead &head, const Listener *listener,
                           GateConnection *connection, const QHttpServerRequest &request,
                           QTcpSocket *socket);

    ReceiverConfig m_config;
    QList<Route> m_routes;
    QList<Listener> m_listeners;      // the receiver's own port first
    QList<HttpGate *> m_retiredGates; // no longer accepting; their connections finish

    QList<Event> m_batch;
    QList<Answer> m_batchAnswers;
    QQueue<QList<Answer>> m_inFlight; // batches sent to the store, oldest first
    int m_delayedAnswers = 0;
    QString m_storeError; // the last failed commit's reason; empty once one succeeds
    Forwarder *m_forwarder;
};

} // namespace hookbench
