#include "clihelpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace hookbench::cli {

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString optionWithDashes(const QString &name)
{
    return (name.size() == 1 ? QLatin1String("-") : QLatin1String("--")) + name;
}

} // namespace

void printError(const QString &verb, const QString &message)
{
    QString line = verb.isEmpty() ? QStringLiteral("hookbench-cli: ")
                                  : QLatin1String("hookbench-cli ") + verb + QLatin1String(": ");
    line += message.trimmed();
    line.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int usageError(const QString &verb, const QString &message)
{
    printError(verb, message);
    return ExitUsage;
}

void writeStdout(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

bool flushStdout()
{
    return std::fflush(stdout) == 0 && !std::ferror(stdout);
}

void printInfo(const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

int finishStdout(const QString &verb)
{
    if (flushStdout())
        return ExitOk;
    printError(verb, QStringLiteral("cannot write to standard output"));
    return ExitFailure;
}

VerbParser::VerbParser(const QString &verb, const QString &synopsis, const QString &description)
    : m_verb(verb)
    , m_synopsis(synopsis)
    , m_helpOption({QStringLiteral("h"), QStringLiteral("help")},
                   QStringLiteral("Show this help and exit."))
{
    m_parser.setApplicationDescription(description);
    // "-port 4000" should mean --port, not -p -o -r -t.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption(m_helpOption);
}

void VerbParser::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
}

QString VerbParser::helpText() const
{
    // Qt's first line names argv[0] with its full path; ours names the verb.
    QString text = m_parser.helpText();
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    text.replace(0, firstBreak, QLatin1String("Usage: hookbench-cli ") + m_synopsis);
    return text;
}

std::optional<int> VerbParser::parseOrExit(const QStringList &args, bool allowPositional)
{
    switch (parse(args, allowPositional)) {
    case ShowedHelp:
        return ExitOk;
    case Error:
        return ExitUsage;
    case Run:
        break;
    }
    return std::nullopt;
}

VerbParser::Result VerbParser::parse(const QStringList &args, bool allowPositional)
{
    if (!m_parser.parse(args)) {
        const QStringList unknown = m_parser.unknownOptionNames();
        QString message;
        if (!unknown.isEmpty()) {
            message =
                QStringLiteral("unknown option ") + quoted(optionWithDashes(unknown.first())) +
                QStringLiteral(" (see 'hookbench-cli ") + m_verb + QStringLiteral(" --help')");
        } else {
            // e.g. "Missing value after '--port'." -> "missing value after '--port'"
            message = m_parser.errorText().trimmed();
            if (message.endsWith(QLatin1Char('.')))
                message.chop(1);
            if (!message.isEmpty())
                message[0] = message.at(0).toLower();
        }
        printError(m_verb, message);
        return Error;
    }
    if (m_parser.isSet(m_helpOption)) {
        writeStdout(helpText().toUtf8());
        flushStdout();
        return ShowedHelp;
    }
    if (!allowPositional && !m_parser.positionalArguments().isEmpty()) {
        printError(m_verb, QStringLiteral("unexpected argument ") +
                               quoted(m_parser.positionalArguments().first()));
        return Error;
    }
    return Run;
}

std::optional<qint64> parseInteger(const QString &option, const QString &text, qint64 min,
                                   qint64 max, const QString &what, QString *error)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    // toLongLong accepts a leading '+'; reject it along with other oddities.
    const qint64 value = trimmed.startsWith(QLatin1Char('+')) ? 0 : trimmed.toLongLong(&ok, 10);
    if (!ok || value < min || value > max) {
        *error = option + QStringLiteral(": ") + quoted(text) + QStringLiteral(" is not ") + what;
        return std::nullopt;
    }
    return value;
}

std::optional<qint64> parseByteSize(const QString &option, const QString &text, qint64 min,
                                    qint64 max, QString *error)
{
    const QString what = QStringLiteral("a positive number of bytes (suffixes K, M, G allowed)");
    QString digits = text.trimmed();
    qint64 factor = 1;
    if (!digits.isEmpty()) {
        const QChar suffix = digits.back().toUpper();
        const qint64 factors[] = {1024, 1024 * 1024, 1024 * 1024 * 1024};
        const qsizetype index = QStringLiteral("KMG").indexOf(suffix);
        if (index >= 0) {
            factor = factors[index];
            digits.chop(1);
        }
    }
    QString ignored;
    const auto count = parseInteger(option, digits, 0, max / factor, what, &ignored);
    if (!count || *count * factor < min || *count * factor > max) {
        *error = option + QStringLiteral(": ") + quoted(text) + QStringLiteral(" is not ") + what;
        return std::nullopt;
    }
    return *count * factor;
}

std::optional<qint64> parseDuration(const QString &option, const QString &text, qint64 maxSeconds,
                                    QString *error)
{
    const QString trimmed = text.trimmed().toLower();
    qint64 total = 0;
    bool ok = !trimmed.isEmpty();
    QString digits;
    bool sawUnit = false;
    for (const QChar c : trimmed) {
        if (c.isDigit() && c.unicode() < 0x80) {
            digits += c;
            ok = digits.size() <= 12; // no overflow below
            if (!ok)
                break;
            continue;
        }
        const qsizetype unit = QStringLiteral("smhd").indexOf(c);
        if (unit < 0 || digits.isEmpty()) {
            ok = false;
            break;
        }
        const qint64 factors[] = {1, 60, 3600, 86400};
        total += digits.toLongLong() * factors[unit];
        digits.clear();
        sawUnit = true;
        if (total > maxSeconds)
            break;
    }
    if (ok && !digits.isEmpty()) {
        if (sawUnit)
            ok = false; // "1h30" is ambiguous
        else
            total = digits.toLongLong();
    }
    if (!ok || total > maxSeconds) {
        *error = option + QStringLiteral(": ") + quoted(text) +
                 QStringLiteral(" is not a duration from 0 to ") + formatDuration(maxSeconds) +
                 QStringLiteral(" (e.g. 90s, 30m, 1h, 1h30m, 2d, or seconds)");
        return std::nullopt;
    }
    return total;
}

QString formatDuration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("0s");
    QString text;
    const std::pair<qint64, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
    for (const auto &[size, unit] : units) {
        if (seconds >= size) {
            text += QString::number(seconds / size) + QLatin1Char(unit);
            seconds %= size;
        }
    }
    return text;
}

