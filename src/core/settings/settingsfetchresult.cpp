#include "settingsfetchresult.h"

namespace hookbench {

QString settingsFetchFailureName(SettingsFetchFailure failure)
{
    switch (failure) {
    case SettingsFetchFailure::None:
        return QStringLiteral("none");
    case SettingsFetchFailure::InvalidAccount:
        return QStringLiteral("invalid_account");
    case SettingsFetchFailure::ConnectionRefused:
        return QStringLiteral("connection_refused");
    case SettingsFetchFailure::HostNotFound:
        return QStringLiteral("host_not_found");
    case SettingsFetchFailure::Timeout:
        return QStringLiteral("timeout");
    case SettingsFetchFailure::ConnectionClosed:
        return QStringLiteral("connection_closed");
    case SettingsFetchFailure::Tls:
        return QStringLiteral("tls");
    case SettingsFetchFailure::Network:
        return QStringLiteral("network");
    case SettingsFetchFailure::HttpStatus:
        return QStringLiteral("http_status");
    case SettingsFetchFailure::ContentType:
        return QStringLiteral("content_type");
    case SettingsFetchFailure::TooLarge:
        return QStringLiteral("too_large");
    case SettingsFetchFailure::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace hookbench
