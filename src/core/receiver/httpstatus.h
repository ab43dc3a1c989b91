#pragma once

#include <QByteArray>
#include <QString>

namespace hookbench {

// Reason phrase for a status code ("Payload Too Large"); empty for codes without one.
QByteArray reasonPhrase(int status);
// Whether Qt 6.4's QHttpServerResponder can write this status (it throws on others).
bool responderKnowsStatus(int status);
// {"error": "..."}: the body of every answer that refuses a request.
QByteArray errorBody(const QString &error);
// A complete HTTP/1.1 response with Content-Length (and Connection: close when asked).
QByteArray rawResponse(int status, const QByteArray &contentType, const QByteArray &body,
                       bool closeConnection);

} // namespace hookbench
