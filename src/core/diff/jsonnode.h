#pragma once

#include <QtGlobal>

namespace hookbench {

enum class JsonType : quint8 { Null, False, True, Number, String, Array, Object };

// One value of a JsonTree. Nodes sit in one flat vector in document order (a value, then its
// children, depth first), so a subtree is the index range [index, next) and nothing points into
// the heap: 24 bytes a value, texts stay in the tree's source buffer.
struct JsonNode
{
    quint32 offset = 0;    // first byte of the value in the source
    quint32 end = 0;       // one past its last byte ('"', last digit, '}' …)
    quint32 next = 0;      // index after this subtree: the next sibling, when there is one
    quint32 keyOffset = 0; // object members: first byte of the key, after its opening quote
    quint32 keyLength = 0; // object members: the key's bytes as written (escapes not decoded)
    JsonType type = JsonType::Null;
    quint8 flags = 0;

    enum Flag : quint8 {
        Escaped = 0x01,    // a string value with backslash escapes
        KeyEscaped = 0x02, // a key with backslash escapes
        Member = 0x04,     // the value of an object member (keyOffset/keyLength are set)
    };

    bool isContainer() const { return type == JsonType::Array || type == JsonType::Object; }
    bool isScalar() const { return !isContainer(); }
};

static_assert(sizeof(JsonNode) == 24, "JsonNode is meant to stay small");

} // namespace hookbench
