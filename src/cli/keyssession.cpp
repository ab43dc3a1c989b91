#include "keyssession.h"

#include "auth/keysecret.h"
#include "clikeyring.h"
#include "endpointnames.h"
#include "events/eventstore.h"

#include <QFileInfo>

#include <cstdio>

namespace hookbench::cli {

namespace {

constexpr qsizetype MaxStdinBytes = 64 * 1024;
constexpr int MinIdPrefix = 4;

} // namespace

KeysSession::KeysSession(const QString &name, const QString &synopsis, const QString &description)
    : m_name(QStringLiteral("keys ") + name)
    , m_verb(m_name, QStringLiteral("keys ") + synopsis, description)
    , m_endpointOption(QStringLiteral("endpoint"),
                       QStringLiteral("Endpoint whose keys to use (default: default, the "
                                      "endpoint at /vwo-webhook)."),
                       QStringLiteral("NAME"), KeyRing::defaultEndpoint())
    , m_dbOption(QStringLiteral("db"),
                 QStringLiteral("Database holding the key ring (default: the GUI's database)."),
                 QStringLiteral("FILE"))
    , m_secretsFileOption(secretsFileOption())
{
    m_verb.addOption(m_endpointOption);
    m_verb.addOption(m_dbOption);
    m_verb.addOption(m_secretsFileOption);
}

KeysSession::~KeysSession()
{
    if (m_ring)
        m_ring->close();
}

std::optional<int> KeysSession::parse(const QStringList &args, const QStringList &required,
                                      const QStringList &optional)
{
    if (const auto exitCode = m_verb.parseOrExit(args, true))
        return exitCode;
    const QStringList given = positional();
    if (given.size() < required.size())
        return usage(QStringLiteral("missing %1 (see 'hookbench-cli %2 --help')")
                         .arg(required.at(given.size()), m_name));
    const qsizetype most = required.size() + optional.size();
    if (given.size() > most && m_hideArguments)
        return usage(QStringLiteral("unexpected argument (not shown: it may be a key); keys are "
                                    "read from standard input only, never from an argument"));
    if (given.size() > most)
        return usage(QStringLiteral("unexpected argument '%1'").arg(given.at(most)));
    m_endpoint = parser().value(m_endpointOption);
    const QString problem = webhookkey::checkEndpoint(m_endpoint);
    if (!problem.isEmpty())
        return usage(QStringLiteral("--endpoint: ") + problem);
    if (parser().isSet(m_dbOption) && parser().value(m_dbOption).isEmpty())
        return usage(QStringLiteral("--db: empty file name"));
    if (parser().isSet(m_secretsFileOption) && parser().value(m_secretsFileOption).isEmpty())
        return usage(QStringLiteral("--secrets-file: empty file name"));
    return std::nullopt;
}

std::optional<int> KeysSession::open(bool create)
{
    const QString path = parser().isSet(m_dbOption)
                             ? QFileInfo(parser().value(m_dbOption)).absoluteFilePath()
                             : EventStore::defaultPath();
    // Keys of an endpoint that does not exist would authenticate nothing.
    const QString unknown = checkEndpointExists(path, m_endpoint);
    if (!unknown.isEmpty())
        return usage(QStringLiteral("--endpoint: ") + unknown);
    // Reading or changing keys must never create an empty database as a side effect.
    if (!create && !QFileInfo::exists(path))
        return usage(QStringLiteral("no database at %1 (no keys yet)").arg(path));
    m_secrets =
        std::make_unique<SecretStore>(secretStoreOptions(parser().value(m_secretsFileOption)));
    KeyRing::Options options;
    options.watchIntervalMs = 0; // one command, one moment: no polling
    options.usageFlushMs = 0;
    m_ring = std::make_unique<KeyRing>(m_secrets.get(), options);
    const QString error = m_ring->open(path);
    if (!error.isEmpty())
        return usage(error);
    return std::nullopt;
}

std::optional<KeyInfo> KeysSession::findKey(const QString &text)
{
    const QString wanted = text.trimmed().toLower();
    const bool endpointGiven = parser().isSet(m_endpointOption);
    QList<KeyInfo> matches;
    for (const KeyInfo &key : m_ring->allKeys()) {
        if (endpointGiven && key.endpoint != m_endpoint)
            continue;
        if (key.id == wanted)
            return key;
        if (wanted.size() >= MinIdPrefix && key.id.startsWith(wanted))
            matches.append(key);
    }
    const QString where =
        endpointGiven ? QStringLiteral(" of endpoint '%1'").arg(m_endpoint) : QString();
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty()) {
        usage(QStringLiteral("no key with id '%1'%2 (see 'hookbench-cli keys list')")
                  .arg(text, where));
    } else {
        usage(QStringLiteral("'%1' matches %2 keys%3; give more of the id")
                  .arg(text)
                  .arg(matches.size())
                  .arg(where));
    }
    return std::nullopt;
}

std::optional<QByteArray> KeysSession::readKeyFromStdin()
{
    bool tooLong = false;
    QByteArray key = readSecretInput(
        "Paste the key, then press Enter (it is not shown): ", MaxStdinBytes, &tooLong);
    if (tooLong) {
        usage(QStringLiteral("standard input holds more than 64 KiB; expected one key"));
        return std::nullopt;
    }
    while (key.endsWith('\n') || key.endsWith('\r'))
        key.chop(1);
    if (key.isEmpty()) {
        usage(QStringLiteral("no key on standard input (pipe it in, e.g. 'hookbench-cli keys "
                             "import < key.txt')"));
        return std::nullopt;
    }
    const QString problem = webhookkey::checkImported(key);
    if (!problem.isEmpty()) {
        key.fill('\0');
        usage(QStringLiteral("key on standard input: ") + problem);
        return std::nullopt;
    }
    return key;
}

int KeysSession::usage(const QString &message) const
{
    return usageError(m_name, message);
}

int KeysSession::failed(const KeyRing::Result &result) const
{
    printError(m_name, result.error);
    return result.rejected ? ExitUsage : ExitFailure;
}

void KeysSession::info(const QString &line) const
{
    printInfo(line);
}

void KeysSession::warnIfFileFallback() const
{
    const QString warning = m_secrets ? fileFallbackWarning(*m_secrets) : QString();
    if (!warning.isEmpty())
        printError(m_name, warning);
}

} // namespace hookbench::cli
