#include "jsonwriter.h"

#include <QDate>
#include <QString>

#include <cstdio>

namespace hookbench {

void JsonWriter::separate()
{
    if (m_afterValue && !m_afterKey)
        m_out += ',';
    m_afterKey = false;
    m_afterValue = true;
}

JsonWriter &JsonWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_afterValue = false;
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out += bracket;
    m_afterValue = true;
    return *this;
}

JsonWriter &JsonWriter::key(QByteArrayView name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    appendEscapedUtf8(text.toUtf8());
    return *this;
}

namespace {
bool isAscii(QByteArrayView bytes)
{
    for (char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}
} // namespace

JsonWriter &JsonWriter::latin1(QByteArrayView bytes)
{
    // One pass: escape and transcode each byte (a Latin-1 byte is one code point) straight into
    // the output; on the store's hot path this is most of the cost of a header list.
    static const char hex[] = "0123456789abcdef";
    separate();
    const qsizetype start = m_out.size();
    m_out.resize(start + 6 * bytes.size() + 2); // "\u00XX" is the longest form of one byte
    char *out = m_out.data() + start;
    *out++ = '"';
    for (const char c : bytes) {
        const uchar u = uchar(c);
        if (u >= 0x80) {
            *out++ = char(0xc0 | (u >> 6));
            *out++ = char(0x80 | (u & 0x3f));
        } else if (u >= 0x20 && u != '"' && u != '\\') {
            *out++ = c;
        } else {
            *out++ = '\\';
            switch (u) {
            case '"':
            case '\\':
                *out++ = c;
                break;
            case '\n':
                *out++ = 'n';
                break;
            case '\r':
                *out++ = 'r';
                break;
            case '\t':
                *out++ = 't';
                break;
            default:
                *out++ = 'u';
                *out++ = '0';
                *out++ = '0';
                *out++ = hex[u >> 4];
                *out++ = hex[u & 0xf];
            }
        }
    }
    *out++ = '"';
    m_out.truncate(out - m_out.constData());
    return *this;
}

JsonWriter &JsonWriter::utf8(QByteArrayView bytes)
{
    separate();
    // Non-ASCII goes through QString so that invalid sequences are replaced: the line stays valid
    // JSON.
    appendEscapedUtf8(isAscii(bytes) ? bytes : QByteArrayView(QString::fromUtf8(bytes).toUtf8()));
    return *this;
}

JsonWriter &JsonWriter::utcTimestamp(qint64 msecsSinceEpoch)
{
    // ISO 8601 with milliseconds, e.g. "2026-11-22T23:15:14.476Z"; QDateTime::toString is a
    // measurable part of `listen`'s per-event cost.
    separate();
    const qint64 secs =
        msecsSinceEpoch >= 0 ? msecsSinceEpoch / 1000 : (msecsSinceEpoch - 999) / 1000;
    const int millis = int(msecsSinceEpoch - secs * 1000);
    const qint64 days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    const int daySecs = int(secs - days * 86400);
    const QDate date = QDate(1970, 1, 1).addDays(days);
    char text[32];
    const int n = std::snprintf(text, sizeof text, "\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"",
                                date.year(), date.month(), date.day(), daySecs / 3600,
                                daySecs / 60 % 60, daySecs % 60, millis);
    m_out.append(text, n);
    return *this;
}

void JsonWriter::appendEscapedUtf8(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out += '"';
    qsizetype plainFrom = 0; // runs that need no escaping are copied in one go
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar u = uchar(utf8[i]);
        if (u >= 0x20 && u != '"' && u != '\\')
            continue;
        m_out += utf8.sliced(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (u) {
        case '"':
            m_out += "\\\"";
            break;
        case '\\':
            m_out += "\\\\";
            break;
        case '\n':
            m_out += "\\n";
            break;
        case '\r':
            m_out += "\\r";
            break;
        case '\t':
            m_out += "\\t";
            break;
        default:
            m_out += "\\u00";
            m_out += hex[u >> 4];
            m_out += hex[u & 0xf];
        }
    }
    m_out += utf8.sliced(plainFrom);
    m_out += '"';
}

} // namespace hookbench
