#pragma once

#include "json/jsonscan.h" // lineAndColumn(), for the error positions it reports

#include <QByteArray>
#include <QString>

namespace hookbench {

struct ValidationResult
{
    bool valid = false;
    QString error; // "what and where": e.g. "malformed JSON at line 3, column 7: missing comma"
    qint64 timestamp = 0; // the payload's `timestamp` (Unix seconds), when valid
};

// A VWO webhook payload: a JSON object whose `timestamp` is an integer and
// `event`, `action`, `triggered_by` are strings. Unknown fields are allowed.
ValidationResult validateWebhookPayload(const QByteArray &body);

} // namespace hookbench
