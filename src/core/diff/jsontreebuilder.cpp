#include "jsontreebuilder.h"

#include "jsonsyntaxcheck.h"
#include "jsontext.h"

#include <simdjson.h>

#include <cctype>
#include <cstring>

namespace hookbench {

namespace {

namespace od = simdjson::ondemand;

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

class Walker
{
public:
    Walker(const char *base, const char *end, std::vector<JsonNode> &nodes)
        : m_base(base)
        , m_end(end)
        , m_nodes(nodes)
    {}

    bool value(od::value v, const JsonNode &member, int depth);
    bool scalar(std::string_view token, char first, const JsonNode &member);
    // The closing quote of a string whose content starts at `p`, or nullptr (bad escape or
    // control character). Sets *escaped when it has backslash escapes.
    static const char *stringEnd(const char *p, const char *limit, bool *escaped);

private:
    quint32 offsetOf(const char *p) const { return quint32(p - m_base); }
    bool close(quint32 index, quint32 from, char bracket);
    // A child ending at `end` is followed by ',' or the closing bracket: On Demand, reading
    // raw tokens only, lets "[1 2]" and "[\"a\": 1]" through.
    bool separated(quint32 end, char bracket) const
    {
        const char *p = m_base + end;
        while (isSpace(*p))
            ++p;
        return *p == ',' || *p == bracket;
    }

