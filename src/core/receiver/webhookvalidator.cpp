#include "webhookvalidator.h"

#include "json/jsonfieldreader.h"
#include "json/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace hookbench {

namespace {

// Largest magnitude a double holds exactly: beyond it "integer" is a guess.
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

// To tell the user *what* they sent instead of an object ("got a number").
QString topLevelScalarType(const QByteArray &body)
{
    const QJsonValue scalar = topLevelScalar(body);
    return scalar.isUndefined() ? QString() : jsonTypeName(scalar);
}

QString fieldKey(const QString &name)
{
    return QLatin1String("field \"") + name + QLatin1Char('"');
}

QString checkTimestamp(const QJsonObject &object)
{
    const QString name = QStringLiteral("timestamp");
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return QLatin1String("missing field \"") + name + QLatin1Char('"');
    const QJsonValue value = it.value();
    const QString expected = QStringLiteral(" must be an integer (Unix seconds), got ");
    if (!value.isDouble())
        return fieldKey(name) + expected + jsonTypeName(value);
    const double number = value.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number)
        return fieldKey(name) + expected +
               QString::number(number, 'g', QLocale::FloatingPointShortest);
    // Qt keeps integers that fit in qint64 exactly; the double may have rounded.
    const qint64 exact = value.toInteger(0);
    const bool exactKnown = exact != 0 || number == 0.0;
    if (std::fabs(number) > MaxExactInteger ||
        (exactKnown && (exact > qint64(MaxExactInteger) || exact < -qint64(MaxExactInteger))))
        return fieldKey(name) + QStringLiteral(" is out of range (more than 2^53 in magnitude)");
    return {};
}

QString checkString(const QJsonObject &object, const QString &name)
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return QLatin1String("missing field \"") + name + QLatin1Char('"');
    if (!it.value().isString())
        return fieldKey(name) + QStringLiteral(" must be a string, got ") +
               jsonTypeName(it.value());
    return {};
}

} // namespace

ValidationResult validateWebhookPayload(const QByteArray &body)
{
    ValidationResult result;
    if (isBlankJson(body)) {
        result.error = QStringLiteral("empty body: expected a JSON object");
        return result;
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString scalar = topLevelScalarType(body);
        if (!scalar.isEmpty()) {
            result.error = QStringLiteral("expected a JSON object, got ") + scalar;
            return result;
        }
        result.error = malformedJsonMessage(body, parseError);
        return result;
    }
    if (!doc.isObject()) {
        result.error = QStringLiteral("expected a JSON object, got an array");
        return result;
    }

    // Report every problem at once so a sender can fix its payload in one go.
    const QJsonObject object = doc.object();
    QStringList problems;
    const QString timestamp = checkTimestamp(object);
    if (!timestamp.isEmpty())
        problems.append(timestamp);
    for (const char *name : {"event", "action", "triggered_by"}) {
        const QString problem = checkString(object, QLatin1String(name));
        if (!problem.isEmpty())
            problems.append(problem);
    }
    result.error = problems.join(QLatin1String("; "));
    result.valid = problems.isEmpty();
    if (result.valid) {
        // Checked above: an integer of at most 2^53, which a double holds exactly.
        const QJsonValue value = object.value(QLatin1String("timestamp"));
        result.timestamp = value.toInteger(qint64(value.toDouble()));
    }
    return result;
}

} // namespace hookbench
