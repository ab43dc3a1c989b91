#include "jsonpatch.h"

#include "jsonpatchalignment.h"
#include "jsonprettyprinter.h"
#include "jsontext.h"

#include <QHash>
#include <QSet>

namespace hookbench {

namespace {

QByteArray pointerToken(QByteArrayView key)
{
    QByteArray token = key.toByteArray();
    if (token.contains('~') || token.contains('/'))
        token.replace('~', "~0").replace('/', "~1");
    return token;
}

// A hash of a value's content, blind to whitespace: type, subtree size, keys and scalar texts.
quint64 contentHash(const JsonTree &tree, int index)
{
    quint64 h = 1469598103934665603ull;
    auto mix = [&h](quint64 v) { h = (h ^ v) * 1099511628211ull; };
    const int end = int(tree.node(index).next);
    for (int i = index; i < end; ++i) {
        const JsonNode &node = tree.node(i);
        mix(quint64(node.type) << 32 | (node.isContainer() ? node.next - quint32(i) : 0));
        if (i != index && node.flags & JsonNode::Member)
            mix(fastHash(tree.rawKey(i), 0x6b));
        if (node.isScalar())
            mix(fastHash(tree.raw(i), 0x73));
    }
    return h;
}

class PatchWriter
{
public:
    PatchWriter(const JsonTree &oldTree, const JsonTree &newTree)
        : m_old(oldTree)
        , m_new(newTree)
    {}

    void diff(const QByteArray &path, int o, int n);
    QByteArray take()
    {
        if (m_out.isEmpty())
            return QByteArrayLiteral("[]\n");
        return m_out + "\n]\n";
    }

private:
    bool same(int o, int n) const;
    void op(const char *name, const QByteArray &path, int value = -1, const QByteArray &from = {});
    void objects(const QByteArray &path, int o, int n);
    void arrays(const QByteArray &path, int o, int n);
    void pair(const QByteArray &path, int o, int n);

