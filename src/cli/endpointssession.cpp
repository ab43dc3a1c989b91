#include "endpointssession.h"

#include "clikeyring.h"
#include "endpointnames.h"
#include "events/eventstore.h"

#include <QFileInfo>

#include <cstdio>

namespace hookbench::cli {

EndpointsSession::EndpointsSession(const QString &name, const QString &synopsis,
                                   const QString &description)
    : m_name(QStringLiteral("endpoints ") + name)
    , m_verb(m_name, QStringLiteral("endpoints ") + synopsis, description)
    , m_dbOption(QStringLiteral("db"),
                 QStringLiteral("Database holding the endpoints (default: the GUI's database)."),
                 QStringLiteral("FILE"))
    , m_secretsFileOption(secretsFileOption())
{
    m_verb.addOption(m_dbOption);
    m_verb.addOption(m_secretsFileOption);
}

EndpointsSession::~EndpointsSession()
{
    m_store.close();
}

std::optional<int> EndpointsSession::parse(const QStringList &args, const QStringList &required,
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
    m_databasePath = EventStore::defaultPath();
    if (parser().isSet(m_dbOption)) {
        if (parser().value(m_dbOption).isEmpty())
            return usage(QStringLiteral("--db: empty file name"));
        m_databasePath = QFileInfo(parser().value(m_dbOption)).absoluteFilePath();
    }
    if (parser().isSet(m_secretsFileOption) && parser().value(m_secretsFileOption).isEmpty())
        return usage(QStringLiteral("--secrets-file: empty file name"));
    return std::nullopt;
}

bool EndpointsSession::databaseExists() const
{
    return QFileInfo::exists(m_databasePath);
}

std::optional<int> EndpointsSession::open(bool create)
{
    if (m_store.isOpen())
        return std::nullopt;
    const QFileInfo info(m_databasePath);
    if (info.isDir())
        return usage(QStringLiteral("%1 is a directory, not a database").arg(m_databasePath));
    // Reading must never create an empty database as a side effect.
    if (!create && !info.exists())
        return std::nullopt;
    const QString error = m_store.open(m_databasePath);
    if (!error.isEmpty())
        return usage(error);
    return std::nullopt;
}

std::optional<QList<Endpoint>> EndpointsSession::endpoints()
{
    if (!m_store.isOpen())
        return QList<Endpoint>{Endpoint::defaultEndpoint()};
    QList<Endpoint> endpoints;
    const QString error = m_store.load(&endpoints);
    if (!error.isEmpty()) {
        failure(error);
        return std::nullopt;
    }
    return endpoints;
}

std::optional<Endpoint> EndpointsSession::find(const QList<Endpoint> &endpoints,
                                               const QString &name, int *exitCode) const
{
    for (const Endpoint &endpoint : endpoints) {
        if (endpoint.name == name)
            return endpoint;
    }
    *exitCode = usage(noEndpointNamed(name, endpoints));
    return std::nullopt;
}

SecretStore &EndpointsSession::secrets()
{
    if (!m_secrets) {
        m_secrets =
            std::make_unique<SecretStore>(secretStoreOptions(parser().value(m_secretsFileOption)));
    }
    return *m_secrets;
}

int EndpointsSession::usage(const QString &message) const
{
    return usageError(m_name, message);
}

int EndpointsSession::failure(const QString &message) const
{
    printError(m_name, message);
    return ExitFailure;
}

void EndpointsSession::info(const QString &line) const
{
    printInfo(line);
}

int EndpointsSession::finishOutput() const
{
    return finishStdout(m_name);
}

} // namespace hookbench::cli
