#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

class TextDiff;
class TextDiffDocument;

// A TextDiff as a unified diff in GNU diff's format (`diff -u --label OLD --label NEW`): the
// two header lines, `@@ -l,s +l,s @@` hunks with `context` lines around each change (changes
// closer than 2 * context share a hunk) and "\ No newline at end of file" after a last line
// without one. `patch` or `git apply` applied to the old document gives the new one exactly
// (for a diff computed with Whitespace::Exact). Identical documents give an empty diff.
class UnifiedDiff
{
public:
    static constexpr int DefaultContext = 3;

    struct Hunk
    {
        int oldStart = 0; // 0-based, context included
        int oldCount = 0;
        int newStart = 0;
        int newCount = 0;
        int firstRun = 0; // the change runs of TextDiff::runs() in the hunk, and the equal runs
        int lastRun = 0;  // between them
    };

    static QList<Hunk> hunks(const TextDiff &diff, int context = DefaultContext);
    // "@@ -1,4 +1,5 @@" (without a newline).
    static QByteArray hunkHeader(const Hunk &hunk);
    static QByteArray format(const TextDiffDocument &oldDoc, const TextDiffDocument &newDoc,
                             const TextDiff &diff, const QString &oldLabel, const QString &newLabel,
                             int context = DefaultContext);
};

} // namespace hookbench
