#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

namespace hookbench {

// One side of a text diff: the document's bytes, split into lines once. Lines end at '\n' (a '\r'
// before it stays part of the line, as in GNU diff); the last line may lack its '\n'. "" has no
// lines, "a\n" one, "a\nb" two. Nothing is copied per line, so an 11 MB file costs 11 MB plus
// 8 bytes a line.
class TextDiffDocument
{
public:
    TextDiffDocument() = default;
    explicit TextDiffDocument(QByteArray data);

    const QByteArray &data() const { return m_data; }
    int lineCount() const { return int(m_lineStarts.size()) - 1; }

    // The line without its '\n'.
    QByteArrayView line(int index) const;
    // The line with its '\n', if it has one: these are the bytes compared in exact mode.
    QByteArrayView lineWithNewline(int index) const;
    // False only for a last line without '\n'.
    bool hasNewline(int index) const;
    // Byte offset of the line's first byte in data().
    qsizetype lineOffset(int index) const { return m_lineStarts[size_t(index)]; }

private:
    QByteArray m_data;
    std::vector<qsizetype> m_lineStarts{0}; // lineCount() + 1 entries, the last is data().size()
};

} // namespace hookbench
