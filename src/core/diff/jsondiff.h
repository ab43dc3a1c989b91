#pragma once

#include "jsonchange.h"
#include "jsontree.h"

namespace hookbench {

// The semantic diff of two JSON documents (pure). Two VWO settings files are compared in VWO's
// terms (campaigns, variations, goals, variables, groups; see SettingsDiff); any other JSON
// structurally (objects by key, arrays by index). Either way {} and [] are the same empty
// collection, numbers compare by value (1.0 = 1), strings by content, and object member order
// is no change. Both trees must be valid (not null).
JsonDiff diffJson(const JsonTree &oldTree, const JsonTree &newTree,
                  const DiffOptions &options = {});

} // namespace hookbench
