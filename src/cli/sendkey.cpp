#include "sendkey.h"

#include "auth/keyringstore.h"
#include "auth/keysecret.h"
#include "auth/keyverifier.h"
#include "clihelpers.h"
#include "clikeyring.h"
#include "events/eventstore.h"
#include "sendjob.h"

#include <QFileInfo>

#include <algorithm>

namespace hookbench::cli {

namespace {

QString describe(const QByteArray &key, const QString &source)
{
    return QStringLiteral("key %1 from %2").arg(StaticKeyVerifier::fingerprint(key), source);
}

// The endpoint's primary key, or none (with a note saying so).
QString fromKeyRing(const QCommandLineParser &parser, const SendOptions &o, SendKey *key)
{
    const QString endpoint = parser.value(o.endpoint);
    if (const QString problem = webhookkey::checkEndpoint(endpoint); !problem.isEmpty())
        return QStringLiteral("--endpoint: ") + problem;
    if (parser.isSet(o.db) && parser.value(o.db).isEmpty())
        return QStringLiteral("--db: empty file name");
    const QString path = parser.isSet(o.db) ? QFileInfo(parser.value(o.db)).absoluteFilePath()
                                            : EventStore::defaultPath();
    key->description = QStringLiteral("none");
    const QString hint = QStringLiteral("give --key-file, HOOKBENCH_KEY or --key, or --no-auth "
                                        "to silence this");
    // Sending must never create a database as a side effect.
    if (!QFileInfo::exists(path)) {
        key->note = QStringLiteral("no key given and no key ring at %1: sending without "
                                   "x-vwo-auth (%2)")
                        .arg(path, hint);
        return {};
    }
    // The metadata alone: the ring itself would read every accepted key's value.
    KeyRingStore store;
    QList<KeyInfo> keys;
    QString error = store.open(path);
    if (error.isEmpty())
        error = store.loadKeys(&keys);
    store.close();
    if (!error.isEmpty())
        return error;
    const auto primary = std::find_if(keys.cbegin(), keys.cend(), [&endpoint](const KeyInfo &k) {
        return k.endpoint == endpoint && k.state == KeyState::Primary;
    });
    if (primary == keys.cend()) {
        key->note = QStringLiteral("no key given and endpoint '%1' has no primary key: sending "
                                   "without x-vwo-auth (%2)")
                        .arg(endpoint, hint);
        return {};
    }
    // Read directly: the value goes on the wire; it is not shown or copied anywhere.
    SecretStore secrets(secretStoreOptions(parser.value(o.secretsFile)));
    error = secrets.readSync(webhookkey::secretName(endpoint, primary->id), &key->value);
    if (!error.isEmpty())
        return QStringLiteral("cannot read the primary key %1 of endpoint '%2': %3")
            .arg(primary->id, endpoint, error);
    key->description =
        QStringLiteral("key %1 (primary of endpoint '%2')").arg(primary->id, endpoint);
    return {};
}

} // namespace

QString resolveSendKey(const QCommandLineParser &parser, const SendOptions &o, SendKey *key)
{
    const QByteArray fromEnv = qgetenv("HOOKBENCH_KEY");
    const int given =
        int(parser.isSet(o.key)) + int(parser.isSet(o.keyFile)) + int(parser.isSet(o.noAuth));
    if (given > 1)
        return QStringLiteral("give only one of --key, --key-file and --no-auth");
    if (parser.isSet(o.noAuth)) {
        key->description = QStringLiteral("none (--no-auth)");
        return {};
    }
    QString source;
    if (parser.isSet(o.keyFile)) {
        const KeyLoadResult loaded = loadKeyFile(parser.value(o.keyFile));
        if (!loaded.error.isEmpty())
            return QStringLiteral("--key-file: ") + loaded.error;
        if (loaded.keys.isEmpty())
            return QStringLiteral("--key-file: %1 holds no key").arg(parser.value(o.keyFile));
        key->value = loaded.keys.first();
        source = QStringLiteral("--key-file");
    } else if (parser.isSet(o.key)) {
        key->value = parser.value(o.key).toUtf8();
        source = QStringLiteral("--key");
    } else if (!fromEnv.isEmpty()) {
        key->value = fromEnv.trimmed();
        source = QStringLiteral("HOOKBENCH_KEY");
    } else {
        return fromKeyRing(parser, o, key);
    }
    if (const QString problem = checkKey(key->value); !problem.isEmpty())
        return source + QStringLiteral(": ") + problem;
    key->description = describe(key->value, source);
    return {};
}

} // namespace hookbench::cli
