// The settings-file diff on two arbitrary documents: parsing, the semantic diff, the text diff
// and its unified form, and the JSON Patch, which must turn OLD into NEW.
#include "diff/diffcomparison.h"
#include "diff/jsondiff.h"
#include "diff/jsonpatch.h"
#include "diff/jsonprettyprinter.h"
#include "diff/unifieddiff.h"
#include "fuzzcheck.h"

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the viewer's toggles; the rest is OLD, a NUL byte (which no JSON text
    // holds), then NEW.
    ComparisonOptions options;
    options.ignoreOrder = data[0] & 1;
    options.ignoreWhitespace = data[0] & 2;
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    const qsizetype split = input.indexOf('\0');
    const QByteArray oldBytes = split < 0 ? input : input.left(split);
    const QByteArray newBytes = split < 0 ? QByteArray("{}") : input.mid(split + 1);

    const Comparison comparison = compareDocuments({oldBytes, QStringLiteral("old.json")},
                                                   {newBytes, QStringLiteral("new.json")}, options);
    const bool bothParse =
        !JsonTree::parse(oldBytes).isNull() && !JsonTree::parse(newBytes).isNull();
    FUZZ_CHECK(comparison.isValid() == bothParse, comparison.error);
    if (!comparison.isValid())
        return 0;
    FUZZ_CHECK(comparison.text, QString());
    const TextComparison &text = *comparison.text;
    UnifiedDiff::format(text.oldDoc, text.newDoc, text.diff, comparison.oldName,
                        comparison.newName);

    const QByteArray patch = makeJsonPatch(comparison.oldTree, comparison.newTree);
    FUZZ_CHECK(!JsonTree::parse(patch).isNull(), QString::fromUtf8(patch.left(300)));
    QString error;
    const QByteArray patched = applyJsonPatch(oldBytes, patch, &error);
    FUZZ_CHECK(!patched.isNull(), error);
    // Byte for byte NEW, except where NEW spells a key with other escapes than OLD (documented
    // in jsonpatch.h): then it must still be the same document.
    if (patched != compactJson(comparison.newTree)) {
        const JsonTree patchedTree = JsonTree::parse(patched);
        FUZZ_CHECK(!patchedTree.isNull(), QString::fromUtf8(patched.left(300)));
        DiffOptions exact;
        exact.reportOrder = true;
        exact.generic = true;
        FUZZ_CHECK(diffJson(patchedTree, comparison.newTree, exact).changes.isEmpty(),
                   QString::fromUtf8(patched.left(300)));
    }
    return 0;
}
