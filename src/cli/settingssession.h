#pragma once

#include "clihelpers.h"
#include "secrets/secretstore.h"
#include "settings/settingsversionstore.h"

#include <memory>
#include <optional>

namespace hookbench::cli {

// What every `settings` subcommand shares: --endpoint, --db and --secrets-file, opening the
// settings history, finding the SDK key, and reporting.
class SettingsSession
{
public:
    // `name` is the subcommand ("fetch"); `synopsis` follows "hookbench-cli settings ".
    SettingsSession(const QString &name, const QString &synopsis, const QString &description);
    ~SettingsSession();

    QString name() const { return m_name; }
    void addOption(const QCommandLineOption &option) { m_verb.addOption(option); }
    // --sdk-key-file FILE and --sdk-key KEY (with HOOKBENCH_SDK_KEY), for sdkKey().
    void addSdkKeyOptions();
    const QCommandLineParser &parser() { return m_verb.parser(); }
    // Exit code when done (help shown or usage error), nullopt to run. `required` and then
    // `optional` name the positional arguments the subcommand takes (for error messages).
    std::optional<int> parse(const QStringList &args, const QStringList &required = {},
                             const QStringList &optional = {});
    QStringList positional() { return m_verb.parser().positionalArguments(); }
    QString endpoint() const { return m_endpoint; }
    QString databasePath() const { return m_databasePath; }
    bool databaseExists() const;

    // Opens the settings history. create=false: a missing database is a usage error.
    std::optional<int> open(bool create);
    SettingsVersionStore &store() { return m_store; }
    SecretStore &secrets(); // made on first use
    QString sdkKeySecretName() const;

    // The stored SDK key: true with *key empty when none is stored; false (error printed,
    // *exitCode set) when the secret store failed.
    bool readStoredSdkKey(QByteArray *key, int *exitCode);
    // The SDK key by precedence: --sdk-key-file, HOOKBENCH_SDK_KEY, --sdk-key, the stored one.
    // Empty (no error) when there is none; nullopt after an error was printed (*exitCode set).
    std::optional<QByteArray> sdkKey(int *exitCode);
    // An SDK key from a file or standard input, trailing line breaks dropped and checked;
    // `option` names the source in messages. nullopt after an error (*exitCode set).
    std::optional<QByteArray> readSdkKeyFile(const QString &option, const QString &path,
                                             int *exitCode);
    std::optional<QByteArray> readSdkKeyStdin(int *exitCode);
    // Checks what addSdkKeyOptions() took (both given, an empty file name); before open().
    std::optional<int> checkSdkKeyOptions();

    int usage(const QString &message) const;   // exit 2
    int failure(const QString &message) const; // exit 1
    void info(const QString &line) const;      // one line on stderr, no prefix
    int finishOutput() const;                  // ExitOk, or ExitFailure when stdout failed

private:
    // Whether the settings history holds versions of endpoint() (kept after it was removed).
    bool hasKeptHistory() const;
    std::optional<QByteArray> checkedSdkKey(const QString &source, QByteArray key,
                                            int *exitCode) const;

    QString m_name;
    VerbParser m_verb;
    QCommandLineOption m_endpointOption;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_secretsFileOption;
    std::optional<QCommandLineOption> m_sdkKeyFileOption;
    std::optional<QCommandLineOption> m_sdkKeyOption;
    QString m_endpoint;
    QString m_databasePath;
    SettingsVersionStore m_store;
    std::unique_ptr<SecretStore> m_secrets;
};

// The messages of a bad --account-id or --base-url; empty when fine.
QString checkAccountIdOption(const QString &text);
QString checkBaseUrlOption(const QString &text);

// Milliseconds from "500ms", "30s", "2m", "1m30s" or plain seconds ("30"); the message names
// the option, e.g. "--timeout: 'x' is not a duration from 100ms to 10m (…)".
std::optional<int> parseMilliseconds(const QString &option, const QString &text, int minMs,
                                     int maxMs, QString *error);
QString formatMilliseconds(int ms); // "30s", "1m30s", "250ms"

// "new version 3 (4 campaigns, 12.3 KiB): 1 campaign changed (checkout_cta)",
// "unchanged: version 3", "fetch failed after 5 attempts: …" or "import failed: …".
QString fetchResultLine(const FetchRecord &fetch, const SettingsVersion &version);

} // namespace hookbench::cli
