#include "settingssession.h"

#include "auth/keysecret.h"
#include "clikeyring.h"
#include "endpointnames.h"
#include "events/eventstore.h"
#include "settings/accountprofile.h"
#include "settings/settingsfetchtext.h"
#include "settings/settingsurl.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace hookbench::cli {

namespace {

constexpr qint64 MaxSdkKeyFileBytes = 4096;

QByteArray withoutLineBreaks(QByteArray bytes)
{
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

} // namespace

SettingsSession::SettingsSession(const QString &name, const QString &synopsis,
                                 const QString &description)
    : m_name(QStringLiteral("settings ") + name)
    , m_verb(m_name, QStringLiteral("settings ") + synopsis, description)
    , m_endpointOption(QStringLiteral("endpoint"),
                       QStringLiteral("Endpoint whose settings history to use (default: "
                                      "default, the endpoint at /vwo-webhook)."),
                       QStringLiteral("NAME"), QStringLiteral("default"))
    , m_dbOption(QStringLiteral("db"),
                 QStringLiteral("Database holding the settings history (default: the GUI's "
                                "database)."),
                 QStringLiteral("FILE"))
    , m_secretsFileOption(secretsFileOption())
{
    m_verb.addOption(m_endpointOption);
    m_verb.addOption(m_dbOption);
    m_verb.addOption(m_secretsFileOption);
}

SettingsSession::~SettingsSession()
{
    m_store.close();
}

void SettingsSession::addSdkKeyOptions()
{
    m_sdkKeyFileOption.emplace(QStringLiteral("sdk-key-file"),
                               QStringLiteral("Read the SDK key from FILE (a trailing line break "
                                              "is dropped). Also: the HOOKBENCH_SDK_KEY "
                                              "environment variable. Default: the key stored "
                                              "with 'settings profile'."),
                               QStringLiteral("FILE"));
    m_sdkKeyOption.emplace(QStringLiteral("sdk-key"),
                           QStringLiteral("The SDK key itself. For quick tests only: it shows in "
                                          "`ps` and the shell history."),
                           QStringLiteral("KEY"));
    m_verb.addOption(*m_sdkKeyFileOption);
    m_verb.addOption(*m_sdkKeyOption);
}

std::optional<int> SettingsSession::parse(const QStringList &args, const QStringList &required,
                                          const QStringList &optional)
{
    if (const auto exitCode = m_verb.parseOrExit(args, true))
        return exitCode;
    const QStringList given = positional();
    if (given.size() < required.size())
        return usage(QStringLiteral("missing %1 (see 'hookbench-cli %2 --help')")
                         .arg(required.at(given.size()), m_name));
    const qsizetype most = required.size() + optional.size();
    if (given.size() > most)
        return usage(QStringLiteral("unexpected argument '%1'").arg(given.at(most)));
    m_endpoint = parser().value(m_endpointOption);
    const QString problem = webhookkey::checkEndpoint(m_endpoint);
    if (!problem.isEmpty())
        return usage(QStringLiteral("--endpoint: ") + problem);
    m_databasePath = EventStore::defaultPath();
    if (parser().isSet(m_dbOption)) {
        if (parser().value(m_dbOption).isEmpty())
            return usage(QStringLiteral("--db: empty file name"));
        m_databasePath = QFileInfo(parser().value(m_dbOption)).absoluteFilePath();
    }
    // A profile or history of an endpoint that does not exist would never be used; the history
    // kept from a removed endpoint can still be read.
    const QString unknown = checkEndpointExists(m_databasePath, m_endpoint);
    if (!unknown.isEmpty() && !hasKeptHistory())
        return usage(QStringLiteral("--endpoint: ") + unknown);
    if (parser().isSet(m_secretsFileOption) && parser().value(m_secretsFileOption).isEmpty())
        return usage(QStringLiteral("--secrets-file: empty file name"));
    return std::nullopt;
}

bool SettingsSession::hasKeptHistory() const
{
    if (!databaseExists())
        return false;
    SettingsVersionStore store; // not m_store: opening that one is for open() to report
    QList<SettingsVersion> versions;
    return store.open(m_databasePath).isEmpty() &&
           store.versions(m_endpoint, QString(), &versions).isEmpty() && !versions.isEmpty();
}

bool SettingsSession::databaseExists() const
{
    return QFileInfo::exists(m_databasePath);
}

std::optional<int> SettingsSession::open(bool create)
{
    if (m_store.isOpen())
        return std::nullopt;
    // Reading must never create an empty database as a side effect.
    const QFileInfo info(m_databasePath);
    if (!create && !info.exists())
        return usage(
            QStringLiteral("no database at %1 (no settings history yet)").arg(m_databasePath));
    if (info.isDir())
        return usage(QStringLiteral("%1 is a directory, not a database").arg(m_databasePath));
    const QString error = m_store.open(m_databasePath);
    if (!error.isEmpty())
        return usage(error);
    return std::nullopt;
}

SecretStore &SettingsSession::secrets()
{
    if (!m_secrets) {
        m_secrets =
            std::make_unique<SecretStore>(secretStoreOptions(parser().value(m_secretsFileOption)));
    }
    return *m_secrets;
}

QString SettingsSession::sdkKeySecretName() const
{
    return hookbench::sdkKeySecretName(m_endpoint);
}

bool SettingsSession::readStoredSdkKey(QByteArray *key, int *exitCode)
{
    key->clear();
    const QString error = secrets().readSync(sdkKeySecretName(), key);
    // SecretStore has no "not found" flag; its message is the only tell.
    if (error.isEmpty() || error.startsWith(QLatin1String("no secret named"))) {
        if (!error.isEmpty())
            key->clear();
        return true;
    }
    *exitCode = failure(
        QStringLiteral("cannot read the SDK key of endpoint '%1': %2").arg(m_endpoint, error));
    return false;
}

std::optional<int> SettingsSession::checkSdkKeyOptions()
{
    if (!m_sdkKeyFileOption)
        return std::nullopt;
    if (parser().isSet(*m_sdkKeyFileOption) && parser().isSet(*m_sdkKeyOption))
        return usage(QStringLiteral("--sdk-key and --sdk-key-file cannot be combined; give one"));
    if (parser().isSet(*m_sdkKeyFileOption) && parser().value(*m_sdkKeyFileOption).isEmpty())
        return usage(QStringLiteral("--sdk-key-file: empty file name"));
    return std::nullopt;
}

std::optional<QByteArray> SettingsSession::sdkKey(int *exitCode)
{
    QByteArray key;
    QString source;
    if (m_sdkKeyFileOption && parser().isSet(*m_sdkKeyFileOption))
        return readSdkKeyFile(QStringLiteral("--sdk-key-file"), parser().value(*m_sdkKeyFileOption),
                              exitCode);
    if (!qEnvironmentVariableIsEmpty("HOOKBENCH_SDK_KEY")) {
        source = QStringLiteral("HOOKBENCH_SDK_KEY");
        key = qgetenv("HOOKBENCH_SDK_KEY");
    } else if (m_sdkKeyOption && parser().isSet(*m_sdkKeyOption)) {
        source = QStringLiteral("--sdk-key");
        key = parser().value(*m_sdkKeyOption).toUtf8();
    } else {
        if (!readStoredSdkKey(&key, exitCode))
            return std::nullopt;
        return key;
    }
    return checkedSdkKey(source, key, exitCode);
}

std::optional<QByteArray> SettingsSession::checkedSdkKey(const QString &source, QByteArray key,
                                                         int *exitCode) const
{
    key = withoutLineBreaks(key);
    QString problem = key.isEmpty() ? QStringLiteral("no SDK key") : QString();
    // Positions only in the message: the key is a credential.
    if (problem.isEmpty())
        problem = SettingsUrl::checkSdkKey(QString::fromUtf8(key));
    if (!problem.isEmpty()) {
        key.fill('\0');
        *exitCode = usage(source + QStringLiteral(": ") + problem);
        return std::nullopt;
    }
    return key;
}

std::optional<QByteArray> SettingsSession::readSdkKeyFile(const QString &option,
                                                          const QString &path, int *exitCode)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *exitCode =
            usage(QStringLiteral("%1: cannot read %2: %3").arg(option, path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > MaxSdkKeyFileBytes) {
        *exitCode = usage(QStringLiteral("%1: %2 holds more than one SDK key (over %3 bytes)")
                              .arg(option, path)
                              .arg(MaxSdkKeyFileBytes));
        return std::nullopt;
    }
    return checkedSdkKey(option + QStringLiteral(" ") + path, file.readAll(), exitCode);
}

std::optional<QByteArray> SettingsSession::readSdkKeyStdin(int *exitCode)
{
    bool tooLong = false;
    const QByteArray key = readSecretInput(
        "Paste the SDK key, then press Enter (it is not shown): ", MaxSdkKeyFileBytes, &tooLong);
    if (tooLong) {
        *exitCode = usage(QStringLiteral("standard input holds more than %1 bytes; expected one "
                                         "SDK key")
                              .arg(MaxSdkKeyFileBytes));
        return std::nullopt;
    }
    return checkedSdkKey(QStringLiteral("SDK key on standard input"), key, exitCode);
}

int SettingsSession::usage(const QString &message) const
{
    return usageError(m_name, message);
}

int SettingsSession::failure(const QString &message) const
{
    printError(m_name, message);
    return ExitFailure;
}

void SettingsSession::info(const QString &line) const
{
    printInfo(line);
}

int SettingsSession::finishOutput() const
{
    return finishStdout(m_name);
}

QString checkAccountIdOption(const QString &text)
{
    const QString problem = SettingsUrl::checkAccountId(text);
    if (problem.isEmpty())
        return {};
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(text).hasMatch())
        return QStringLiteral("--account-id: ") + problem; // too long
    return QStringLiteral("--account-id: '%1' is not a VWO account id (digits only)").arg(text);
}

