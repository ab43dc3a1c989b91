#pragma once

// A ReceiverService on a free loopback port that accepts one key and keeps its events in
// `databasePath`: what the sender and audit tests send to.

#include "receiver/receiverservice.h"

#include <memory>

namespace receivertest {

// Null, with the reason in *error, when it could not start.
inline std::unique_ptr<hookbench::ReceiverService>
startKeyedReceiver(const QString &databasePath, const QByteArray &key,
                   const hookbench::ResponseOverride &response, QString *error)
{
    hookbench::ReceiverConfig config;
    config.port = 0;
    config.databasePath = databasePath;
    config.keys = {key};
    config.response = response;
    auto service = std::make_unique<hookbench::ReceiverService>();
    if (!service->start(config)) {
        *error = service->errorString();
        return nullptr;
    }
    return service;
}

} // namespace receivertest
