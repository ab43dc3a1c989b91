#include "receiverservice.h"

#include "auth/keyverifier.h"
#include "events/eventstore.h"
#include "httpgate.h"
#include "receiver.h"
#include "receiverexposure.h"

#include <QDeadlineTimer>
#include <QTcpServer>

namespace hookbench {

namespace {
constexpr int ShutdownGraceMs = 5000;

// Runs fn on object's thread and waits for it.
template<typename Fn>
void runOn(QThread *thread, Fn &&fn)
{
    QObject context;
    context.moveToThread(thread);
    QMetaObject::invokeMethod(&context, std::forward<Fn>(fn), Qt::BlockingQueuedConnection);
}
} // namespace

ReceiverService::ReceiverService(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<hookbench::Event>();
    qRegisterMetaType<QList<hookbench::Event>>();
    qRegisterMetaType<hookbench::ForwardResult>();
    m_receiverThread.setObjectName(QStringLiteral("hookbench-receiver"));
    m_storeThread.setObjectName(QStringLiteral("hookbench-store"));
}

ReceiverService::~ReceiverService()
{
    stop();
}

bool ReceiverService::start(const ReceiverConfig &config)
{
    stop();
    m_config = config;
    m_error.clear();
    m_addressInUse = false;
    m_storeThread.start();
    m_receiverThread.start();

    const QString dbPath =
        config.databasePath.isEmpty() ? EventStore::defaultPath() : config.databasePath;
    runOn(&m_storeThread, [this, dbPath, &config]() {
        m_store = new EventStore;
        m_error = m_store->open(dbPath);
        m_store->setRetention(config.retention);
        m_store->setMaxDatabaseBytes(config.maxDatabaseBytes);
    });
    if (!m_error.isEmpty()) {
        stop();
        return false;
    }

    std::shared_ptr<const KeyVerifier> verifier = defaultEndpointVerifier(config);
    runOn(&m_receiverThread,
          [this, &config, verifier]() { m_receiver = new Receiver(config, verifier); });
    connect(m_receiver, &Receiver::batchReady, m_store, &EventStore::append);
    connect(m_store, &EventStore::committed, m_receiver, &Receiver::onCommitted);
    connect(m_store, &EventStore::failed, m_receiver, &Receiver::onFailed);
    connect(m_store, &EventStore::committed, this, &ReceiverService::eventsCommitted);
    // Forwards start after their commit, so eventForwarded() follows that event's eventsCommitted.
    connect(m_receiver, &Receiver::forwardFinished, m_store, &EventStore::recordForward);
    connect(m_store, &EventStore::forwardRecorded, this, &ReceiverService::eventForwarded);
    connectStore(m_store);
    connect(m_store, &EventStore::failed, this,
            [this](const QList<Event> &events, const QString &reason) {
                Q_EMIT storeError(
                    tr("%n request(s) could not be stored: %1", nullptr, int(events.size()))
                        .arg(reason));
            });

    bool inUse = false;
    runOn(&m_receiverThread, [this, &inUse]() {
        m_port = m_receiver->startListening(&m_error, &inUse);
        m_endpointPorts = m_receiver->endpointPorts();
    });
    if (m_port == 0) {
        m_addressInUse = inUse;
        const QString error = m_error;
        stop();
        m_error = error;
        m_addressInUse = inUse;
        return false;
    }
    m_running = true;
    return true;
}

void ReceiverService::stop()
{
    if (m_receiver) {
        Receiver *receiver = m_receiver;
        runOn(&m_receiverThread, [receiver]() { receiver->stopListening(); });
        // Finish what is in flight: each request waits for its commit and answer.
        QDeadlineTimer deadline(ShutdownGraceMs);
        int outstanding = 0;
        do {
            runOn(&m_receiverThread,
                  [receiver, &outstanding]() { outstanding = receiver->outstanding(); });
            if (outstanding > 0)
                QThread::msleep(2);
        } while (outstanding > 0 && !deadline.hasExpired());
        runOn(&m_receiverThread, [receiver]() {
            receiver->closeConnections();
            delete receiver;
        });
        m_receiver = nullptr;
    }
    if (m_storeThread.isRunning() && !m_store)
        runOn(&m_storeThread, [] {}); // queued deletes while stopped run before the thread quits
    if (m_store) {
        EventStore *store = m_store;
        runOn(&m_storeThread, [store]() {
            store->close();
            delete store;
        });
        m_store = nullptr;
    }
    m_receiverThread.quit();
    m_storeThread.quit();
    m_receiverThread.wait();
    m_storeThread.wait();
    m_running = false;
    m_endpointPorts.clear();
}

bool ReceiverService::updateEndpoints(const ReceiverConfig &config, QString *error)
{
    const GateLimits &a = config.limits;
    const GateLimits &b = m_config.limits;
    const bool sameLimits = a.maxBodyBytes == b.maxBodyBytes && a.maxHeadBytes == b.maxHeadBytes &&
                            a.maxConnections == b.maxConnections &&
                            a.headTimeoutMs == b.headTimeoutMs &&
                            a.idleTimeoutMs == b.idleTimeoutMs && a.drainMs == b.drainMs &&
                            a.handshakeTimeoutMs == b.handshakeTimeoutMs;
    if (!m_running || !m_receiver || config.host != m_config.host || config.port != m_config.port ||
        !sameLimits || !(config.tls == m_config.tls) ||
        config.databasePath != m_config.databasePath || config.retention != m_config.retention ||
        config.maxDatabaseBytes != m_config.maxDatabaseBytes) {
        *error = QStringLiteral("the receiver must restart for this change");
        return false;
    }
    std::shared_ptr<const KeyVerifier> verifier = defaultEndpointVerifier(config);
    Receiver *receiver = m_receiver;
    QHash<QString, quint16> ports;
    runOn(&m_receiverThread, [receiver, &config, &verifier, error, &ports]() {
        *error = receiver->setEndpoints(config, verifier);
        ports = receiver->endpointPorts();
    });
    if (!error->isEmpty())
        return false;
    const quint16 port = m_config.port;
    m_config = config;
    m_config.port = port;
    m_endpointPorts = ports;
    return true;
}

bool ReceiverService::isRunning() const
{
    return m_running;
}

QString ReceiverService::errorString() const
{
    return m_error;
}

bool ReceiverService::addressInUse() const
{
    return m_addressInUse;
}

quint16 ReceiverService::port() const
{
    return m_port;
}

QUrl ReceiverService::url() const
{
    return urlFor(m_config, m_port);
}

QUrl ReceiverService::urlFor(const ReceiverConfig &config, quint16 port)
{
    QUrl url;
    url.setScheme(config.tls.isEnabled() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(config.host.toString());
    url.setPort(port);
    url.setPath(config.path);
    return url;
}

QUrl ReceiverService::endpointUrl(const QString &name) const
{
    const quint16 port = m_endpointPorts.value(name);
    if (!m_running || port == 0)
        return {};
    if (name == m_config.endpoint)
        return urlFor(m_config, port);
    for (const EndpointRoute &route : m_config.otherEndpoints) {
        if (route.name == name) {
            QUrl url = urlFor(m_config, port);
            url.setPath(route.path);
            return url;
        }
    }
    return {};
}

ReceiverConfig ReceiverService::config() const
{
    return m_config;
}

GateStats ReceiverService::gateStats()
{
    GateStats stats;
    if (!m_receiver)
        return stats;
    Receiver *receiver = m_receiver;
    runOn(&m_receiverThread, [receiver, &stats]() {
        if (HttpGate *gate = receiver->gate()) {
            stats.openConnections = gate->openConnections();
            stats.evictions = gate->evictions();
            stats.peakBufferedBytes = gate->peakBufferedBytes();
        }
    });
    return stats;
}

void ReceiverService::removeEvents(const QList<qint64> &ids)
{
    if (!ids.isEmpty())
        runOnStore([ids](EventStore *store) { store->removeEvents(ids); });
}

void ReceiverService::clearEvents()
{
    runOnStore([](EventStore *store) { store->clearEvents(); });
}

void ReceiverService::setStarred(const QList<qint64> &ids, bool starred)
{
    if (!ids.isEmpty())
        runOnStore([ids, starred](EventStore *store) { store->setStarred(ids, starred); });
}

void ReceiverService::connectStore(EventStore *store)
{
    // Queued to this object's thread: the store emits on the store thread.
    connect(store, &EventStore::removed, this, &ReceiverService::eventsRemoved);
    connect(store, &EventStore::cleared, this, &ReceiverService::eventsCleared);
    connect(store, &EventStore::starredChanged, this, &ReceiverService::eventsStarred);
    connect(store, &EventStore::error, this, &ReceiverService::storeError);
}

void ReceiverService::runOnStore(const std::function<void(EventStore *)> &operation)
{
    if (m_store) {
        EventStore *store = m_store;
        QMetaObject::invokeMethod(
            store, [store, operation] { operation(store); }, Qt::QueuedConnection);
        return;
    }
    // Stopped: a store of its own for this one operation; stop() and start() wait for it.
    m_storeThread.start(); // no-op when already running
    const QString path =
        m_config.databasePath.isEmpty() ? EventStore::defaultPath() : m_config.databasePath;
    auto *store = new EventStore;
    store->setRetention(0); // a delete or star must not prune as a side effect
    connectStore(store);
    store->moveToThread(&m_storeThread);
    QMetaObject::invokeMethod(
        store,
        [store, path, operation] {
            const QString error = store->open(path);
            if (error.isEmpty())
                operation(store);
            else
                Q_EMIT store->error(error);
            store->close();
            store->deleteLater(); // not `delete`: the call's context is still in use; a
                                  // finishing thread runs deferred deletes (stop())
        },
        Qt::QueuedConnection);
}

quint16 ReceiverService::findFreePort(const QHostAddress &host)
{
    QTcpServer probe;
    if (!probe.listen(host, 0))
        return 0;
    return probe.serverPort();
}

} // namespace hookbench
