#include "diffcommand.h"

#include "clihelpers.h"
#include "diffoutput.h"

#include <QFile>

#include <cstdio>

namespace hookbench::cli {

namespace {

const QString Verb = QStringLiteral("diff");
const QString Stdin = QStringLiteral("-");

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

} // namespace

int runDiff(const QStringList &args)
{
    VerbParser verb(
        Verb, QStringLiteral("diff OLD NEW [options]"),
        QStringLiteral("Compare two JSON files, e.g. two versions of a VWO settings file ('-' "
                       "reads one side from standard input). Exit status: 0 when the semantic "
                       "summary is empty (a change of order alone is no change), 1 when it is "
                       "not (whatever the format), 2 on error."));
    DiffOutput output;
    for (const QCommandLineOption &option : output.options())
        verb.addOption(option);

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

    QString error = output.read(parser);
    if (!error.isEmpty())
        return usageError(Verb, error);

    JsonTree oldTree = load(files.at(0), &error);
    if (oldTree.isNull())
        return usageError(Verb, error);
    JsonTree newTree = load(files.at(1), &error);
    if (newTree.isNull())
        return usageError(Verb, error);

    return output.write(Verb, std::move(oldTree), std::move(newTree), files.at(0), files.at(1));
}

} // namespace hookbench::cli
