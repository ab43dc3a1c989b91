// Receiver: which endpoint answers which port and path, and changing that while running.
#include "httpgate.h"

#include "receiver.h"
#include "threadcheck.h"
#include <algorithm>

namespace hookbench {

void Receiver::planRoutes(const ReceiverConfig &config, std::shared_ptr<const KeyVerifier> verifier,
                          QList<Route> *routes, QList<Listener> *listeners)
{
    routes->clear();
    listeners->clear();
    routes->append(
        {config.endpoint, config.path, std::move(verifier), config.response, config.forward});
    for (const EndpointRoute &other : config.otherEndpoints)
        routes->append({other.name, other.path, other.verifier, other.response, other.forward});
    // The receiver's port first, then one listener per port of its own, in endpoint order.
    listeners->append({nullptr, config.port, {0}});
    for (qsizetype i = 1; i < routes->size(); ++i) {
        quint16 port = config.otherEndpoints.at(i - 1).port;
        if (port == config.port)
            port = 0; // "its own port" that is the receiver's: simply served there
        auto listener = std::find_if(listeners->begin() + 1, listeners->end(),
                                     [port](const Listener &l) { return l.port == port; });
        if (port == 0)
            listeners->first().routes.append(i);
        else if (listener != listeners->end())
            listener->routes.append(i);
        else
            listeners->append({nullptr, port, {i}});
    }
}

QString Receiver::setEndpoints(const ReceiverConfig &config,
                               std::shared_ptr<const KeyVerifier> verifier)
{
    HOOKBENCH_CHECK_OWN_THREAD();
    QList<Route> routes;
    QList<Listener> listeners;
    ReceiverConfig planned = config;
    planned.port = m_config.port; // the receiver's own port is not changed here
    planRoutes(planned, std::move(verifier), &routes, &listeners);

    // Keep the gates of ports still in use; open the new ones before anything changes.
    listeners.first().gate = m_listeners.first().gate;
    QList<HttpGate *> opened;
    for (qsizetype i = 1; i < listeners.size(); ++i) {
        Listener &listener = listeners[i];
        const auto kept = std::find_if(m_listeners.cbegin() + 1, m_listeners.cend(),
                                       [&](const Listener &l) { return l.port == listener.port; });
        if (kept != m_listeners.cend()) {
            listener.gate = kept->gate;
            continue;
        }
        QString error;
        bool inUse = false;
        const QString forWhom =
            QStringLiteral("endpoint %1: ").arg(routes.at(listener.routes.first()).name);
        if (!listenOn(&listener, forWhom, &error, &inUse)) {
            for (HttpGate *gate : std::as_const(opened)) {
                gate->close();
                m_retiredGates.append(gate);
            }
            return error;
        }
        opened.append(listener.gate);
    }
    for (qsizetype i = 1; i < m_listeners.size(); ++i) {
        HttpGate *gate = m_listeners.at(i).gate;
        const bool kept = std::any_of(listeners.cbegin(), listeners.cend(),
                                      [gate](const Listener &l) { return l.gate == gate; });
        if (gate && !kept) {
            gate->close();
            m_retiredGates.append(gate);
        }
    }
    m_routes = routes;
    m_listeners = listeners;
    m_config.endpoint = config.endpoint;
    m_config.path = config.path;
    m_config.response = config.response;
    m_config.forward = config.forward;
    m_config.otherEndpoints = config.otherEndpoints;
    return {};
}

} // namespace hookbench
