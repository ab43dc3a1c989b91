// keys revoke | end-grace | label: changes to one existing key.
#include "auth/keysecret.h"
#include "keyssession.h"
#include "keysverbs.h"

namespace hookbench::cli {

namespace {

const QString IdHelp =
    QStringLiteral("ID is the key id shown by 'keys list', or a unique prefix of "
                   "at least 4 characters.");

// Parses, opens the existing database and finds the key named by the first argument.
std::optional<int> prepare(KeysSession &session, const QStringList &args, KeyInfo *key,
                           const QStringList &more = {})
{
    if (const auto exitCode = session.parse(args, QStringList{QStringLiteral("ID")} + more))
        return exitCode;
    if (const auto exitCode = session.open(false))
        return exitCode;
    const std::optional<KeyInfo> found = session.findKey(session.positional().first());
    if (!found)
        return ExitUsage;
    *key = *found;
    return std::nullopt;
}

} // namespace

int runKeysRevoke(const QStringList &args)
{
    KeysSession session(QStringLiteral("revoke"), QStringLiteral("revoke [options] ID"),
                        QStringLiteral("Stop accepting a key at once, whatever its state, and "
                                       "remove its value from\nthe secret store. A running "
                                       "receiver (GUI or 'listen') refuses it within a\nsecond. ") +
                            IdHelp);
    KeyInfo key;
    if (const auto exitCode = prepare(session, args, &key))
        return *exitCode;
    const KeyRing::Result result = session.ring().revokeSync(key.id);
    if (!result.error.isEmpty())
        return session.failed(result);
    if (!result.warning.isEmpty())
        printError(QStringLiteral("keys revoke"), QStringLiteral("warning: ") + result.warning);
    session.info(QStringLiteral("Revoked key %1 of endpoint '%2': requests signed with it are "
                                "refused from now on.")
                     .arg(key.id, key.endpoint));
    if (key.state == KeyState::Primary)
        session.info(QStringLiteral("Endpoint '%1' has no primary key now; make one with "
                                    "'hookbench-cli keys rotate'.")
                         .arg(key.endpoint));
    return ExitOk;
}

int runKeysEndGrace(const QStringList &args)
{
    KeysSession session(QStringLiteral("end-grace"), QStringLiteral("end-grace [options] ID"),
                        QStringLiteral("End the grace period of a key replaced by 'keys rotate' "
                                       "now, instead of\nwhen it runs out. ") +
                            IdHelp);
    KeyInfo key;
    if (const auto exitCode = prepare(session, args, &key))
        return *exitCode;
    const KeyRing::Result result = session.ring().endGraceSync(key.id);
    if (!result.error.isEmpty())
        return session.failed(result);
    session.info(
        QStringLiteral("Ended the grace period of key %1: it is no longer accepted.").arg(key.id));
    return ExitOk;
}

int runKeysLabel(const QStringList &args)
{
    KeysSession session(QStringLiteral("label"), QStringLiteral("label [options] ID TEXT"),
                        QStringLiteral("Give a key a new label (an empty TEXT removes it). ") +
                            IdHelp);
    KeyInfo key;
    if (const auto exitCode = prepare(session, args, &key, {QStringLiteral("TEXT")}))
        return *exitCode;
    const QString label = session.positional().at(1).trimmed();
    const QString problem = webhookkey::checkLabel(label);
    if (!problem.isEmpty())
        return session.usage(problem);
    const KeyRing::Result result = session.ring().setLabelSync(key.id, label);
    if (!result.error.isEmpty())
        return session.failed(result);
    session.info(label.isEmpty()
                     ? QStringLiteral("Key %1 has no label now.").arg(key.id)
                     : QStringLiteral("Key %1 is labelled '%2' now.").arg(key.id, label));
    return ExitOk;
}

} // namespace hookbench::cli
