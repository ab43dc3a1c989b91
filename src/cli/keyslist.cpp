// keys list | audit: read-only views of the key ring. Never a secret.
#include "keyssession.h"
#include "keysverbs.h"

#include <QJsonObject>

#include <climits>

namespace hookbench::cli {

namespace {

QCommandLineOption formatOption()
{
    return QCommandLineOption(QStringLiteral("format"),
                              QStringLiteral("Output format: text (default) or json (one object "
                                             "a line)."),
                              QStringLiteral("FORMAT"), QStringLiteral("text"));
}

std::optional<int> checkFormat(KeysSession &session, const QCommandLineOption &format)
{
    const QString value = session.parser().value(format);
    if (value == QLatin1String("text") || value == QLatin1String("json"))
        return std::nullopt;
    return session.usage(QStringLiteral("unknown --format '%1' (expected: text, json)").arg(value));
}

QString stateText(const KeyInfo &key, const QDateTime &now)
{
    switch (key.stateAt(now)) {
    case KeyState::Primary:
        break;
    case KeyState::Grace: {
        qint64 left = now.secsTo(key.graceUntil);
        if (left >= 120)
            left = (left + 30) / 60 * 60; // "1h30m left", not "1h29m59s left"
        return QStringLiteral("grace until %1 (%2 left)")
            .arg(isoTime(key.graceUntil), formatDuration(left));
    }
    case KeyState::Expired:
        return QStringLiteral("expired %1").arg(isoTime(key.graceUntil));
    case KeyState::Revoked:
        return QStringLiteral("revoked %1").arg(isoTime(key.revokedAt));
    }
    return QStringLiteral("primary");
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

int runKeysList(const QStringList &args)
{
    KeysSession session(
        QStringLiteral("list"), QStringLiteral("list [options]"),
        QStringLiteral("Show the endpoint's keys: id, state (primary, in grace until a time,\n"
                       "expired, revoked), created, last used, use count and label. Never prints\n"
                       "a key's value. Warns on standard error when key values are kept in a file\n"
                       "instead of the system keychain."));
    const QCommandLineOption format = formatOption();
    session.addOption(format);
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    if (const auto exitCode = checkFormat(session, format))
        return *exitCode;
    if (const auto exitCode = session.open(false))
        return *exitCode;
    // A look at the secret store (no secret is read) tells whether it falls back to the file.
    if (session.secrets().backend() == SecretStore::Backend::Keychain)
        session.secrets().readSync(QStringLiteral("hookbench/probe"), nullptr);
    session.warnIfFileFallback();

    const QDateTime now = session.ring().now();
    const QList<KeyInfo> keys = session.ring().keys(session.endpoint());
    if (session.parser().value(format) == QLatin1String("json")) {
        for (const KeyInfo &key : keys) {
            writeJsonLine({{QStringLiteral("id"), key.id},
                           {QStringLiteral("endpoint"), key.endpoint},
                           {QStringLiteral("state"), keyStateName(key.stateAt(now))},
                           {QStringLiteral("label"), key.label},
                           {QStringLiteral("origin"), keyOriginName(key.origin)},
                           {QStringLiteral("created"), timeValue(key.created)},
                           {QStringLiteral("grace_until"), timeValue(key.graceUntil)},
                           {QStringLiteral("revoked_at"), timeValue(key.revokedAt)},
                           {QStringLiteral("last_used"), timeValue(key.lastUsed)},
                           {QStringLiteral("use_count"), key.useCount}});
        }
    } else if (keys.isEmpty()) {
        session.info(QStringLiteral("Endpoint '%1' has no keys: it accepts webhooks without "
                                    "authentication. Create one with 'hookbench-cli keys "
                                    "generate'.")
                         .arg(session.endpoint()));
    } else {
        QList<QStringList> rows{{QStringLiteral("ID"), QStringLiteral("STATE"),
                                 QStringLiteral("CREATED"), QStringLiteral("LAST USED"),
                                 QStringLiteral("USES"), QStringLiteral("LABEL")}};
        for (const KeyInfo &key : keys) {
            rows.append({key.id, stateText(key, now), isoTime(key.created), isoTime(key.lastUsed),
                         QString::number(key.useCount), key.label});
        }
        writeStdout(table(rows));
    }
    if (!flushStdout()) {
        printError(QStringLiteral("keys list"), QStringLiteral("cannot write to standard output"));
        return ExitFailure;
    }
    return ExitOk;
}

int runKeysAudit(const QStringList &args)
{
    KeysSession session(QStringLiteral("audit"), QStringLiteral("audit [options] [ID]"),
                        QStringLiteral("Show the endpoint's audit trail, newest first: keys "
                                       "generated, imported,\nrotated, revoked, revealed, copied, "
                                       "grace ended, label changed. With ID,\nthat key's only. "
                                       "Never shows a key's value."));
    const QCommandLineOption format = formatOption();
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Show at most N entries (default 100)."),
                                   QStringLiteral("N"), QStringLiteral("100"));
    session.addOption(format);
    session.addOption(limit);
    if (const auto exitCode = session.parse(args, {}, {QStringLiteral("ID")}))
        return *exitCode;
    if (const auto exitCode = checkFormat(session, format))
        return *exitCode;
    QString error;
    const auto count =
        parseInteger(QStringLiteral("--limit"), session.parser().value(limit), 1, INT_MAX,
                     QStringLiteral("a positive number of entries"), &error);
    if (!count)
        return session.usage(error);
    if (const auto exitCode = session.open(false))
        return *exitCode;
    QString keyId;
    if (!session.positional().isEmpty()) {
        const std::optional<KeyInfo> key = session.findKey(session.positional().first());
        if (!key)
            return ExitUsage;
        keyId = key->id;
    }
    const QList<KeyAuditEntry> entries =
        session.ring().auditTrail(session.endpoint(), keyId, int(*count), &error);
    if (!error.isEmpty()) {
        printError(QStringLiteral("keys audit"), error);
        return ExitFailure;
    }
    const bool json = session.parser().value(format) == QLatin1String("json");
    QList<QStringList> rows{{QStringLiteral("TIME"), QStringLiteral("KEY"),
                             QStringLiteral("ACTION"), QStringLiteral("DETAIL")}};
    for (const KeyAuditEntry &entry : entries) {
        if (json) {
            writeJsonLine(
                {{QStringLiteral("at"), isoTime(entry.at)},
                 {QStringLiteral("endpoint"), entry.endpoint},
                 {QStringLiteral("key"), entry.keyId},
                 {QStringLiteral("action"), keyAuditActionName(entry.action)},
                 {QStringLiteral("related_key"), entry.relatedKeyId.isEmpty()
                                                     ? QJsonValue(QJsonValue::Null)
                                                     : QJsonValue(entry.relatedKeyId)},
                 {QStringLiteral("until"), timeValue(entry.until)},
                 {QStringLiteral("label"),
                  entry.label.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(entry.label)}});
            continue;
        }
        QString detail;
        if (entry.action == KeyAuditAction::Rotated) {
            detail = QStringLiteral("replaced by %1; accepted until %2")
                         .arg(entry.relatedKeyId, isoTime(entry.until));
        } else if (!entry.label.isEmpty()) {
            detail = QStringLiteral("label '%1'").arg(entry.label);
        }
        rows.append({isoTime(entry.at), entry.keyId, keyAuditActionName(entry.action), detail});
    }
    if (!json && rows.size() > 1)
        writeStdout(table(rows));
    if (!flushStdout()) {
        printError(QStringLiteral("keys audit"), QStringLiteral("cannot write to standard output"));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace hookbench::cli
