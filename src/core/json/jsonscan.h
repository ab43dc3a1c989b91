#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonParseError>
#include <QJsonValue>
#include <QString>

namespace hookbench {

// Small checks before and after QJsonDocument, shared by the webhook and settings-file checks.

// Only JSON whitespace (space, tab, CR, LF), or nothing at all.
bool isBlankJson(QByteArrayView bytes);

// QJsonDocument takes only objects and arrays at the top level: this parses `bytes` as a lone
// scalar (wrapped in [ ]) to say what was sent instead. Undefined when it is no JSON value.
QJsonValue topLevelScalar(const QByteArray &bytes);

// Line and column (1-based) of a byte offset in text, for JSON error messages.
void lineAndColumn(const QByteArray &text, qsizetype offset, int *line, int *column);

// "malformed JSON at line L, column C: <Qt's reason>" for a failed QJsonDocument::fromJson.
QString malformedJsonMessage(const QByteArray &bytes, const QJsonParseError &error);

} // namespace hookbench
