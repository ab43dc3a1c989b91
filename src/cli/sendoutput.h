#pragma once

#include "sender/loadstats.h"
#include "sender/retrysession.h"

#include <QByteArray>
#include <QString>

namespace hookbench::cli {

// What `send` prints, as text (English, whatever the locale).

// "12 ms", "1.4 s", "2m05s"
QString humanMs(qint64 ms);

// "attempt 3: 500 Internal Server Error in 12 ms; retrying in 1.4 s"
QByteArray attemptLine(const RetryAttempt &attempt);

// The final answer: "HTTP 200 OK", headers (x-vwo-auth redacted), a blank line and the body
// (pretty when it is JSON, at most MaxShownBody bytes, control characters escaped).
constexpr qsizetype MaxShownBody = 64 * 1024;
QByteArray answerText(const SendResult &result);

// "200 OK after 3 attempts in 3.4 s", "gave up after 1h: …", "cancelled after …"
QByteArray summaryLine(const RetryOutcome &outcome, RetryPolicy policy);

// Load mode: counts, throughput, latency percentiles, status histogram, failures.
QByteArray loadReport(const LoadSummary &summary);

} // namespace hookbench::cli
