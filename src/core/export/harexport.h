#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace hookbench {

struct HarOptions
{
    // "scheme://host[:port][/prefix]" for request.url; empty: from the Host header,
    // else DefaultExportBase (see requesturl.h).
    QString baseUrl;
    // x-vwo-auth values are "[redacted]" unless the user explicitly reveals them.
    bool revealSecrets = false;
};

// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) written piece by piece, so
// a large export never holds more than one entry as a JSON tree:
//   out += writer.begin(); for (...) out += writer.entry(event); out += writer.end();
// Entries are compact JSON, one per line; the document is valid JSON as a whole.
//
// Mapping choices:
// - request.url = base + path + query exactly as received; queryString is the
//   percent-decoded form ('+' read as a space, as in HTML forms).
// - Header values and UTF-8 bodies are text; a body that is not valid UTF-8 goes into
//   postData.text as base64 with "encoding": "base64" (the content.encoding
//   convention, also used by Charles/Fiddler-style HAR writers for postData).
// - Hookbench does not record response headers or bodies: response.headers is [],
//   content.size 0, bodySize -1, and response.comment says so.
// - time = handling time (request complete -> answer queued), all of it in timings.wait.
// - "_hookbench" (custom fields start with '_'): id, endpoint, auth, valid, error,
//   keyId, remoteAddress, remotePort; for a forwarded webhook also "forward": url, follow,
//   state, and once done the app's status, statusText, time (ms), error, headers, content.
class HarWriter
{
public:
    explicit HarWriter(const HarOptions &options = {});

    QByteArray begin() const;
    QByteArray entry(const Event &event); // adds the separating comma itself
    QByteArray end() const;

    QJsonObject entryObject(const Event &event) const;

private:
    HarOptions m_options;
    bool m_first = true;
};

// The whole document at once (for the GUI's "export selected" and tests).
QByteArray toHar(const QList<Event> &events, const HarOptions &options = {});

} // namespace hookbench
