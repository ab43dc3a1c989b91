#pragma once

#include "events/event.h"

#include <QString>

namespace hookbench {

struct CurlOptions
{
    // "scheme://host[:port][/prefix]"; empty: from the Host header, else
    // DefaultExportBase (see requesturl.h).
    QString baseUrl;
    // false: x-vwo-auth is sent as "$VWO_AUTH" (see toCurl()).
    bool revealSecrets = false;
    // Split the command over lines ending in " \" (still one shell command).
    bool multiLine = true;
};

// Name of the environment variable a masked x-vwo-auth header reads.
inline constexpr char CurlSecretVariable[] = "VWO_AUTH";

// A POSIX sh command (dash-compatible, no bash-isms) that re-sends the captured request
// with curl as-is: same method, path and query bytes, headers and body bytes.
//
// - Host and Content-Length are left to curl (they follow the target URL and body);
//   every other header is sent with its exact name and value. curl's own User-Agent,
//   Accept and (for bodies) Content-Type are suppressed when the original had none, and
//   Expect: 100-continue for large bodies likewise.
// - Masked secrets still run as-is: -H 'x-vwo-auth: '"${VWO_AUTH?...}" takes the key from
//   the environment and stops with a clear message when VWO_AUTH is unset, instead of
//   sending a wrong key.
// - Printable UTF-8 bodies up to 64 KiB go inline (--data-raw, so a leading '@' is not a
//   file name). Others (control bytes, non-UTF-8, large) are produced by
//   `printf 'FORMAT' |` with \ooo octal escapes and read with --data-binary @-; the shell
//   never holds a NUL byte and no single argument hits Linux's 128 KiB limit.
// - --noproxy '*' is added only for loopback targets: a proxy cannot reach the user's
//   own 127.0.0.1 receiver, while remote targets keep the user's proxy settings.
// - --path-as-is keeps "/./" and "/../" segments; --globoff keeps [] and {} literal;
//   --request-target is used for targets curl would otherwise rewrite.
QString toCurl(const Event &event, const CurlOptions &options = {});

// 'text' for sh: single quotes, with ' written as '\''.
QString shellQuote(const QString &text);

} // namespace hookbench
