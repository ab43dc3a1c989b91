#include "loadanswerparser.h"

#include <QByteArrayView>

#include <cstring>

namespace hookbench {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool sameToken(QByteArrayView a, QByteArrayView b)
{
    return a.trimmed().compare(b, Qt::CaseInsensitive) == 0;
}

// Digits only, no sign, at most 18 of them; -1 when it is not such a number.
qint64 parseLength(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

void LoadAnswerParser::reset(bool bodyless)
{
    m_state = State::Head;
    m_head.clear(); // std::string keeps its capacity: no allocation per answer
    m_line.clear();
    m_lineStart = 0;
    m_remaining = 0;
    m_status = 0;
    m_bodyless = bodyless;
    m_keepAlive = true;
    m_started = false;
    m_problem = nullptr;
}

LoadAnswerParser::Result LoadAnswerParser::feed(const char *data, qsizetype size, qsizetype *used)
{
    const char *p = data;
    const char *const end = data + size;
    m_started = m_started || size > 0;
    while (p < end && m_state != State::Done && !m_problem) {
        switch (m_state) {
        case State::Head:
            p = consumeHead(p, end);
            break;
        case State::Body:
        case State::ChunkData: {
            const qint64 skipped = std::min<qint64>(m_remaining, end - p);
            p += skipped;
            m_remaining -= skipped;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
            break;
        }
        case State::BodyUntilClose:
            p = end;
            break;
        case State::ChunkSize:
        case State::ChunkEnd:
        case State::Trailers: {
            bool complete = false;
            p = consumeLine(p, end, &complete);
            if (!complete)
                break;
            if (m_state == State::ChunkSize)
                chunkSizeLine();
            else if (m_state == State::Trailers)
                m_state = m_line.empty() ? State::Done : State::Trailers; // ends at a blank line
            else if (m_line.empty())
                m_state = State::ChunkSize;
            else
                fail("chunk longer than its size");
            m_line.clear();
            break;
        }
        case State::Done:
            break;
        }
    }
    *used = p - data;
    if (m_problem)
        return Result::Invalid;
    return m_state == State::Done ? Result::Complete : Result::NeedMore;
}

bool LoadAnswerParser::finishAtClose()
{
    if (m_state != State::BodyUntilClose)
        return false;
    m_state = State::Done;
    return true;
}

const char *LoadAnswerParser::consumeHead(const char *p, const char *end)
{
    while (p < end) {
        const auto *newline = static_cast<const char *>(std::memchr(p, '\n', end - p));
        const char *stop = newline ? newline + 1 : end;
        m_head.append(p, stop - p);
        p = stop;
        if (qsizetype(m_head.size()) > MaxHead) {
            fail("answer head larger than 64 KiB");
            return end;
        }
        if (!newline)
            break;
        const qsizetype lineSize = qsizetype(m_head.size()) - m_lineStart; // with its line break
        const bool blank = lineSize == 1 || (lineSize == 2 && m_head[m_lineStart] == '\r');
        if (!blank) {
            m_lineStart = qsizetype(m_head.size());
        } else if (m_lineStart == 0) {
            m_head.clear(); // a stray line break before the status line
        } else {
            parseHead();
            return p;
        }
    }
    return p;
}

const char *LoadAnswerParser::consumeLine(const char *p, const char *end, bool *complete)
{
    const auto *newline = static_cast<const char *>(std::memchr(p, '\n', end - p));
    m_line.append(p, (newline ? newline : end) - p);
    if (qsizetype(m_line.size()) > MaxLine) {
        fail("chunk-size or trailer line longer than 4 KiB");
        return end;
    }
    if (!newline)
        return end;
    if (!m_line.empty() && m_line.back() == '\r')
        m_line.pop_back();
    *complete = true;
    return newline + 1;
}

bool LoadAnswerParser::parseHead()
{
    const char *line = m_head.data();
    const char *const end = line + m_head.size();
    // The status line: "HTTP/1.x SSS reason" (the reason may be empty or missing).
    const auto *newline = static_cast<const char *>(std::memchr(line, '\n', end - line));
    qsizetype size = newline - line;
    if (size > 0 && line[size - 1] == '\r')
        --size;
    if (size < 12 || std::memcmp(line, "HTTP/1.", 7) != 0 || !isDigit(line[7]) || line[8] != ' ' ||
        !isDigit(line[9]) || !isDigit(line[10]) || !isDigit(line[11]) ||
        (size > 12 && line[12] != ' ')) {
        fail("malformed status line");
        return false;
    }
    m_status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    const bool http10 = line[7] == '0';
    m_chunked = false;
    m_transferEncoded = false;
    m_connectionClose = false;
    m_connectionKeepAlive = false;
    m_contentLength = -1;

    for (line = newline + 1; line < end; line = newline + 1) {
        newline = static_cast<const char *>(std::memchr(line, '\n', end - line));
        size = newline - line;
        if (size > 0 && line[size - 1] == '\r')
            --size;
        if (size > 0 && !parseHeader(line, size))
            return false;
    }
    m_head.clear();
    m_lineStart = 0;

    if (m_status < 200 && m_status != 101)
        return true; // interim (100 Continue, 103 Early Hints): the real answer follows

    m_keepAlive = !m_connectionClose && (!http10 || m_connectionKeepAlive);
    if (m_bodyless || m_status == 204 || m_status == 304 || m_status == 101) {
        m_keepAlive = m_keepAlive && m_status != 101; // after a switch, no more HTTP/1.1
        m_state = State::Done;
    } else if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength >= 0 && !m_transferEncoded) {
        m_remaining = m_contentLength;
        m_state = m_remaining > 0 ? State::Body : State::Done;
    } else {
        m_state = State::BodyUntilClose;
        m_keepAlive = false;
    }
    return true;
}

bool LoadAnswerParser::parseHeader(const char *line, qsizetype size)
{
    const auto *colon = static_cast<const char *>(std::memchr(line, ':', size));
    if (!colon) {
        fail("malformed header line");
        return false;
    }
    const QByteArrayView name(line, colon - line);
    const QByteArrayView value = QByteArrayView(colon + 1, line + size - colon - 1).trimmed();
    if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
        const qint64 length = parseLength(value);
        if (length < 0 || (m_contentLength >= 0 && length != m_contentLength)) {
            fail("malformed Content-Length");
            return false;
        }
        m_contentLength = length;
    } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        // Chunked only when it is the last coding; any other ends with the close.
        m_transferEncoded = true;
        m_chunked = sameToken(value.sliced(value.lastIndexOf(',') + 1), "chunked");
    } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
        for (qsizetype from = 0; from <= value.size();) {
            qsizetype comma = value.indexOf(',', from);
            if (comma < 0)
                comma = value.size();
            const QByteArrayView token = value.sliced(from, comma - from);
            m_connectionClose = m_connectionClose || sameToken(token, "close");
            m_connectionKeepAlive = m_connectionKeepAlive || sameToken(token, "keep-alive");
            from = comma + 1;
        }
    }
    return true;
}

void LoadAnswerParser::chunkSizeLine()
{
    qint64 size = 0;
    qsizetype digits = 0;
    for (; digits < qsizetype(m_line.size()); ++digits) {
        const int value = hexValue(m_line[digits]);
        if (value < 0)
            break;
        if (digits >= 15) {
            fail("chunk size too large");
            return;
        }
        size = size * 16 + value;
    }
    const char next = digits < qsizetype(m_line.size()) ? m_line[digits] : ';';
    if (digits == 0 || (next != ';' && next != ' ' && next != '\t')) {
        fail("malformed chunk size");
        return;
    }
    m_remaining = size;
    m_state = size > 0 ? State::ChunkData : State::Trailers; // size 0: the last chunk
}

void LoadAnswerParser::fail(const char *problem)
{
    m_problem = problem;
}

} // namespace hookbench
