#include "appsettings.h"

#include <QChar>
#include <QSettings>

namespace hookbench {

namespace {

// The one place for key strings. Grouped so the file reads well when hand-edited.
const QString KeyHost = QStringLiteral("receiver/host");
const QString KeyPort = QStringLiteral("receiver/port");
const QString KeyPath = QStringLiteral("receiver/path");
const QString KeyResponseStatus = QStringLiteral("receiver/responseStatus");
const QString KeyResponseBody = QStringLiteral("receiver/responseBody");
const QString KeyResponseDelay = QStringLiteral("receiver/responseDelayMs");
const QString KeyTlsMode = QStringLiteral("receiver/https");
const QString KeyTlsCertificate = QStringLiteral("receiver/httpsCertificate");
const QString KeyTlsKey = QStringLiteral("receiver/httpsKey");
const QString KeyRetention = QStringLiteral("storage/retention");
const QString KeyGeometry = QStringLiteral("window/geometry");
const QString KeyWindowState = QStringLiteral("window/state");
const QString KeySplitter = QStringLiteral("window/splitter");
const QString KeyEndpointSplitter = QStringLiteral("window/endpointSplitter");
const QString KeyHeader = QStringLiteral("window/eventTableHeader");
const QString KeyHeaderColumns = QStringLiteral("window/eventTableColumns");
const QString KeyTray = QStringLiteral("notifications/tray");
const QString KeyTheme = QStringLiteral("appearance/theme");

constexpr int MaxRetention = 100000000;

// An int from the file, or `fallback` when it is missing, not a number or out of range.
int intValue(const QSettings &settings, const QString &key, int fallback, int min, int max)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= min && value <= max ? value : fallback;
}

QByteArray bytesValue(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    return value.canConvert<QByteArray>() ? value.toByteArray() : QByteArray();
}

} // namespace

AppSettings::AppSettings(QSettings *settings)
    : m_owned(settings ? nullptr : std::make_unique<QSettings>())
    , m_settings(settings ? settings : m_owned.get())
{}

AppSettings::~AppSettings() = default;

QSettings &AppSettings::settings() const
{
    return *m_settings;
}

QString AppSettings::defaultHost()
{
    return QStringLiteral("127.0.0.1");
}

QString AppSettings::defaultPath()
{
    return QStringLiteral("/vwo-webhook");
}

bool AppSettings::isValidPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')))
        return false;
    for (const QChar c : path) {
        if (c.isSpace() || c == QLatin1Char('?') || c == QLatin1Char('#'))
            return false;
    }
    return true;
}

QHostAddress AppSettings::parseHost(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(trimmed))
        return {};
    return address;
}

QString AppSettings::receiverHost() const
{
    const QString host = settings().value(KeyHost).toString();
    return parseHost(host).isNull() ? defaultHost() : host.trimmed();
}

void AppSettings::setReceiverHost(const QString &host)
{
    settings().setValue(KeyHost, host.trimmed());
}

quint16 AppSettings::receiverPort() const
{
    return quint16(intValue(settings(), KeyPort, DefaultPort, 0, 65535));
}

void AppSettings::setReceiverPort(quint16 port)
{
    settings().setValue(KeyPort, int(port));
}

QString AppSettings::receiverPath() const
{
    const QString path = settings().value(KeyPath).toString();
    return isValidPath(path) ? path : defaultPath();
}

void AppSettings::setReceiverPath(const QString &path)
{
    settings().setValue(KeyPath, path);
}

int AppSettings::responseStatus() const
{
    const int status = intValue(settings(), KeyResponseStatus, 0, 0, 599);
    return status >= 100 ? status : 0; // 1..99 is no HTTP status: treat as "no override"
}

void AppSettings::setResponseStatus(int status)
{
    settings().setValue(KeyResponseStatus, status);
}

QByteArray AppSettings::responseBody() const
{
    return bytesValue(settings(), KeyResponseBody);
}

void AppSettings::setResponseBody(const QByteArray &body)
{
    settings().setValue(KeyResponseBody, body);
}

int AppSettings::responseDelayMs() const
{
    return intValue(settings(), KeyResponseDelay, 0, 0, MaxDelayMs);
}

void AppSettings::setResponseDelayMs(int delayMs)
{
    settings().setValue(KeyResponseDelay, delayMs);
}

ResponseOverride AppSettings::responseOverride() const
{
    ResponseOverride response;
    response.status = responseStatus();
    response.body = responseBody();
    response.delayMs = responseDelayMs();
    return response;
}

void AppSettings::setResponseOverride(const ResponseOverride &response)
{
    setResponseStatus(response.status);
    setResponseBody(response.body);
    setResponseDelayMs(response.delayMs);
}

int AppSettings::retention() const
{
    return intValue(settings(), KeyRetention, DefaultRetention, 1, MaxRetention);
}

void AppSettings::setRetention(int events)
{
    settings().setValue(KeyRetention, events);
}