    const JsonTree &m_old;
    const JsonTree &m_new;
    QByteArray m_out;
};

// Exactly the same value, whatever the whitespace between its tokens.
bool PatchWriter::same(int o, int n) const
{
    if (m_old.raw(o) == m_new.raw(n))
        return true;
    const JsonNode &a = m_old.node(o);
    const JsonNode &b = m_new.node(n);
    if (a.type != b.type || a.next - quint32(o) != b.next - quint32(n))
        return false;
    if (a.isScalar())
        return false; // same type, different text
    const int count = int(a.next) - o;
    for (int i = 1; i < count; ++i) {
        const JsonNode &x = m_old.node(o + i);
        const JsonNode &y = m_new.node(n + i);
        if (x.type != y.type || x.next - quint32(o) != y.next - quint32(n) ||
            m_old.rawKey(o + i) != m_new.rawKey(n + i) ||
            (x.isScalar() && m_old.raw(o + i) != m_new.raw(n + i)))
            return false;
    }
    return true;
}

void PatchWriter::op(const char *name, const QByteArray &path, int value, const QByteArray &from)
{
    m_out.append(m_out.isEmpty() ? "[\n  {\"op\":\"" : ",\n  {\"op\":\"");
    m_out.append(name);
    m_out.append('"');
    if (!from.isNull()) {
        m_out.append(",\"from\":");
        appendJsonString(m_out, from);
    }
    m_out.append(",\"path\":");
    appendJsonString(m_out, path);
    if (value >= 0) {
        m_out.append(",\"value\":");
        appendCompactJson(m_out, m_new, value);
    }
    m_out.append('}');
}

void PatchWriter::diff(const QByteArray &path, int o, int n)
{
    if (same(o, n))
        return;
    const JsonType type = m_old.type(o);
    if (type != m_new.type(n) || !m_old.isContainer(o))
        op("replace", path, n);
    else if (type == JsonType::Object)
        objects(path, o, n);
    else
        arrays(path, o, n);
}

// Two values in the same place of an aligned array: edited in place when that is shorter.
void PatchWriter::pair(const QByteArray &path, int o, int n)
{
    if (!m_old.isContainer(o) || m_old.type(o) != m_new.type(n)) {
        diff(path, o, n);
        return;
    }
    const QByteArray before = std::exchange(m_out, QByteArray());
    diff(path, o, n);
    const QByteArray edits = std::exchange(m_out, before);
    const qsizetype replaceSize = qsizetype(m_new.node(n).end - m_new.node(n).offset) + 40;
    if (edits.isEmpty())
        return;
    if (edits.size() > replaceSize)
        op("replace", path, n);
    else if (m_out.isEmpty())
        m_out = edits;
    else // the edits were written as the first operations: "[\n  {…"
        m_out.append(',' + edits.mid(1));
}

void PatchWriter::objects(const QByteArray &path, int o, int n)
{
    QList<QByteArray> oldKeys, newKeys;
    QList<int> oldNodes, newNodes;
    for (const int child : m_old.children(o)) {
        oldKeys.append(m_old.key(child));
        oldNodes.append(child);
    }
    for (const int child : m_new.children(n)) {
        newKeys.append(m_new.key(child));
        newNodes.append(child);
    }
    const QSet<QByteArray> oldSet(oldKeys.cbegin(), oldKeys.cend());
    const QSet<QByteArray> newSet(newKeys.cbegin(), newKeys.cend());
    // Pointers cannot tell repeated keys apart: such an object is replaced whole.
    if (oldSet.size() != oldKeys.size() || newSet.size() != newKeys.size()) {
        op("replace", path, n);
        return;
    }
    QHash<QByteArray, int> oldAt;   // key → position among the members OLD keeps
    QHash<QByteArray, int> oldNode; // key → its value in OLD
    for (qsizetype i = 0; i < oldKeys.size(); ++i) {
        if (!newSet.contains(oldKeys[i])) {
            op("remove", path + '/' + pointerToken(oldKeys[i]));
        } else {
            oldAt.insert(oldKeys[i], int(oldAt.size()));
            oldNode.insert(oldKeys[i], oldNodes[i]);
        }
    }
    // The longest start of NEW's order that OLD already has in that order stays in place; from
    // there on every member is appended in NEW's order (kept ones by a "move" onto themselves).
    qsizetype kept = 0;
    for (int last = -1; kept < newKeys.size(); ++kept) {
        const int at = oldAt.value(newKeys[kept], -1);
        if (at <= last)
            break;
        last = at;
    }
    for (qsizetype j = 0; j < newKeys.size(); ++j) {
        const QByteArray member = path + '/' + pointerToken(newKeys[j]);
        const auto it = oldAt.constFind(newKeys[j]);
        if (it == oldAt.cend()) {
            op("add", member, newNodes[j]);
            continue;
        }
        if (j >= kept)
            op("move", member, -1, member);
        diff(member, oldNode.value(newKeys[j]), newNodes[j]);
    }
}

void PatchWriter::arrays(const QByteArray &path, int o, int n)
{
    QList<int> oldItems, newItems;
    QList<quint64> oldHashes, newHashes;
    for (const int child : m_old.children(o)) {
        oldItems.append(child);
        oldHashes.append(contentHash(m_old, child));
    }
    for (const int child : m_new.children(n)) {
        newItems.append(child);
        newHashes.append(contentHash(m_new, child));
    }
    QList<QPair<int, int>> matches = alignSequences(oldHashes, newHashes);
    matches.append({int(oldItems.size()), int(newItems.size())}); // the end, as a last match
    int i = 0;
    int j = 0;
    int position = 0; // in the array as the operations so far have left it
    auto at = [&path](int index) -> QByteArray { return path + '/' + QByteArray::number(index); };
    for (const auto &[mi, mj] : std::as_const(matches)) {
        const int paired = qMin(mi - i, mj - j);
        for (int t = 0; t < paired; ++t)
            pair(at(position++), oldItems[i + t], newItems[j + t]);
        for (int t = paired; t < mi - i; ++t)
            op("remove", at(position));
        for (int t = paired; t < mj - j; ++t)
            op("add", at(position++), newItems[j + t]);
        if (mi < oldItems.size())
            diff(at(position++), oldItems[mi], newItems[mj]); // equal hashes: nothing, normally
        i = mi + 1;
        j = mj + 1;
    }
}

} // namespace

QByteArray makeJsonPatch(const JsonTree &oldTree, const JsonTree &newTree)
{
    if (oldTree.isNull() || newTree.isNull())
        return {};
    PatchWriter writer(oldTree, newTree);
    writer.diff(QByteArray(""), JsonTree::Root, JsonTree::Root);
    return writer.take();
}

} // namespace hookbench
