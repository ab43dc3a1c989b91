#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace hookbench {

// Small text helpers shared by the JSON tree, the diff and JSON Patch.

// Decodes the content of a JSON string (between its quotes) to UTF-8. The text must be valid
// (as JsonTree guarantees); a lone surrogate escape becomes U+FFFD.
QByteArray decodeJsonString(QByteArrayView content);
// Appends `utf8` as a JSON string, with quotes; escapes only what JSON requires.
void appendJsonString(QByteArray &out, QByteArrayView utf8);

// The JSON number grammar (RFC 8259 §6): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QByteArrayView text);
// Whether two valid JSON numbers are the same number, exactly (no rounding through double):
// 1 = 1.0 = 1e0 = 10E-1, -0 = 0, 12345678901234567890 ≠ 12345678901234567891.
bool sameJsonNumber(QByteArrayView a, QByteArrayView b);

// The length of the well-formed UTF-8 sequence at `p` (1 to 4), or 0: no overlong forms, no
// surrogates, nothing past U+10FFFF.
int utf8SequenceLength(const char *p, const char *end);

// A fast 64-bit hash of bytes (8 at a time), for aligning lists: callers confirm matches, so it
// need not resist attacks (qHash's SipHash costs 5x as much on an 11 MB file).
quint64 fastHash(QByteArrayView bytes, quint64 seed = 0);

// RFC 6901: one reference token, "~" as "~0" and "/" as "~1".
QString pointerToken(QByteArrayView utf8);
QString pointerToken(int index);
// Splits a pointer into decoded tokens; false when it is neither "" nor starts with '/'.
bool splitPointer(const QString &pointer, QStringList *tokens);

} // namespace hookbench
