#pragma once

#include "diff/jsontree.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

namespace hookbench::cli {

// How `diff` and `settings diff` print a comparison of two JSON documents: the options
// --format summary|unified|json-patch, --sort-keys, --ignore-whitespace, --report-order and
// --context N, and the output itself. Exit status: 0 when the semantic summary is empty (a
// change of order alone is no change), 1 when it is not, whatever the format.
class DiffOutput
{
public:
    DiffOutput();

    QList<QCommandLineOption> options() const;
    // After parsing: empty, or the usage error ("unknown --format 'x' (expected: …)").
    QString read(const QCommandLineParser &parser);

    // Compares the documents and writes the result to standard output; `oldLabel` and
    // `newLabel` name the sides in the unified format. ExitOk or ExitFailure as above;
    // ExitUsage (with its message, prefixed by `verb`) when standard output failed.
    int write(const QString &verb, JsonTree oldTree, JsonTree newTree, const QString &oldLabel,
              const QString &newLabel) const;

private:
    QCommandLineOption m_format;
    QCommandLineOption m_sortKeys;
    QCommandLineOption m_ignoreWhitespace;
    QCommandLineOption m_reportOrder;
    QCommandLineOption m_context;

    QString m_formatName;
    bool m_sortKeysSet = false;
    bool m_ignoreWhitespaceSet = false;
    bool m_reportOrderSet = false;
    int m_contextLines = 0;
};

} // namespace hookbench::cli
