// settings fetch | import: the subcommands that add to the settings history.
#include "settings/settingsfetcher.h"
#include "settings/settingsrecorder.h"
#include "settingssession.h"
#include "settingsverbs.h"

#include <QEventLoop>
#include <QFile>

namespace hookbench::cli {

namespace {

constexpr int MinTimeoutMs = 100;
constexpr int MaxTimeoutMs = 600 * 1000;
constexpr int MaxWaitMs = 600 * 1000;
constexpr int MaxWaits = 20;

// "1s,2s,4s,8s" -> {1000, 2000, 4000, 8000}; "none" -> {} (a single attempt).
std::optional<QList<int>> parseBackoff(const QString &text, QString *error)
{
    QList<int> waits;
    if (text.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        return waits;
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() > MaxWaits) {
        *error = QStringLiteral("--backoff: at most %1 waits (%2 attempts)")
                     .arg(MaxWaits)
                     .arg(MaxWaits + 1);
        return std::nullopt;
    }
    for (const QString &part : parts) {
        const auto ms = parseMilliseconds(QStringLiteral("--backoff"), part, 0, MaxWaitMs, error);
        if (!ms)
            return std::nullopt;
        waits.append(*ms);
    }
    return waits;
}

} // namespace

int runSettingsFetch(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("fetch"), QStringLiteral("fetch [options]"),
        QStringLiteral(
            "Fetch the endpoint's settings file once, as VWO's SDKs do\n"
            "(GET BASE/server-side/settings?a=ACCOUNT&i=SDK_KEY&...), retrying transient "
            "failures,\n"
            "and record it in the history: a new version when it changed, else 'unchanged'.\n"
            "A failed fetch is recorded with its reason and keeps the last good version.\n"
            "Prints one line per failed attempt on standard error and the result on standard\n"
            "output. Exit status: 0 new or unchanged, 1 the fetch failed, 2 usage error.\n\n"
            "The account id, base URL and timeout come from the options, else the endpoint's\n"
            "profile ('settings profile'). The SDK key from --sdk-key-file, else the\n"
            "HOOKBENCH_SDK_KEY environment variable, else --sdk-key, else the profile's stored\n"
            "key. A key given here is used for this fetch only, never stored."));
    const QCommandLineOption accountId(
        QStringLiteral("account-id"),
        QStringLiteral("VWO account id (digits; default: the profile's)."), QStringLiteral("ID"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QStringLiteral("Settings host, http or https (default: the profile's, else "
                       "https://dev.visualwebsiteoptimizer.com); a path is kept as a prefix."),
        QStringLiteral("URL"));
    const QCommandLineOption viaWebhook(
        QStringLiteral("via-webhook"),
        QStringLiteral("Fetch the way SDKs do after a webhook: /server-side/pull instead of "
                       "/server-side/settings (recorded with trigger 'webhook')."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Give an attempt up after this long without a byte (default: the "
                       "profile's, else 30s; e.g. 500ms, 10s, 2m; at most 10m)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption backoff(
        QStringLiteral("backoff"),
        QStringLiteral("Waits between attempts, comma-separated: waits + 1 attempts (default "
                       "1s,2s,4s,8s, i.e. 5 attempts; 'none': one attempt). Retried: refused or "
                       "dropped connections, timeouts, 408, 429 and 5xx answers."),
        QStringLiteral("LIST"));
    for (const QCommandLineOption *option : {&accountId, &baseUrl, &viaWebhook, &timeout, &backoff})
        session.addOption(*option);
    session.addSdkKeyOptions();
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    const QCommandLineParser &parser = session.parser();
    if (const auto exitCode = session.checkSdkKeyOptions())
        return *exitCode;
    QString error;
    if (parser.isSet(accountId))
        error = checkAccountIdOption(parser.value(accountId));
    if (error.isEmpty() && parser.isSet(baseUrl))
        error = checkBaseUrlOption(parser.value(baseUrl));
    if (!error.isEmpty())
        return session.usage(error);
    std::optional<int> timeoutMs;
    if (parser.isSet(timeout)) {
        timeoutMs = parseMilliseconds(QStringLiteral("--timeout"), parser.value(timeout),
                                      MinTimeoutMs, MaxTimeoutMs, &error);
        if (!timeoutMs)
            return session.usage(error);
    }
    QList<int> waits = SettingsFetcher::defaultBackoff();
    if (parser.isSet(backoff)) {
        const auto parsed = parseBackoff(parser.value(backoff), &error);
        if (!parsed)
            return session.usage(error);
        waits = *parsed;
    }

    // A usage error must not leave a new, empty database behind.
    AccountProfile profile;
    if (session.databaseExists()) {
        if (const auto exitCode = session.open(false))
            return *exitCode;
        error = session.store().profile(session.endpoint(), &profile);
        if (!error.isEmpty())
            return session.failure(error);
    }
    const QString account = parser.isSet(accountId) ? parser.value(accountId) : profile.accountId;
    if (account.isEmpty())
        return session.usage(QStringLiteral("no account id for endpoint '%1': give --account-id "
                                            "ID, or save one with 'hookbench-cli settings "
                                            "profile --account-id ID'")
                                 .arg(session.endpoint()));
    int exitCode = ExitOk;
    std::optional<QByteArray> key = session.sdkKey(&exitCode);
    if (!key)
        return exitCode;
    if (key->isEmpty())
        return session.usage(QStringLiteral("no SDK key for endpoint '%1': give --sdk-key-file "
                                            "FILE or HOOKBENCH_SDK_KEY, or store one with "
                                            "'hookbench-cli settings profile --sdk-key-file FILE'")
                                 .arg(session.endpoint()));
    if (const auto exitCode = session.open(true))
        return *exitCode;

    SettingsFetcher fetcher;
    error = fetcher.setAccount(parser.isSet(baseUrl) ? parser.value(baseUrl) : profile.baseUrl,
                               account, QString::fromLatin1(*key));
    key->fill('\0');
    if (!error.isEmpty())
        return session.usage(error); // a stored profile that no longer passes
    fetcher.setTimeoutMs(
        timeoutMs.value_or(profile.isSet() ? profile.timeoutMs : AccountProfile::DefaultTimeoutMs));
    fetcher.setBackoff(waits);

    // Recorded on this thread: a CLI has no window to keep responsive.
    SettingsRecorder recorder;
    QString recordError;
    FetchRecord recorded;
    SettingsVersion version;
    QObject::connect(&recorder, &SettingsRecorder::opened,
                     [&recordError](const QString &e) { recordError = e; });
    QObject::connect(&recorder, &SettingsRecorder::failed,
                     [&recordError](const QString &e) { recordError = e; });
    QObject::connect(&recorder, &SettingsRecorder::recorded,
                     [&](const FetchRecord &fetch, const SettingsVersion &v) {
                         recorded = fetch;
                         version = v;
                     });
    recorder.open(session.databasePath());
    if (!recordError.isEmpty())
        return session.failure(recordError);

    QEventLoop loop;
    SettingsFetchResult result;
    QObject::connect(&fetcher, &SettingsFetcher::attemptFailed, &loop,
                     [&session](int, const QString &attemptError, int nextRetryInMs) {
                         printError(session.name(), nextRetryInMs < 0
                                                        ? attemptError
                                                        : attemptError +
                                                              QStringLiteral("; next attempt in ") +
                                                              formatMilliseconds(nextRetryInMs));
                     });
    QObject::connect(&fetcher, &SettingsFetcher::fetchFinished, &loop,
                     [&](const SettingsFetchResult &finished) {
                         result = finished;
                         loop.quit();
                     });
    fetcher.request(parser.isSet(viaWebhook) ? FetchTrigger::Webhook : FetchTrigger::Manual);
    loop.exec();

    recorder.recordFetch(session.endpoint(), account, result);
    if (!recordError.isEmpty())
        return session.failure(recordError);
    // A 200 that is no usable settings file: the attempt's problem, told like the others.
    if (result.ok() && recorded.outcome == FetchOutcome::Failed)
        printError(session.name(), recorded.error);
    writeStdout(fetchResultLine(recorded, version).toUtf8() + '\n');
    const int status = session.finishOutput();
    return status != ExitOk || recorded.outcome == FetchOutcome::Failed ? ExitFailure : ExitOk;
}

int runSettingsImport(const QStringList &args)
{
    SettingsSession session(
        QStringLiteral("import"), QStringLiteral("import [options] FILE"),
        QStringLiteral("Record a settings file from disk as a version of the endpoint's history\n"
                       "(trigger 'file'; the account is the file's). The file is checked the way\n"
                       "the SDKs check it; an invalid one is recorded as a failed import and\n"
                       "named with its line and column on standard error (exit status 1).\n"
                       "Its own sdkKey is stored as \"REDACTED\"."));
    if (const auto exitCode = session.parse(args, {QStringLiteral("FILE")}))
        return *exitCode;
    const QString path = session.positional().constFirst();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return session.usage(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > SettingsFetcher::DefaultMaxBodyBytes)
        return session.usage(QStringLiteral("%1 is larger than %2 MiB")
                                 .arg(path)
                                 .arg(SettingsFetcher::DefaultMaxBodyBytes >> 20));
    const QByteArray bytes = file.readAll();
    if (const auto exitCode = session.open(true))
        return *exitCode;
    FetchRecord recorded;
    SettingsVersion version;
    const QString error =
        session.store().importFile(session.endpoint(), path, bytes, &recorded, &version);
    if (!error.isEmpty())
        return session.failure(error);
    if (recorded.outcome == FetchOutcome::Failed)
        return session.failure(recorded.error);
    writeStdout(fetchResultLine(recorded, version).toUtf8() + '\n');
    return session.finishOutput();
}

} // namespace hookbench::cli
