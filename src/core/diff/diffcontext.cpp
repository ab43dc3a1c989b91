#include "diffcontext.h"

#include "jsonprettyprinter.h"
#include "jsontext.h"

#include <QHash>

namespace hookbench {

namespace {

constexpr int DisplayLimit = 60;
constexpr int LinearMatchLimit = 16; // members; beyond this a hash finds keys

const QString &arrow()
{
    static const QString text = QStringLiteral(" \u2192 ");
    return text;
}

// A word that reads the same without quotes and could not be taken for a number or literal.
bool isPlainWord(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 40 || isJsonNumber(text) || text == "true" ||
        text == "false" || text == "null")
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '@' ||
                        c == ':' || c == '+';
        if (!ok)
            return false;
    }
    return true;
}

// Writes JSON with ", " and ": " between items until `limit` characters are exceeded.
void appendDisplay(QByteArray &out, const JsonTree &tree, int index, qsizetype limit)
{
    if (out.size() > limit)
        return;
    const JsonNode &node = tree.node(index);
    if (!node.isContainer()) {
        out.append(tree.raw(index).first(qMin(tree.raw(index).size(), limit + 1 - out.size())));
        return;
    }
    const bool object = node.type == JsonType::Object;
    out.append(object ? '{' : '[');
    bool first = true;
    for (const int child : tree.children(index)) {
        if (out.size() > limit)
            return;
        if (!first)
            out.append(", ", 2);
        first = false;
        if (object) {
            out.append('"');
            out.append(tree.rawKey(child).data(), tree.rawKey(child).size());
            out.append("\": ", 3);
        }
        appendDisplay(out, tree, child, limit);
    }
    out.append(object ? '}' : ']');
}

struct Members
{
    QList<QByteArray> keys; // decoded; views into the source when there is nothing to decode
    QList<int> nodes;
};

Members membersOf(const JsonTree &tree, int index)
{
    Members members;
    if (index < 0 || tree.type(index) != JsonType::Object)
        return members;
    for (const int child : tree.children(index)) {
        const QByteArrayView raw = tree.rawKey(child);
        members.keys.append((tree.node(child).flags & JsonNode::KeyEscaped)
                                ? tree.key(child)
                                : QByteArray::fromRawData(raw.data(), raw.size()));
        members.nodes.append(child);
    }
    return members;
}

// For each NEW member, the OLD member with the same key (repeated keys in order), or -1.
QList<int> matchMembers(const Members &old, const Members &now)
{
    QList<int> match(now.keys.size(), -1);
    QList<bool> used(old.keys.size(), false);
    if (old.keys.size() <= LinearMatchLimit) {
        for (qsizetype j = 0; j < now.keys.size(); ++j) {
            for (qsizetype i = 0; i < old.keys.size(); ++i) {
                if (!used[i] && old.keys[i] == now.keys[j]) {
                    used[i] = true;
                    match[j] = int(i);
                    break;
                }
            }
        }
        return match;
    }
    QHash<QByteArray, QList<int>> byKey;
    byKey.reserve(old.keys.size());
    for (qsizetype i = old.keys.size() - 1; i >= 0; --i)
        byKey[old.keys[i]].append(int(i)); // reversed: takeLast() yields them in order
    for (qsizetype j = 0; j < now.keys.size(); ++j) {
        const auto it = byKey.find(now.keys[j]);
        if (it != byKey.end() && !it->isEmpty())
            match[j] = it->takeLast();
    }
    return match;
}

} // namespace

DiffContext::DiffContext(const JsonTree &oldTree, const JsonTree &newTree,
                         const DiffOptions &options, Style style)
    : m_old(oldTree)
    , m_new(newTree)
    , m_options(options)
    , m_style(style)
{}

QByteArray DiffContext::scalarText(const JsonTree &tree, int index)
{
    if (index < 0 || tree.isContainer(index))
        return {};
    return tree.text(index);
}

QString DiffContext::display(const JsonTree &tree, int index, bool bare)
{
    if (tree.type(index) == JsonType::String) {
        const QByteArray text = tree.text(index);
        if (bare && isPlainWord(text))
            return QString::fromUtf8(text);
    }
    QByteArray out;
    appendDisplay(out, tree, index, DisplayLimit);
    if (out.size() <= DisplayLimit)
        return QString::fromUtf8(out);
    QString cut = QString::fromUtf8(out.left(DisplayLimit));
    if (!cut.isEmpty() && cut.back().isHighSurrogate())
        cut.chop(1);
    return cut + QChar(0x2026); // …
}

QList<int> DiffContext::items(const JsonTree &tree, int index)
{
    QList<int> list;
    if (index < 0 || tree.type(index) != JsonType::Array)
        return list;
    for (const int child : tree.children(index))
        list.append(child);
    return list;
}

bool DiffContext::scalarEqual(int o, int n) const
{
    const JsonType type = m_old.type(o);
    if (type != m_new.type(n))
        return false;
    if (type == JsonType::Number)
        return sameJsonNumber(m_old.raw(o), m_new.raw(n));
    if (type == JsonType::String)
        return m_old.text(o) == m_new.text(n);
    return true; // null, true, false
}

bool DiffContext::sameText(int o, int n) const
{
    if (m_old.isContainer(o) || m_new.isContainer(n))
        return false;
    const QByteArray a = m_old.text(o);
    const QByteArray b = m_new.text(n);
    return a == b || (isJsonNumber(a) && isJsonNumber(b) && sameJsonNumber(a, b));
}

