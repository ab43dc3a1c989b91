#pragma once

#include "jsonnode.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

namespace hookbench {

// Where a JSON text is broken, or why a file could not be read (then `line` is 0).
struct JsonParseError
{
    qsizetype offset = -1; // byte offset in the source
    int line = 0;          // 1-based
    int column = 0;        // 1-based, in characters (UTF-8 continuation bytes don't count)
    QString message;       // "expected ',' or '}' after an object member"

    bool isError() const { return !message.isEmpty(); }
    // "line 3, column 7: expected ',' or '}' after an object member" (the message alone for I/O)
    QString toString() const;
};

struct JsonPosition
{
    int line = 0;   // 1-based
    int column = 0; // 1-based, in characters
};

// A parsed JSON document that keeps what QJsonDocument throws away: object members in their
// order (duplicates too), numbers as written ("1" vs 1, 1.0 vs 1, integers beyond 2^53) and where
// every value sits in the source. The nodes point into the source buffer the tree holds, so a
// tree costs its source plus 24 bytes a value (plus 4 bytes a line once a position is asked
// for). Immutable and thread-safe to read; copies share everything, so hand them around.
class JsonTree
{
public:
    static constexpr int Root = 0;

    JsonTree() = default;
    // Parses `source` (any JSON value at the top level). Invalid JSON gives a null tree and,
    // when `error` is set, what is wrong and where. Cheapest when `source` already has
    // JsonTree::Padding spare bytes of capacity (parseFile reads it that way); else it is copied.
    static JsonTree parse(QByteArray source, JsonParseError *error = nullptr);
    static JsonTree parseFile(const QString &path, JsonParseError *error = nullptr);
    static constexpr qsizetype Padding = 64; // what the SIMD parser may read past the end

    bool isNull() const { return !m_d; }
    int size() const { return m_d ? int(m_d->nodes.size()) : 0; }
    const QByteArray &source() const;
    const JsonNode &node(int index) const { return m_d->nodes[size_t(index)]; }
    JsonType type(int index) const { return node(index).type; }
    bool isContainer(int index) const { return node(index).isContainer(); }
    // An object or array with no members: the settings-file quirk treats {} and [] alike.
    bool isEmptyContainer(int index) const;

    // The value's text as written (a string with its quotes and escapes).
    QByteArrayView raw(int index) const
    {
        const JsonNode &n = node(index);
        return QByteArrayView(m_d->source.constData() + n.offset, n.end - n.offset);
    }
    // An object member's key as written, without quotes; empty for other nodes.
    QByteArrayView rawKey(int index) const
    {
        const JsonNode &n = node(index);
        return QByteArrayView(m_d->source.constData() + n.keyOffset, n.keyLength);
    }
    bool hasKey(int index) const { return node(index).flags & JsonNode::Member; }
    // The key decoded (UTF-8).
    QByteArray key(int index) const;
    bool keyEquals(int index, QByteArrayView key) const
    {
        if (node(index).flags & JsonNode::KeyEscaped)
            return decodedKeyEquals(index, key);
        return rawKey(index) == key;
    }
    // A string's content decoded (UTF-8); other scalars as written; containers give nothing.
    QByteArray text(int index) const;
    QString string(int index) const { return QString::fromUtf8(text(index)); }

    // Children in document order: `for (int child : tree.children(index))`.
    class Children;
    Children children(int index) const;
    int childCount(int index) const;
    int member(int object, QByteArrayView key) const; // first member with this key, or -1
    int element(int array, int n) const;              // or -1

    JsonPosition position(int index) const { return positionAt(node(index).offset); }
    JsonPosition keyPosition(int index) const; // of the key's opening quote (members only)
    JsonPosition positionAt(qsizetype offset) const;
    // The innermost node whose text contains `offset` (a click in the text view), or -1.
    int nodeAt(qsizetype offset) const;
    // The RFC 6901 pointer of a node ("" for the root), found by walking down from the root.
    QString pointer(int index) const;
    // Bytes of nodes and line table in use (not the source).
    qsizetype treeBytes() const;

private:
    friend class JsonTreeBuilder;
    struct Data
    {
        QByteArray source;
        std::vector<JsonNode> nodes;
        mutable std::once_flag linesOnce;
        mutable std::vector<quint32> lineStarts; // offset of each line's first byte, on demand
    };
    bool decodedKeyEquals(int index, QByteArrayView key) const;
    const std::vector<quint32> &lineStarts() const;

    std::shared_ptr<const Data> m_d;
};

class JsonTree::Children
{
public:
    class iterator
    {
    public:
        iterator(const JsonTree *tree, int index)
            : m_tree(tree)
            , m_index(index)
        {}
        int operator*() const { return m_index; }
        iterator &operator++()
        {
            m_index = int(m_tree->node(m_index).next);
            return *this;
        }
        bool operator!=(const iterator &other) const { return m_index != other.m_index; }
        bool operator==(const iterator &other) const { return m_index == other.m_index; }

    private:
        const JsonTree *m_tree;
        int m_index;
    };

    Children(const JsonTree *tree, int first, int last)
        : m_tree(tree)
        , m_first(first)
        , m_last(last)
    {}
    iterator begin() const { return {m_tree, m_first}; }
    iterator end() const { return {m_tree, m_last}; }
    bool empty() const { return m_first == m_last; }

private:
    const JsonTree *m_tree;
    int m_first;
    int m_last;
};

inline JsonTree::Children JsonTree::children(int index) const
{
    const JsonNode &n = node(index);
    return n.isContainer() ? Children(this, index + 1, int(n.next)) : Children(this, 0, 0);
}

} // namespace hookbench
