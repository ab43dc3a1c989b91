#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// The bytes of a real VWO settings file from tests/fixtures/vwo-settings/; a missing one is fatal.
inline QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", name);
    return file.readAll();
}
