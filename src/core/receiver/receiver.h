#pragma once

#include "auth/keyverifier.h"
#include "events/event.h"
#include "gateconnection.h"
#include "receiverconfig.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QQueue>
#include <memory>

namespace hookbench {

class HttpGate;

// Captures every request that reaches QHttpServer through the gate, checks and
// validates VWO-route requests, and answers each one only after the store has
// committed it (group commit: one batch in flight, the next one accumulating).
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
    int outstanding() const; // requests not yet answered
    HttpGate *gate() const { return m_gate; }

public Q_SLOTS:
    void onCommitted(const QList<hookbench::Event> &events);
    void onFailed(const QList<hookbench::Event> &events, const QString &reason);

Q_SIGNALS:
    void batchReady(const QList<hookbench::Event> &batch);

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
    };

    void recordRejection(const GateRejection &rejection);
    void enqueue(Event &&event, Answer &&answer);
    void flush();
    void answer(Answer answer, qint64 eventId);

    ReceiverConfig m_config;
    std::shared_ptr<const KeyVerifier> m_verifier;
    HttpGate *m_gate = nullptr;
    QList<Event> m_batch;
    QList<Answer> m_batchAnswers;
    QQueue<QList<Answer>> m_inFlight; // batches sent to the store, oldest first
    int m_delayedAnswers = 0;
};

} // namespace hookbench
