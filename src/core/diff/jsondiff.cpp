#include "jsondiff.h"

#include "diffcontext.h"
#include "settingsdiff.h"

namespace hookbench {

JsonDiff diffJson(const JsonTree &oldTree, const JsonTree &newTree, const DiffOptions &options)
{
    JsonDiff diff;
    if (oldTree.isNull() || newTree.isNull())
        return diff;
    diff.settingsFiles =
        !options.generic && looksLikeSettingsFile(oldTree) && looksLikeSettingsFile(newTree);
    if (diff.settingsFiles) {
        DiffContext context(oldTree, newTree, options, DiffContext::Style::Settings);
        SettingsDiff(context).run();
        diff.changes = context.takeChanges();
    } else {
        DiffContext context(oldTree, newTree, options, DiffContext::Style::Pointer);
        context.compare(DiffLocation(), JsonTree::Root, JsonTree::Root);
        diff.changes = context.takeChanges();
    }
    return diff;
}

} // namespace hookbench