    const char *m_base;
    const char *m_end;
    std::vector<JsonNode> &m_nodes;
};

const char *Walker::stringEnd(const char *p, const char *limit, bool *escaped)
{
    for (; p < limit; ++p) {
        const auto byte = static_cast<unsigned char>(*p);
        if (byte == '"')
            return p;
        if (byte < 0x20)
            return nullptr;
        if (byte >= 0x80) { // On Demand does not check UTF-8 in what it is not asked to decode
            const int length = utf8SequenceLength(p, limit);
            if (length == 0)
                return nullptr;
            p += length - 1;
            continue;
        }
        if (byte != '\\')
            continue;
        *escaped = true;
        if (++p >= limit)
            return nullptr;
        if (*p == 'u') {
            if (limit - p < 5)
                return nullptr;
            for (int i = 1; i <= 4; ++i) {
                if (!std::isxdigit(static_cast<unsigned char>(p[i])))
                    return nullptr;
            }
            p += 4;
        } else if (!std::strchr("\"\\/bfnrt", *p) || *p == '\0') {
            return nullptr;
        }
    }
    return nullptr;
}

// The token is the scalar plus the whitespace up to the next structural character.
bool Walker::scalar(std::string_view token, char first, const JsonNode &member)
{
    const char *begin = token.data();
    const char *end = begin + token.size();
    JsonNode node = member;
    node.offset = offsetOf(begin);
    node.next = quint32(m_nodes.size() + 1);
    if (first == '"') {
        bool escaped = false;
        const char *quote = stringEnd(begin + 1, end, &escaped);
        if (!quote)
            return false;
        node.type = JsonType::String;
        node.flags |= escaped ? JsonNode::Escaped : 0;
        node.end = offsetOf(quote + 1);
        for (const char *p = quote + 1; p < end; ++p) {
            if (!isSpace(*p))
                return false;
        }
    } else {
        while (end > begin && isSpace(end[-1]))
            --end;
        const std::string_view text(begin, size_t(end - begin));
        if (text == "true")
            node.type = JsonType::True;
        else if (text == "false")
            node.type = JsonType::False;
        else if (text == "null")
            node.type = JsonType::Null;
        else if (isJsonNumber(QByteArrayView(begin, end - begin)))
            node.type = JsonType::Number;
        else
            return false;
        node.end = offsetOf(end);
    }
    m_nodes.push_back(node);
    return true;
}

// Only whitespace lies between the last child (or the opening bracket) and the closing one.
bool Walker::close(quint32 index, quint32 from, char bracket)
{
    const char *p = m_base + from;
    while (isSpace(*p))
        ++p;
    if (*p != bracket)
        return false;
    m_nodes[index].end = offsetOf(p + 1);
    m_nodes[index].next = quint32(m_nodes.size());
    return true;
}

bool Walker::value(od::value v, const JsonNode &member, int depth)
{
    const std::string_view token = v.raw_json_token();
    if (token.empty())
        return false;
    const char first = token.front();
    if (first != '{' && first != '[')
        return scalar(token, first, member);

    if (depth >= MaxJsonDepth) // the recursion below stays bounded
        return false;
    const auto index = quint32(m_nodes.size());
    JsonNode node = member;
    node.offset = offsetOf(token.data());
    quint32 last = node.offset + 1; // end of the last child so far
    if (first == '{') {
        node.type = JsonType::Object;
        m_nodes.push_back(node);
        od::object object;
        if (v.get_object().get(object))
            return false;
        for (auto result : object) {
            od::field field;
            if (std::move(result).get(field))
                return false;
            const char *key = field.key().raw();
            bool escaped = false;
            const char *keyEnd = stringEnd(key, m_end, &escaped);
            if (!keyEnd)
                return false;
            JsonNode child;
            child.keyOffset = offsetOf(key);
            child.keyLength = quint32(keyEnd - key);
            child.flags = JsonNode::Member | (escaped ? JsonNode::KeyEscaped : 0);
            const auto childIndex = m_nodes.size();
            if (!value(field.value(), child, depth + 1))
                return false;
            last = m_nodes[childIndex].end;
            if (!separated(last, '}'))
                return false;
        }
        return close(index, last, '}');
    }
    node.type = JsonType::Array;
    m_nodes.push_back(node);
    od::array array;
    if (v.get_array().get(array))
        return false;
    for (auto result : array) {
        od::value element;
        if (std::move(result).get(element))
            return false;
        const auto childIndex = m_nodes.size();
        if (!value(element, JsonNode(), depth + 1))
            return false;
        last = m_nodes[childIndex].end;
        if (!separated(last, ']'))
            return false;
    }
    return close(index, last, ']');
}

bool walkDocument(const QByteArray &source, std::vector<JsonNode> &nodes)
{
    const char *data = source.constData();
    const auto size = size_t(source.size());
    // A scalar document: simdjson will not hand it out as a value; it is one token anyway.
    qsizetype first = 0;
    while (first < source.size() && isSpace(data[first]))
        ++first;
    if (first == source.size())
        return false;
    if (data[first] != '{' && data[first] != '[') {
        Walker walker(data, data + size, nodes);
        return walker.scalar(std::string_view(data + first, size - size_t(first)), data[first],
                             JsonNode());
    }
    od::parser parser;
    // Our own depth limit (Walker, findJsonSyntaxError) is the one that bites.
    if (parser.allocate(size, MaxJsonDepth + 8))
        return false;
    od::document document;
    if (parser.iterate(simdjson::padded_string_view(data, size, size + simdjson::SIMDJSON_PADDING))
            .get(document))
        return false;
    od::value root;
    if (document.get_value().get(root))
        return false;
    Walker walker(data, data + size, nodes);
    if (!walker.value(root, JsonNode(), 0))
        return false;
    for (const char *p = data + nodes.front().end; p < data + size; ++p) {
        if (!isSpace(*p))
            return false; // trailing content: On Demand stops at the root's end
    }
    return true;
}

} // namespace

static_assert(JsonTree::Padding >= qsizetype(simdjson::SIMDJSON_PADDING));

bool JsonTreeBuilder::build(JsonTree &tree, QByteArray source, JsonParseError *error)
{
    auto data = std::make_shared<JsonTree::Data>();
    data->source = std::move(source);
    // Virtual space only: pages the nodes never reach are never touched.
    data->nodes.reserve(size_t(data->source.size() / 8 + 16));
    if (!walkDocument(data->source, data->nodes)) {
        if (error) {
            *error = findJsonSyntaxError(data->source);
            if (!error->isError()) { // the scanner found nothing the fast parser disliked
                error->offset = 0;
                error->line = error->column = 1;
                error->message = QStringLiteral("not valid JSON");
            }
        }
        return false;
    }
    tree.m_d = std::move(data);
    return true;
}

} // namespace hookbench
