#pragma once

#include "auth/keyring.h"
#include "clihelpers.h"
#include "secrets/secretstore.h"

#include <memory>
#include <optional>

namespace hookbench::cli {

// What every `keys` subcommand shares: --endpoint, --db and --secrets-file, opening the key
// ring, finding a key by id, reading a key from standard input and reporting results.
class KeysSession
{
public:
    // `name` is the subcommand ("generate"); `synopsis` follows "hookbench-cli keys ".
    KeysSession(const QString &name, const QString &synopsis, const QString &description);
    ~KeysSession();

    void addOption(const QCommandLineOption &option) { m_verb.addOption(option); }
    // For subcommands that take no argument but a key: a stray argument is likely one, so the
    // error does not repeat it.
    void hideUnexpectedArguments() { m_hideArguments = true; }
    const QCommandLineParser &parser() { return m_verb.parser(); }
    // Exit code when done (help shown or usage error), nullopt to run. `required` and then
    // `optional` name the positional arguments the subcommand takes (for error messages).
    std::optional<int> parse(const QStringList &args, const QStringList &required = {},
                             const QStringList &optional = {});
    QStringList positional() { return m_verb.parser().positionalArguments(); }

    // Opens the secret store and the key ring. create=false: a missing database is an error.
    std::optional<int> open(bool create);
    KeyRing &ring() { return *m_ring; }
    SecretStore &secrets() { return *m_secrets; }
    QString endpoint() const { return m_endpoint; }

    // A key by its id or a unique prefix of at least 4 characters (of this endpoint when
    // --endpoint was given). nullopt after printing the error.
    std::optional<KeyInfo> findKey(const QString &text);

    // The key from standard input: trailing line breaks dropped, checked (webhookkey rules).
    // On a terminal the input is not echoed.
    std::optional<QByteArray> readKeyFromStdin();

    int usage(const QString &message) const;         // exit 2
    int failed(const KeyRing::Result &result) const; // exit 2 when rejected, else 1
    void info(const QString &line) const;            // one line on stderr, no prefix
    void warnIfFileFallback() const;

private:
    QString m_name;
    VerbParser m_verb;
    QCommandLineOption m_endpointOption;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_secretsFileOption;
    QString m_endpoint = KeyRing::defaultEndpoint();
    bool m_hideArguments = false;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<KeyRing> m_ring;
};

} // namespace hookbench::cli
