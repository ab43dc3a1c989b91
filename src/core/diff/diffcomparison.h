#pragma once

#include "jsonchange.h"
#include "jsontree.h"
#include "textdiff.h"
#include "textdiffalignment.h"
#include "textdiffdocument.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace hookbench {

// One side of a comparison: the bytes and what to call them ("settings-v12.json", "version 12").
struct ComparisonSide
{
    QByteArray bytes;
    QString name;
};

// The viewer's toggles.
struct ComparisonOptions
{
    // On: a change of order alone is no change. The semantic diff does not report moves and the
    // text sides are printed with their keys sorted, so reordered members line up too.
    bool ignoreOrder = true;
    // On: the text diff ignores whitespace inside lines (`diff -w`); the layout is canonical
    // anyway.
    bool ignoreWhitespace = false;
};

// The text half of a comparison: both sides pretty-printed, their line diff and its side-by-side
// rows. Immutable once built, so views share it across threads.
struct TextComparison
{
    TextDiffDocument oldDoc;
    TextDiffDocument newDoc;
    QList<int> oldNodeLines; // for every node of the old tree, its 1-based line in oldDoc
    QList<int> newNodeLines;
    // The other way: for every 0-based line, the innermost node that starts on it, or -1 (a
    // closing bracket). What the viewer's tree follows while F7 steps through the text.
    QList<int> oldLineNodes;
    QList<int> newLineNodes;
    TextDiff diff;
    TextDiffAlignment alignment;
    TextDiffOptions::Whitespace whitespace = TextDiffOptions::Whitespace::Exact;
};

// Everything the viewer shows for two documents.
struct Comparison
{
    ComparisonOptions options;
    QString oldName;
    QString newName;
    // Why there is nothing to show: "old.json: line 3, column 7: expected ':' …". Empty on success.
    QString error;
    bool canceled = false;
    JsonTree oldTree;
    JsonTree newTree;
    JsonDiff semantic;
    std::shared_ptr<const TextComparison> text;

    bool isValid() const { return error.isEmpty() && !canceled; }
};

// What compareDocuments() is doing; the GUI words it (core strings are not translated).
enum class ComparisonStage { ParsingOld, ParsingNew, Semantic, Formatting, Text, Done };
// Progress of compareDocuments(): 0..100 and the stage.
using ComparisonProgress = std::function<void(int percent, ComparisonStage stage)>;

// Parses, diffs semantically, pretty-prints and diffs the text of two JSON documents. Pure and
// thread-safe: the viewer runs it on a worker thread. Once `cancel` reads true it stops at the
// next check and returns a comparison with `canceled` set.
Comparison compareDocuments(const ComparisonSide &oldSide, const ComparisonSide &newSide,
                            const ComparisonOptions &options,
                            const std::atomic_bool *cancel = nullptr,
                            const ComparisonProgress &progress = {});

} // namespace hookbench
