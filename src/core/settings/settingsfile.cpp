#include "settingsfile.h"

#include "receiver/webhookvalidator.h"
#include "settingsjsontext.h"
#include "json/jsonscan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

namespace hookbench {

namespace {

enum class Kind { String, Number, NumberOrString, NumberOrNumericString };
enum Presence { Optional, Required };

QString scalarText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : jsonNumberText(value);
}

bool isKind(const QJsonValue &value, Kind kind)
{
    switch (kind) {
    case Kind::String:
        return value.isString();
    case Kind::Number:
        return value.isDouble();
    case Kind::NumberOrString:
        return value.isDouble() || value.isString();
    case Kind::NumberOrNumericString: {
        if (value.isDouble())
            return true;
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        return value.isString() && ok && std::isfinite(number);
    }
    }
    return false;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::String:
        return QStringLiteral("a string");
    case Kind::Number:
        return QStringLiteral("a number");
    case Kind::NumberOrString:
        return QStringLiteral("a number or a string");
    case Kind::NumberOrNumericString:
        return QStringLiteral("a number or a numeric string");
    }
    return {};
}

QString member(const QString &path, QLatin1String name)
{
    return path.isEmpty() ? QString(name) : path + QLatin1Char('.') + name;
}

QString element(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString entry(const QString &path, const QString &key)
{
    return path + QLatin1String("[\"") + key + QLatin1String("\"]");
}

// Walks the document; each check returns false after setting m_error to the first problem.
class ShapeChecker
{
public:
    QString error() const { return m_error; }
    bool settings(const QJsonObject &root, int *campaignCount);

private:
    bool fail(const QString &path, const QString &expected, const QJsonValue &found);
    bool missing(const QString &path, QLatin1String name);
    bool field(const QJsonObject &object, const QString &path, QLatin1String name, Kind kind,
               Presence presence = Required);
    // An array, or {} for an empty one (the SDKs accept both).
    bool list(const QJsonObject &object, const QString &path, QLatin1String name, Presence presence,
              QJsonArray *items);
    // An object, or [] for an empty one (PHP-made files send either).
    bool map(const QJsonObject &object, const QString &path, QLatin1String name,
             QJsonObject *entries);
    bool object(const QJsonValue &value, const QString &path, QJsonObject *fields);
    bool groups(const QJsonObject &root);
    bool campaign(const QJsonValue &value, const QString &path);
    bool goal(const QJsonValue &value, const QString &path);
    bool variation(const QJsonValue &value, const QString &path);
    bool variable(const QJsonValue &value, const QString &path);

    QString m_error;
};

bool ShapeChecker::fail(const QString &path, const QString &expected, const QJsonValue &found)
{
    m_error = path + QLatin1String(": expected ") + expected + QLatin1String(", found ") +
              describeJsonValue(found);
    return false;
}

bool ShapeChecker::missing(const QString &path, QLatin1String name)
{
    m_error = (path.isEmpty() ? QStringLiteral("top level") : path) +
              QLatin1String(": missing \"") + name + QLatin1Char('"');
    return false;
}

bool ShapeChecker::field(const QJsonObject &object, const QString &path, QLatin1String name,
                         Kind kind, Presence presence)
{
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return presence == Optional || missing(path, name);
    return isKind(it.value(), kind) || fail(member(path, name), kindName(kind), it.value());
}

bool ShapeChecker::list(const QJsonObject &object, const QString &path, QLatin1String name,
                        Presence presence, QJsonArray *items)
{
    *items = QJsonArray();
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return presence == Optional || missing(path, name);
    const QJsonValue value = it.value();
    if (value.isArray())
        *items = value.toArray();
    else if (!value.isObject() || !value.toObject().isEmpty())
        return fail(member(path, name), QStringLiteral("an array (or {} when empty)"), value);
    return true;
}

bool ShapeChecker::map(const QJsonObject &object, const QString &path, QLatin1String name,
                       QJsonObject *entries)
{
    *entries = QJsonObject();
    const auto it = object.constFind(name);
    if (it == object.constEnd())
        return true;
    const QJsonValue value = it.value();
    if (value.isObject())
        *entries = value.toObject();
    else if (!value.isArray() || !value.toArray().isEmpty())
        return fail(member(path, name), QStringLiteral("an object (or [] when empty)"), value);
    return true;
}

bool ShapeChecker::object(const QJsonValue &value, const QString &path, QJsonObject *fields)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("an object"), value);
    *fields = value.toObject();
    return true;
}

bool ShapeChecker::settings(const QJsonObject &root, int *campaignCount)
{
    const QLatin1String campaigns("campaigns");
    if (!root.contains(campaigns) && root.contains(QLatin1String("features"))) {
        m_error = QStringLiteral("top level: missing \"campaigns\" (this looks like a v2 settings "
                                 "file with \"features\", which is not a classic settings file)");
        return false;
    }
    QJsonArray items;
    if (!field(root, {}, QLatin1String("version"), Kind::NumberOrString) ||
        !field(root, {}, QLatin1String("accountId"), Kind::NumberOrString) ||
        !list(root, {}, campaigns, Required, &items))
        return false;
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!campaign(items.at(i), element(campaigns, i)))
            return false;
    }
    *campaignCount = int(items.size());
    return groups(root);
}

