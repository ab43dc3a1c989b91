#pragma once

// Checks shared by the text diff's tests.

#include "diff/textdiff.h"
#include "diff/textdiffdocument.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace textdifftest {

using namespace hookbench;
using Whitespace = TextDiffOptions::Whitespace;

// Checks that the runs tile both documents and that replaying them on OLD gives NEW (in exact
// mode) or lines equal under the mode; returns an empty string or what is wrong.
inline QString checkDiff(const TextDiffDocument &oldDoc, const TextDiffDocument &newDoc,
                         const TextDiff &diff, Whitespace mode = Whitespace::Exact)
{
    int o = 0, n = 0;
    bool lastEqual = false;
    QByteArray replay;
    for (int k = 0; k < diff.runs().size(); ++k) {
        const TextDiff::Run &run = diff.runs()[k];
        if (run.oldStart != o || run.newStart != n)
            return QStringLiteral("run %1 does not start where the previous ended").arg(k);
        if (k > 0 && run.equal == lastEqual)
            return QStringLiteral("runs %1 and %2 do not alternate").arg(k - 1).arg(k);
        if (run.equal && run.oldCount != run.newCount)
            return QStringLiteral("equal run %1 has different lengths").arg(k);
        if (run.oldCount + run.newCount == 0)
            return QStringLiteral("run %1 is empty").arg(k);
        for (int i = 0; i < run.newCount; ++i) {
            if (run.equal && mode == Whitespace::Exact)
                replay += oldDoc.lineWithNewline(run.oldStart + i);
            else
                replay += newDoc.lineWithNewline(run.newStart + i);
        }
        o = run.oldEnd();
        n = run.newEnd();
        lastEqual = run.equal;
    }
    if (o != oldDoc.lineCount() || n != newDoc.lineCount())
        return QStringLiteral("runs end at %1/%2 of %3/%4 lines")
            .arg(o)
            .arg(n)
            .arg(oldDoc.lineCount())
            .arg(newDoc.lineCount());
    if (replay != newDoc.data())
        return QStringLiteral("replaying the runs on OLD does not give NEW");
    return QString();
}

inline QByteArray joinLines(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines)
        out += line + '\n';
    return out;
}

// Changes about `fraction` of the lines: a third replaced, a third deleted, a third inserted.
inline QList<QByteArray> edited(const QList<QByteArray> &lines, double fraction, quint32 seed)
{
    QRandomGenerator random(seed);
    QList<QByteArray> out;
    out.reserve(lines.size() + lines.size() / 50);
    for (int i = 0; i < lines.size(); ++i) {
        if (random.generateDouble() >= fraction) {
            out << lines[i];
            continue;
        }
        switch (random.bounded(3)) {
        case 0:
            out << lines[i] + " // changed";
            break;
        case 1:
            break;
        default:
            out << lines[i] << "      \"inserted\": " + QByteArray::number(i) + ',';
        }
    }
    return out;
}

} // namespace textdifftest
