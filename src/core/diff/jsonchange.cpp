#include "jsonchange.h"

#include <algorithm>

namespace hookbench {

QString changeKindName(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return QStringLiteral("added");
    case ChangeKind::Removed:
        return QStringLiteral("removed");
    case ChangeKind::Changed:
        return QStringLiteral("changed");
    case ChangeKind::Moved:
        return QStringLiteral("moved");
    }
    return {};
}

QString changeSentence(const QStringList &scope, const QString &detail, bool entity)
{
    if (scope.isEmpty())
        return detail;
    QString sentence = scope.first();
    if (scope.size() > 1 || !entity)
        sentence += QLatin1String(": ");
    if (scope.size() > 1)
        sentence += scope.mid(1).join(QLatin1Char(' ')) + QLatin1Char(' ');
    else if (entity)
        sentence += QLatin1Char(' ');
    return sentence + detail;
}

bool JsonDiff::isEmpty() const
{
    return std::all_of(changes.begin(), changes.end(),
                       [](const JsonChange &change) { return change.kind == ChangeKind::Moved; });
}

QString diffSummaryText(const JsonDiff &diff)
{
    QString text;
    for (const JsonChange &change : diff.changes)
        text += change.sentence + QLatin1Char('\n');
    return text;
}

} // namespace hookbench
