#pragma once

#include <QString>

namespace hookbench {

// The core's messages are clauses ("key: character 3 is a space"); a banner shows them as
// sentences.
inline QString asSentence(QString clause)
{
    if (!clause.isEmpty())
        clause[0] = clause.at(0).toUpper();
    if (!clause.endsWith(QLatin1Char('.')))
        clause += QLatin1Char('.');
    return clause;
}

} // namespace hookbench
