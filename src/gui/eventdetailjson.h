#pragma once

#include <QByteArray>
#include <QString>

class QTreeWidget;

namespace hookbench {

// Both work on the raw bytes of a document QJsonDocument has already accepted, instead of
// on a QJsonDocument: QJsonObject sorts keys and turns big integers into doubles, and an
// inspector must show what was sent - in order, digit for digit.

// The document re-indented (two spaces, "key": value, empty containers as {} and []).
QString prettyJson(const QByteArray &json);

// Fills `tree` (columns Key, Value, Type) with the document's values, in order. Stops
// after `maxItems` items and returns false when it had to.
bool fillJsonTree(QTreeWidget *tree, const QByteArray &json, int maxItems);

} // namespace hookbench
