#include "jsontext.h"

#include <cstring>

namespace hookbench {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

uint hex4(const char *p)
{
    uint value = 0;
    for (int i = 0; i < 4; ++i)
        value = value * 16 + uint(hexValue(p[i]));
    return value;
}

void appendUtf8(QByteArray &out, uint cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

// A number split into sign, significant digits (no leading or trailing zeros) and the decimal
// exponent of the last digit: 120.50 → "1205", -1. Zero has no digits.
struct DecimalNumber
{
    bool negative = false;
    QByteArray digits;
    qint64 exponent = 0;
};

DecimalNumber decimal(QByteArrayView text)
{
    DecimalNumber n;
    qsizetype i = 0;
    if (i < text.size() && text[i] == '-') {
        n.negative = true;
        ++i;
    }
    qint64 fractionDigits = 0;
    bool fraction = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] == '.') {
            fraction = true;
            continue;
        }
        if (fraction)
            ++fractionDigits;
        if (!n.digits.isEmpty() || text[i] != '0')
            n.digits.append(text[i]);
    }
    qint64 exponent = 0;
    if (i < text.size()) {
        ++i; // e
        bool negativeExponent = false;
        if (text[i] == '+' || text[i] == '-')
            negativeExponent = text[i++] == '-';
        for (; i < text.size(); ++i)
            exponent = qMin<qint64>(exponent * 10 + (text[i] - '0'), qint64(1) << 40);
        if (negativeExponent)
            exponent = -exponent;
    }
    qsizetype trailing = 0;
    while (trailing < n.digits.size() && n.digits[n.digits.size() - 1 - trailing] == '0')
        ++trailing;
    n.digits.chop(trailing);
    n.exponent = exponent - fractionDigits + trailing;
    if (n.digits.isEmpty()) {
        n.negative = false;
        n.exponent = 0;
    }
    return n;
}

} // namespace

QByteArray decodeJsonString(QByteArrayView content)
{
    QByteArray out;
    out.reserve(content.size());
    const char *p = content.data();
    const char *end = p + content.size();
    while (p < end) {
        const char *backslash = static_cast<const char *>(memchr(p, '\\', size_t(end - p)));
        if (!backslash) {
            out.append(p, end - p);
            break;
        }
        out.append(p, backslash - p);
        p = backslash + 1;
        if (p >= end)
            break;
        const char c = *p++;
        switch (c) {
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            if (end - p < 4)
                return out;
            uint cp = hex4(p);
            p += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                const uint low = hex4(p + 2);
                if (low >= 0xDC00 && low < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD; // a lone surrogate has no UTF-8 form
            appendUtf8(out, cp);
            break;
        }
        default:
            out.append(c);
            break; // " \ /
        }
    }
    return out;
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (byte < 0x20) {
            switch (c) {
            case '\n':
                out.append("\\n", 2);
                break;
            case '\r':
                out.append("\\r", 2);
                break;
            case '\t':
                out.append("\\t", 2);
                break;
            case '\b':
                out.append("\\b", 2);
                break;
            case '\f':
                out.append("\\f", 2);
                break;
            default:
                out.append("\\u00", 4);
                out.append(hex[byte >> 4]);
                out.append(hex[byte & 0xF]);
            }
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

bool isJsonNumber(QByteArrayView text)
{
    const char *p = text.data();
    const char *end = p + text.size();
    auto digits = [&]() {
        const char *start = p;
        while (p < end && *p >= '0' && *p <= '9')
            ++p;
        return p > start;
    };
    if (p < end && *p == '-')
        ++p;
    if (p < end && *p == '0')
        ++p;
    else if (!digits())
        return false;
    if (p < end && *p == '.') {
        ++p;
        if (!digits())
            return false;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p < end && (*p == '+' || *p == '-'))
            ++p;
        if (!digits())
            return false;
    }
    return p == end;
}

bool sameJsonNumber(QByteArrayView a, QByteArrayView b)
{
    if (a == b)
        return true;
    const DecimalNumber x = decimal(a);
    const DecimalNumber y = decimal(b);
    return x.negative == y.negative && x.exponent == y.exponent && x.digits == y.digits;
}

int utf8SequenceLength(const char *p, const char *end)
{
    const auto lead = static_cast<unsigned char>(*p);
    if (lead < 0x80)
        return 1;
    int more = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) {
        more = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        more = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        more = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (end - p <= more)
        return 0;
    for (int i = 1; i <= more; ++i) {
        const auto byte = static_cast<unsigned char>(p[i]);
        if (byte < (i == 1 ? low : 0x80) || byte > (i == 1 ? high : 0xBF))
            return 0;
    }
    return more + 1;
}

quint64 fastHash(QByteArrayView bytes, quint64 seed)
{
    constexpr quint64 k = 0x9E3779B97F4A7C15ull;
    quint64 h = seed ^ (quint64(bytes.size()) * k);
    const char *p = bytes.data();
    qsizetype n = bytes.size();
    for (; n >= 8; p += 8, n -= 8) {
        quint64 word;
        memcpy(&word, p, 8);
        h = ((h << 5 | h >> 59) ^ word) * k;
    }
    quint64 tail = 0;
    memcpy(&tail, p, size_t(n));
    h = ((h << 5 | h >> 59) ^ tail) * k;
    return h ^ (h >> 32);
}

QString pointerToken(QByteArrayView utf8)
{
    QString token = QString::fromUtf8(utf8);
    if (token.contains(QLatin1Char('~')) || token.contains(QLatin1Char('/'))) {
        token.replace(QLatin1Char('~'), QLatin1String("~0"));
        token.replace(QLatin1Char('/'), QLatin1String("~1"));
    }
    return token;
}

QString pointerToken(int index)
{
    return QString::number(index);
}

bool splitPointer(const QString &pointer, QStringList *tokens)
{
    tokens->clear();
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(QLatin1Char('/')))
        return false;
    const QStringList parts = pointer.mid(1).split(QLatin1Char('/'));
    for (QString part : parts) {
        // ~1 first, then ~0: "~01" is "~1", not "/"
        part.replace(QLatin1String("~1"), QLatin1String("/"));
        part.replace(QLatin1String("~0"), QLatin1String("~"));
        tokens->append(part);
    }
    return true;
}

} // namespace hookbench
