#pragma once

#include <QByteArray>
#include <QCommandLineParser>
#include <QString>

namespace hookbench::cli {

struct SendOptions;

// The x-vwo-auth key a `send` carries, and where it came from (never the value).
struct SendKey
{
    QByteArray value;    // empty: no header
    QString description; // "key 1a2b3c4d5e6f from --key-file", "none"
    QString note;        // for stderr when no key is sent without being asked to
};

// --no-auth, --key-file, HOOKBENCH_KEY, --key (one of them), else the primary key of
// --endpoint's key ring (read from --db, never created). Empty string or one usage error line.
QString resolveSendKey(const QCommandLineParser &parser, const SendOptions &o, SendKey *key);

} // namespace hookbench::cli
