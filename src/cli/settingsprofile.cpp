// settings profile: shows or saves the endpoint's account profile; the SDK key goes to the
// secret store and is never printed.
#include "clikeyring.h"
#include "settings/settingsurl.h"
#include "settingssession.h"
#include "settingsverbs.h"

#include <QDir>

namespace hookbench::cli {

namespace {

constexpr int MinTimeoutMs = 100;
constexpr int MaxTimeoutMs = 600 * 1000;

QString keyStateText(SettingsSession &session, bool stored)
{
    if (!stored)
        return QStringLiteral("not set");
    if (session.secrets().backend() == SecretStore::Backend::Keychain)
        return QStringLiteral("stored in the keychain");
    return QStringLiteral("stored in %1 (not in the system keychain)")
        .arg(QDir::toNativeSeparators(session.secrets().fallbackPath()));
}

void printProfile(SettingsSession &session, const AccountProfile &profile, bool keyStored)
{
    const QString base = profile.baseUrl.isEmpty() ? SettingsUrl::defaultBaseUrl().toString() +
                                                         QStringLiteral(" (VWO's own)")
                                                   : profile.baseUrl;
    QList<QStringList> rows{
        {QStringLiteral("Endpoint:"), profile.endpoint},
        {QStringLiteral("Account id:"),
         profile.isSet() ? profile.accountId : QStringLiteral("not set")},
        {QStringLiteral("Base URL:"), base},
        {QStringLiteral("Auto-fetch:"),
         profile.autoFetch ? QStringLiteral("on (after every valid, authenticated webhook)")
                           : QStringLiteral("off")},
        {QStringLiteral("Timeout:"),
         formatMilliseconds(profile.timeoutMs) + QStringLiteral(" per attempt")},
        {QStringLiteral("SDK key:"), keyStateText(session, keyStored)},
    };
    writeStdout(table(rows));
}

} // namespace

int runSettingsProfile(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("profile"), QStringLiteral("profile [options]"),
        QStringLiteral(
            "Without options, show the endpoint's account profile: account id, base URL,\n"
            "auto-fetch, timeout and whether an SDK key is stored (never the key itself).\n"
            "With options, change it and show the result; what is not given stays. The first\n"
            "profile of an endpoint needs --account-id. The SDK key is read from a file or\n"
            "standard input (never from an argument, which would show in `ps`) and stored in\n"
            "the system keychain, or where none answers in a file only you can read."));
    const QCommandLineOption accountId(QStringLiteral("account-id"),
                                       QStringLiteral("VWO account id (digits)."),
                                       QStringLiteral("ID"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QStringLiteral("Settings host, http or https; empty: VWO's own "
                       "(https://dev.visualwebsiteoptimizer.com)."),
        QStringLiteral("URL"));
    const QCommandLineOption autoFetch(
        QStringLiteral("auto-fetch"),
        QStringLiteral("on: 'listen' fetches the settings file after every valid, authenticated "
                       "webhook; off: only 'settings fetch' does."),
        QStringLiteral("on|off"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Per-attempt timeout (default 30s; e.g. 500ms, 10s, 2m; at most 10m)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption keyFile(
        QStringLiteral("sdk-key-file"),
        QStringLiteral("Store the SDK key read from FILE (a trailing line break is dropped)."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyStdin(
        QStringLiteral("sdk-key-stdin"),
        QStringLiteral("Store the SDK key read from standard input (not echoed on a terminal)."));
    const QList<const QCommandLineOption *> changes{&accountId, &baseUrl, &autoFetch,
                                                    &timeout,   &keyFile, &keyStdin};
    for (const QCommandLineOption *option : changes)
        session.addOption(*option);
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    const QCommandLineParser &parser = session.parser();

    bool change = false;
    for (const QCommandLineOption *option : changes)
        change = change || parser.isSet(*option);
    int exitCode = ExitOk;
    if (!change) {
        AccountProfile profile;
        profile.endpoint = session.endpoint();
        if (session.databaseExists()) {
            if (const auto status = session.open(false))
                return *status;
            const QString error = session.store().profile(session.endpoint(), &profile);
            if (!error.isEmpty())
                return session.failure(error);
        }
        QByteArray key;
        if (!session.readStoredSdkKey(&key, &exitCode))
            return exitCode;
        printProfile(session, profile, !key.isEmpty());
        key.fill('\0');
        if (!profile.isSet())
            session.info(QStringLiteral("Endpoint '%1' has no account profile yet; set one with "
                                        "'hookbench-cli settings profile --account-id ID "
                                        "--sdk-key-file FILE'.")
                             .arg(session.endpoint()));
        return session.finishOutput();
    }

    QString error;
    if (parser.isSet(accountId))
        error = checkAccountIdOption(parser.value(accountId));
    if (error.isEmpty() && parser.isSet(baseUrl) && !parser.value(baseUrl).isEmpty())
        error = checkBaseUrlOption(parser.value(baseUrl));
    const QString onOff = parser.value(autoFetch);
    if (error.isEmpty() && parser.isSet(autoFetch) && onOff != QLatin1String("on") &&
        onOff != QLatin1String("off"))
        error = QStringLiteral("--auto-fetch: '%1' is not on or off").arg(onOff);
    if (error.isEmpty() && parser.isSet(keyFile) && parser.isSet(keyStdin))
        error = QStringLiteral("--sdk-key-file and --sdk-key-stdin cannot be combined; give one");
    if (!error.isEmpty())
        return session.usage(error);
    std::optional<int> timeoutMs;
    if (parser.isSet(timeout)) {
        timeoutMs = parseMilliseconds(QStringLiteral("--timeout"), parser.value(timeout),
                                      MinTimeoutMs, MaxTimeoutMs, &error);
        if (!timeoutMs)
            return session.usage(error);
    }
    std::optional<QByteArray> key = QByteArray();
    if (parser.isSet(keyFile))
        key = session.readSdkKeyFile(QStringLiteral("--sdk-key-file"), parser.value(keyFile),
                                     &exitCode);
    else if (parser.isSet(keyStdin))
        key = session.readSdkKeyStdin(&exitCode);
    if (!key)
        return exitCode;

    AccountProfile profile;
    profile.endpoint = session.endpoint();
    if (session.databaseExists()) {
        if (const auto status = session.open(false))
            return *status;
        error = session.store().profile(session.endpoint(), &profile);
        if (!error.isEmpty())
            return session.failure(error);
    }
    if (!profile.isSet() && !parser.isSet(accountId))
        return session.usage(QStringLiteral("endpoint '%1' has no account profile yet: "
                                            "--account-id is required")
                                 .arg(session.endpoint()));
    if (parser.isSet(accountId))
        profile.accountId = parser.value(accountId);
    if (parser.isSet(baseUrl))
        profile.baseUrl = parser.value(baseUrl).trimmed();
    if (parser.isSet(autoFetch))
        profile.autoFetch = onOff == QLatin1String("on");
    if (timeoutMs)
        profile.timeoutMs = *timeoutMs;
    error = profile.check();
    if (!error.isEmpty())
        return session.usage(error);

    // The key first: a saved profile whose key could not be stored would fetch with none.
    bool keyStored = false;
    if (!key->isEmpty()) {
        error = session.secrets().writeSync(session.sdkKeySecretName(), *key);
        key->fill('\0');
        if (!error.isEmpty())
            return session.failure(QStringLiteral("cannot store the SDK key: ") + error);
        keyStored = true;
        const QString warning = fileFallbackWarning(session.secrets());
        if (!warning.isEmpty())
            printError(session.name(), warning);
    } else {
        QByteArray stored;
        if (!session.readStoredSdkKey(&stored, &exitCode))
            return exitCode;
        keyStored = !stored.isEmpty();
        stored.fill('\0');
    }
    if (const auto status = session.open(true))
        return *status;
    error = session.store().saveProfile(profile);
    if (!error.isEmpty())
        return session.failure(error);
    session.info(
        QStringLiteral("Saved the account profile of endpoint '%1'.").arg(session.endpoint()));
    printProfile(session, profile, keyStored);
    return session.finishOutput();
}

} // namespace hookbench::cli
