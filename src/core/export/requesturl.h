#pragma once

#include "events/event.h"

#include <QString>

namespace hookbench {

// Where exports point a captured request: "scheme://host[:port][/prefix]".
// A non-empty configured base wins; otherwise http:// + the event's Host header
// when it looks like a host[:port]; otherwise DefaultExportBase. Never ends in '/'.
QString exportBaseUrl(const Event &event, const QString &configuredBase);

// Base + path + ('?' + query) exactly as received (the path and query are stored raw).
QString exportUrl(const Event &event, const QString &configuredBase);

// Whether a base URL points at this machine (localhost, 127.0.0.0/8, ::1).
bool isLoopbackBase(const QString &base);

inline constexpr char DefaultExportBase[] = "http://127.0.0.1:4000";

} // namespace hookbench
