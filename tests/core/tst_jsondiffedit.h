#pragma once

// Test helpers (tst_jsondiff, tst_jsonpatch): edit JSON by path, for edited copies of fixtures.
#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <optional>

namespace jsonedit {

inline QString fixturesDir()
{
    return QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings");
}

inline QByteArray readFixture(const QString &name)
{
    QFile file(fixturesDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return file.readAll();
}

inline QJsonValue parse(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// Indented, keys sorted (QJsonObject sorts them): a different layout and order than the fixture.
inline QByteArray dump(const QJsonValue &value)
{
    return value.isObject() ? QJsonDocument(value.toObject()).toJson()
                            : QJsonDocument(value.toArray()).toJson();
}

// The value at "campaigns/0/goals", or undefined.
inline QJsonValue at(QJsonValue node, const QString &path)
{
    for (const QString &token : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (node.isArray())
            node = node.toArray().at(token.toInt());
        else
            node = node.toObject().value(token);
    }
    return node;
}

// A copy with the value at `path` set; an undefined `value` removes it; "-" appends.
inline QJsonValue edited(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString head = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        if (head == QLatin1String("-")) {
            array.append(value);
        } else if (path.isEmpty() && value.isUndefined()) {
            array.removeAt(head.toInt());
        } else {
            const int i = head.toInt();
            array[i] = edited(array.at(i), path, value);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object[head] = edited(object.value(head), path, value);
    return object;
}

inline QJsonValue edited(const QJsonValue &node, const QString &path, const QJsonValue &value)
{
    return edited(node, path.split(QLatin1Char('/'), Qt::SkipEmptyParts), value);
}

inline QJsonValue removed(const QJsonValue &node, const QString &path)
{
    return edited(node, path, QJsonValue(QJsonValue::Undefined));
}

inline QJsonArray reversed(const QJsonArray &array)
{
    QJsonArray out;
    for (auto it = array.end(); it != array.begin();)
        out.append(*--it);
    return out;
}

// An edited copy of a fixture and what the semantic diff says about it (tst_jsondiffedits.cpp).
struct Edit
{
    QJsonValue document;
    QStringList sentences;
};
using Editor = std::function<std::optional<Edit>(const QJsonValue &root)>;
// Each edit by name; one returns nothing when the fixture has nothing to edit (no goals …).
QList<QPair<const char *, Editor>> editors();

} // namespace jsonedit
