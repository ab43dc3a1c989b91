#pragma once

#include "jsontree.h"

namespace hookbench {

// Builds a JsonTree's nodes from its source with simdjson's On Demand parser (SIMD structural
// index, runtime-dispatched), checking what On Demand leaves unchecked when only raw tokens are
// read (number grammar, literals, string escapes and control characters). On failure the slow
// scanner (findJsonSyntaxError) names the error and its place.
class JsonTreeBuilder
{
public:
    // `source` has JsonTree::Padding readable bytes past its end.
    static bool build(JsonTree &tree, QByteArray source, JsonParseError *error);
};

} // namespace hookbench
