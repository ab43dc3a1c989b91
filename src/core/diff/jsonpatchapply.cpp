// applyJsonPatch(): RFC 6902 on a small mutable document that keeps member order and the
// spelling of every number and string, so a patch from makeJsonPatch() can be checked exactly.
#include "jsonpatch.h"

#include "jsonprettyprinter.h"
#include "jsontext.h"

#include <QStringList>

#include <vector>

namespace hookbench {

namespace {

struct Value
{
    JsonType type = JsonType::Null;
    QByteArray text;               // scalars as written
    std::vector<QByteArray> keys;  // objects: keys as written (escaped, no quotes)
    std::vector<QByteArray> names; // objects: keys decoded
    std::vector<Value> items;      // members or elements

    static Value from(const JsonTree &tree, int index)
    {
        Value value;
        value.type = tree.type(index);
        if (!tree.isContainer(index)) {
            value.text = tree.raw(index).toByteArray();
            return value;
        }
        for (const int child : tree.children(index)) {
            if (value.type == JsonType::Object) {
                value.keys.push_back(tree.rawKey(child).toByteArray());
                value.names.push_back(tree.key(child));
            }
            value.items.push_back(from(tree, child));
        }
        return value;
    }

    int find(const QByteArray &name) const
    {
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i] == name)
                return int(i);
        }
        return -1;
    }

    void write(QByteArray &out) const
    {
        if (type != JsonType::Object && type != JsonType::Array) {
            out.append(text);
            return;
        }
        out.append(type == JsonType::Object ? '{' : '[');
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                out.append(',');
            if (type == JsonType::Object)
                out.append('"' + keys[i] + "\":");
            items[i].write(out);
        }
        out.append(type == JsonType::Object ? '}' : ']');
    }

    // RFC 6902 "test": JSON equality (numbers by value, members in any order).
    bool equals(const Value &other) const
    {
        if (type != other.type)
            return false;
        if (type == JsonType::Number)
            return sameJsonNumber(text, other.text);
        if (type == JsonType::String)
            return decodeJsonString(QByteArrayView(text).sliced(1).chopped(1)) ==
                   decodeJsonString(QByteArrayView(other.text).sliced(1).chopped(1));
        if (items.size() != other.items.size())
            return false;
        for (size_t i = 0; i < items.size(); ++i) {
            const int j = type == JsonType::Object ? other.find(names[i]) : int(i);
            if (j < 0 || !items[i].equals(other.items[size_t(j)]))
                return false;
        }
        return true;
    }
};

class Patcher
{
public:
    explicit Patcher(Value document)
        : m_root(std::move(document))
    {}

    // Applies the operation at node `operation` of `patch`, the `number`th (from 0).
    bool apply(const JsonTree &patch, int operation, int number, QString *error);
    const Value &root() const { return m_root; }

private:
    // The container holding the last token of `tokens`, or nullptr (m_error says why).
    Value *parent(const QStringList &tokens);
    Value *resolve(const QStringList &tokens);
    bool arrayIndex(const Value &array, const QString &token, bool forAdd, size_t *index);
    bool add(const QStringList &tokens, Value value);
    bool remove(const QStringList &tokens, Value *removed);

    Value m_root;
    QString m_error;
};

Value *Patcher::resolve(const QStringList &tokens)
{
    Value *at = &m_root;
    for (const QString &token : tokens) {
        size_t index = 0;
        if (at->type == JsonType::Object) {
            const int i = at->find(token.toUtf8());
            if (i < 0) {
                m_error = QStringLiteral("no member \"%1\"").arg(token);
                return nullptr;
            }
            index = size_t(i);
        } else if (at->type != JsonType::Array || !arrayIndex(*at, token, false, &index)) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("\"%1\" is inside a scalar").arg(token);
            return nullptr;
        }
        at = &at->items[index];
    }
    return at;
}

Value *Patcher::parent(const QStringList &tokens)
{
    Value *at = resolve(tokens.mid(0, tokens.size() - 1));
    if (at && at->type != JsonType::Object && at->type != JsonType::Array) {
        m_error = QStringLiteral("the parent is not a container");
        return nullptr;
    }
    return at;
}

bool Patcher::arrayIndex(const Value &array, const QString &token, bool forAdd, size_t *index)
{
    const size_t size = array.items.size();
    if (forAdd && token == QLatin1String("-")) {
        *index = size;
        return true;
    }
    bool ok =
        !token.isEmpty() && (token == QLatin1String("0") || !token.startsWith(QLatin1Char('0')));
    for (const QChar c : token)
        ok = ok && c.isDigit() && c.unicode() < 128;
    const qulonglong value = ok ? token.toULongLong(&ok) : 0;
    if (!ok || value > size || (!forAdd && value == size)) {
        m_error = QStringLiteral("bad array index \"%1\" (size %2)").arg(token).arg(size);
        return false;
    }
    *index = size_t(value);
    return true;
}

