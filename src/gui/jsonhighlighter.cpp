#include "jsonhighlighter.h"
#include "statuscolours.h"

#include <QGuiApplication>
#include <QPalette>

namespace hookbench {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateColors(QGuiApplication::palette());
}

void JsonHighlighter::updateColors(const QPalette &palette)
{
    // Two hand-checked sets rather than hue shifts of the palette: each colour keeps a
    // contrast ratio of at least 4.5:1 against white (light) or #1e1e1e-#31363b (dark).
    const bool dark = isDarkBase(palette);
    const QColor key = dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x5f, 0xb4);
    const QColor string = dark ? QColor(0x8c, 0xd1, 0x8c) : QColor(0x2b, 0x74, 0x30);
    const QColor number = dark ? QColor(0xf2, 0xa6, 0x5e) : QColor(0xa8, 0x4a, 0x00);
    const QColor keyword = dark ? QColor(0xd7, 0xa0, 0xf2) : QColor(0x8a, 0x2b, 0xa8);
    // Structure recedes behind the data: text colour blended 35% towards the base.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor punctuation = QColor::fromRgbF(text.redF() * 0.65f + base.redF() * 0.35f,
                                                text.greenF() * 0.65f + base.greenF() * 0.35f,
                                                text.blueF() * 0.65f + base.blueF() * 0.35f);
    m_formats[Key].setForeground(key);
    m_formats[String].setForeground(string);
    m_formats[Number].setForeground(number);
    m_formats[Keyword].setForeground(keyword);
    m_formats[Keyword].setFontWeight(QFont::DemiBold);
    m_formats[Punctuation].setForeground(punctuation);
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            qsizetype end = i + 1;
            while (end < size && text.at(end) != QLatin1Char('"'))
                end += text.at(end) == QLatin1Char('\\') ? 2 : 1;
            end = qMin(end + 1, size);
            // A string followed by ':' is an object key.
            qsizetype next = end;
            while (next < size && text.at(next).isSpace())
                ++next;
            const bool isKey = next < size && text.at(next) == QLatin1Char(':');
            setFormat(int(i), int(end - i), m_formats[isKey ? Key : String]);
            i = end;
        } else if (c.isDigit() || c == QLatin1Char('-')) {
            qsizetype end = i + 1;
            while (end < size && (text.at(end).isLetterOrNumber() ||
                                  QStringLiteral(".+-").contains(text.at(end))))
                ++end;
            setFormat(int(i), int(end - i), m_formats[Number]);
            i = end;
        } else if (c.isLetter()) {
            qsizetype end = i + 1;
            while (end < size && text.at(end).isLetter())
                ++end;
            setFormat(int(i), int(end - i), m_formats[Keyword]);
            i = end;
        } else {
            if (QStringLiteral("{}[],:").contains(c))
                setFormat(int(i), 1, m_formats[Punctuation]);
            ++i;
        }
    }
}

} // namespace hookbench
