#include "settingsjsontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace hookbench {

namespace {
constexpr int MaxShownChars = 40;
} // namespace

QString jsonNumberText(const QJsonValue &value)
{
    const double number = value.toDouble();
    const qint64 integer = value.toInteger(0);
    if (integer != 0 ? double(integer) == number : number == 0.0)
        return QString::number(integer);
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString describeJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return jsonNumberText(value);
    case QJsonValue::String: {
        const QString text = value.toString();
        if (text.size() <= MaxShownChars)
            return QLatin1Char('"') + text + QLatin1Char('"');
        return QLatin1Char('"') + text.left(MaxShownChars) + QChar(0x2026) + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return value.toArray().isEmpty() ? QStringLiteral("an empty array")
                                         : QStringLiteral("an array");
    case QJsonValue::Object:
        return value.toObject().isEmpty() ? QStringLiteral("an empty object")
                                          : QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace hookbench
