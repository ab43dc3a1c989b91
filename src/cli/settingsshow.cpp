// settings show: one version's bytes on standard output.
#include "settingssession.h"
#include "settingsverbs.h"

#include <limits>

namespace hookbench::cli {

int runSettingsShow(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("show"), QStringLiteral("show [options] VERSION"),
        QStringLiteral("Write a settings-file version to standard output, byte for byte as\n"
                       "stored: the file as received with its sdkKey replaced by \"REDACTED\".\n"
                       "VERSION is an id from 'settings history' or 'latest' (the endpoint's\n"
                       "newest). With --original, the exact bytes as received, the SDK key put\n"
                       "back (from --sdk-key-file, HOOKBENCH_SDK_KEY, --sdk-key or the stored\n"
                       "key); that fails (exit status 1) unless it is the key the file held."));
    const QCommandLineOption original(
        QStringLiteral("original"),
        QStringLiteral("The exact bytes as received, with the SDK key (a credential) in them."));
    session.addOption(original);
    session.addSdkKeyOptions();
    if (const auto exitCode = session.parse(args, {QStringLiteral("VERSION")}))
        return *exitCode;
    if (const auto exitCode = session.checkSdkKeyOptions())
        return *exitCode;
    const QString text = session.positional().constFirst();
    const bool latest = text == QLatin1String("latest");
    qint64 id = 0;
    if (!latest) {
        QString error;
        const auto parsed =
            parseInteger(QStringLiteral("VERSION"), text, 1, std::numeric_limits<qint64>::max(),
                         QStringLiteral("a version id (a positive number) or 'latest'"), &error);
        if (!parsed)
            return session.usage(error);
        id = *parsed;
    }
    if (const auto exitCode = session.open(false))
        return *exitCode;
    SettingsVersion version;
    QString error = latest ? session.store().currentVersion(session.endpoint(), QString(), &version)
                           : session.store().version(id, &version);
    if (error.isEmpty() && version.isNull())
        error = QStringLiteral("endpoint '%1' has no settings version yet").arg(session.endpoint());
    if (!error.isEmpty())
        return session.failure(error);

    QByteArray bytes;
    if (session.parser().isSet(original)) {
        int exitCode = ExitOk;
        std::optional<QByteArray> key = session.sdkKey(&exitCode);
        if (!key)
            return exitCode;
        error = session.store().originalBytes(version.id, *key, &bytes);
        if (!error.isEmpty() && key->isEmpty())
            error += QStringLiteral(" (no SDK key is stored for endpoint '%1'; give it with "
                                    "--sdk-key-file FILE)")
                         .arg(session.endpoint());
        key->fill('\0');
    } else {
        error = session.store().versionBytes(version.id, &bytes);
    }
    if (!error.isEmpty())
        return session.failure(error);
    writeStdout(bytes);
    return session.finishOutput();
}

} // namespace hookbench::cli
