// endpoints rename | remove: the operations that also move or delete the secrets named after
// an endpoint (its webhook keys and SDK key), through EndpointDirectory.
#include "auth/keysecret.h"
#include "endpointnames.h"
#include "endpoints/endpointdirectory.h"
#include "endpointssession.h"
#include "endpointsverbs.h"

namespace hookbench::cli {

namespace {

QString eventsText(qint64 count)
{
    return count == 1 ? QStringLiteral("1 event") : QStringLiteral("%1 events").arg(count);
}

// The named endpoint of an existing database; nullopt after the error (exit 2, *exitCode).
std::optional<Endpoint> existingEndpoint(EndpointsSession &session, const QString &name,
                                         const QString &refusalForDefault, int *exitCode)
{
    if (name == QLatin1String(Endpoint::DefaultName)) {
        *exitCode = session.usage(refusalForDefault);
        return std::nullopt;
    }
    if (const auto status = session.open(false)) {
        *exitCode = *status;
        return std::nullopt;
    }
    const auto endpoints = session.endpoints();
    if (!endpoints) {
        *exitCode = ExitFailure;
        return std::nullopt;
    }
    return session.find(*endpoints, name, exitCode);
}

} // namespace

int runEndpointsRename(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("rename"), QStringLiteral("rename OLD NEW [options]"),
        QStringLiteral("Rename an endpoint. Its events, keys, key audit, settings history and\n"
                       "account profile follow it, and so do its secrets (key values, SDK key)\n"
                       "in the keychain. A running receiver picks the change up; VWO still posts\n"
                       "to the same path."));
    if (const auto exitCode = session.parse(args, {QStringLiteral("OLD"), QStringLiteral("NEW")}))
        return *exitCode;
    const QString from = session.positional().at(0);
    const QString to = session.positional().at(1);
    int exitCode = ExitOk;
    if (!existingEndpoint(session, from, QStringLiteral("the default endpoint cannot be renamed"),
                          &exitCode))
        return exitCode;
    const QString nameProblem = webhookkey::checkEndpoint(to);
    if (!nameProblem.isEmpty())
        return session.usage(QStringLiteral("NEW: ") + nameProblem);
    if (from == to)
        return session.usage(QStringLiteral("'%1' is the endpoint's name already").arg(to));
    Endpoint taken;
    if (session.store().find(to, &taken).isEmpty())
        return session.usage(QStringLiteral("an endpoint named '%1' exists already").arg(to));

    EndpointDirectory directory(&session.secrets());
    QString error = directory.open(session.databasePath());
    if (error.isEmpty())
        error = directory.renameSync(from, to);
    if (!error.isEmpty())
        return session.failure(error);
    session.info(QStringLiteral("Renamed endpoint '%1' to '%2'.").arg(from, to));
    return ExitOk;
}

int runEndpointsRemove(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("remove"), QStringLiteral("remove NAME --keep-events|--delete-events"),
        QStringLiteral("Remove an endpoint with its keys (values deleted from the keychain), key\n"
                       "audit, account profile and SDK key. Say what happens to its events and\n"
                       "settings history: --keep-events keeps them (still listed under the old\n"
                       "name), --delete-events deletes them. The default endpoint stays."));
    const QCommandLineOption keep(QStringLiteral("keep-events"),
                                  QStringLiteral("Keep its events and settings history."));
    const QCommandLineOption drop(QStringLiteral("delete-events"),
                                  QStringLiteral("Delete its events and settings history too."));
    session.addOption(keep);
    session.addOption(drop);
    if (const auto exitCode = session.parse(args, {QStringLiteral("NAME")}))
        return *exitCode;
    const bool keepEvents = session.parser().isSet(keep);
    if (keepEvents == session.parser().isSet(drop)) {
        return session.usage(
            keepEvents ? QStringLiteral("--keep-events and --delete-events cannot be combined; "
                                        "give one")
                       : QStringLiteral("say what happens to the endpoint's events: give "
                                        "--keep-events or --delete-events"));
    }
    const QString name = session.positional().constFirst();
    int exitCode = ExitOk;
    if (!existingEndpoint(session, name, QStringLiteral("the default endpoint cannot be removed"),
                          &exitCode))
        return exitCode;
    QHash<QString, qint64> counts;
    QString error = session.store().eventCounts(&counts);
    if (!error.isEmpty())
        return session.failure(error);

    EndpointDirectory directory(&session.secrets());
    error = directory.open(session.databasePath());
    if (error.isEmpty())
        error = directory.removeSync(name, keepEvents);
    if (!error.isEmpty())
        return session.failure(error);
    const qint64 events = counts.value(name);
    if (events == 0)
        session.info(QStringLiteral("Removed endpoint '%1'.").arg(name));
    else if (keepEvents)
        session.info(QStringLiteral("Removed endpoint '%1'; its %2 stay, listed under '%1'.")
                         .arg(name, eventsText(events)));
    else
        session.info(
            QStringLiteral("Removed endpoint '%1' and its %2.").arg(name, eventsText(events)));
    return ExitOk;
}

} // namespace hookbench::cli