void DiffContext::compare(const DiffLocation &at, int o, int n)
{
    if (identical(o, n))
        return;
    const bool oldEmpty = m_old.isEmptyContainer(o);
    const bool newEmpty = m_new.isEmptyContainer(n);
    if (oldEmpty && newEmpty)
        return; // {} and [] are the same empty collection
    const JsonType oldType = m_old.type(o);
    const JsonType newType = m_new.type(n);
    if (m_old.isContainer(o) && m_new.isContainer(n) &&
        (oldType == newType || oldEmpty || newEmpty)) {
        const JsonType type = oldEmpty ? newType : oldType;
        if (type == JsonType::Object)
            compareMembers(at, o, n);
        else
            compareElements(at, o, n);
        return;
    }
    if (!m_old.isContainer(o) && !m_new.isContainer(n) && scalarEqual(o, n))
        return;
    changed(at, o, n);
}

void DiffContext::compareMembers(const DiffLocation &at, int o, int n, const MemberHook &hook)
{
    const Members old = membersOf(m_old, o);
    const Members now = membersOf(m_new, n);
    const QList<int> match = matchMembers(old, now);
    QList<bool> matched(old.keys.size(), false);
    int lastOld = -1;
    bool reordered = false;
    for (qsizetype j = 0; j < now.keys.size(); ++j) {
        const int i = match[j];
        const int om = i >= 0 ? old.nodes[i] : -1;
        const int nm = now.nodes[j];
        if (i >= 0) {
            matched[i] = true;
            reordered = reordered || i < lastOld;
            lastOld = i;
            if (identical(om, nm))
                continue;
        }
        const DiffLocation place = at.member(now.keys[j]);
        if (hook && hook(place, now.keys[j], om, nm))
            continue;
        if (om < 0)
            added(place, nm);
        else
            compare(place, om, nm);
    }
    for (qsizetype i = 0; i < old.keys.size(); ++i) {
        if (matched[i])
            continue;
        const DiffLocation place = at.member(old.keys[i]);
        if (!hook || !hook(place, old.keys[i], old.nodes[i], -1))
            removed(place, old.nodes[i]);
    }
    if (reordered && m_options.reportOrder && o >= 0 && n >= 0) {
        const QString what =
            at.field.isEmpty() && m_style == Style::Settings
                ? QStringLiteral("key order changed")
                : fieldName(at, ChangeKind::Moved) + QLatin1String(" key order changed");
        record(ChangeKind::Moved, at, o, n, what, false);
    }
}

void DiffContext::compareElements(const DiffLocation &at, int o, int n)
{
    const QList<int> old = items(m_old, o);
    const QList<int> now = items(m_new, n);
    const qsizetype common = qMin(old.size(), now.size());
    for (qsizetype i = 0; i < common; ++i)
        compare(at.element(int(i), int(i)), old[i], now[i]);
    for (qsizetype i = common; i < now.size(); ++i)
        added(at.element(-1, int(i)), now[i]);
    for (qsizetype i = common; i < old.size(); ++i)
        removed(at.element(int(i), -1), old[i]);
}

QString DiffContext::fieldName(const DiffLocation &at, ChangeKind kind) const
{
    if (m_style == Style::Pointer) {
        const QString &path = kind == ChangeKind::Added ? at.newPath : at.oldPath;
        return path.isEmpty() ? QStringLiteral("(root)") : path;
    }
    return at.field;
}

void DiffContext::changed(const DiffLocation &at, int o, int n)
{
    // Quotes off only when both sides are plain words: "Control header" → "changed" stays quoted.
    const bool bare = m_old.type(o) == JsonType::String && m_new.type(n) == JsonType::String &&
                      isPlainWord(m_old.text(o)) && isPlainWord(m_new.text(n));
    QString detail = fieldName(at, ChangeKind::Changed);
    if (!detail.isEmpty())
        detail += m_style == Style::Pointer ? QLatin1String(": ") : QLatin1String(" ");
    detail += display(m_old, o, bare) + arrow() + display(m_new, n, bare);
    record(ChangeKind::Changed, at, o, n, detail, false);
}

void DiffContext::added(const DiffLocation &at, int n)
{
    const QString detail = fieldName(at, ChangeKind::Added) + QLatin1String(" added (") +
                           display(m_new, n, true) + QLatin1Char(')');
    record(ChangeKind::Added, at, -1, n, detail, false);
}

void DiffContext::removed(const DiffLocation &at, int o)
{
    const QString detail = fieldName(at, ChangeKind::Removed) + QLatin1String(" removed (was ") +
                           display(m_old, o, true) + QLatin1Char(')');
    record(ChangeKind::Removed, at, o, -1, detail, false);
}

JsonChange &DiffContext::record(ChangeKind kind, const DiffLocation &at, int o, int n,
                                const QString &detail, bool entity)
{
    JsonChange change;
    change.kind = kind;
    if (o >= 0) {
        change.oldPath = at.oldPath;
        change.oldNode = o;
        change.oldValue = compactJson(m_old, o);
    }
    if (n >= 0) {
        change.newPath = at.newPath;
        change.newNode = n;
        change.newValue = compactJson(m_new, n);
    }
    change.scope = at.scope;
    change.scopeNodes = at.scopeNodes;
    change.detail = detail;
    change.entity = entity;
    change.sentence = changeSentence(at.scope, detail, entity);
    m_changes.append(std::move(change));
    return m_changes.last();
}

} // namespace hookbench