QString checkBaseUrlOption(const QString &text)
{
    const QString problem = SettingsUrl::checkBaseUrl(text);
    return problem.isEmpty() ? QString()
                             : QStringLiteral("--base-url: '%1': %2").arg(text, problem);
}

std::optional<int> parseMilliseconds(const QString &option, const QString &text, int minMs,
                                     int maxMs, QString *error)
{
    const QString trimmed = text.trimmed().toLower();
    std::optional<qint64> ms;
    if (trimmed.endsWith(QLatin1String("ms"))) {
        QString ignored;
        ms = parseInteger(option, trimmed.chopped(2), 0, maxMs, QString(), &ignored);
    } else {
        QString ignored;
        if (const auto seconds = parseDuration(option, trimmed, maxMs / 1000, &ignored))
            ms = *seconds * 1000;
    }
    if (!ms || *ms < minMs || *ms > maxMs) {
        *error = QStringLiteral("%1: '%2' is not a duration from %3 to %4 (e.g. 500ms, 30s, 2m)")
                     .arg(option, text, formatMilliseconds(minMs), formatMilliseconds(maxMs));
        return std::nullopt;
    }
    return int(*ms);
}

QString formatMilliseconds(int ms)
{
    if (ms % 1000 != 0 || ms == 0)
        return QString::number(ms) + QLatin1String("ms");
    return formatDuration(ms / 1000);
}

QString fetchResultLine(const FetchRecord &fetch, const SettingsVersion &version)
{
    switch (fetch.outcome) {
    case FetchOutcome::New:
        return QStringLiteral("new version %1 (%2, %3): %4")
            .arg(version.id)
            .arg(version.campaignCount == 1
                     ? QStringLiteral("1 campaign")
                     : QStringLiteral("%1 campaigns").arg(version.campaignCount),
                 SettingsFetchText::sizeText(version.size), version.summary);
    case FetchOutcome::Unchanged:
        return QStringLiteral("unchanged: version %1").arg(version.id);
    case FetchOutcome::Failed:
        break;
    }
    // The last attempt's "(attempt 5 of 5)" repeats what "after 5 attempts" says.
    static const QRegularExpression attemptSuffix(QStringLiteral(" \\(attempt \\d+ of \\d+\\)$"));
    QString error = fetch.error;
    error.remove(attemptSuffix);
    QString line = fetch.trigger == FetchTrigger::File ? QStringLiteral("import failed")
                                                       : QStringLiteral("fetch failed");
    if (fetch.attempts > 1)
        line += QStringLiteral(" after %1 attempts").arg(fetch.attempts);
    return line + QStringLiteral(": ") + error;
}

} // namespace hookbench::cli
