#include "jsonwriter.h"

#include <QString>

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

JsonWriter &JsonWriter::latin1(QByteArrayView bytes)
{
    separate();
    bool ascii = true;
    for (char c : bytes)
        ascii = ascii && uchar(c) < 0x80;
    appendEscapedUtf8(ascii ? bytes : QByteArrayView(QString::fromLatin1(bytes).toUtf8()));
    return *this;
}

JsonWriter &JsonWriter::utf8(QByteArrayView bytes)
{
    separate();
    bool ascii = true;
    for (char c : bytes)
        ascii = ascii && uchar(c) < 0x80;
    // Non-ASCII goes through QString so that invalid sequences are replaced, keeping the line valid
    // JSON.
    appendEscapedUtf8(ascii ? bytes : QByteArrayView(QString::fromUtf8(bytes).toUtf8()));
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