QByteArray AppSettings::windowGeometry() const
{
    return bytesValue(settings(), KeyGeometry);
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    settings().setValue(KeyGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return bytesValue(settings(), KeyWindowState);
}

void AppSettings::setWindowState(const QByteArray &state)
{
    settings().setValue(KeyWindowState, state);
}

QByteArray AppSettings::splitterState() const
{
    return bytesValue(settings(), KeySplitter);
}

void AppSettings::setSplitterState(const QByteArray &state)
{
    settings().setValue(KeySplitter, state);
}

QByteArray AppSettings::headerState() const
{
    return bytesValue(settings(), KeyHeader);
}

void AppSettings::setHeaderState(const QByteArray &state)
{
    settings().setValue(KeyHeader, state);
}

QStringList AppSettings::headerColumns() const
{
    return settings().value(KeyHeaderColumns).toStringList();
}

void AppSettings::setHeaderColumns(const QStringList &columns)
{
    settings().setValue(KeyHeaderColumns, columns);
}

ThemeChoice AppSettings::theme() const
{
    // Words, not numbers, so a hand-edited file reads naturally; anything else is System.
    const QString theme = settings().value(KeyTheme).toString();
    if (theme == QLatin1String("dark"))
        return ThemeChoice::Dark;
    if (theme == QLatin1String("light"))
        return ThemeChoice::Light;
    return ThemeChoice::System;
}

void AppSettings::setTheme(ThemeChoice theme)
{
    switch (theme) {
    case ThemeChoice::Dark:
        return settings().setValue(KeyTheme, QStringLiteral("dark"));
    case ThemeChoice::Light:
        return settings().setValue(KeyTheme, QStringLiteral("light"));
    case ThemeChoice::System:
        return settings().remove(KeyTheme);
    }
}

bool AppSettings::trayNotificationsEnabled() const
{
    // QVariant::toBool() takes "true"/"1"; anything else in a hand-edited file is off.
    return settings().value(KeyTray, false).toBool();
}

void AppSettings::setTrayNotificationsEnabled(bool enabled)
{
    settings().setValue(KeyTray, enabled);
}

ReceiverConfig AppSettings::receiverConfig() const
{
    ReceiverConfig config;
    config.host = parseHost(receiverHost());
    config.port = receiverPort();
    config.path = receiverPath();
    config.response = responseOverride();
    config.retention = retention();
    config.tlsChoice = tlsChoice();
    return config;
}

TlsChoice AppSettings::tlsChoice() const
{
    TlsChoice choice;
    const QString mode = settings().value(KeyTlsMode).toString();
    // Anything else (absent, edited by hand) is plain HTTP, as before HTTPS existed.
    if (mode == QLatin1String("self-signed"))
        choice.mode = TlsChoice::Mode::SelfSigned;
    else if (mode == QLatin1String("files"))
        choice.mode = TlsChoice::Mode::Files;
    choice.certificatePath = settings().value(KeyTlsCertificate).toString();
    choice.keyPath = settings().value(KeyTlsKey).toString();
    return choice;
}

void AppSettings::setTlsChoice(const TlsChoice &choice)
{
    const char *mode = choice.mode == TlsChoice::Mode::SelfSigned ? "self-signed"
                       : choice.mode == TlsChoice::Mode::Files    ? "files"
                                                                  : "off";
    settings().setValue(KeyTlsMode, QLatin1String(mode));
    // The paths are kept when HTTPS is turned off, so turning it on again needs no re-typing.
    settings().setValue(KeyTlsCertificate, choice.certificatePath);
    settings().setValue(KeyTlsKey, choice.keyPath);
}

void AppSettings::setReceiverConfig(const ReceiverConfig &config)
{
    setReceiverHost(config.host.toString());
    setReceiverPort(config.port);
    setReceiverPath(config.path);
    setResponseOverride(config.response);
    setRetention(config.retention);
    setTlsChoice(config.tlsChoice);
}

void AppSettings::setListenConfig(const ReceiverConfig &config)
{
    setReceiverHost(config.host.toString());
    setReceiverPort(config.port);
    setRetention(config.retention);
    setTlsChoice(config.tlsChoice);
}

bool AppSettings::legacyEndpointSettings(QString *path, ResponseOverride *response) const
{
    const bool hasPath = settings().contains(KeyPath);
    const bool hasResponse = settings().contains(KeyResponseStatus) ||
                             settings().contains(KeyResponseBody) ||
                             settings().contains(KeyResponseDelay);
    *path = hasPath && receiverPath() != defaultPath() ? receiverPath() : QString();
    *response = hasResponse ? responseOverride() : ResponseOverride();
    return hasPath || hasResponse;
}

void AppSettings::removeLegacyEndpointSettings()
{
    for (const QString &key : {KeyPath, KeyResponseStatus, KeyResponseBody, KeyResponseDelay})
        settings().remove(key);
}

QByteArray AppSettings::endpointSplitterState() const
{
    return bytesValue(settings(), KeyEndpointSplitter);
}

void AppSettings::setEndpointSplitterState(const QByteArray &state)
{
    settings().setValue(KeyEndpointSplitter, state);
}

void AppSettings::sync()
{
    settings().sync();
}

} // namespace hookbench
