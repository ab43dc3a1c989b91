#pragma once

#include "clihelpers.h"
#include "endpoints/endpointstore.h"
#include "secrets/secretstore.h"

#include <memory>
#include <optional>

namespace hookbench::cli {

// What every `endpoints` subcommand shares: --db and --secrets-file, the endpoint list of the
// database (the default endpoint alone while there is no database, which reading never
// creates), the secret store, and reporting.
class EndpointsSession
{
public:
    // `name` is the subcommand ("add"); `synopsis` follows "hookbench-cli endpoints ".
    EndpointsSession(const QString &name, const QString &synopsis, const QString &description);
    ~EndpointsSession();

    QString name() const { return m_name; }
    void addOption(const QCommandLineOption &option) { m_verb.addOption(option); }
    const QCommandLineParser &parser() { return m_verb.parser(); }
    // Exit code when done (help shown or usage error), nullopt to run. `required` and then
    // `optional` name the positional arguments the subcommand takes (for error messages).
    std::optional<int> parse(const QStringList &args, const QStringList &required = {},
                             const QStringList &optional = {});
    QStringList positional() { return m_verb.parser().positionalArguments(); }
    QString databasePath() const { return m_databasePath; }
    bool databaseExists() const;

    // Opens the endpoint list. create=false: a missing database is left alone (endpoints()
    // then gives the default endpoint only).
    std::optional<int> open(bool create);
    EndpointStore &store() { return m_store; }
    // The endpoints now, default first; nullopt after printing the error.
    std::optional<QList<Endpoint>> endpoints();
    // The named endpoint; nullopt after "no endpoint named …" (exit 2, *exitCode).
    std::optional<Endpoint> find(const QList<Endpoint> &endpoints, const QString &name,
                                 int *exitCode) const;
    SecretStore &secrets(); // made on first use

    int usage(const QString &message) const;   // exit 2
    int failure(const QString &message) const; // exit 1
    void info(const QString &line) const;      // one line on stderr, no prefix
    int finishOutput() const;                  // ExitOk, or ExitFailure when stdout failed

private:
    QString m_name;
    VerbParser m_verb;
    QCommandLineOption m_dbOption;
    QCommandLineOption m_secretsFileOption;
    QString m_databasePath;
    EndpointStore m_store;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace hookbench::cli
