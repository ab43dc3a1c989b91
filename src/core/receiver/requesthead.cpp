#include "requesthead.h"

namespace hookbench {

namespace {

constexpr int MaxChunkLineBytes = 1024;

bool isTokenChar(char c)
{
    static const QByteArrayView specials("!#$%&'*+-.^_`|~");
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           specials.contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool hasControlChars(QByteArrayView text, bool allowTab)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(allowTab && c == '\t')) || u == 0x7f)
            return true;
    }
    return false;
}

bool parseDecimal(QByteArrayView text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    qint64 result = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        result = result * 10 + (c - '0');
    }
    *value = result;
    return true;
}

bool listContains(QByteArrayView list, QByteArrayView token)
{
    const QList<QByteArray> items = list.toByteArray().split(',');
    for (const QByteArray &item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HeadParseResult malformed(const QString &error)
{
    HeadParseResult result;
    result.state = HeadParseResult::Malformed;
    result.error = error;
    return result;
}

QString lineLabel(int lineNumber)
{
    return QStringLiteral("header line %1").arg(lineNumber);
}

} // namespace

HeadParseResult parseRequestHead(QByteArrayView buffer, int maxHeadBytes)
{
    qsizetype start = 0;
    while (buffer.size() - start >= 2 && buffer[start] == '\r' && buffer[start + 1] == '\n')
        start += 2;

    const qsizetype end = buffer.indexOf(QByteArrayView("\r\n\r\n"), start);
    if (end < 0 || end + 4 - start > maxHeadBytes) {
        HeadParseResult result;
        if (buffer.size() - start > maxHeadBytes || end >= 0) {
            result.state = HeadParseResult::TooLarge;
            result.error = QStringLiteral("request head is larger than %1 bytes").arg(maxHeadBytes);
        }
        return result;
    }

    HeadParseResult result;
    RequestHead &head = result.head;
    head.headBytes = end + 4;

    // Lines are views into buffer (no copies); each ends at '\n', CRLF checked per line.
    qsizetype lineStart = start;
    const auto nextLine = [&]() {
        const qsizetype newline = buffer.indexOf('\n', lineStart);
        const QByteArrayView line = buffer.sliced(lineStart, newline - lineStart);
        lineStart = newline + 1;
        return line;
    };
    QByteArrayView requestLine = nextLine();
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0)
        return malformed(QStringLiteral("request line must be 'METHOD TARGET HTTP/1.x'"));
    head.method = requestLine.first(firstSpace).toByteArray();
    head.target = requestLine.sliced(firstSpace + 1, secondSpace - firstSpace - 1).toByteArray();
    head.version = requestLine.sliced(secondSpace + 1).toByteArray();
    if (!isToken(head.method))
        return malformed(QStringLiteral("request line: invalid method"));
    if (head.target.isEmpty() || hasControlChars(head.target, false))
        return malformed(QStringLiteral("request line: invalid request target"));
    if (head.version != "HTTP/1.1" && head.version != "HTTP/1.0")
        return malformed(QStringLiteral("request line: unsupported HTTP version '%1'")
                             .arg(QString::fromLatin1(head.version.left(16))));
    head.keepAlive = head.version == "HTTP/1.1";

    bool sawContentLength = false;
    QByteArray transferEncoding;
    for (int i = 1; lineStart < end + 2; ++i) {
        QByteArrayView line = nextLine();
        if (!line.endsWith('\r'))
            return malformed(lineLabel(i) + QStringLiteral(": line must end with CRLF"));
        line.chop(1);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return malformed(lineLabel(i) +
                             QStringLiteral(": folded header lines are not allowed"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return malformed(lineLabel(i) + QStringLiteral(": expected 'Name: value'"));
        const QByteArray name = line.first(colon).toByteArray();
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (hasControlChars(value, true))
            return malformed(lineLabel(i) + QStringLiteral(": control character in value"));
        head.headers.append({name, value});

        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            qint64 length = 0;
            if (!parseDecimal(value, &length))
                return malformed(lineLabel(i) + QStringLiteral(": invalid Content-Length"));
            if (sawContentLength && length != head.contentLength)
                return malformed(lineLabel(i) + QStringLiteral(": conflicting Content-Length"));
            sawContentLength = true;
            head.contentLength = length;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            transferEncoding += transferEncoding.isEmpty() ? value : ", " + value;
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            head.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            if (listContains(value, "close"))
                head.keepAlive = false;
            else if (listContains(value, "keep-alive"))
                head.keepAlive = true;
        }
    }

    if (!transferEncoding.isEmpty()) {
        // Only "chunked" as the final coding frames a request (RFC 9112 §6.1); both
        // headers at once is how requests are smuggled, so refuse it.
        if (sawContentLength)
            return malformed(QStringLiteral("both Transfer-Encoding and Content-Length given"));
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0)
            return malformed(QStringLiteral("unsupported Transfer-Encoding '%1'")
                                 .arg(QString::fromLatin1(transferEncoding.left(64))));
        head.chunked = true;
    }
    result.state = HeadParseResult::Complete;
    return result;
}

ChunkedScanner::Result ChunkedScanner::fail(const QString &message)
{
    m_error = message;
    return Error;
}

ChunkedScanner::Result ChunkedScanner::scan(QByteArrayView data)
{
    if (!m_error.isEmpty())
        return Error;
    qsizetype i = 0;
    while (i < data.size()) {
        if (m_state == Data) {
            const qint64 take = qMin<qint64>(m_remaining, data.size() - i);
            m_remaining -= take;
            i += take;
            m_consumed += take;
            if (m_remaining == 0)
                m_state = DataEnd;
            continue;
        }
        // Line-oriented states: collect up to LF.
        const char c = data[i++];
        ++m_consumed;
        if (c != '\n') {
            if (m_line.size() >= MaxChunkLineBytes)
                return fail(QStringLiteral("chunked body: chunk line longer than %1 bytes")
                                .arg(MaxChunkLineBytes));
            m_line.append(c);
            continue;
        }
        if (!m_line.endsWith('\r'))
            return fail(QStringLiteral("chunked body: line must end with CRLF"));
        m_line.chop(1);
        const QByteArray line = std::exchange(m_line, {});
        if (m_state == DataEnd) {
            if (!line.isEmpty())
                return fail(QStringLiteral("chunked body: missing CRLF after chunk data"));
            m_state = SizeLine;
        } else if (m_state == SizeLine) {
            const qsizetype semicolon = line.indexOf(';');
            const QByteArray sizeText = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
            bool ok = false;
            const qint64 size = sizeText.size() <= 15 ? sizeText.toLongLong(&ok, 16) : -1;
            if (!ok || size < 0)
                return fail(QStringLiteral("chunked body: invalid chunk size"));
            if (size == 0) {
                m_state = Trailer;
            } else {
                m_remaining = size;
                m_bodyBytes += size;
                m_state = Data;
            }
        } else if (line.isEmpty()) { // Trailer section ends with an empty line
            return Done;
        }
    }
    return NeedMore;
}

} // namespace hookbench
