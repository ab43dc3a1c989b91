#pragma once

#include <QJsonValue>
#include <QString>

namespace hookbench {

// Integers as integers (ids beyond 2^53 stay exact when Qt kept them as integers), other
// numbers in their shortest form: "888888", "33.3333".
QString jsonNumberText(const QJsonValue &value);

// What a value is, for "expected …, found …": scalars shown (long strings cut, with "…"),
// containers named: null, true, 42, "RUNNING", an empty array, an object.
QString describeJsonValue(const QJsonValue &value);

} // namespace hookbench
