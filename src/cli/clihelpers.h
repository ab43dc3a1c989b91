#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <optional>

class QDateTime;
class QJsonObject;

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
// One line of information on stderr (not an error: no "hookbench-cli VERB:" prefix).
void printInfo(const QString &line);
// The end of a verb that wrote stdout: ExitOk, or ExitFailure with an error when stdout is gone.
int finishStdout(const QString &verb);

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

QString isoTime(const QDateTime &time); // 2024-05-01T10:00:00Z, or "never" when invalid
void writeJsonLine(const QJsonObject &object);
// Columns padded to their widest cell; the last column (free text) is not padded.
QByteArray table(const QList<QStringList> &rows);

// Standard input to its end, or one line from a terminal, read without echo after `prompt`
// (a secret must not show on screen). *tooLong when it holds more than maxBytes.
QByteArray readSecretInput(const char *prompt, qsizetype maxBytes, bool *tooLong);

// A verb (or a verb's subcommand): its name, a one-line summary and its entry point, which
// gets the arguments from its own name on.
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};

// The commands of hookbench-cli or of one verb (keys, settings), so listing, lookup and
// dispatch are written once.
class CommandTable
{
public:
    CommandTable(std::initializer_list<Command> commands)
        : m_commands(commands)
    {}

    QString names() const;   // "fetch, profile, history"
    QString listing() const; // "  fetch    Summary\n" per command, names padded alike
    const Command *find(const QString &name) const;

    // "VERB SUBCOMMAND …" (args[0] is the verb): runs the subcommand with args.mid(1). --help,
    // -h and help print `help`; "help SUBCOMMAND" is the subcommand's --help; a missing or
    // unknown subcommand is a usage error.
    int dispatch(const QString &verb, const QStringList &args, const QString &help) const;

private:
    QList<Command> m_commands;
};

} // namespace hookbench::cli
