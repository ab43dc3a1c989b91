#pragma once

#include "events/event.h"

#include <QUrl>

namespace hookbench {

// One HTTP request to send: what the user edits in the resend dialog, and what the
// test-webhook sender builds.
struct OutgoingRequest
{
    QByteArray method = QByteArrayLiteral("POST");
    QUrl url;
    HeaderList headers; // in order; names as given
    QByteArray body;

    // The captured request, re-addressed to `target`. The target's path and query win
    // when it has them; a bare "http://host:port" keeps the event's raw path and query.
    // Headers the sender computes or that only concern one hop (isSenderHeader()) are
    // dropped; every other header is kept in order, x-vwo-auth included.
    static OutgoingRequest fromEvent(const Event &event, const QUrl &target);

    // Empty when the request can be sent; else one sentence naming the first bad field,
    // e.g. "URL: scheme must be http or https" or "header 3: name contains a space"
    // (headers count from 1, in list order).
    QString validate() const;

    // Host, Content-Length, Connection, Transfer-Encoding, Expect, Keep-Alive, TE,
    // Upgrade, Proxy-Connection (any case).
    static bool isSenderHeader(QByteArrayView name);
};

} // namespace hookbench
