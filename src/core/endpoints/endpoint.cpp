#include "endpoint.h"

#include "auth/keysecret.h"

#include <QHash>
#include <QRegularExpression>

namespace hookbench {

namespace {
constexpr int MaxPathLength = 200;
constexpr int MaxDelayMs = 60 * 60 * 1000; // as listen --respond-delay-ms
constexpr qsizetype MaxResponseBody = 64 * 1024;

QString checkResponse(const ResponseOverride &response)
{
    if (response.status != 0 && (response.status < 100 || response.status > 599))
        return QStringLiteral("response status %1 is not an HTTP status (100-599)")
            .arg(response.status);
    if (response.delayMs < 0 || response.delayMs > MaxDelayMs)
        return QStringLiteral("response delay %1 ms is outside 0-%2 ms")
            .arg(response.delayMs)
            .arg(MaxDelayMs);
    if (response.body.size() > MaxResponseBody)
        return QStringLiteral("response body is %1 bytes; at most %2 are allowed")
            .arg(response.body.size())
            .arg(MaxResponseBody);
    return {};
}
} // namespace

Endpoint Endpoint::defaultEndpoint()
{
    Endpoint endpoint;
    endpoint.name = QLatin1String(DefaultName);
    endpoint.path = QLatin1String(DefaultPath);
    return endpoint;
}

QString Endpoint::check() const
{
    const QString nameProblem = webhookkey::checkEndpoint(name);
    if (!nameProblem.isEmpty())
        return nameProblem;
    const QString pathProblem = endpointrules::checkPath(path);
    if (!pathProblem.isEmpty())
        return QStringLiteral("endpoint %1: %2").arg(name, pathProblem);
    static const QRegularExpression hexColour(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!colour.isEmpty() && !hexColour.match(colour).hasMatch())
        return QStringLiteral("endpoint %1: colour '%2' is not of the form #rrggbb")
            .arg(name, colour);
    const QString responseProblem = checkResponse(response);
    if (!responseProblem.isEmpty())
        return QStringLiteral("endpoint %1: %2").arg(name, responseProblem);
    const QString forwardProblem = forward.check();
    if (!forwardProblem.isEmpty())
        return QStringLiteral("endpoint %1: %2").arg(name, forwardProblem);
    return {};
}

QString Endpoint::effectiveColour() const
{
    if (!colour.isEmpty())
        return colour.toLower();
    const QStringList colours = endpointrules::palette();
    return colours.at(int(qHash(name, 0) % size_t(colours.size())));
}

bool operator==(const Endpoint &a, const Endpoint &b)
{
    return a.name == b.name && a.path == b.path && a.port == b.port && a.colour == b.colour &&
           a.response.status == b.response.status && a.response.body == b.response.body &&
           a.response.delayMs == b.response.delayMs && a.forward == b.forward;
}

namespace endpointrules {

QString checkPath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("the path is empty; it must start with '/'");
    if (!path.startsWith(QLatin1Char('/')))
        return QStringLiteral("path '%1' must start with '/'").arg(path);
    if (path.size() > MaxPathLength)
        return QStringLiteral("path is %1 characters long; at most %2 are allowed")
            .arg(path.size())
            .arg(MaxPathLength);
    for (qsizetype i = 0; i < path.size(); ++i) {
        const QChar c = path.at(i);
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f || c == QLatin1Char('?') ||
            c == QLatin1Char('#'))
            return QStringLiteral("path '%1': character %2 must not be %3")
                .arg(path)
                .arg(i + 1)
                .arg(c == QLatin1Char(' ') ? QStringLiteral("a space")
                                           : QStringLiteral("'%1'").arg(c));
    }
    return {};
}

QString findClash(const QList<Endpoint> &endpoints)
{
    QHash<QString, QString> owners; // "port path" -> endpoint name
    for (const Endpoint &endpoint : endpoints) {
        const QString key = QString::number(endpoint.port) + QLatin1Char(' ') + endpoint.path;
        const auto owner = owners.constFind(key);
        if (owner != owners.cend()) {
            const QString where = endpoint.port == 0 ? QStringLiteral("the receiver's port")
                                                     : QStringLiteral("port %1").arg(endpoint.port);
            return QStringLiteral("%1 and %2 both use %3 on %4")
                .arg(*owner, endpoint.name, endpoint.path, where);
        }
        owners.insert(key, endpoint.name);
    }
    return {};
}

QStringList palette()
{
    return {QStringLiteral("#3584e4"), QStringLiteral("#e66100"), QStringLiteral("#26a269"),
            QStringLiteral("#9141ac"), QStringLiteral("#c01c28"), QStringLiteral("#986a44"),
            QStringLiteral("#1c71d8"), QStringLiteral("#a51d2d")};
}

} // namespace endpointrules
} // namespace hookbench
