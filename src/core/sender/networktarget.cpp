#include "networktarget.h"

#include <QHostAddress>

namespace hookbench {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QNetworkProxy proxyFor(const QUrl &url)
{
    return isLoopbackHost(url.host()) ? QNetworkProxy(QNetworkProxy::NoProxy)
                                      : QNetworkProxy(QNetworkProxy::DefaultProxy);
}

QString hostAndPort(const QUrl &url)
{
    const QString host = url.host();
    const int port =
        url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) ? 80 : 443);
    return (host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host) +
           QLatin1Char(':') + QString::number(port);
}

} // namespace hookbench
