#include "settingsfetchtext.h"

namespace hookbench {

namespace {

QByteArray standardReason(int status)
{
    // HTTP/2 answers carry no reason phrase; these are the ones worth words.
    static const std::pair<int, const char *> reasons[] = {
        {200, "OK"},
        {204, "No Content"},
        {301, "Moved Permanently"},
        {302, "Found"},
        {307, "Temporary Redirect"},
        {308, "Permanent Redirect"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {408, "Request Timeout"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {502, "Bad Gateway"},
        {503, "Service Unavailable"},
        {504, "Gateway Timeout"},
    };
    for (const auto &[code, reason] : reasons) {
        if (code == status)
            return QByteArray(reason);
    }
    return {};
}

} // namespace

bool SettingsFetchText::isJsonContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    if (type == "application/json")
        return true;
    // RFC 6839 structured syntax suffix: still JSON.
    return type.startsWith("application/") && type.endsWith("+json");
}

QString SettingsFetchText::sizeText(qint64 bytes)
{
    if (bytes < 1024)
        return bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(bytes);
    const bool mebi = bytes >= 1024 * 1024;
    const double value = double(bytes) / (mebi ? 1024.0 * 1024.0 : 1024.0);
    const QString number =
        value == qint64(value) ? QString::number(qint64(value)) : QString::number(value, 'f', 1);
    return mebi ? tr("%1 MiB").arg(number) : tr("%1 KiB").arg(number);
}

QString SettingsFetchText::durationText(int ms)
{
    return ms % 1000 == 0 ? tr("%1 s").arg(ms / 1000) : tr("%1 ms").arg(ms);
}

QString SettingsFetchText::statusText(int status, const QByteArray &reason)
{
    const QByteArray phrase = reason.trimmed().isEmpty() ? standardReason(status) : reason;
    return phrase.isEmpty()
               ? QString::number(status)
               : QString::number(status) + QLatin1Char(' ') + QString::fromLatin1(phrase.left(80));
}

} // namespace hookbench
