#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace hookbench::cli {

// Exit statuses shared by every verb (DESIGN.md §4).
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

// One line on stderr: "hookbench-cli VERB: MESSAGE" (or "hookbench-cli: MESSAGE"
// without a verb). Newlines inside the message are flattened so scripts can rely
// on exactly one line per error.
void printError(const QString &verb, const QString &message);

// printError() + ExitUsage, for `return usageError(...)`.
int usageError(const QString &verb, const QString &message);

void writeStdout(const QByteArray &bytes); // unbuffered by Qt, flushed by the caller
bool flushStdout();                        // false when stdout is gone (EPIPE etc.)

// A verb's command line: options plus our own --help, parsed without
// QCommandLineParser::process() (which would exit 1 and print Qt's wording).
class VerbParser
{
public:
    VerbParser(const QString &verb, const QString &synopsis, const QString &description);

    void addOption(const QCommandLineOption &option);
    QCommandLineParser &parser() { return m_parser; }

    // The exit code when the verb is done (help shown: ExitOk, error printed: ExitUsage),
    // nullopt when it should run. args[0] is the verb itself.
    std::optional<int> parseOrExit(const QStringList &args, bool allowPositional = false);
    QString helpText() const;

private:
    enum Result { Run, ShowedHelp, Error };
    Result parse(const QStringList &args, bool allowPositional);

    QString m_verb;
    QString m_synopsis;
    QCommandLineParser m_parser;
    QCommandLineOption m_helpOption;
};

// Number parsing with messages that say which option and what was wrong, e.g.
// "--port: 'abc' is not a port number (0-65535)". `what` describes the
// expected value ("a port number (0-65535)"); nullopt means an error was set.
std::optional<qint64> parseInteger(const QString &option, const QString &text, qint64 min,
                                   qint64 max, const QString &what, QString *error);

// Byte counts accept K, M and G suffixes (binary: 1K = 1024).
std::optional<qint64> parseByteSize(const QString &option, const QString &text, qint64 min,
                                    qint64 max, QString *error);

// Durations like "90s", "30m", "1h", "1h30m", "2d" or plain seconds ("3600"), from 0 to
// maxSeconds; the message names the option, e.g. "--grace: '1x' is not a duration (…)".
std::optional<qint64> parseDuration(const QString &option, const QString &text, qint64 maxSeconds,
                                    QString *error);
QString formatDuration(qint64 seconds); // "1h", "1h30m", "45s", "2d3h"

// A key must be printable ASCII without whitespace; the message never shows it.
QString checkKey(const QByteArray &key);

} // namespace hookbench::cli
