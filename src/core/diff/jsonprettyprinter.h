#pragma once

#include "jsontree.h"

#include <QByteArray>
#include <QList>

namespace hookbench {

struct PrettyPrintOptions
{
    bool sortKeys = false; // members by key (UTF-8 byte order, duplicates kept in order)
    int indent = 2;        // spaces per level
};

// The canonical text the text diff compares, and where each node went.
struct PrettyText
{
    QByteArray text;      // one value or member per line, "key": value, {} and [] kept apart
    QList<int> nodeLines; // for every node of the tree, its 1-based line in `text`
};

// Pretty-prints a tree the way JSON.stringify(value, null, 2) and Python's json.dumps(indent=2)
// do, ending in a newline. Numbers and strings stay exactly as written (escapes included), so
// two files that differ only in layout print alike, and nothing else is lost.
PrettyText prettyPrint(const JsonTree &tree, const PrettyPrintOptions &options = {});

// One value as compact JSON text (no whitespace), numbers and strings as written.
QByteArray compactJson(const JsonTree &tree, int index = JsonTree::Root);
void appendCompactJson(QByteArray &out, const JsonTree &tree, int index);

} // namespace hookbench
