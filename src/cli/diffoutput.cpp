#include "diffoutput.h"

#include "clihelpers.h"
#include "diff/jsondiff.h"
#include "diff/jsonpatch.h"
#include "diff/jsonprettyprinter.h"
#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"
#include "diff/unifieddiff.h"

namespace hookbench::cli {

namespace {

const QStringList Formats{QStringLiteral("summary"), QStringLiteral("unified"),
                          QStringLiteral("json-patch")};
constexpr int MaxContext = 1000000;

QByteArray unifiedText(JsonTree &oldTree, JsonTree &newTree, const QString &oldLabel,
                       const QString &newLabel, bool sortKeys, bool ignoreWhitespace, int context)
{
    PrettyPrintOptions pretty;
    pretty.sortKeys = sortKeys;
    const TextDiffDocument oldDoc(prettyPrint(oldTree, pretty).text);
    oldTree = JsonTree(); // the pretty text is all the text diff needs
    const TextDiffDocument newDoc(prettyPrint(newTree, pretty).text);
    newTree = JsonTree();
    TextDiffOptions options;
    if (ignoreWhitespace)
        options.whitespace = TextDiffOptions::Whitespace::IgnoreAll;
    const TextDiff diff = TextDiff::compute(oldDoc, newDoc, options);
    return UnifiedDiff::format(oldDoc, newDoc, diff, oldLabel, newLabel, context);
}

} // namespace

DiffOutput::DiffOutput()
    : m_format(QStringLiteral("format"),
               QStringLiteral("Output: summary (default; one sentence a change), unified (the "
                              "pretty-printed documents as a unified diff) or json-patch (RFC "
                              "6902, turns OLD into NEW exactly)."),
               QStringLiteral("FORMAT"), QStringLiteral("summary"))
    , m_sortKeys(QStringLiteral("sort-keys"),
                 QStringLiteral("unified: sort object members by key before comparing."))
    , m_ignoreWhitespace(
          QStringLiteral("ignore-whitespace"),
          QStringLiteral("unified: ignore whitespace when comparing lines (like diff -w)."))
    , m_reportOrder(QStringLiteral("report-order"),
                    QStringLiteral("summary: also list changes of order alone (they never count "
                                   "as a change for the exit status)."))
    , m_context(QStringLiteral("context"),
                QStringLiteral("unified: lines of context around each change (default %1).")
                    .arg(UnifiedDiff::DefaultContext),
                QStringLiteral("N"), QString::number(UnifiedDiff::DefaultContext))
{}

QList<QCommandLineOption> DiffOutput::options() const
{
    return {m_format, m_sortKeys, m_ignoreWhitespace, m_reportOrder, m_context};
}

QString DiffOutput::read(const QCommandLineParser &parser)
{
    m_formatName = parser.value(m_format);
    if (!Formats.contains(m_formatName))
        return QStringLiteral("unknown --format '%1' (expected: %2)")
            .arg(m_formatName, Formats.join(QStringLiteral(", ")));
    const bool unified = m_formatName == QLatin1String("unified");
    for (const QCommandLineOption *option : {&m_sortKeys, &m_ignoreWhitespace, &m_context}) {
        if (!unified && parser.isSet(*option))
            return QStringLiteral("--%1 applies to --format unified only")
                .arg(option->names().constFirst());
    }
    if (m_formatName != QLatin1String("summary") && parser.isSet(m_reportOrder))
        return QStringLiteral("--report-order applies to --format summary only");
    QString error;
    const auto contextLines =
        parseInteger(QStringLiteral("--context"), parser.value(m_context), 0, MaxContext,
                     QStringLiteral("a number of lines (0-%1)").arg(MaxContext), &error);
    if (!contextLines)
        return error;
    m_contextLines = int(*contextLines);
    m_sortKeysSet = parser.isSet(m_sortKeys);
    m_ignoreWhitespaceSet = parser.isSet(m_ignoreWhitespace);
    m_reportOrderSet = parser.isSet(m_reportOrder);
    return {};
}

int DiffOutput::write(const QString &verb, JsonTree oldTree, JsonTree newTree,
                      const QString &oldLabel, const QString &newLabel) const
{
    DiffOptions options;
    options.reportOrder = m_reportOrderSet;
    bool changed = false;
    QByteArray output;
    {
        const JsonDiff diff = diffJson(oldTree, newTree, options);
        changed = !diff.isEmpty();
        if (m_formatName == QLatin1String("summary"))
            output = diffSummaryText(diff).toUtf8(); // UTF-8 whatever the locale
    }
    if (m_formatName == QLatin1String("json-patch")) {
        output = makeJsonPatch(oldTree, newTree);
        if (!output.endsWith('\n'))
            output += '\n';
    } else if (m_formatName == QLatin1String("unified")) {
        output = unifiedText(oldTree, newTree, oldLabel, newLabel, m_sortKeysSet,
                             m_ignoreWhitespaceSet, m_contextLines);
    }
    writeStdout(output);
    if (!flushStdout()) {
        printError(verb, QStringLiteral("cannot write to standard output"));
        return ExitUsage;
    }
    return changed ? ExitFailure : ExitOk;
}

} // namespace hookbench::cli