bool ShapeChecker::groups(const QJsonObject &root)
{
    QJsonObject entries;
    if (!map(root, {}, QLatin1String("groups"), &entries))
        return false;
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const QString path = entry(QStringLiteral("groups"), it.key());
        bool numeric = false;
        it.key().toLongLong(&numeric);
        if (!numeric) {
            m_error = path + QLatin1String(": expected a numeric group id as the key");
            return false;
        }
        QJsonObject group;
        QJsonArray members;
        if (!object(it.value(), path, &group) ||
            !field(group, path, QLatin1String("name"), Kind::String, Optional) ||
            !list(group, path, QLatin1String("campaigns"), Required, &members))
            return false;
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (!isKind(members.at(i), Kind::NumberOrString))
                return fail(element(member(path, QLatin1String("campaigns")), i),
                            QStringLiteral("a campaign id"), members.at(i));
        }
    }
    if (!map(root, {}, QLatin1String("campaignGroups"), &entries))
        return false;
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        if (!isKind(it.value(), Kind::NumberOrString))
            return fail(entry(QStringLiteral("campaignGroups"), it.key()),
                        QStringLiteral("a group id"), it.value());
    }
    return true;
}

bool ShapeChecker::campaign(const QJsonValue &value, const QString &path)
{
    QJsonObject fields;
    if (!object(value, path, &fields) ||
        !field(fields, path, QLatin1String("id"), Kind::NumberOrString) ||
        !field(fields, path, QLatin1String("key"), Kind::String) ||
        !field(fields, path, QLatin1String("status"), Kind::String) ||
        !field(fields, path, QLatin1String("type"), Kind::String) ||
        !field(fields, path, QLatin1String("percentTraffic"), Kind::Number))
        return false;
    const struct
    {
        QLatin1String name;
        Presence presence;
        bool (ShapeChecker::*check)(const QJsonValue &, const QString &);
    } lists[] = {{QLatin1String("goals"), Required, &ShapeChecker::goal},
                 {QLatin1String("variations"), Required, &ShapeChecker::variation},
                 {QLatin1String("variables"), Optional, &ShapeChecker::variable}};
    for (const auto &spec : lists) {
        QJsonArray items;
        if (!list(fields, path, spec.name, spec.presence, &items))
            return false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!(this->*spec.check)(items.at(i), element(member(path, spec.name), i)))
                return false;
        }
    }
    QJsonObject segments;
    return map(fields, path, QLatin1String("segments"), &segments);
}

bool ShapeChecker::goal(const QJsonValue &value, const QString &path)
{
    QJsonObject fields;
    return object(value, path, &fields) &&
           field(fields, path, QLatin1String("id"), Kind::NumberOrString) &&
           field(fields, path, QLatin1String("identifier"), Kind::String) &&
           field(fields, path, QLatin1String("type"), Kind::String);
}

bool ShapeChecker::variation(const QJsonValue &value, const QString &path)
{
    QJsonObject fields;
    QJsonArray variables;
    QJsonObject segments;
    if (!object(value, path, &fields) ||
        !field(fields, path, QLatin1String("id"), Kind::NumberOrString) ||
        !field(fields, path, QLatin1String("name"), Kind::String) ||
        !field(fields, path, QLatin1String("weight"), Kind::NumberOrNumericString) ||
        !list(fields, path, QLatin1String("variables"), Optional, &variables) ||
        !map(fields, path, QLatin1String("segments"), &segments))
        return false;
    for (qsizetype i = 0; i < variables.size(); ++i) {
        if (!variable(variables.at(i), element(member(path, QLatin1String("variables")), i)))
            return false;
    }
    return true;
}

bool ShapeChecker::variable(const QJsonValue &value, const QString &path)
{
    QJsonObject fields;
    if (!object(value, path, &fields) ||
        !field(fields, path, QLatin1String("id"), Kind::NumberOrString) ||
        !field(fields, path, QLatin1String("key"), Kind::String) ||
        !field(fields, path, QLatin1String("type"), Kind::String))
        return false;
    const QJsonValue type = fields.value(QLatin1String("type"));
    static const QStringList types = {QStringLiteral("string"), QStringLiteral("integer"),
                                      QStringLiteral("double"), QStringLiteral("boolean"),
                                      QStringLiteral("json")};
    if (!types.contains(type.toString()))
        return fail(member(path, QLatin1String("type")),
                    QLatin1String("one of ") + types.join(QLatin1String(", ")), type);
    if (!fields.contains(QLatin1String("value")))
        return missing(path, QLatin1String("value"));
    return true;
}

} // namespace

SettingsFileCheck checkSettingsFile(const QByteArray &bytes)
{
    SettingsFileCheck result;
    const QString expected = QStringLiteral("a settings file (a JSON object)");
    if (isBlankJson(bytes)) {
        result.error = QLatin1String("empty body: expected ") + expected;
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QJsonValue scalar = topLevelScalar(bytes);
        if (!scalar.isUndefined()) {
            result.error = QLatin1String("top level: expected ") + expected +
                           QLatin1String(", found ") + describeJsonValue(scalar);
            return result;
        }
        result.error = malformedJsonMessage(bytes, parseError);
        return result;
    }
    if (!doc.isObject()) {
        result.error = QLatin1String("top level: expected ") + expected +
                       QLatin1String(", found ") + describeJsonValue(doc.array());
        return result;
    }
    const QJsonObject root = doc.object();
    ShapeChecker checker;
    if (!checker.settings(root, &result.campaignCount)) {
        result.error = checker.error();
        result.campaignCount = 0;
        return result;
    }
    result.ok = true;
    result.accountId = scalarText(root.value(QLatin1String("accountId")));
    result.version = scalarText(root.value(QLatin1String("version")));
    result.sdkKey = root.value(QLatin1String("sdkKey")).toString().toUtf8();
    return result;
}

} // namespace hookbench
