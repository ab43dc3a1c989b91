#pragma once

#include "textdiffoptions.h"

#include <QByteArrayView>

#include <string>
#include <vector>

namespace hookbench {

class TextDiffDocument;

// Interns lines to small integer ids, once per diff: the diff algorithms then compare ints, never
// bytes. Two lines get the same id exactly when they are equal under the whitespace mode (in exact
// mode a last line without '\n' differs from the same text with one, so patches stay exact).
class TextDiffLineIds
{
public:
    // Interns old lines [oldFrom, oldTo) and new lines [newFrom, newTo). False when canceled.
    bool intern(const TextDiffDocument &oldDoc, int oldFrom, int oldTo,
                const TextDiffDocument &newDoc, int newFrom, int newTo,
                const TextDiffOptions &options);

    const std::vector<int> &oldIds() const { return m_oldIds; }
    const std::vector<int> &newIds() const { return m_newIds; }
    int idCount() const { return int(m_reps.size()); }

    // Line i of a document as the mode compares it.
    static QByteArrayView comparedBytes(const TextDiffDocument &doc, int index,
                                        TextDiffOptions::Whitespace mode, std::string &scratch);
    static bool linesEqual(const TextDiffDocument &a, int i, const TextDiffDocument &b, int j,
                           TextDiffOptions::Whitespace mode);

private:
    struct Slot
    {
        quint32 hash = 0;
        int id = -1;
    };
    bool internSide(const TextDiffDocument &doc, int from, int to, std::vector<int> &ids,
                    const TextDiffOptions &options);

    std::vector<int> m_oldIds;
    std::vector<int> m_newIds;
    std::vector<Slot> m_slots;
    std::vector<QByteArrayView> m_reps; // bytes of each id's first line
    std::string m_arena;                // normalized lines the reps point into (whitespace modes)
};

} // namespace hookbench
