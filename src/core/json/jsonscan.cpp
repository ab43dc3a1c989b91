#include "jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace hookbench {

bool isBlankJson(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

QJsonValue topLevelScalar(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + bytes + ']', &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return doc.array().first();
}

void lineAndColumn(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, text.size());
    int l = 1;
    int c = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (byte == '\n') {
            ++l;
            c = 1;
        } else if ((byte & 0xC0) != 0x80) {
            // Count characters, not bytes: UTF-8 continuation bytes don't move the column.
            ++c;
        }
    }
    if (line)
        *line = l;
    if (column)
        *column = c;
}

QString malformedJsonMessage(const QByteArray &bytes, const QJsonParseError &error)
{
    int line = 0;
    int column = 0;
    lineAndColumn(bytes, error.offset, &line, &column);
    return QStringLiteral("malformed JSON at line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(error.errorString());
}

} // namespace hookbench
