#include "jsontree.h"

#include "jsontext.h"
#include "jsontreebuilder.h"

#include <QFile>

#include <algorithm>
#include <cstring>

namespace hookbench {

QString JsonParseError::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

JsonTree JsonTree::parse(QByteArray source, JsonParseError *error)
{
    if (error)
        *error = JsonParseError();
    if (source.size() >= qsizetype(UINT32_MAX) - Padding) {
        if (error)
            error->message = QStringLiteral("too large for the JSON parser (4 GiB at most)");
        return {};
    }
    // simdjson reads up to Padding bytes past the end: a buffer without them is copied once.
    if (source.isNull() || source.capacity() - source.size() < Padding) {
        QByteArray padded;
        padded.reserve(source.size() + Padding);
        padded.append(source);
        source = std::move(padded);
    }
    JsonTree tree;
    if (!JsonTreeBuilder::build(tree, std::move(source), error))
        return {};
    return tree;
}

JsonTree JsonTree::parseFile(const QString &path, JsonParseError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = JsonParseError();
            error->message = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        }
        return {};
    }
    // Read straight into a buffer with the parser's padding: no second copy of a large file.
    const qint64 size = file.size();
    QByteArray bytes;
    bytes.reserve(qsizetype(size) + Padding);
    bytes.resize(qsizetype(size));
    qint64 done = 0;
    while (done < size) {
        const qint64 n = file.read(bytes.data() + done, size - done);
        if (n <= 0)
            break;
        done += n;
    }
    if (done != size || size == 0) { // a pipe or /proc file: size() is no guide
        bytes.resize(qsizetype(done));
        bytes.append(file.readAll());
    }
    if (file.error() != QFileDevice::NoError) {
        if (error) {
            *error = JsonParseError();
            error->message = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        }
        return {};
    }
    return parse(std::move(bytes), error);
}

bool JsonTree::isEmptyContainer(int index) const
{
    const JsonNode &n = node(index);
    return n.isContainer() && n.next == quint32(index) + 1;
}

const QByteArray &JsonTree::source() const
{
    static const QByteArray none;
    return m_d ? m_d->source : none;
}

QByteArray JsonTree::key(int index) const
{
    if (node(index).flags & JsonNode::KeyEscaped)
        return decodeJsonString(rawKey(index));
    return rawKey(index).toByteArray();
}

bool JsonTree::decodedKeyEquals(int index, QByteArrayView key) const
{
    return decodeJsonString(rawKey(index)) == key;
}

QByteArray JsonTree::text(int index) const
{
    const JsonNode &n = node(index);
    if (n.isContainer())
        return {};
    if (n.type != JsonType::String)
        return raw(index).toByteArray();
    const QByteArrayView content = raw(index).sliced(1).chopped(1);
    return (n.flags & JsonNode::Escaped) ? decodeJsonString(content) : content.toByteArray();
}

int JsonTree::childCount(int index) const
{
    int count = 0;
    for (const int child : children(index)) {
        Q_UNUSED(child);
        ++count;
    }
    return count;
}

int JsonTree::member(int object, QByteArrayView key) const
{
    if (type(object) != JsonType::Object)
        return -1;
    for (const int child : children(object)) {
        if (keyEquals(child, key))
            return child;
    }
    return -1;
}

int JsonTree::element(int array, int n) const
{
    if (type(array) != JsonType::Array || n < 0)
        return -1;
    for (const int child : children(array)) {
        if (n-- == 0)
            return child;
    }
    return -1;
}

JsonPosition JsonTree::keyPosition(int index) const
{
    if (!hasKey(index))
        return position(index);
    return positionAt(qsizetype(node(index).keyOffset) - 1);
}

const std::vector<quint32> &JsonTree::lineStarts() const
{
    // Built on first use: the summary diff never needs it, the viewer does.
    std::call_once(m_d->linesOnce, [this] {
        const char *data = m_d->source.constData();
        const char *end = data + m_d->source.size();
        std::vector<quint32> &starts = m_d->lineStarts;
        starts.reserve(size_t(std::count(data, end, '\n') + 1));
        starts.push_back(0);
        for (const char *p = data;
             (p = static_cast<const char *>(memchr(p, '\n', size_t(end - p))));)
            starts.push_back(quint32(++p - data));
    });
    return m_d->lineStarts;
}

JsonPosition JsonTree::positionAt(qsizetype offset) const
{
    if (isNull())
        return {};
    const std::vector<quint32> &starts = lineStarts();
    offset = qBound(qsizetype(0), offset, m_d->source.size());
    const auto it = std::upper_bound(starts.begin(), starts.end(), quint32(offset));
    const auto line = int(it - starts.begin()); // 1-based: the first start is 0
    int column = 1;
    for (qsizetype i = qsizetype(*(it - 1)); i < offset; ++i) {
        if ((static_cast<unsigned char>(m_d->source.at(i)) & 0xC0) != 0x80)
            ++column;
    }
    return {line, column};
}

int JsonTree::nodeAt(qsizetype offset) const
{
    if (isNull() || offset < node(Root).offset || offset >= node(Root).end)
        return -1;
    int index = Root;
    for (bool descended = true; descended && isContainer(index);) {
        descended = false;
        for (const int child : children(index)) {
            const JsonNode &n = node(child);
            const qsizetype start = hasKey(child) ? qsizetype(n.keyOffset) - 1 : n.offset;
            if (offset >= start && offset < n.end) {
                index = child;
                descended = true;
                break;
            }
        }
    }
    return index;
}

QString JsonTree::pointer(int index) const
{
    QString path;
    int at = Root;
    while (at != index && isContainer(at)) {
        int n = 0;
        int found = -1;
        for (const int child : children(at)) {
            if (child <= index && index < int(node(child).next)) {
                found = child;
                break;
            }
            ++n;
        }
        if (found < 0)
            return {};
        path += QLatin1Char('/') +
                (type(at) == JsonType::Object ? pointerToken(key(found)) : pointerToken(n));
        at = found;
    }
    return path;
}

qsizetype JsonTree::treeBytes() const
{
    if (isNull())
        return 0;
    return qsizetype(m_d->nodes.size() * sizeof(JsonNode) +
                     m_d->lineStarts.size() * sizeof(quint32));
}

} // namespace hookbench
