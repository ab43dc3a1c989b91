// endpoints export | import: the team's shared set-up (endpoints and account profiles) as JSON.
// Never a secret: each member stores their own keys and SDK keys.
#include "endpoints/endpointconfig.h"
#include "endpointssession.h"
#include "endpointsverbs.h"
#include "settings/settingsversionstore.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace hookbench::cli {

namespace {

constexpr qint64 MaxImportBytes = 16 * 1024 * 1024;

std::optional<QByteArray> readInput(EndpointsSession &session, const QString &source, int *exitCode)
{
    QFile file;
    const bool stdinInput = source == QLatin1String("-");
    const bool opened = stdinInput ? file.open(stdin, QIODevice::ReadOnly)
                                   : (file.setFileName(source), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *exitCode =
            session.usage(QStringLiteral("cannot read %1: %2").arg(source, file.errorString()));
        return std::nullopt;
    }
    const QByteArray bytes = file.read(MaxImportBytes + 1);
    if (bytes.size() > MaxImportBytes) {
        *exitCode = session.usage(
            QStringLiteral("%1 is larger than 16 MiB; not an endpoint configuration").arg(source));
        return std::nullopt;
    }
    return bytes;
}

} // namespace

int runEndpointsExport(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("export"), QStringLiteral("export [--output FILE] [options]"),
        QStringLiteral("Write every endpoint (path, port, colour, answer, forwarding) and its\n"
                       "account profile as JSON, to share a set-up with a team: 'hookbench-cli\n"
                       "endpoints import' reads it. Never holds a webhook key or SDK key."));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("Write to FILE instead of standard output."),
                                    QStringLiteral("FILE"));
    session.addOption(output);
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    if (session.parser().isSet(output) && session.parser().value(output).isEmpty())
        return session.usage(QStringLiteral("--output: empty file name"));
    if (const auto exitCode = session.open(false))
        return *exitCode;
    const auto endpoints = session.endpoints();
    if (!endpoints)
        return ExitFailure;
    EndpointConfiguration configuration;
    configuration.endpoints = *endpoints;
    if (session.databaseExists()) {
        SettingsVersionStore settings;
        QString error = settings.open(session.databasePath());
        for (const Endpoint &endpoint : *endpoints) {
            AccountProfile profile;
            if (error.isEmpty())
                error = settings.profile(endpoint.name, &profile);
            if (profile.isSet())
                configuration.profiles.append(profile);
        }
        if (!error.isEmpty())
            return session.failure(error);
    }
    const QByteArray json = exportEndpointConfiguration(configuration);
    if (!session.parser().isSet(output)) {
        writeStdout(json);
        return session.finishOutput();
    }
    const QString path = session.parser().value(output);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return session.failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    session.info(QStringLiteral("Exported %1 endpoint(s) to %2.")
                     .arg(endpoints->size())
                     .arg(QDir::toNativeSeparators(path)));
    return ExitOk;
}

int runEndpointsImport(const QStringList &args)
{
    EndpointsSession session(
        QStringLiteral("import"), QStringLiteral("import FILE|- [options]"),
        QStringLiteral("Read endpoints and account profiles exported by 'hookbench-cli endpoints\n"
                       "export' (- reads standard input): adds the new ones and updates those\n"
                       "that exist, by name; others stay. Refuses the whole file on any error.\n"
                       "Prints one line per endpoint: added, updated or unchanged."));
    if (const auto exitCode = session.parse(args, {QStringLiteral("FILE")}))
        return *exitCode;
    const QString source = session.positional().constFirst();
    int exitCode = ExitOk;
    const auto bytes = readInput(session, source, &exitCode);
    if (!bytes)
        return exitCode;
    EndpointConfiguration configuration;
    QString error = importEndpointConfiguration(*bytes, &configuration);
    const QString label = source == QLatin1String("-") ? QStringLiteral("standard input") : source;
    if (!error.isEmpty())
        return session.usage(label + QLatin1String(": ") + error);

    if (const auto status = session.open(true))
        return *status;
    auto endpoints = session.endpoints();
    if (!endpoints)
        return ExitFailure;
    SettingsVersionStore settings;
    error = settings.open(session.databasePath());
    if (!error.isEmpty())
        return session.failure(error);
    // What each line will say, and the list as it will be, checked before anything is written.
    QStringList lines;
    QList<AccountProfile> changedProfiles;
    QList<Endpoint> merged = *endpoints;
    for (const Endpoint &endpoint : std::as_const(configuration.endpoints)) {
        AccountProfile stored;
        error = settings.profile(endpoint.name, &stored);
        if (!error.isEmpty())
            return session.failure(error);
        const auto profile = std::find_if(
            configuration.profiles.cbegin(), configuration.profiles.cend(),
            [&endpoint](const AccountProfile &p) { return p.endpoint == endpoint.name; });
        const bool profileChanged = profile != configuration.profiles.cend() && *profile != stored;
        if (profileChanged)
            changedProfiles.append(*profile);
        const auto existing =
            std::find_if(merged.begin(), merged.end(),
                         [&endpoint](const Endpoint &e) { return e.name == endpoint.name; });
        if (existing == merged.end()) {
            merged.append(endpoint);
            lines.append(QStringLiteral("added %1 (%2)").arg(endpoint.name, endpoint.path));
        } else {
            const bool changed = *existing != endpoint || profileChanged;
            *existing = endpoint;
            lines.append((changed ? QStringLiteral("updated %1") : QStringLiteral("unchanged %1"))
                             .arg(endpoint.name));
        }
    }
    const QString clash = endpointrules::findClash(merged);
    if (!clash.isEmpty())
        return session.usage(label + QStringLiteral(": with the endpoints already here, ") + clash);
    error = session.store().apply(configuration.endpoints);
    for (const AccountProfile &profile : std::as_const(changedProfiles)) {
        if (error.isEmpty())
            error = settings.saveProfile(profile);
    }
    if (!error.isEmpty())
        return session.failure(error);
    for (const QString &line : std::as_const(lines))
        writeStdout(line.toUtf8() + '\n');
    if (!changedProfiles.isEmpty())
        session.info(QStringLiteral("Account profiles carry no SDK key: store yours with "
                                    "'hookbench-cli settings profile --endpoint NAME "
                                    "--sdk-key-file FILE'."));
    return session.finishOutput();
}

} // namespace hookbench::cli
