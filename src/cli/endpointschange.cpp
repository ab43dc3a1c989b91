// endpoints add | set: create an endpoint or change what is given of one.
#include "auth/keysecret.h"
#include "endpointnames.h"
#include "endpointsoptions.h"
#include "endpointssession.h"
#include "endpointsverbs.h"

namespace hookbench::cli {

namespace {

// The first palette colour no endpoint shows yet, so a new endpoint stands out in the window.
QString nextColour(const QList<Endpoint> &endpoints)
{
    QStringList used;
    for (const Endpoint &endpoint : endpoints)
        used.append(endpoint.effectiveColour());
    const QStringList palette = endpointrules::palette();
    for (const QString &colour : palette) {
        if (!used.contains(colour))
            return colour;
    }
    return palette.at(int(endpoints.size() % palette.size()));
}

QString whereText(const Endpoint &endpoint)
{
    return endpoint.port == 0
               ? QStringLiteral("%1 on the receiver's port").arg(endpoint.path)
               : QStringLiteral("%1 on port %2").arg(endpoint.path).arg(endpoint.port);
}

} // namespace

int runEndpointsAdd(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("add"), QStringLiteral("add NAME --path PATH [options]"),
        QStringLiteral("Add an endpoint: VWO posts to its path (on the receiver's port, or on a\n"
                       "port of its own), authenticated with its own keys ('hookbench-cli keys\n"
                       "generate --endpoint NAME'). NAME is 1-64 of A-Z a-z 0-9 . _ -"));
    const EndpointOptions options(EndpointOptions::Verb::Add);
    options.addTo(session);
    if (const auto exitCode = session.parse(args, {QStringLiteral("NAME")}))
        return *exitCode;
    Endpoint endpoint;
    endpoint.name = session.positional().constFirst();
    const QString nameProblem = webhookkey::checkEndpoint(endpoint.name);
    if (!nameProblem.isEmpty())
        return session.usage(QStringLiteral("NAME: ") + nameProblem);
    if (!session.parser().isSet(options.path()))
        return session.usage(
            QStringLiteral("--path is required, e.g. --path /vwo/%1").arg(endpoint.name));
    const QString error = options.apply(session.parser(), &endpoint);
    if (!error.isEmpty())
        return session.usage(error);

    if (const auto exitCode = session.open(true))
        return *exitCode;
    const auto endpoints = session.endpoints();
    if (!endpoints)
        return ExitFailure;
    for (const Endpoint &existing : *endpoints) {
        if (existing.name == endpoint.name)
            return session.usage(QStringLiteral("an endpoint named '%1' exists already (change "
                                                "it with 'hookbench-cli endpoints set %1')")
                                     .arg(endpoint.name));
    }
    const QString clash = endpointrules::findClash(*endpoints + QList<Endpoint>{endpoint});
    if (!clash.isEmpty())
        return session.usage(clash);
    if (!session.parser().isSet(options.colour()))
        endpoint.colour = nextColour(*endpoints);
    const QString stored = session.store().add(endpoint);
    if (!stored.isEmpty())
        return session.failure(stored);
    session.info(
        QStringLiteral("Added endpoint '%1' at %2.").arg(endpoint.name, whereText(endpoint)));
    return ExitOk;
}

int runEndpointsSet(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("set"), QStringLiteral("set NAME [options]"),
        QStringLiteral("Change an endpoint: only what is given changes. --no-respond and\n"
                       "--no-forward clear the answer override and the forwarding."));
    const EndpointOptions options(EndpointOptions::Verb::Set);
    options.addTo(session);
    if (const auto exitCode = session.parse(args, {QStringLiteral("NAME")}))
        return *exitCode;
    const QString name = session.positional().constFirst();
    if (!options.anyGiven(session.parser()))
        return session.usage(QStringLiteral("nothing to change: give --path, --port, --colour, "
                                            "--respond-*, --no-respond, --forward* or "
                                            "--no-forward"));
    // Only the default endpoint exists without a database; changing it creates one.
    if (!session.databaseExists() && name != QLatin1String(Endpoint::DefaultName))
        return session.usage(noEndpointNamed(name, {Endpoint::defaultEndpoint()}));
    if (const auto exitCode = session.open(true))
        return *exitCode;
    auto endpoints = session.endpoints();
    if (!endpoints)
        return ExitFailure;
    int exitCode = ExitOk;
    const auto found = session.find(*endpoints, name, &exitCode);
    if (!found)
        return exitCode;
    Endpoint endpoint = *found;
    const QString error = options.apply(session.parser(), &endpoint);
    if (!error.isEmpty())
        return session.usage(error);
    if (endpoint == *found) {
        session.info(
            QStringLiteral("Endpoint '%1' already looks like that; nothing changed.").arg(name));
        return ExitOk;
    }
    for (Endpoint &existing : *endpoints) {
        if (existing.name == name)
            existing = endpoint;
    }
    const QString clash = endpointrules::findClash(*endpoints);
    if (!clash.isEmpty())
        return session.usage(clash);
    const QString stored = session.store().update(endpoint);
    if (!stored.isEmpty())
        return session.failure(stored);
    session.info(QStringLiteral("Updated endpoint '%1': %2; %3.")
                     .arg(name, whereText(endpoint), behaviourText(endpoint)));
    return ExitOk;
}

} // namespace hookbench::cli
