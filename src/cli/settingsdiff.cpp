// settings diff: the current settings files of two endpoints (production against staging),
// printed like `hookbench-cli diff` prints two files.
#include "auth/keysecret.h"
#include "diffoutput.h"
#include "endpointnames.h"
#include "settingssession.h"
#include "settingsverbs.h"

namespace hookbench::cli {

namespace {

// Whether `name` is an endpoint to compare: a configured one, or one whose history was kept
// after it was removed. Else the usage error, naming the option.
QString checkKnown(SettingsSession &session, const QString &option, const QString &name)
{
    const QString missing = checkEndpointExists(session.databasePath(), name);
    if (missing.isEmpty())
        return {};
    QList<SettingsVersion> versions;
    const QString error = session.store().versions(name, QString(), &versions);
    if (!error.isEmpty())
        return error;
    return versions.isEmpty() ? option + QStringLiteral(": ") + missing : QString();
}

QString describe(const SettingsVersion &version)
{
    return QStringLiteral("version %1 (account %2, %3)")
        .arg(QString::number(version.id), version.accountId, isoTime(version.createdAt));
}

} // namespace

int runSettingsDiff(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("diff"), QStringLiteral("diff --against NAME [--endpoint NAME] [options]"),
        QStringLiteral(
            "Compare the current settings file of one endpoint with another endpoint's, e.g.\n"
            "--endpoint production --against staging: what staging has that production has\n"
            "not. Output as 'hookbench-cli diff' (the endpoint's version is OLD, --against's\n"
            "is NEW); the two versions compared are named on standard error. Exit status: 0\n"
            "when the semantic summary is empty (a change of order alone is no change), 1\n"
            "when it is not (whatever the format), 2 on error (also: an unknown endpoint, or\n"
            "one without a version yet)."));
    const QCommandLineOption against(
        QStringLiteral("against"),
        QStringLiteral("The endpoint whose current version to compare with (required)."),
        QStringLiteral("NAME"));
    session.addOption(against);
    DiffOutput output;
    for (const QCommandLineOption &option : output.options())
        session.addOption(option);
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    const QCommandLineParser &parser = session.parser();
    const QString other = parser.value(against);
    if (!parser.isSet(against) || other.isEmpty())
        return session.usage(
            QStringLiteral("missing --against NAME, the endpoint to compare with"));
    if (const QString problem = webhookkey::checkEndpoint(other); !problem.isEmpty())
        return session.usage(QStringLiteral("--against: ") + problem);
    if (other == session.endpoint())
        return session.usage(
            QStringLiteral("--against names the endpoint itself ('%1'); name another endpoint")
                .arg(other));
    if (const QString error = output.read(parser); !error.isEmpty())
        return session.usage(error);
    if (const auto exitCode = session.open(false))
        return *exitCode;

    QString error = checkKnown(session, QStringLiteral("--endpoint"), session.endpoint());
    if (error.isEmpty())
        error = checkKnown(session, QStringLiteral("--against"), other);
    if (!error.isEmpty())
        return session.usage(error);

    SettingsVersion versions[2];
    JsonTree trees[2];
    const QString names[2] = {session.endpoint(), other};
    for (int side = 0; side < 2; ++side) {
        error = session.store().currentVersion(names[side], QString(), &versions[side]);
        if (error.isEmpty() && versions[side].isNull())
            error = QStringLiteral("endpoint '%1' has no settings version yet (fetch one with "
                                   "'hookbench-cli settings fetch --endpoint %1')")
                        .arg(names[side]);
        QByteArray bytes;
        if (error.isEmpty())
            error = session.store().versionBytes(versions[side].id, &bytes);
        if (error.isEmpty()) {
            JsonParseError parseError;
            trees[side] = JsonTree::parse(bytes, &parseError);
            if (trees[side].isNull())
                error = QStringLiteral("version %1 of endpoint '%2': %3")
                            .arg(QString::number(versions[side].id), names[side],
                                 parseError.toString());
        }
        if (!error.isEmpty())
            return session.usage(error);
    }
    session.info(QStringLiteral("comparing %1 %2 with %3 %4")
                     .arg(names[0], describe(versions[0]), names[1], describe(versions[1])));
    const auto label = [&](int side) {
        return QStringLiteral("%1 (version %2)").arg(names[side]).arg(versions[side].id);
    };
    return output.write(session.name(), std::move(trees[0]), std::move(trees[1]), label(0),
                        label(1));
}

} // namespace hookbench::cli