QString checkKey(const QByteArray &key)
{
    if (key.isEmpty())
        return QStringLiteral("empty key");
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char c = key.at(i);
        if (c < 0x21 || c > 0x7E) {
            return QStringLiteral("character %1 of a key is whitespace, non-printable or "
                                  "non-ASCII (keys are printable ASCII)")
                .arg(i + 1);
        }
    }
    return {};
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QStringLiteral("never");
}

void writeJsonLine(const QJsonObject &object)
{
    writeStdout(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

QByteArray table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        text += line.trimmed() + QLatin1Char('\n');
    }
    return text.toUtf8();
}

QByteArray readSecretInput(const char *prompt, qsizetype maxBytes, bool *tooLong)
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    termios saved = {};
    if (terminal) {
        std::fputs(prompt, stderr);
        std::fflush(stderr);
        if (::tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    QByteArray data;
    char buffer[4096];
    *tooLong = false;
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        data.append(buffer, got);
        if (data.size() > maxBytes) {
            *tooLong = true;
            break;
        }
        if (terminal && data.endsWith('\n'))
            break;
    }
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    return data;
}

QString CommandTable::names() const
{
    QStringList list;
    for (const Command &command : m_commands)
        list.append(QLatin1String(command.name));
    return list.join(QLatin1String(", "));
}

QString CommandTable::listing() const
{
    int width = 0;
    for (const Command &command : m_commands)
        width = std::max(width, int(qstrlen(command.name)));
    QString text;
    for (const Command &command : m_commands) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QLatin1String(command.name), -width)
                    .arg(QLatin1String(command.summary));
    }
    return text;
}

const Command *CommandTable::find(const QString &name) const
{
    for (const Command &command : m_commands) {
        if (name == QLatin1String(command.name))
            return &command;
    }
    return nullptr;
}

int CommandTable::dispatch(const QString &verb, const QStringList &args, const QString &help) const
{
    const QString seeHelp = QStringLiteral("see 'hookbench-cli %1 --help'").arg(verb);
    if (args.size() < 2) {
        return usageError(
            verb, QStringLiteral("missing subcommand (expected: %1); %2").arg(names(), seeHelp));
    }
    const QString name = args.at(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") ||
        name == QLatin1String("help")) {
        if (name == QLatin1String("help") && args.size() > 2) {
            if (const Command *command = find(args.at(2)))
                return command->run({args.at(2), QStringLiteral("--help")});
            return usageError(
                verb,
                QStringLiteral("unknown subcommand '%1' (expected: %2)").arg(args.at(2), names()));
        }
        writeStdout(help.toUtf8());
        return flushStdout() ? ExitOk : ExitFailure;
    }
    if (const Command *command = find(name))
        return command->run(args.mid(1));
    return usageError(verb,
                      QStringLiteral("unknown subcommand '%1' (expected: %2)").arg(name, names()));
}

} // namespace hookbench::cli
