#pragma once

#include "sendhistory.h"

namespace hookbench {

struct AuditReport;
struct LoadSummary;
struct OutgoingRequest;
struct RetryOutcome;

// The history rows of each kind of run, built alike by the Send window and `hookbench-cli send`.
// The request's x-vwo-auth is redacted here already; SendHistoryStore::append() does it again.
SendRecord sendRecordOf(SendMode mode, const OutgoingRequest &request, const QDateTime &startedAt);
// `detail` as JSON: the attempts table, the load summary, the audit's checks.
void setRetryDetail(SendRecord *record, const RetryOutcome &outcome);
void setLoadDetail(SendRecord *record, const LoadSummary &summary);
void setAuditDetail(SendRecord *record, const AuditReport &report);

} // namespace hookbench
