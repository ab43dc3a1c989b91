// keys generate | import | rotate: the commands that add a key.
#include "auth/keysecret.h"
#include "keyssession.h"
#include "keysverbs.h"

namespace hookbench::cli {

namespace {

constexpr qint64 MaxGraceSeconds = 30LL * 86400;

QCommandLineOption labelOption()
{
    return QCommandLineOption(QStringLiteral("label"),
                              QStringLiteral("A name for the key, e.g. 'production' (shown by "
                                             "'keys list')."),
                              QStringLiteral("TEXT"));
}

std::optional<int> checkLabel(KeysSession &session, const QCommandLineOption &label)
{
    const QString problem = webhookkey::checkLabel(session.parser().value(label).trimmed());
    if (problem.isEmpty())
        return std::nullopt;
    return session.usage(QStringLiteral("--label: ") + problem);
}

// The new secret on stdout (its only appearance), everything else on stderr.
int printSecret(KeysSession &session, const QByteArray &secret)
{
    writeStdout(secret + '\n');
    if (!flushStdout()) {
        printError(QStringLiteral("keys"),
                   QStringLiteral("cannot write the new key to standard output; revoke it"));
        return ExitFailure;
    }
    session.info(QStringLiteral("The secret is shown only this once: enter it as the webhook's "
                                "secret key in the VWO app now."));
    return ExitOk;
}

} // namespace

int runKeysGenerate(const QStringList &args)
{
    KeysSession session(
        QStringLiteral("generate"), QStringLiteral("generate [options]"),
        QStringLiteral("Create the endpoint's first key: 256 random bits from the system's\n"
                       "secure random generator, printed once as 64 hex characters on standard\n"
                       "output (the key id goes to standard error). When the endpoint already\n"
                       "has a primary key, use 'keys rotate' instead."));
    const QCommandLineOption label = labelOption();
    session.addOption(label);
    session.hideUnexpectedArguments();
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    if (const auto exitCode = checkLabel(session, label))
        return *exitCode;
    if (const auto exitCode = session.open(true))
        return *exitCode;
    const KeyRing::Result result =
        session.ring().generateSync(session.endpoint(), session.parser().value(label));
    if (!result.error.isEmpty())
        return session.failed(result);
    session.warnIfFileFallback();
    session.info(QStringLiteral("Generated key %1, primary for endpoint '%2'.")
                     .arg(result.key.id, result.key.endpoint));
    return printSecret(session, result.secret);
}

int runKeysImport(const QStringList &args)
{
    KeysSession session(
        QStringLiteral("import"), QStringLiteral("import [options] < KEY-FILE"),
        QStringLiteral("Store a key generated in the VWO app as the endpoint's first key. The\n"
                       "key is read from standard input only (never from an argument, which\n"
                       "would show in `ps` and the shell history); a trailing line break is\n"
                       "dropped. Keys are 16 to 256 printable ASCII characters without spaces.\n"
                       "To replace an existing primary key, use 'keys rotate --import'."));
    const QCommandLineOption label = labelOption();
    session.addOption(label);
    session.hideUnexpectedArguments();
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    if (const auto exitCode = checkLabel(session, label))
        return *exitCode;
    const std::optional<QByteArray> key = session.readKeyFromStdin();
    if (!key)
        return ExitUsage;
    if (const auto exitCode = session.open(true))
        return *exitCode;
    const KeyRing::Result result =
        session.ring().importSync(session.endpoint(), session.parser().value(label), *key);
    if (!result.error.isEmpty())
        return session.failed(result);
    session.warnIfFileFallback();
    session.info(QStringLiteral("Imported key %1, primary for endpoint '%2'.")
                     .arg(result.key.id, result.key.endpoint));
    return ExitOk;
}

int runKeysRotate(const QStringList &args)
{
    KeysSession session(
        QStringLiteral("rotate"), QStringLiteral("rotate [options]"),
        QStringLiteral("Make a new primary key and print it once (64 hex characters) on\n"
                       "standard output. The previous primary key stays accepted for the grace\n"
                       "period, so webhooks VWO is still retrying with it get through; end it\n"
                       "early with 'keys end-grace ID'. With --import, the new key is read from\n"
                       "standard input instead (as 'keys import' does) and not printed."));
    const QCommandLineOption label = labelOption();
    const QCommandLineOption grace(
        QStringLiteral("grace"),
        QStringLiteral("How long the previous key stays accepted (default 1h, VWO's retry "
                       "window; e.g. 90s, 30m, 2h, 1d; 0 ends it at once; at most 30d)."),
        QStringLiteral("DURATION"));
    const QCommandLineOption importOption(QStringLiteral("import"),
                                          QStringLiteral("Read the new key from standard input."));
    session.addOption(label);
    session.addOption(grace);
    session.addOption(importOption);
    session.hideUnexpectedArguments();
    if (const auto exitCode = session.parse(args))
        return *exitCode;
    if (const auto exitCode = checkLabel(session, label))
        return *exitCode;
    std::optional<std::chrono::seconds> period;
    if (session.parser().isSet(grace)) {
        QString error;
        const auto seconds = parseDuration(QStringLiteral("--grace"), session.parser().value(grace),
                                           MaxGraceSeconds, &error);
        if (!seconds)
            return session.usage(error);
        period = std::chrono::seconds(*seconds);
    }
    QByteArray key;
    if (session.parser().isSet(importOption)) {
        const std::optional<QByteArray> read = session.readKeyFromStdin();
        if (!read)
            return ExitUsage;
        key = *read;
    }
    if (const auto exitCode = session.open(true))
        return *exitCode;
    const KeyRing::Result result =
        session.ring().rotateSync(session.endpoint(), session.parser().value(label), period, key);
    if (!result.error.isEmpty())
        return session.failed(result);
    session.warnIfFileFallback();
    session.info(QStringLiteral("New primary key %1 for endpoint '%2'.")
                     .arg(result.key.id, result.key.endpoint));
    if (const std::optional<KeyInfo> old = session.ring().key(result.replacedId)) {
        const QDateTime now = session.ring().now();
        if (old->acceptedAt(now)) {
            session.info(QStringLiteral("Key %1 stays accepted until %2 (%3); end that earlier "
                                        "with 'hookbench-cli keys end-grace %1'.")
                             .arg(old->id, isoTime(old->graceUntil),
                                  formatDuration(now.secsTo(old->graceUntil))));
        } else {
            session.info(QStringLiteral("Key %1 is no longer accepted.").arg(old->id));
        }
    }
    return key.isEmpty() ? printSecret(session, result.secret) : ExitOk;
}

} // namespace hookbench::cli
