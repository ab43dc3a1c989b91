// settings history | fetches: read-only views of the settings history.
#include "settings/settingsfetchtext.h"
#include "settingssession.h"
#include "settingsverbs.h"

#include <QJsonArray>
#include <QJsonObject>

#include <climits>

namespace hookbench::cli {

namespace {

constexpr int DefaultLimit = 50;

struct ListOptions
{
    QCommandLineOption format{QStringLiteral("format"),
                              QStringLiteral("Output format: text (default) or json (one object "
                                             "a line)."),
                              QStringLiteral("FORMAT"), QStringLiteral("text")};
    QCommandLineOption limit{
        QStringLiteral("limit"),
        QStringLiteral("Show at most the newest N (default %1).").arg(DefaultLimit),
        QStringLiteral("N"), QString::number(DefaultLimit)};
};

// Parses the shared options and opens the history; nullopt to go on, with *json and *limit.
std::optional<int> prepare(SettingsSession &session, const ListOptions &o, const QStringList &args,
                           bool *json, int *limit)
{
    session.addOption(o.format);
    session.addOption(o.limit);
    if (const auto exitCode = session.parse(args))
        return exitCode;
    const QString format = session.parser().value(o.format);
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return session.usage(
            QStringLiteral("unknown --format '%1' (expected: text, json)").arg(format));
    *json = format == QLatin1String("json");
    QString error;
    const auto count = parseInteger(QStringLiteral("--limit"), session.parser().value(o.limit), 1,
                                    INT_MAX, QStringLiteral("a positive number"), &error);
    if (!count)
        return session.usage(error);
    *limit = int(*count);
    return session.open(false);
}

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

int runSettingsHistory(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("history"), QStringLiteral("history [options]"),
        QStringLiteral("List the endpoint's settings-file versions, newest first: id, time (UTC),\n"
                       "trigger (webhook, manual, file), account, campaigns, size and what\n"
                       "changed against the version before. 'settings show ID' prints one."));
    const ListOptions o;
    bool json = false;
    int limit = DefaultLimit;
    if (const auto exitCode = prepare(session, o, args, &json, &limit))
        return *exitCode;
    QList<SettingsVersion> versions;
    const QString error = session.store().versions(session.endpoint(), QString(), &versions);
    if (!error.isEmpty())
        return session.failure(error);
    versions = versions.mid(0, limit);

    QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("TIME"),
                             QStringLiteral("TRIGGER"), QStringLiteral("ACCOUNT"),
                             QStringLiteral("CAMPAIGNS"), QStringLiteral("SIZE"),
                             QStringLiteral("SUMMARY")}};
    for (const SettingsVersion &version : std::as_const(versions)) {
        if (json) {
            writeJsonLine({{QStringLiteral("id"), version.id},
                           {QStringLiteral("created_at"), isoTime(version.createdAt)},
                           {QStringLiteral("endpoint"), version.endpoint},
                           {QStringLiteral("trigger"), fetchTriggerName(version.trigger)},
                           {QStringLiteral("account_id"), version.accountId},
                           {QStringLiteral("campaigns"), version.campaignCount},
                           {QStringLiteral("size"), version.size},
                           {QStringLiteral("sha256"), version.sha256},
                           {QStringLiteral("source"), version.source},
                           {QStringLiteral("summary"), version.summary}});
            continue;
        }
        rows.append({QString::number(version.id), isoTime(version.createdAt),
                     fetchTriggerName(version.trigger), version.accountId,
                     QString::number(version.campaignCount),
                     SettingsFetchText::sizeText(version.size), version.summary});
    }
    if (!json && versions.isEmpty())
        session.info(QStringLiteral("Endpoint '%1' has no settings version yet; get one with "
                                    "'hookbench-cli settings fetch'.")
                         .arg(session.endpoint()));
    else if (!json)
        writeStdout(table(rows));
    return session.finishOutput();
}

int runSettingsFetches(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("fetches"), QStringLiteral("fetches [options]"),
        QStringLiteral("List the endpoint's fetch log, newest first: every fetch and import, with\n"
                       "its trigger, outcome (new, unchanged, failed), the version it brought or\n"
                       "kept, attempts, the last HTTP status, the webhooks it served and why it\n"
                       "failed."));
    const ListOptions o;
    bool json = false;
    int limit = DefaultLimit;
    if (const auto exitCode = prepare(session, o, args, &json, &limit))
        return *exitCode;
    QList<FetchRecord> fetches;
    const QString error = session.store().fetches(session.endpoint(), limit, &fetches);
    if (!error.isEmpty())
        return session.failure(error);

    QList<QStringList> rows{
        {QStringLiteral("ID"), QStringLiteral("TIME"), QStringLiteral("TRIGGER"),
         QStringLiteral("OUTCOME"), QStringLiteral("VERSION"), QStringLiteral("ATTEMPTS"),
         QStringLiteral("HTTP"), QStringLiteral("WEBHOOKS"), QStringLiteral("ERROR")}};
    for (const FetchRecord &fetch : std::as_const(fetches)) {
        if (json) {
            QJsonArray events;
            for (const qint64 id : fetch.eventIds)
                events.append(id);
            writeJsonLine(
                {{QStringLiteral("id"), fetch.id},
                 {QStringLiteral("started_at"), isoTime(fetch.startedAt)},
                 {QStringLiteral("finished_at"), isoTime(fetch.finishedAt)},
                 {QStringLiteral("endpoint"), fetch.endpoint},
                 {QStringLiteral("account_id"), nullIfEmpty(fetch.accountId)},
                 {QStringLiteral("trigger"), fetchTriggerName(fetch.trigger)},
                 {QStringLiteral("outcome"), fetchOutcomeName(fetch.outcome)},
                 {QStringLiteral("version"),
                  fetch.versionId ? QJsonValue(fetch.versionId) : QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("attempts"), fetch.attempts},
                 {QStringLiteral("http_status"),
                  fetch.httpStatus ? QJsonValue(fetch.httpStatus) : QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("event_ids"), events},
                 {QStringLiteral("source"), nullIfEmpty(fetch.source)},
                 {QStringLiteral("error"), nullIfEmpty(fetch.error)}});
            continue;
        }
        rows.append({QString::number(fetch.id), isoTime(fetch.finishedAt),
                     fetchTriggerName(fetch.trigger), fetchOutcomeName(fetch.outcome),
                     fetch.versionId ? QString::number(fetch.versionId) : QStringLiteral("-"),
                     QString::number(fetch.attempts),
                     fetch.httpStatus ? QString::number(fetch.httpStatus) : QStringLiteral("-"),
                     QString::number(fetch.eventIds.size()), fetch.error});
    }
    if (!json && fetches.isEmpty())
        session.info(QStringLiteral("Endpoint '%1' has no fetch yet.").arg(session.endpoint()));
    else if (!json)
        writeStdout(table(rows));
    return session.finishOutput();
}

} // namespace hookbench::cli
