#include "jsonsyntaxcheck.h"

#include "jsontext.h"

#include <cctype>
#include <vector>

namespace hookbench {

namespace {

class SyntaxScanner
{
public:
    explicit SyntaxScanner(QByteArrayView text)
        : m_text(text)
    {}

    JsonParseError run();

private:
    bool fail(qsizetype at, const QString &message)
    {
        m_error.offset = at;
        m_error.message = message;
        return false;
    }
    bool fail(qsizetype at, const char *message) { return fail(at, QString::fromLatin1(message)); }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool atEnd() const { return m_pos >= m_text.size(); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    bool scalarOrOpen(std::vector<char> &stack);
    bool string(const char *what);
    bool utf8Sequence();
    bool literal(const char *word);
    bool number();
    QString found() const;

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    JsonParseError m_error;
};

QString SyntaxScanner::found() const
{
    if (atEnd())
        return QStringLiteral("the end of the input");
    const auto byte = static_cast<unsigned char>(peek());
    if (byte < 0x20 || byte >= 0x7F)
        return QStringLiteral("byte 0x%1").arg(uint(byte), 2, 16, QLatin1Char('0'));
    return QLatin1Char('\'') + QLatin1Char(char(byte)) + QLatin1Char('\'');
}

bool SyntaxScanner::literal(const char *word)
{
    const QByteArrayView expected(word);
    if (m_text.sliced(m_pos).startsWith(expected)) {
        m_pos += expected.size();
        return true;
    }
    return fail(m_pos, QStringLiteral("invalid literal (expected %1)").arg(QLatin1String(word)));
}

bool SyntaxScanner::number()
{
    const qsizetype start = m_pos;
    while (!atEnd() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.' ||
                        peek() == '+' || peek() == '-'))
        ++m_pos;
    if (!isJsonNumber(m_text.sliced(start, m_pos - start)))
        return fail(start, QStringLiteral("invalid number '%1'")
                               .arg(QString::fromLatin1(m_text.sliced(start, m_pos - start))));
    return true;
}

bool SyntaxScanner::utf8Sequence()
{
    const int length = utf8SequenceLength(m_text.data() + m_pos, m_text.data() + m_text.size());
    if (length == 0)
        return fail(m_pos, "invalid UTF-8");
    m_pos += length;
    return true;
}

bool SyntaxScanner::string(const char *what)
{
    const qsizetype start = m_pos;
    ++m_pos; // opening quote
    for (;;) {
        if (atEnd())
            return fail(start, QStringLiteral("unterminated %1").arg(QLatin1String(what)));
        const auto byte = static_cast<unsigned char>(peek());
        if (byte == '"') {
            ++m_pos;
            return true;
        }
        if (byte < 0x20)
            return fail(m_pos, "control character in a string (escape it)");
        if (byte >= 0x80) {
            if (!utf8Sequence())
                return false;
            continue;
        }
        if (byte != '\\') {
            ++m_pos;
            continue;
        }
        const qsizetype escape = m_pos++;
        const char c = peek();
        if (c == 'u') {
            for (int i = 1; i <= 4; ++i) {
                if (!std::isxdigit(static_cast<unsigned char>(
                        escape + 1 + i < m_text.size() ? m_text[escape + 1 + i] : 'x')))
                    return fail(escape, "invalid \\u escape (expected 4 hex digits)");
            }
            m_pos += 5;
        } else if (c && QByteArrayView("\"\\/bfnrt").contains(c)) {
            ++m_pos;
        } else {
            return fail(escape, QStringLiteral("invalid escape '\\%1'").arg(QLatin1Char(c)));
        }
    }
}

bool SyntaxScanner::scalarOrOpen(std::vector<char> &stack)
{
    skipSpace();
    switch (peek()) {
    case '{':
    case '[':
        if (int(stack.size()) >= MaxJsonDepth)
            return fail(m_pos, QStringLiteral("nested deeper than %1 levels").arg(MaxJsonDepth));
        stack.push_back(peek() == '{' ? '}' : ']');
        ++m_pos;
        return true;
    case '"':
        return string("string");
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9'))
            return number();
        return fail(m_pos, QStringLiteral("expected a value, found %1").arg(found()));
    }
}

JsonParseError SyntaxScanner::run()
{
    skipSpace();
    if (atEnd()) {
        fail(m_pos, "no JSON value (the input is empty)");
        return m_error;
    }
    std::vector<char> stack; // the closing bracket of each open container
    bool ok = scalarOrOpen(stack);
    bool justOpened = ok && !stack.empty();
    while (ok && !stack.empty()) {
        skipSpace();
        const char close = stack.back();
        if (justOpened && peek() == close) { // empty container
            ++m_pos;
            stack.pop_back();
            justOpened = false;
            continue;
        }
        if (!justOpened) {
            if (peek() == close) {
                ++m_pos;
                stack.pop_back();
                continue;
            }
            if (peek() != ',') {
                ok = fail(m_pos, QStringLiteral("expected ',' or '%1' after %2, found %3")
                                     .arg(QLatin1Char(close))
                                     .arg(close == '}' ? QLatin1String("an object member")
                                                       : QLatin1String("an array element"))
                                     .arg(found()));
                break;
            }
            ++m_pos;
            skipSpace();
        }
        if (close == '}') {
            if (peek() != '"') {
                ok = fail(m_pos,
                          QStringLiteral("expected a key in double quotes, found %1").arg(found()));
                break;
            }
            if (!(ok = string("key")))
                break;
            skipSpace();
            if (peek() != ':') {
                ok = fail(m_pos, QStringLiteral("expected ':' after a key, found %1").arg(found()));
                break;
            }
            ++m_pos;
        }
        const size_t depth = stack.size();
        ok = scalarOrOpen(stack);
        justOpened = ok && stack.size() > depth;
    }
    if (ok) {
        skipSpace();
        if (!atEnd())
            fail(m_pos, QStringLiteral("unexpected %1 after the JSON value").arg(found()));
    }
    return m_error;
}

} // namespace

JsonParseError findJsonSyntaxError(QByteArrayView text)
{
    JsonParseError error = SyntaxScanner(text).run();
    if (error.isError()) {
        const JsonPosition position = jsonTextPosition(text, error.offset);
        error.line = position.line;
        error.column = position.column;
    }
    return error;
}

JsonPosition jsonTextPosition(QByteArrayView text, qsizetype offset)
{
    offset = qBound(qsizetype(0), offset, text.size());
    JsonPosition position{1, 1};
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++position.column;
        }
    }
    return position;
}

} // namespace hookbench
