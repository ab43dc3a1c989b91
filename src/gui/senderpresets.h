#pragma once

#include "events/event.h"

#include <QStringList>

#include <optional>

class QSettings;

namespace hookbench {

// A saved form of the test-webhook sender. Never holds an x-vwo-auth value: at most the id of
// the key ring's key to fill it from.
struct SenderPreset
{
    QString name;
    QByteArray method = QByteArrayLiteral("POST");
    QString url;
    HeaderList headers; // without x-vwo-auth
    QString keyId;      // the key ring's key; empty: none (a typed key is never saved)
    QByteArray body;
};

// The presets in QSettings under "sender/presets" (one JSON document), sorted by name.
class SenderPresets
{
public:
    // `settings` is not owned; null: a default QSettings for each call.
    explicit SenderPresets(QSettings *settings = nullptr);

    QStringList names() const;
    std::optional<SenderPreset> preset(const QString &name) const;
    // Replaces a preset of the same name; x-vwo-auth headers are dropped.
    void save(SenderPreset preset);
    void remove(const QString &name);

    // "key from ring: <id>", the only trace of the key a preset keeps.
    static QString keyReference(const QString &keyId);

private:
    QList<SenderPreset> readAll() const;
    void writeAll(const QList<SenderPreset> &presets);

    QSettings *m_settings;
};

} // namespace hookbench
