#include "senderpresets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

#include <algorithm>

namespace hookbench {

namespace {

const QString SettingsKey = QStringLiteral("sender/presets");
const QString KeyPrefix = QStringLiteral("key from ring: ");

bool isAuthHeader(const QByteArray &name)
{
    return name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
}

} // namespace

SenderPresets::SenderPresets(QSettings *settings)
    : m_settings(settings)
{}

QString SenderPresets::keyReference(const QString &keyId)
{
    return KeyPrefix + keyId;
}

QStringList SenderPresets::names() const
{
    QStringList names;
    for (const SenderPreset &preset : readAll())
        names.append(preset.name);
    return names;
}

std::optional<SenderPreset> SenderPresets::preset(const QString &name) const
{
    for (const SenderPreset &preset : readAll()) {
        if (preset.name == name)
            return preset;
    }
    return std::nullopt;
}

void SenderPresets::save(SenderPreset preset)
{
    preset.headers.erase(std::remove_if(preset.headers.begin(), preset.headers.end(),
                                        [](const auto &h) { return isAuthHeader(h.first); }),
                         preset.headers.end());
    QList<SenderPreset> presets = readAll();
    presets.erase(std::remove_if(presets.begin(), presets.end(),
                                 [&](const SenderPreset &p) { return p.name == preset.name; }),
                  presets.end());
    presets.append(preset);
    writeAll(presets);
}

void SenderPresets::remove(const QString &name)
{
    QList<SenderPreset> presets = readAll();
    presets.erase(std::remove_if(presets.begin(), presets.end(),
                                 [&](const SenderPreset &p) { return p.name == name; }),
                  presets.end());
    writeAll(presets);
}

QList<SenderPreset> SenderPresets::readAll() const
{
    QSettings fallback;
    const QSettings &settings = m_settings ? *m_settings : fallback;
    const QJsonArray array =
        QJsonDocument::fromJson(settings.value(SettingsKey).toByteArray()).array();
    QList<SenderPreset> presets;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        SenderPreset preset;
        preset.name = object.value(QLatin1String("name")).toString();
        if (preset.name.isEmpty())
            continue; // hand-edited or damaged
        preset.method = object.value(QLatin1String("method")).toString().toUtf8();
        preset.url = object.value(QLatin1String("url")).toString();
        for (const QJsonValue &header : object.value(QLatin1String("headers")).toArray()) {
            const QJsonArray pair = header.toArray();
            const QByteArray name = pair.at(0).toString().toUtf8();
            if (!isAuthHeader(name))
                preset.headers.append({name, pair.at(1).toString().toUtf8()});
        }
        const QString auth = object.value(QLatin1String("x-vwo-auth")).toString();
        if (auth.startsWith(KeyPrefix))
            preset.keyId = auth.mid(KeyPrefix.size());
        preset.body = object.value(QLatin1String("body")).toString().toUtf8();
        presets.append(preset);
    }
    std::sort(presets.begin(), presets.end(), [](const SenderPreset &a, const SenderPreset &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return presets;
}

void SenderPresets::writeAll(const QList<SenderPreset> &presets)
{
    QJsonArray array;
    for (const SenderPreset &preset : presets) {
        QJsonArray headers;
        for (const auto &[name, value] : preset.headers) {
            if (!isAuthHeader(name))
                headers.append(QJsonArray{QString::fromUtf8(name), QString::fromUtf8(value)});
        }
        QJsonObject object{{QStringLiteral("name"), preset.name},
                           {QStringLiteral("method"), QString::fromUtf8(preset.method)},
                           {QStringLiteral("url"), preset.url},
                           {QStringLiteral("headers"), headers},
                           {QStringLiteral("body"), QString::fromUtf8(preset.body)}};
        if (!preset.keyId.isEmpty())
            object.insert(QStringLiteral("x-vwo-auth"), keyReference(preset.keyId));
        array.append(object);
    }
    const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
    if (m_settings) {
        m_settings->setValue(SettingsKey, json);
    } else {
        QSettings settings;
        settings.setValue(SettingsKey, json);
    }
}

} // namespace hookbench
