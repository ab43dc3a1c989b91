#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace hookbench {

// The small words settings-fetch messages are built from.
class SettingsFetchText
{
    Q_DECLARE_TR_FUNCTIONS(SettingsFetchText)

public:
    // "application/json", "application/json; charset=utf-8", "application/vnd.x+json".
    static bool isJsonContentType(const QByteArray &contentType);
    static QString sizeText(qint64 bytes); // "512 bytes", "1.5 KiB", "64 MiB"
    static QString durationText(int ms);   // "30 s", "250 ms"
    // "403 Forbidden": the server's reason phrase, else the standard one (HTTP/2 has none).
    static QString statusText(int status, const QByteArray &reason);
};

} // namespace hookbench
