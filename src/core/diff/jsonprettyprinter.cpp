#include "jsonprettyprinter.h"

#include <algorithm>
#include <vector>

namespace hookbench {

namespace {

class PrettyPrinter
{
public:
    PrettyPrinter(const JsonTree &tree, const PrettyPrintOptions &options, PrettyText &out)
        : m_tree(tree)
        , m_options(options)
        , m_out(out)
    {}

    void value(int index, int depth);

private:
    void newline(int depth)
    {
        m_out.text.append('\n');
        ++m_line;
        m_out.text.append(qsizetype(depth) * qMax(0, m_options.indent), ' ');
    }
    std::vector<int> sortedMembers(int object) const;

    const JsonTree &m_tree;
    const PrettyPrintOptions &m_options;
    PrettyText &m_out;
    int m_line = 1;
};

std::vector<int> PrettyPrinter::sortedMembers(int object) const
{
    struct Member
    {
        QByteArray key; // decoded only when escaped; else a view into the source (no copy)
        int index;
    };
    std::vector<Member> members;
    for (const int child : m_tree.children(object)) {
        const bool escaped = m_tree.node(child).flags & JsonNode::KeyEscaped;
        const QByteArrayView raw = m_tree.rawKey(child);
        members.push_back(
            {escaped ? m_tree.key(child) : QByteArray::fromRawData(raw.data(), raw.size()), child});
    }
    std::stable_sort(members.begin(), members.end(),
                     [](const Member &a, const Member &b) { return a.key < b.key; });
    std::vector<int> order;
    order.reserve(members.size());
    for (const Member &member : members)
        order.push_back(member.index);
    return order;
}

void PrettyPrinter::value(int index, int depth)
{
    m_out.nodeLines[index] = m_line;
    const JsonNode &node = m_tree.node(index);
    if (!node.isContainer()) {
        m_out.text.append(m_tree.raw(index).data(), m_tree.raw(index).size());
        return;
    }
    if (m_tree.isEmptyContainer(index)) { // "{ }" as "{}"
        m_out.text.append(node.type == JsonType::Object ? "{}" : "[]", 2);
        return;
    }
    const bool object = node.type == JsonType::Object;
    m_out.text.append(object ? '{' : '[');
    bool first = true;
    auto member = [&](int child) {
        if (!first)
            m_out.text.append(',');
        first = false;
        newline(depth + 1);
        if (object) {
            m_out.text.append('"');
            m_out.text.append(m_tree.rawKey(child).data(), m_tree.rawKey(child).size());
            m_out.text.append("\": ", 3);
        }
        value(child, depth + 1);
    };
    if (object && m_options.sortKeys) {
        for (const int child : sortedMembers(index))
            member(child);
    } else {
        for (const int child : m_tree.children(index))
            member(child);
    }
    newline(depth);
    m_out.text.append(object ? '}' : ']');
}

} // namespace

PrettyText prettyPrint(const JsonTree &tree, const PrettyPrintOptions &options)
{
    PrettyText out;
    if (tree.isNull())
        return out;
    out.nodeLines.resize(tree.size());
    out.text.reserve(tree.source().size() + tree.source().size() / 8);
    PrettyPrinter(tree, options, out).value(JsonTree::Root, 0);
    out.text.append('\n');
    return out;
}

void appendCompactJson(QByteArray &out, const JsonTree &tree, int index)
{
    const JsonNode &node = tree.node(index);
    if (!node.isContainer()) {
        out.append(tree.raw(index).data(), tree.raw(index).size());
        return;
    }
    if (tree.isEmptyContainer(index)) {
        out.append(node.type == JsonType::Object ? "{}" : "[]", 2);
        return;
    }
    const bool object = node.type == JsonType::Object;
    out.append(object ? '{' : '[');
    bool first = true;
    for (const int child : tree.children(index)) {
        if (!first)
            out.append(',');
        first = false;
        if (object) {
            out.append('"');
            out.append(tree.rawKey(child).data(), tree.rawKey(child).size());
            out.append("\":", 2);
        }
        appendCompactJson(out, tree, child);
    }
    out.append(object ? '}' : ']');
}

QByteArray compactJson(const JsonTree &tree, int index)
{
    QByteArray out;
    if (tree.isNull())
        return out;
    const JsonNode &node = tree.node(index);
    out.reserve(qsizetype(node.end - node.offset));
    appendCompactJson(out, tree, index);
    return out;
}

} // namespace hookbench
