#pragma once

#include "endpoint.h"
#include "settings/accountprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

// A team's shared set-up: every endpoint with its account profile, as JSON, never a secret
// (no webhook key, no SDK key: each member sets their own). Format, version 1:
// {"hookbench": "endpoints", "version": 1, "endpoints": [{"name", "path", "port", "colour",
//  "response": {"status", "body", "delay_ms"}, "forward": {"url", "follow_answer", "timeout_ms"},
//  "account": {"account_id", "base_url", "auto_fetch", "timeout_ms"}}]}
struct EndpointConfiguration
{
    QList<Endpoint> endpoints;
    QList<AccountProfile> profiles; // only set profiles; profile.endpoint names its endpoint
};

QByteArray exportEndpointConfiguration(const EndpointConfiguration &configuration);
// Empty string and *configuration filled, or the first problem naming where it is: JSON
// syntax with line and column, else the field, e.g. "endpoints[1].path: path 'x' must start
// with '/'". Each endpoint passes Endpoint::check(), names are unique, no (port, path) clash.
QString importEndpointConfiguration(const QByteArray &json, EndpointConfiguration *configuration);

} // namespace hookbench
