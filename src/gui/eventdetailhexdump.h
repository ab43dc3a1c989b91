#pragma once

#include <QByteArray>
#include <QString>

namespace hookbench {

// Bytes shown in the hex view at most: a hexdump is ~4.9 characters per byte, and a
// multi-megabyte document makes the text view sluggish for no insight.
inline constexpr qsizetype HexDumpLimit = 1024 * 1024;

// Classic hexdump: "00000000  7b 22 61 22 ...  |{"a"...|", 16 bytes per line, two groups
// of eight, non-printable bytes as '.' in the ASCII column. Dumps at most `limit` bytes.
QString hexDump(const QByteArray &data, qsizetype limit = HexDumpLimit);

// The body is worth showing as text: valid UTF-8 without NUL or other C0 control bytes
// (tab, line feed and carriage return aside).
bool isDisplayableText(const QByteArray &data);

} // namespace hookbench
