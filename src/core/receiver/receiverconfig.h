#pragma once

#include "forwardtarget.h"
#include "tlssetup.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <memory>

namespace hookbench {

class KeyVerifier;

// How the receiver answers VWO-route requests instead of its normal 200, to play
// a receiver that is down or slow. status 0 = no override.
struct ResponseOverride
{
    int status = 0;
    QByteArray body;
    int delayMs = 0;
};

// Hard limits of the connection gate (Qt 6.4's QHttpServer has none).
struct GateLimits
{
    qint64 maxBodyBytes = 1024 * 1024; // larger declared/chunked bodies get 413
    int maxHeadBytes = 16 * 1024;      // request line + headers; larger gets 431
    int maxConnections = 512;          // at the cap, the longest idle/slowest is evicted
    int headTimeoutMs = 2000;          // a request head must complete within this
    int idleTimeoutMs = 10000;         // keep-alive idle connections are closed after this
    int drainMs = 2000;                // after 413, read and discard input this long before closing
    int handshakeTimeoutMs = 2000;     // HTTPS: the TLS handshake must complete within this
};

// One endpoint besides the default as the receiver serves it (issue 8): its own path, keys,
// answer and forwarding, on the receiver's port or on one of its own.
struct EndpointRoute
{
    QString name;
    QString path;
    quint16 port = 0;                            // 0: the receiver's port
    std::shared_ptr<const KeyVerifier> verifier; // null: no authentication required
    ResponseOverride response;
    ForwardTarget forward;
};

// The fields without a prefix configure the default endpoint (`endpoint`, `path`, `keys` or
// `verifier`, `response`, `forward`): what listen's --path, --key and --respond-* set.
struct ReceiverConfig
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4000; // 0 picks a free port
    QString path = QStringLiteral("/vwo-webhook");
    QString endpoint = QStringLiteral("default");
    QList<QByteArray> keys; // empty: authentication not required
    // When set, checks x-vwo-auth instead of `keys`: shared with its owner (e.g. the key ring's
    // KeyRingVerifier), which may change the accepted keys while the receiver runs.
    std::shared_ptr<const KeyVerifier> verifier;
    ResponseOverride response;
    ForwardTarget forward;
    QList<EndpointRoute> otherEndpoints; // in the order they were created
    GateLimits limits;
    TlsChoice tlsChoice;  // what the settings ask for (the window); setUpTls() makes `tls` of it
    TlsSettings tls;      // enabled: every port serves HTTPS only
    QString databasePath; // empty: EventStore::defaultPath()
    int retention = 100000;
    qint64 maxDatabaseBytes = 0; // the event database's size cap (EventStore); 0: none
};

} // namespace hookbench
