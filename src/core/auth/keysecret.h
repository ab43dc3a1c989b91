#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace hookbench {

// Rules for webhook key values, endpoint names and labels, shared by the key ring, the CLI and
// the key panel. Messages are one sentence, never quote the key, and name the position.
namespace webhookkey {

constexpr int GeneratedBytes = 32; // 256 bits, printed as 64 lowercase hex characters
constexpr int MinImportLength = 16;
constexpr int MaxImportLength = 256;
constexpr int MaxLabelLength = 200;

// 256 bits from the system CSPRNG (QRandomGenerator::system()) as 64 lowercase hex characters.
QByteArray generate();

// A key pasted from the VWO app: 16 to 256 printable ASCII characters (0x21-0x7E). Spaces are
// refused too: VWO keys have none, and HTTP clients trim them at the ends of a header. Returns
// an empty string when the key is acceptable, else e.g. "character 17 is a space (…)".
QString checkImported(QByteArrayView key);

// Endpoint names are part of secret names ("webhook-key/<endpoint>/<id>"): 1-64 of
// [A-Za-z0-9._-]. Empty string when fine.
QString checkEndpoint(const QString &endpoint);

// Labels are free text without control characters, at most MaxLabelLength characters.
QString checkLabel(const QString &label);

// The name under which SecretStore keeps a key's value.
QString secretName(const QString &endpoint, const QString &id);

// What the event log stores instead of an x-vwo-auth value checked against the key ring:
// "[redacted; fingerprint <id>]". redactedFingerprint() gives <id> back, or an empty string
// when `value` is not such a placeholder (a value stored as sent).
QByteArray redactedHeader(const QString &fingerprint);
QString redactedFingerprint(QByteArrayView value);

} // namespace webhookkey
} // namespace hookbench
