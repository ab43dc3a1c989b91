#pragma once

#include "events/event.h"
#include "receiverconfig.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QUrl>
#include <functional>
#include <memory>

namespace hookbench {

class EventStore;

// Figures from the connection gate, for tests, benchmarks and diagnostics.
struct GateStats
{
    int openConnections = 0;
    qint64 evictions = 0;
    qint64 peakBufferedBytes = 0; // most request input any one connection held at once
};
class Receiver;

// Owns the two worker threads (receiver, store) and wires them as in DESIGN.md §2:
// socket -> receiver -> store (commit, then answer) -> eventsCommitted (queued to
// the thread that owns the service, e.g. the GUI thread).
class ReceiverService : public QObject
{
    Q_OBJECT
public:
    explicit ReceiverService(QObject *parent = nullptr);
    ~ReceiverService() override; // stops cleanly: finishes in-flight requests, closes the store

    // Opens the store and starts listening; blocks only for the time it takes
    // to open a file and bind a socket (no network round trips).
    // Returns false with errorString() set, e.g. "port 4000 on 127.0.0.1 is already in use".
    bool start(const ReceiverConfig &config);
    void stop(); // stop accepting, answer what is in flight, close the store
    // While running: serves config's endpoints from the next request on, without a restart,
    // when only endpoints changed (host, port, limits, database and retention the same).
    // Returns false with *error set when that is not so (restart instead) or a port of an
    // endpoint cannot be opened (then nothing changed).
    bool updateEndpoints(const ReceiverConfig &config, QString *error);
    bool isRunning() const;

    QString errorString() const;
    bool addressInUse() const; // last start() failed because the port was taken
    quint16 port() const;      // actual port (useful when config.port was 0)
    QUrl url() const;          // http://HOST:PORT/PATH
    static QUrl urlFor(const ReceiverConfig &config, quint16 port);
    // Where the endpoint named `name` is served while running (its own port or the
    // receiver's); empty when no such endpoint runs.
    QUrl endpointUrl(const QString &name) const;
    ReceiverConfig config() const;
    GateStats gateStats();

    // A free TCP port on host, for "use a free port" offers.
    static quint16 findFreePort(const QHostAddress &host);

    // User deletes, queued to the store thread (never block the caller) and serialized there
    // with the receiver's appends. Answered by eventsRemoved()/eventsCleared(), or storeError().
    // While stopped, a store is opened on the store thread just for the delete, on the last
    // config's database (config().databasePath, else EventStore::defaultPath()).
    void removeEvents(const QList<qint64> &ids);
    void clearEvents();
    // Stars or unstars, the same way; answered by eventsStarred() or storeError().
    void setStarred(const QList<qint64> &ids, bool starred);

Q_SIGNALS:
    void eventsCommitted(const QList<hookbench::Event> &events);
    void storeError(const QString &message);
    void eventsRemoved(const QList<qint64> &ids); // sorted, duplicates dropped
    void eventsCleared();
    void eventsStarred(const QList<qint64> &ids, bool starred); // sorted, duplicates dropped
    // The app behind an endpoint's forward URL answered (or could not be reached) and the store
    // recorded it; result.answeredStatus is what VWO got, the event's status from now on.
    void eventForwarded(qint64 id, const hookbench::ForwardResult &result);

private:
    void runOnStore(const std::function<void(EventStore *)> &operation);
    void connectStore(EventStore *store);

    ReceiverConfig m_config;
    QThread m_receiverThread;
    QThread m_storeThread;
    EventStore *m_store = nullptr;
    Receiver *m_receiver = nullptr;
    QString m_error;
    bool m_addressInUse = false;
    quint16 m_port = 0;
    QHash<QString, quint16> m_endpointPorts;
    bool m_running = false;
};

} // namespace hookbench
