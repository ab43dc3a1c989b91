#include "diffcommand.h"

#include "clihelpers.h"
#include "diff/jsondiff.h"
#include "diff/jsonpatch.h"
#include "diff/jsonprettyprinter.h"
#include "diff/jsontree.h"
#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"
#include "diff/unifieddiff.h"

#include <QFile>

#include <cstdio>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("diff");
const QString Stdin = QStringLiteral("-");
const QStringList Formats{QStringLiteral("summary"), QStringLiteral("unified"),
                          QStringLiteral("json-patch")};
constexpr int MaxContext = 1000000;

// Reads and parses one side; on failure says why in *error ("FILE: line L, column C: …").
JsonTree load(const QString &path, QString *error)
{
    JsonParseError parseError;
    JsonTree tree;
    QString name = path;
    if (path == Stdin) {
        name = QStringLiteral("standard input");
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read standard input: %1").arg(in.errorString());
            return {};
        }
        tree = JsonTree::parse(in.readAll(), &parseError);
    } else {
        tree = JsonTree::parseFile(path, &parseError);
    }
    if (tree.isNull()) {
        // Read errors already name the file ("cannot read FILE: …").
        *error = parseError.line > 0 ? name + QStringLiteral(": ") + parseError.toString()
                                     : parseError.message;
        if (error->isEmpty())
            *error = QStringLiteral("%1: not valid JSON").arg(name);
    }
    return tree;
}

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

int runDiff(const QStringList &args)
{
    VerbParser verb(
        Verb, QStringLiteral("diff OLD NEW [options]"),
        QStringLiteral("Compare two JSON files, e.g. two versions of a VWO settings file ('-' "
                       "reads one side from standard input). Exit status: 0 when the semantic "
                       "summary is empty (a change of order alone is no change), 1 when it is "
                       "not (whatever the format), 2 on error."));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("Output: summary (default; one sentence a change), unified (the "
                       "pretty-printed documents as a unified diff) or json-patch (RFC 6902, "
                       "turns OLD into NEW exactly)."),
        QStringLiteral("FORMAT"), QStringLiteral("summary"));
    const QCommandLineOption sortKeys(
        QStringLiteral("sort-keys"),
        QStringLiteral("unified: sort object members by key before comparing."));
    const QCommandLineOption ignoreWhitespace(
        QStringLiteral("ignore-whitespace"),
        QStringLiteral("unified: ignore whitespace when comparing lines (like diff -w)."));
    const QCommandLineOption reportOrder(
        QStringLiteral("report-order"),
        QStringLiteral("summary: also list changes of order alone (they never count as a "
                       "change for the exit status)."));
    const QCommandLineOption context(
        QStringLiteral("context"),
        QStringLiteral("unified: lines of context around each change (default %1).")
            .arg(UnifiedDiff::DefaultContext),
        QStringLiteral("N"), QString::number(UnifiedDiff::DefaultContext));
    verb.addOption(format);
    verb.addOption(sortKeys);
    verb.addOption(ignoreWhitespace);
    verb.addOption(reportOrder);
    verb.addOption(context);

    if (const auto exitCode = verb.parseOrExit(args, true))
        return *exitCode;
    const QCommandLineParser &parser = verb.parser();
    const QStringList files = parser.positionalArguments();
    if (files.size() < 2)
        return usageError(Verb, files.isEmpty() ? QStringLiteral("missing OLD and NEW files")
                                                : QStringLiteral("missing NEW file"));
    if (files.size() > 2)
        return usageError(Verb, QStringLiteral("unexpected argument '%1'").arg(files.at(2)));
    if (files.at(0) == Stdin && files.at(1) == Stdin)
        return usageError(Verb, QStringLiteral("only one of OLD and NEW can be '-'"));

    const QString formatName = parser.value(format);
    if (!Formats.contains(formatName))
        return usageError(Verb, QStringLiteral("unknown --format '%1' (expected: %2)")
                                    .arg(formatName, Formats.join(QStringLiteral(", "))));
    const bool unified = formatName == QLatin1String("unified");
    for (const QCommandLineOption *option : {&sortKeys, &ignoreWhitespace, &context}) {
        if (!unified && parser.isSet(*option))
            return usageError(Verb, QStringLiteral("--%1 applies to --format unified only")
                                        .arg(option->names().constFirst()));
    }
    if (formatName != QLatin1String("summary") && parser.isSet(reportOrder))
        return usageError(Verb, QStringLiteral("--report-order applies to --format summary only"));
    QString error;
    const auto contextLines =
        parseInteger(QStringLiteral("--context"), parser.value(context), 0, MaxContext,
                     QStringLiteral("a number of lines (0-%1)").arg(MaxContext), &error);
    if (!contextLines)
        return usageError(Verb, error);

    JsonTree oldTree = load(files.at(0), &error);
    if (oldTree.isNull())
        return usageError(Verb, error);
    JsonTree newTree = load(files.at(1), &error);
    if (newTree.isNull())
        return usageError(Verb, error);

    DiffOptions options;
    options.reportOrder = parser.isSet(reportOrder);
    bool changed = false;
    QByteArray output;
    {
        const JsonDiff diff = diffJson(oldTree, newTree, options);
        changed = !diff.isEmpty();
        if (formatName == QLatin1String("summary"))
            output = diffSummaryText(diff).toUtf8(); // UTF-8 whatever the locale
    }
    if (formatName == QLatin1String("json-patch")) {
        output = makeJsonPatch(oldTree, newTree);
        if (!output.endsWith('\n'))
            output += '\n';
    } else if (unified) {
        output = unifiedText(oldTree, newTree, files.at(0), files.at(1), parser.isSet(sortKeys),
                             parser.isSet(ignoreWhitespace), int(*contextLines));
    }
    writeStdout(output);
    if (!flushStdout()) {
        printError(Verb, QStringLiteral("cannot write to standard output"));
        return ExitUsage;
    }
    return changed ? ExitFailure : ExitOk;
}

} // namespace hookbench::cli
