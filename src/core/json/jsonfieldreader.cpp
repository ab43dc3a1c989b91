#include "jsonfieldreader.h"

#include <QStringList>

#include <cmath>

namespace hookbench {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

JsonFieldReader::JsonFieldReader(const QJsonObject &object, const QString &path)
    : m_object(object)
    , m_path(path)
{}

QString JsonFieldReader::where(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonFieldReader::fail(const QString &key, const QString &problem)
{
    if (!failed())
        m_error = where(key) + QLatin1String(": ") + problem;
}

void JsonFieldReader::take(const JsonFieldReader &nested)
{
    if (!failed())
        m_error = nested.m_error;
}

void JsonFieldReader::onlyKnown(std::initializer_list<const char *> known)
{
    QStringList names;
    for (const char *name : known)
        names.append(QLatin1String(name));
    for (auto it = m_object.constBegin(); it != m_object.constEnd() && !failed(); ++it) {
        if (!names.contains(it.key())) {
            m_error = QStringLiteral("%1: unknown field '%2' (expected: %3)")
                          .arg(m_path.isEmpty() ? QStringLiteral("top level") : m_path, it.key(),
                               names.join(QLatin1String(", ")));
        }
    }
}

QJsonValue JsonFieldReader::value(const char *key, bool required)
{
    const QJsonValue value = m_object.value(QLatin1String(key));
    if (value.isUndefined() && required)
        fail(QLatin1String(key), QStringLiteral("missing"));
    return value;
}

void JsonFieldReader::readString(const char *key, bool required, QString *out)
{
    const QJsonValue value = this->value(key, required);
    if (failed() || value.isUndefined())
        return;
    if (!value.isString())
        return fail(QLatin1String(key),
                    QStringLiteral("expected a string, got %1").arg(jsonTypeName(value)));
    *out = value.toString();
}

void JsonFieldReader::readInteger(const char *key, qint64 min, qint64 max, qint64 *out)
{
    const QJsonValue value = this->value(key, false);
    if (failed() || value.isUndefined())
        return;
    const double number = value.toDouble();
    if (!value.isDouble() || std::floor(number) != number || number < double(min) ||
        number > double(max)) {
        const QString got =
            value.isDouble() ? QString::number(number, 'g', 17) : jsonTypeName(value);
        return fail(QLatin1String(key),
                    QStringLiteral("expected a whole number from %1 to %2, got %3")
                        .arg(min)
                        .arg(max)
                        .arg(got));
    }
    *out = qint64(number);
}

void JsonFieldReader::readInt(const char *key, qint64 min, qint64 max, int *out)
{
    qint64 number = *out;
    readInteger(key, min, max, &number);
    *out = int(number);
}

void JsonFieldReader::readBool(const char *key, bool *out)
{
    const QJsonValue value = this->value(key, false);
    if (failed() || value.isUndefined())
        return;
    if (!value.isBool())
        return fail(QLatin1String(key),
                    QStringLiteral("expected true or false, got %1").arg(jsonTypeName(value)));
    *out = value.toBool();
}

std::optional<JsonFieldReader> JsonFieldReader::object(const char *key)
{
    const QJsonValue value = this->value(key, false);
    if (failed() || value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        fail(QLatin1String(key),
             QStringLiteral("expected an object, got %1").arg(jsonTypeName(value)));
        return std::nullopt;
    }
    return JsonFieldReader(value.toObject(), where(QLatin1String(key)));
}

} // namespace hookbench
