// endpoints list: every endpoint with what it serves and holds. Never a secret.
#include "auth/keyringstore.h"
#include "endpointsoptions.h"
#include "endpointssession.h"
#include "endpointsverbs.h"
#include "settings/settingsversionstore.h"

#include <QJsonObject>

namespace hookbench::cli {

namespace {

struct EndpointFacts
{
    QHash<QString, qint64> events;
    QHash<QString, int> keys; // accepted keys (primary and in grace)
    QHash<QString, QString> accounts;
};

QString readFacts(const QString &databasePath, const QList<Endpoint> &endpoints,
                  EndpointStore &store, EndpointFacts *facts)
{
    QString error = store.eventCounts(&facts->events);
    KeyRingStore keyRing;
    if (error.isEmpty())
        error = keyRing.open(databasePath);
    QList<KeyInfo> keys;
    if (error.isEmpty())
        error = keyRing.loadKeys(&keys);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const KeyInfo &key : std::as_const(keys)) {
        if (key.acceptedAt(now))
            ++facts->keys[key.endpoint];
    }
    SettingsVersionStore settings;
    if (error.isEmpty())
        error = settings.open(databasePath);
    for (const Endpoint &endpoint : endpoints) {
        AccountProfile profile;
        if (error.isEmpty())
            error = settings.profile(endpoint.name, &profile);
        if (profile.isSet())
            facts->accounts.insert(endpoint.name, profile.accountId);
    }
    return error;
}

QJsonObject jsonOf(const Endpoint &endpoint, const EndpointFacts &facts)
{
    QJsonObject object{
        {QLatin1String("name"), endpoint.name},
        {QLatin1String("path"), endpoint.path},
        {QLatin1String("port"), int(endpoint.port)},
        {QLatin1String("colour"), endpoint.colour},
        {QLatin1String("effective_colour"), endpoint.effectiveColour()},
        {QLatin1String("keys"), facts.keys.value(endpoint.name)},
        {QLatin1String("events"), facts.events.value(endpoint.name)},
        {QLatin1String("account_id"), facts.accounts.contains(endpoint.name)
                                          ? QJsonValue(facts.accounts.value(endpoint.name))
                                          : QJsonValue(QJsonValue::Null)},
    };
    const ResponseOverride &response = endpoint.response;
    object.insert(QLatin1String("response"),
                  response.status == 0 && response.body.isEmpty() && response.delayMs == 0
                      ? QJsonValue(QJsonValue::Null)
                      : QJsonObject{{QLatin1String("status"), response.status},
                                    {QLatin1String("body"), QString::fromUtf8(response.body)},
                                    {QLatin1String("delay_ms"), response.delayMs}});
    const ForwardTarget &forward = endpoint.forward;
    object.insert(QLatin1String("forward"),
                  !forward.isSet()
                      ? QJsonValue(QJsonValue::Null)
                      : QJsonObject{{QLatin1String("url"), forward.url.toString()},
                                    {QLatin1String("follow_answer"), forward.followAnswer},
                                    {QLatin1String("timeout_ms"), forward.timeoutMs}});
    return object;
}

QStringList rowOf(const Endpoint &endpoint, const EndpointFacts &facts)
{
    return {endpoint.name,
            endpoint.path,
            endpoint.port == 0 ? QStringLiteral("-") : QString::number(endpoint.port),
            endpoint.colour.isEmpty() ? endpoint.effectiveColour() + QStringLiteral(" (auto)")
                                      : endpoint.colour,
            QString::number(facts.keys.value(endpoint.name)),
            QString::number(facts.events.value(endpoint.name)),
            facts.accounts.value(endpoint.name, QStringLiteral("-")),
            behaviourText(endpoint)};
}

} // namespace

int runEndpointsList(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("list"), QStringLiteral("list [options]"),
        QStringLiteral("Show every endpoint, default first: name, path, own port ('-': the\n"
                       "receiver's), colour, accepted keys, stored events, account id and how it\n"
                       "answers (override, forwarding). Never a key's value."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format: text (default) or json (one "
                                                   "object a line)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Same as --format json."));
    session.addOption(format);
    session.addOption(json);
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    const QString formatName =
        session.parser().isSet(json) ? QStringLiteral("json") : session.parser().value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json"))
        return session.usage(
            QStringLiteral("unknown --format '%1' (expected: text, json)").arg(formatName));
    if (const auto exitCode = session.open(false))
        return *exitCode;
    const auto endpoints = session.endpoints();
    if (!endpoints)
        return ExitFailure;
    EndpointFacts facts;
    if (session.store().isOpen()) {
        const QString error =
            readFacts(session.databasePath(), *endpoints, session.store(), &facts);
        if (!error.isEmpty())
            return session.failure(error);
    }

    if (formatName == QLatin1String("json")) {
        for (const Endpoint &endpoint : *endpoints)
            writeJsonLine(jsonOf(endpoint, facts));
        return session.finishOutput();
    }
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("PATH"), QStringLiteral("PORT"),
                             QStringLiteral("COLOUR"), QStringLiteral("KEYS"),
                             QStringLiteral("EVENTS"), QStringLiteral("ACCOUNT"),
                             QStringLiteral("ANSWER")}};
    for (const Endpoint &endpoint : *endpoints)
        rows.append(rowOf(endpoint, facts));
    writeStdout(table(rows));
    // Events kept from removed endpoints still count somewhere; say where.
    QStringList orphans;
    for (auto it = facts.events.cbegin(); it != facts.events.cend(); ++it) {
        const bool known = std::any_of(endpoints->cbegin(), endpoints->cend(),
                                       [&it](const Endpoint &e) { return e.name == it.key(); });
        if (!known)
            orphans.append(QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()));
    }
    if (!orphans.isEmpty()) {
        orphans.sort();
        session.info(QStringLiteral("Events of removed endpoints: %1.")
                         .arg(orphans.join(QLatin1String(", "))));
    }
    return session.finishOutput();
}

} // namespace hookbench::cli
