#pragma once

#include "auditchecks.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hookbench {

// What an endpoint audit came to: every check of the battery in order, judged, skipped or not
// run, and the ways to write it down (plain text for the CLI, Markdown, self-contained HTML).
// Holds no secret: the key never enters a report (EndpointAudit redacts as it fills it).
struct AuditReport
{
    QString target; // the URL as shown: password removed, key redacted
    bool keyGiven = false;
    int timeoutMs = 0;
    int slowMs = 0;
    QDateTime startedAt; // UTC
    qint64 elapsedMs = 0;
    QList<AuditCheckResult> checks;
    bool canceled = false;
    QString error; // the target was refused before anything was sent (one sentence)

    int count(AuditVerdict verdict) const;
    // Every check ran (or was skipped for a stated reason) and none failed; warnings allowed.
    bool passed() const;
    // "Passed: no check failed (2 warnings; warnings do not fail the audit)."
    QString resultSentence() const;

    QString toText() const;
    QString toMarkdown() const;
    QString toHtml() const; // one self-contained page: no scripts, no external resources
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::AuditReport)
