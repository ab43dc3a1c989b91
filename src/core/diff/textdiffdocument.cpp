#include "textdiffdocument.h"

#include <cstring>

namespace hookbench {

TextDiffDocument::TextDiffDocument(QByteArray data)
    : m_data(std::move(data))
{
    const char *const begin = m_data.constData();
    const char *const end = begin + m_data.size();
    // Counting first sizes the vector exactly: no regrowth copies on 500k-line files.
    size_t newlines = 0;
    for (const char *p = begin;
         (p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)))); ++p)
        ++newlines;
    m_lineStarts.clear();
    m_lineStarts.reserve(newlines + 2);
    m_lineStarts.push_back(0);
    for (const char *p = begin; p < end;) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        p = nl ? nl + 1 : end;
        m_lineStarts.push_back(p - begin);
    }
}

QByteArrayView TextDiffDocument::line(int index) const
{
    const QByteArrayView full = lineWithNewline(index);
    return hasNewline(index) ? full.first(full.size() - 1) : full;
}

QByteArrayView TextDiffDocument::lineWithNewline(int index) const
{
    const qsizetype from = m_lineStarts[size_t(index)];
    const qsizetype to = m_lineStarts[size_t(index) + 1];
    return QByteArrayView(m_data.constData() + from, to - from);
}

bool TextDiffDocument::hasNewline(int index) const
{
    const qsizetype to = m_lineStarts[size_t(index) + 1];
    return to > m_lineStarts[size_t(index)] && m_data.at(to - 1) == '\n';
}

} // namespace hookbench
