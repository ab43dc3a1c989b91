#include "eventdetailhexdump.h"

#include <QStringDecoder>

namespace hookbench {

QString hexDump(const QByteArray &data, qsizetype limit)
{
    static const char digits[] = "0123456789abcdef";
    const qsizetype size = qMin(data.size(), limit);
    QByteArray out;
    // 8 offset + 2 + 16*3 + 1 + 2 + 16 + 1 + newline per line, rounded up.
    out.reserve((size / 16 + 1) * 80);
    for (qsizetype line = 0; line < size; line += 16) {
        out.append(QByteArray::number(line, 16).rightJustified(8, '0'));
        out.append("  ");
        for (qsizetype i = 0; i < 16; ++i) {
            if (i == 8)
                out.append(' ');
            if (line + i < size) {
                const auto byte = static_cast<unsigned char>(data.at(line + i));
                out.append(digits[byte >> 4]).append(digits[byte & 0xf]).append(' ');
            } else {
                out.append("   ");
            }
        }
        out.append(" |");
        for (qsizetype i = line; i < qMin(line + 16, size); ++i) {
            const auto byte = static_cast<unsigned char>(data.at(i));
            out.append(byte >= 0x20 && byte < 0x7f ? char(byte) : '.');
        }
        out.append("|\n");
    }
    if (!out.isEmpty())
        out.chop(1);
    return QString::fromLatin1(out);
}

bool isDisplayableText(const QByteArray &data)
{
    for (const char c : data) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7f)
            return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    return !decoder.hasError();
}

} // namespace hookbench
