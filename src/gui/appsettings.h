#pragma once

#include "apptheme.h"
#include "receiver/receiverconfig.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace hookbench {

// Typed access to the GUI's persistent settings. Every key string lives in
// appsettings.cpp; callers never spell one. Values are validated on read: a hand-edited
// or corrupt file yields the default for that value, never a crash or a bad bind.
class AppSettings
{
public:
    // Without settings, a default QSettings (organization/application name) owned here.
    explicit AppSettings(QSettings *settings = nullptr);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    static QString defaultHost(); // "127.0.0.1": safe by default (DESIGN.md §3)
    static constexpr quint16 DefaultPort = 4000;
    static QString defaultPath(); // "/vwo-webhook"
    static constexpr int DefaultRetention = 100000;
    static constexpr int MaxDelayMs = 3600000; // one hour: as long as VWO keeps retrying

    // A receiver path: starts with '/', no whitespace, no query or fragment.
    static bool isValidPath(const QString &path);
    // Parses an IP literal or "localhost"; null address when it is neither.
    static QHostAddress parseHost(const QString &text);

    QString receiverHost() const;
    void setReceiverHost(const QString &host);
    quint16 receiverPort() const;
    void setReceiverPort(quint16 port);
    QString receiverPath() const;
    void setReceiverPath(const QString &path);

    // status 0 = no status override; an all-empty override means "answer normally".
    int responseStatus() const;
    void setResponseStatus(int status);
    QByteArray responseBody() const;
    void setResponseBody(const QByteArray &body);
    int responseDelayMs() const;
    void setResponseDelayMs(int delayMs);
    ResponseOverride responseOverride() const;
    void setResponseOverride(const ResponseOverride &response);

    int retention() const;
    void setRetention(int events);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    QByteArray headerState() const;
    void setHeaderState(const QByteArray &state);
    // The event table's column names when its header state was saved; empty for states saved
    // before they were kept (headerstate.h).
    QStringList headerColumns() const;
    void setHeaderColumns(const QStringList &columns);

    // The look the user chose in View > Appearance; System until one is chosen.
    ThemeChoice theme() const;
    void setTheme(ThemeChoice theme);

    bool trayNotificationsEnabled() const;
    void setTrayNotificationsEnabled(bool enabled);

    // Host, port, path, response override and retention; everything else (keys,
    // limits, databasePath, endpoint) keeps ReceiverConfig's defaults. Keys belong
    // to the key ring, never to this file.
    ReceiverConfig receiverConfig() const;
    // HTTPS (part of receiverConfig() and both setters): off unless chosen.
    TlsChoice tlsChoice() const;
    void setTlsChoice(const TlsChoice &choice);
    void setReceiverConfig(const ReceiverConfig &config);
    // Host, port and retention only: once the endpoints table exists it keeps every endpoint's
    // path and response override (the default endpoint's too).
    void setListenConfig(const ReceiverConfig &config);
    // What this file held for the default endpoint before endpoints existed: true with `path`
    // (empty unless set and other than the default) and `response` when there is any of them.
    bool legacyEndpointSettings(QString *path, ResponseOverride *response) const;
    void removeLegacyEndpointSettings(); // once moved to the endpoints table

    // The endpoint sidebar's width beside the event log.
    QByteArray endpointSplitterState() const;
    void setEndpointSplitterState(const QByteArray &state);

    void sync();

private:
    QSettings &settings() const;

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
};

} // namespace hookbench
