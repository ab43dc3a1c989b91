#pragma once

#include "outgoingrequest.h"

#include <QString>
#include <QStringList>

namespace hookbench {

// A request taken from a curl command line, as pasted from a terminal, docs or "Copy as curl".
struct CurlImport
{
    OutgoingRequest request;
    // Options understood but not carried over ("--compressed", "--max-time 5"), or that needed
    // a note ("x-vwo-auth reads $VWO_AUTH"), in words, to show the user.
    QStringList notes;
    QString error; // empty on success; else one sentence and `request` is not usable
};

// Parses a POSIX shell curl command: single, double and $'…' quotes, backslash escapes and
// line continuations ("\" at a line end). Understands -X/--request, -H/--header,
// -d/--data/--data-ascii/--data-raw/--data-binary/--data-urlencode (several are joined with
// "&", as curl does), --json, --url or a bare URL, -G/--get, -I/--head, -u/--user,
// -A/--user-agent, -e/--referer, -b/--cookie. Never reads files: "@file" bodies are refused.
CurlImport importCurl(const QString &commandLine);

} // namespace hookbench
