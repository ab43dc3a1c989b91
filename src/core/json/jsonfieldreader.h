#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>
#include <optional>

namespace hookbench {

// "a string", "a number", "an object", … for messages like "expected a string, got a number".
QString jsonTypeName(const QJsonValue &value);

// Reads the fields of one JSON object of a file format of ours. The first problem is kept,
// naming the field's JSON path ("endpoints[1].path: expected a string, got a number"), and
// later reads are skipped, so a caller reads every field and asks failed() once.
class JsonFieldReader
{
public:
    // `path` names the object: "" for the top level, else e.g. "endpoints[1]".
    JsonFieldReader(const QJsonObject &object, const QString &path);

    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString where(const QString &key) const;               // "endpoints[1].path"
    void fail(const QString &key, const QString &problem); // kept when it is the first
    void take(const JsonFieldReader &nested);              // a nested reader's problem

    // Refuses fields the format does not have: a typo must not be dropped silently.
    void onlyKnown(std::initializer_list<const char *> known);
    bool has(const char *key) const { return m_object.contains(QLatin1String(key)); }
    QJsonValue value(const char *key, bool required);

    // Each leaves *out as it is when the field is absent (or an earlier problem was found).
    void readString(const char *key, bool required, QString *out);
    void readInteger(const char *key, qint64 min, qint64 max, qint64 *out); // whole numbers
    void readInt(const char *key, qint64 min, qint64 max, int *out);
    void readBool(const char *key, bool *out);
    // A nested object's reader, or nullopt when absent or (problem kept) no object.
    std::optional<JsonFieldReader> object(const char *key);

private:
    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace hookbench
