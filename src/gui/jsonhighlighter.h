#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace hookbench {

// Colours JSON text (as QJsonDocument::Indented writes it: no token spans two lines) by
// token: object keys, strings, numbers, true/false/null and punctuation. The colours
// follow the palette: call updateColors() after a palette change.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    // Picks the light or dark colour set for `palette`'s base colour and re-highlights.
    void updateColors(const QPalette &palette);

    enum Token { Key, String, Number, Keyword, Punctuation, TokenCount };
    QTextCharFormat tokenFormat(Token token) const { return m_formats[token]; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_formats[TokenCount];
};

} // namespace hookbench
