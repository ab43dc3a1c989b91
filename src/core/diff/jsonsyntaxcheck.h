#pragma once

#include "jsontree.h"

#include <QByteArrayView>

namespace hookbench {

// The deepest nesting JsonTree accepts (the SIMD parser's own limit).
constexpr int MaxJsonDepth = 1024;

// Finds the first syntax error in `text` and says exactly what and where (RFC 8259, UTF-8).
// A plain byte-at-a-time scanner: JsonTree runs it only after the fast parser failed, to turn
// "something is wrong" into a line, a column and a reason. No error: a default JsonParseError.
JsonParseError findJsonSyntaxError(QByteArrayView text);

// Line and column (1-based; columns count characters) of a byte offset in `text`.
JsonPosition jsonTextPosition(QByteArrayView text, qsizetype offset);

} // namespace hookbench
