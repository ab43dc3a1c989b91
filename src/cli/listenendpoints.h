#pragma once

#include "endpoints/endpoint.h"
#include "endpoints/endpointstore.h"
#include "receiver/receiverconfig.h"

#include <QHash>
#include <QString>
#include <QTimer>
#include <QUrl>

namespace hookbench {
class ReceiverService;
}

namespace hookbench::cli {

class ListenKeyRing;
class ListenSettings;

// `listen`'s endpoints (issue 8): every stored endpoint is served, and what the command line
// set (--path, --respond-*) replaces the stored values of the default endpoint only. While
// listening, the endpoints table is polled every second: endpoints added, changed, renamed or
// removed (in another shell, in the window) are applied to the running receiver, each with a
// line on stderr.
class ListenEndpoints
{
public:
    ListenEndpoints(bool pathGiven, bool responseGiven);

    // Puts the database's endpoints into *config, whose own fields hold the command line's
    // values. Empty string on success, else why (e.g. --path taking another endpoint's path).
    QString configure(ReceiverConfig *config);
    // After the "listening on URL" line of the default endpoint: one "listening on URL
    // (endpoint NAME)" line per other endpoint; from now on follows the table.
    void follow(ReceiverService *service, ListenKeyRing *keyRing, ListenSettings *settings);
    void stop();

private:
    QString build(const QList<Endpoint> &endpoints, ReceiverConfig *config) const;
    void poll();
    void apply(const QList<Endpoint> &endpoints);
    QHash<QString, QUrl> servedUrls() const;

    const bool m_pathGiven;
    const bool m_responseGiven;
    ReceiverConfig m_commandLine; // before the stored endpoints went in
    EndpointStore m_store;
    qint64 m_dataVersion = -1;
    QList<Endpoint> m_seen; // last loaded, served or refused (refusals are told once)
    QTimer m_timer;
    ReceiverService *m_service = nullptr;
    ListenKeyRing *m_keyRing = nullptr;
    ListenSettings *m_settings = nullptr;
};

} // namespace hookbench::cli
