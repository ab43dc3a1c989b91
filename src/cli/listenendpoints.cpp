#include "listenendpoints.h"

#include "clihelpers.h"
#include "endpoints/endpointroutes.h"
#include "events/eventstore.h"
#include "listenkeyring.h"
#include "listensettings.h"
#include "receiver/receiverexposure.h"
#include "receiver/receiverservice.h"

#include <cstdio>

namespace hookbench::cli {

namespace {

constexpr int PollMs = 1000;

} // namespace

ListenEndpoints::ListenEndpoints(bool pathGiven, bool responseGiven)
    : m_pathGiven(pathGiven)
    , m_responseGiven(responseGiven)
{
    m_timer.setInterval(PollMs);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { poll(); });
}

QString ListenEndpoints::configure(ReceiverConfig *config)
{
    m_commandLine = *config;
    QString error = m_store.open(config->databasePath.isEmpty() ? EventStore::defaultPath()
                                                                : config->databasePath);
    if (error.isEmpty()) {
        m_dataVersion = m_store.dataVersion();
        error = m_store.load(&m_seen);
    }
    if (error.isEmpty())
        error = build(m_seen, config);
    if (!error.isEmpty())
        m_store.close();
    return error;
}

QString ListenEndpoints::build(const QList<Endpoint> &endpoints, ReceiverConfig *config) const
{
    *config = m_commandLine;
    routeEndpoints(endpoints, {}, config);
    if (m_pathGiven)
        config->path = m_commandLine.path;
    if (m_responseGiven)
        config->response = m_commandLine.response;
    for (const EndpointRoute &route : std::as_const(config->otherEndpoints)) {
        if (route.path == config->path && (route.port == 0 || route.port == config->port))
            return QStringLiteral("--path: %1 is the path of endpoint '%2'; choose another path "
                                  "or remove that endpoint")
                .arg(config->path, route.name);
    }
    return {};
}

namespace {

// Bound to a reachable address, an endpoint without a key takes anyone's webhooks: say so, for
// each one (`only`: just these, when endpoints were added while listening).
void warnIfOpen(const ReceiverConfig &config, const QStringList &only = {})
{
    for (const QString &name : endpointsOpenToTheNetwork(config)) {
        if (!only.isEmpty() && !only.contains(name))
            continue;
        printError(QStringLiteral("listen"),
                   QStringLiteral("warning: bound to %1, which other machines can reach, and "
                                  "endpoint %2 accepts webhooks without a key: anyone who "
                                  "reaches it can post; add one with `hookbench-cli keys "
                                  "generate --endpoint %2`")
                       .arg(config.host.toString(), name));
    }
}

} // namespace

void ListenEndpoints::follow(ReceiverService *service, ListenKeyRing *keyRing,
                             ListenSettings *settings)
{
    m_service = service;
    m_keyRing = keyRing;
    m_settings = settings;
    for (const EndpointRoute &route : service->config().otherEndpoints)
        printInfo(QStringLiteral("listening on %1 (endpoint %2)")
                      .arg(service->endpointUrl(route.name).toString(), route.name));
    warnIfOpen(service->config());
    if (m_store.isOpen())
        m_timer.start();
}

void ListenEndpoints::stop()
{
    m_timer.stop();
    m_store.close();
}

void ListenEndpoints::poll()
{
    // data_version moves with every commit of another connection, events included: only a
    // changed endpoint list reaches the receiver.
    const qint64 version = m_store.dataVersion();
    if (version == m_dataVersion)
        return;
    m_dataVersion = version;
    QList<Endpoint> endpoints;
    const QString error = m_store.load(&endpoints);
    if (!error.isEmpty()) {
        printError(QStringLiteral("listen"),
                   QStringLiteral("cannot read the endpoints: %1").arg(error));
        return;
    }
    if (endpoints != m_seen) {
        m_seen = endpoints;
        apply(endpoints);
    }
}

QHash<QString, QUrl> ListenEndpoints::servedUrls() const
{
    const ReceiverConfig config = m_service->config();
    QHash<QString, QUrl> urls{{config.endpoint, m_service->endpointUrl(config.endpoint)}};
    for (const EndpointRoute &route : config.otherEndpoints)
        urls.insert(route.name, m_service->endpointUrl(route.name));
    return urls;
}

void ListenEndpoints::apply(const QList<Endpoint> &endpoints)
{
    const QString verb = QStringLiteral("listen");
    const QString refused = QStringLiteral("the endpoints changed, but %1; still serving the "
                                           "endpoints as they were");
    ReceiverConfig config;
    QString error = build(endpoints, &config);
    if (error.isEmpty())
        error = m_keyRing->setVerifiers(&config);
    const QHash<QString, QUrl> before = servedUrls();
    if (error.isEmpty())
        m_service->updateEndpoints(config, &error);
    if (!error.isEmpty()) {
        printError(verb, refused.arg(error));
        return;
    }
    const QHash<QString, QUrl> after = servedUrls();
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.contains(it.key()))
            continue;
        printInfo(QStringLiteral("no longer listening on %1 (endpoint %2 removed)")
                      .arg(it.value().toString(), it.key()));
        m_settings->removeEndpoint(it.key());
    }
    QStringList added;
    for (const Endpoint &endpoint : endpoints) {
        const QUrl url = after.value(endpoint.name);
        if (url == before.value(endpoint.name))
            continue;
        printInfo(
            QStringLiteral("listening on %1 (endpoint %2)").arg(url.toString(), endpoint.name));
        if (!before.contains(endpoint.name)) {
            m_settings->addEndpoint(endpoint.name);
            added.append(endpoint.name);
        }
    }
    if (!added.isEmpty())
        warnIfOpen(m_service->config(), added);
}

} // namespace hookbench::cli
