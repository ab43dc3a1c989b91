#include "diffcomparison.h"

#include "jsondiff.h"
#include "jsonprettyprinter.h"

namespace hookbench {

namespace {

// Stage weights in percent: parsing and the semantic diff are quick next to the text diff.
constexpr int ParsedOld = 8;
constexpr int ParsedNew = 16;
constexpr int Semantic = 26;
constexpr int Printed = 36;

class Reporter
{
public:
    Reporter(const std::atomic_bool *cancel, const ComparisonProgress &progress)
        : m_cancel(cancel)
        , m_progress(progress)
    {}
    bool canceled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    void operator()(int percent, ComparisonStage stage) const
    {
        if (m_progress)
            m_progress(percent, stage);
    }

private:
    const std::atomic_bool *m_cancel;
    const ComparisonProgress &m_progress;
};

QList<int> lineNodes(const QList<int> &nodeLines, int lineCount)
{
    QList<int> nodes(lineCount, -1);
    // Nodes come in pre-order, so a later node on the same line sits inside an earlier one.
    for (int node = 0; node < nodeLines.size(); ++node) {
        const int line = nodeLines.at(node) - 1;
        if (line >= 0 && line < lineCount)
            nodes[line] = node;
    }
    return nodes;
}

JsonTree parseSide(const ComparisonSide &side, QString *error)
{
    JsonParseError parseError;
    JsonTree tree = JsonTree::parse(side.bytes, &parseError);
    if (tree.isNull())
        *error = side.name + QStringLiteral(": ") + parseError.toString();
    return tree;
}

} // namespace

Comparison compareDocuments(const ComparisonSide &oldSide, const ComparisonSide &newSide,
                            const ComparisonOptions &options, const std::atomic_bool *cancel,
                            const ComparisonProgress &progress)
{
    const Reporter report(cancel, progress);
    Comparison result;
    result.options = options;
    result.oldName = oldSide.name;
    result.newName = newSide.name;
    const auto canceled = [&] {
        result.canceled = report.canceled();
        return result.canceled;
    };

    report(0, ComparisonStage::ParsingOld);
    result.oldTree = parseSide(oldSide, &result.error);
    if (!result.error.isEmpty() || canceled())
        return result;
    report(ParsedOld, ComparisonStage::ParsingNew);
    result.newTree = parseSide(newSide, &result.error);
    if (!result.error.isEmpty() || canceled())
        return result;

    report(ParsedNew, ComparisonStage::Semantic);
    DiffOptions semantic;
    semantic.reportOrder = !options.ignoreOrder;
    result.semantic = diffJson(result.oldTree, result.newTree, semantic);
    if (canceled())
        return result;

    report(Semantic, ComparisonStage::Formatting);
    PrettyPrintOptions pretty;
    pretty.sortKeys = options.ignoreOrder;
    PrettyText oldText = prettyPrint(result.oldTree, pretty);
    PrettyText newText = prettyPrint(result.newTree, pretty);
    if (canceled())
        return result;

    auto text = std::make_shared<TextComparison>();
    text->oldDoc = TextDiffDocument(std::move(oldText.text));
    text->newDoc = TextDiffDocument(std::move(newText.text));
    text->oldNodeLines = std::move(oldText.nodeLines);
    text->newNodeLines = std::move(newText.nodeLines);
    text->oldLineNodes = lineNodes(text->oldNodeLines, text->oldDoc.lineCount());
    text->newLineNodes = lineNodes(text->newNodeLines, text->newDoc.lineCount());
    text->whitespace = options.ignoreWhitespace ? TextDiffOptions::Whitespace::IgnoreAll
                                                : TextDiffOptions::Whitespace::Exact;
    report(Printed, ComparisonStage::Text);
    TextDiffOptions lineOptions;
    lineOptions.whitespace = text->whitespace;
    lineOptions.cancel = cancel;
    lineOptions.progress = [&](int percent) {
        report(Printed + percent * (100 - Printed) / 100, ComparisonStage::Text);
    };
    text->diff = TextDiff::compute(text->oldDoc, text->newDoc, lineOptions);
    if (text->diff.isCanceled() || canceled()) {
        result.canceled = true;
        return result;
    }
    text->alignment = TextDiffAlignment(text->diff);
    result.text = std::move(text);
    report(100, ComparisonStage::Done);
    return result;
}

} // namespace hookbench