bool Patcher::add(const QStringList &tokens, Value value)
{
    if (tokens.isEmpty()) {
        m_root = std::move(value);
        return true;
    }
    Value *at = parent(tokens);
    if (!at)
        return false;
    const QString &last = tokens.last();
    if (at->type == JsonType::Object) {
        const QByteArray name = last.toUtf8();
        const int i = at->find(name);
        if (i >= 0) { // an existing member is replaced where it is
            at->items[size_t(i)] = std::move(value);
            return true;
        }
        QByteArray key;
        appendJsonString(key, name);
        at->keys.push_back(key.sliced(1).chopped(1));
        at->names.push_back(name);
        at->items.push_back(std::move(value));
        return true;
    }
    size_t index = 0;
    if (!arrayIndex(*at, last, true, &index))
        return false;
    at->items.insert(at->items.begin() + qptrdiff(index), std::move(value));
    return true;
}

bool Patcher::remove(const QStringList &tokens, Value *removed)
{
    if (tokens.isEmpty()) {
        m_error = QStringLiteral("cannot remove the whole document");
        return false;
    }
    Value *at = parent(tokens);
    if (!at)
        return false;
    size_t index = 0;
    if (at->type == JsonType::Object) {
        const int i = at->find(tokens.last().toUtf8());
        if (i < 0) {
            m_error = QStringLiteral("no member \"%1\"").arg(tokens.last());
            return false;
        }
        index = size_t(i);
        at->keys.erase(at->keys.begin() + qptrdiff(index));
        at->names.erase(at->names.begin() + qptrdiff(index));
    } else if (!arrayIndex(*at, tokens.last(), false, &index)) {
        return false;
    }
    if (removed)
        *removed = std::move(at->items[index]);
    at->items.erase(at->items.begin() + qptrdiff(index));
    return true;
}

bool Patcher::apply(const JsonTree &patch, int operation, int number, QString *error)
{
    m_error.clear();
    auto field = [&](const char *name) {
        const int member = patch.member(operation, name);
        return member >= 0 && patch.type(member) == JsonType::String ? patch.string(member)
                                                                     : QString();
    };
    const QString name = field("op");
    const QString path = field("path");
    const QString from = field("from");
    const int valueNode = patch.member(operation, "value");
    QStringList tokens, fromTokens;
    bool ok = patch.type(operation) == JsonType::Object && patch.member(operation, "path") >= 0 &&
              splitPointer(path, &tokens) && splitPointer(from, &fromTokens);
    if (!ok) {
        m_error = QStringLiteral("not an operation with a valid \"path\"");
    } else if (name == QLatin1String("add") || name == QLatin1String("replace") ||
               name == QLatin1String("test")) {
        if (valueNode < 0) {
            ok = false;
            m_error = QStringLiteral("no \"value\"");
        } else if (name == QLatin1String("add")) {
            ok = add(tokens, Value::from(patch, valueNode));
        } else if (Value *target = resolve(tokens); !target) {
            ok = false;
        } else if (name == QLatin1String("replace")) {
            *target = Value::from(patch, valueNode);
        } else if (!(ok = target->equals(Value::from(patch, valueNode)))) {
            m_error = QStringLiteral("test failed");
        }
    } else if (name == QLatin1String("remove")) {
        ok = remove(tokens, nullptr);
    } else if (name == QLatin1String("move") || name == QLatin1String("copy")) {
        Value value;
        if (patch.member(operation, "from") < 0) {
            ok = false;
            m_error = QStringLiteral("no \"from\"");
        } else if (name == QLatin1String("move")) {
            if (path.startsWith(from + QLatin1Char('/'))) {
                ok = false;
                m_error = QStringLiteral("cannot move a value into itself");
            } else {
                ok = remove(fromTokens, &value) && add(tokens, std::move(value));
            }
        } else if (const Value *source = resolve(fromTokens)) {
            ok = add(tokens, *source);
        } else {
            ok = false;
        }
    } else {
        ok = false;
        m_error = QStringLiteral("unknown op \"%1\"").arg(name);
    }
    if (!ok && error)
        *error = QStringLiteral("operation %1 (%2 %3): %4").arg(number).arg(name, path, m_error);
    return ok;
}

} // namespace

QByteArray applyJsonPatch(const QByteArray &document, const QByteArray &patch, QString *error)
{
    JsonParseError parseError;
    const JsonTree documentTree = JsonTree::parse(document, &parseError);
    if (documentTree.isNull()) {
        if (error)
            *error = QLatin1String("document: ") + parseError.toString();
        return {};
    }
    const JsonTree patchTree = JsonTree::parse(patch, &parseError);
    if (patchTree.isNull() || patchTree.type(JsonTree::Root) != JsonType::Array) {
        if (error)
            *error = QLatin1String("patch: ") +
                     (patchTree.isNull() ? parseError.toString() : QStringLiteral("not an array"));
        return {};
    }
    Patcher patcher(Value::from(documentTree, JsonTree::Root));
    int number = 0;
    for (const int operation : patchTree.children(JsonTree::Root)) {
        if (!patcher.apply(patchTree, operation, number++, error))
            return {};
    }
    QByteArray out;
    patcher.root().write(out);
    return out;
}

} // namespace hookbench
