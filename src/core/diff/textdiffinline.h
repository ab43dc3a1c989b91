#pragma once

#include "textdiffoptions.h"

#include <QList>
#include <QStringView>

namespace hookbench {

// Intra-line highlights for a changed line pair: which parts of each line differ. Lines are cut
// into words (letters, digits, '_'), whitespace runs and single other characters, and the word
// sequences are diffed, so `"weight": 50,` against `"weight": 25,` marks just 50 and 25.
// Lines longer than maxLength fall back to the span between the common prefix and suffix.
class TextDiffInline
{
public:
    struct Range
    {
        int start = 0; // UTF-16 index into the line
        int length = 0;
        bool operator==(const Range &other) const
        {
            return start == other.start && length == other.length;
        }
    };
    struct Result
    {
        QList<Range> oldRanges;
        QList<Range> newRanges;
    };

    static constexpr int DefaultMaxLength = 10000;

    static Result
    compute(QStringView oldLine, QStringView newLine,
            TextDiffOptions::Whitespace whitespace = TextDiffOptions::Whitespace::Exact,
            int maxLength = DefaultMaxLength);
};

} // namespace hookbench
