#pragma once

#include "receiver/receiverconfig.h"

#include <QList>
#include <QString>

namespace hookbench {

// One named VWO webhook endpoint, typically one per VWO environment (production, staging, …).
// Its name is its identity everywhere: events, key ring ("webhook-key/<name>/<id>"), account
// profile and settings history are all keyed by it.
struct Endpoint
{
    static constexpr auto DefaultName = "default";
    static constexpr auto DefaultPath = "/vwo-webhook";

    QString name;
    QString path;     // "/vwo/staging": starts with '/', no query, no spaces
    quint16 port = 0; // 0: served on the receiver's port; else on a port of its own
    QString colour;   // "#rrggbb"; empty: one picked from the name
    ResponseOverride response;
    ForwardTarget forward;

    static Endpoint defaultEndpoint();
    bool isDefault() const { return name == QLatin1String(DefaultName); }
    // The first problem (name, path, colour, response, forward) in words, naming the field;
    // empty when fine.
    QString check() const;
    QString effectiveColour() const; // colour, else a stable pick for the name
};

bool operator==(const Endpoint &a, const Endpoint &b);
inline bool operator!=(const Endpoint &a, const Endpoint &b)
{
    return !(a == b);
}

namespace endpointrules {
// A webhook path: "/..." of printable ASCII without spaces, '?' or '#'; at most 200 characters.
QString checkPath(const QString &path);
// Two endpoints cannot answer the same (port, path): the first clash in `endpoints` in words,
// e.g. "staging and qa both use /vwo/staging on the receiver's port"; empty when none.
QString findClash(const QList<Endpoint> &endpoints);
// The colours new endpoints get in turn: distinct in light and dark themes.
QStringList palette();
} // namespace endpointrules

} // namespace hookbench
