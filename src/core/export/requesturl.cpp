#include "requesturl.h"

#include <QHostAddress>
#include <QUrl>

namespace hookbench {

namespace {
// A Host header is client input: only accept host[:port] characters, so an odd
// value can never smuggle a path, credentials or a different scheme into the URL.
bool plausibleHost(const QByteArray &host)
{
    if (host.isEmpty() || host.size() > 255)
        return false;
    for (char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                        c == ']' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}
} // namespace

QString exportBaseUrl(const Event &event, const QString &configuredBase)
{
    QString base = configuredBase;
    if (base.isEmpty()) {
        const QByteArray host = event.headerValue("host").trimmed();
        base = plausibleHost(host) ? QString(QStringLiteral("http://") + QString::fromLatin1(host))
                                   : QString::fromLatin1(DefaultExportBase);
    }
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

QString exportUrl(const Event &event, const QString &configuredBase)
{
    QString url = exportBaseUrl(event, configuredBase) + QString::fromUtf8(event.path);
    if (!event.query.isEmpty())
        url += QLatin1Char('?') + QString::fromUtf8(event.query);
    return url;
}

bool isLoopbackBase(const QString &base)
{
    const QString host = QUrl(base).host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace hookbench
