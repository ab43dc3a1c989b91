#pragma once

#include "jsontree.h"

#include <QByteArray>
#include <QString>

namespace hookbench {

// An RFC 6902 JSON Patch that turns OLD into NEW exactly: applied with applyJsonPatch() it gives
// NEW's compact text byte for byte (member order, {} against [], numbers and strings as written),
// even where the semantic diff sees no change. (One thing pointers cannot carry: a key NEW spells
// with other escapes than OLD, "\u0041" for "A", keeps OLD's spelling.) Arrays are aligned (Myers
// over element hashes), so one campaign removed is one "remove", not a cascade of replaces;
// reordered object members are put in order with "move" onto their own path (which RFC 6902 defines
// as remove + add, an append). One operation a line; "[]" when the documents are the same.
QByteArray makeJsonPatch(const JsonTree &oldTree, const JsonTree &newTree);

// Applies an RFC 6902 patch (add, remove, replace, move, copy, test) to a JSON document and
// returns the result as compact JSON, members kept in order and numbers as written. On failure
// returns a null array and says why in `error` ("operation 3 (remove /a/b): no such member").
QByteArray applyJsonPatch(const QByteArray &document, const QByteArray &patch,
                          QString *error = nullptr);

} // namespace hookbench
