#pragma once

#include <QNetworkProxy>
#include <QString>
#include <QUrl>

namespace hookbench {

// Where an outgoing request goes, for every sender (test webhooks, settings-file fetches).

// localhost and loopback addresses: this machine.
bool isLoopbackHost(const QString &host);
// A proxy cannot reach this machine: none for loopback targets, the user's elsewhere.
QNetworkProxy proxyFor(const QUrl &url);
// "host:port" for messages, the scheme's default port filled in, IPv6 addresses in brackets.
QString hostAndPort(const QUrl &url);

} // namespace hookbench
