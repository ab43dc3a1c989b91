#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

namespace hookbench {

// Small checks before and after QJsonDocument, shared by the webhook and settings-file checks.

// Only JSON whitespace (space, tab, CR, LF), or nothing at all.
bool isBlankJson(QByteArrayView bytes);

// QJsonDocument takes only objects and arrays at the top level: this parses `bytes` as a lone
// scalar (wrapped in [ ]) to say what was sent instead. Undefined when it is no JSON value.
QJsonValue topLevelScalar(const QByteArray &bytes);

} // namespace hookbench
