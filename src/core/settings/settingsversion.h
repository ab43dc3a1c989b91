#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace hookbench {

// What started a settings fetch: a webhook, the user ("Fetch now"), or a file the user imported.
enum class FetchTrigger { Webhook, Manual, File };
// New: a version was added; Unchanged: same bytes as the current version; Failed: no version.
enum class FetchOutcome { New, Unchanged, Failed };

QString fetchTriggerName(FetchTrigger trigger); // "webhook", "manual", "file"
FetchTrigger fetchTriggerFromName(const QString &name, bool *ok = nullptr);
QString fetchOutcomeName(FetchOutcome outcome); // "new", "unchanged", "failed"
FetchOutcome fetchOutcomeFromName(const QString &name, bool *ok = nullptr);

// Whether `text` (a URL, or a message that may quote one) holds a settings URL's SDK key: a
// query parameter i= whose value is neither empty nor REDACTED. The version store refuses such
// text; callers redact first (DESIGN.md §1: the SDK key never reaches a record).
bool holdsUnredactedSdkKey(const QString &text);

// One stored version of an endpoint's settings file: metadata only, the bytes are read apart
// (SettingsVersionStore::versionBytes). Versions sharing bytes share `sha256`.
struct SettingsVersion
{
    qint64 id = 0; // increasing; 0: no version
    QString endpoint;
    QString accountId;
    QString sha256; // lowercase hex of the raw bytes
    qint64 size = 0;
    QDateTime createdAt; // UTC; the end of the fetch that brought it
    FetchTrigger trigger = FetchTrigger::Webhook;
    QString source; // the URL (SDK key redacted) or the imported file's name
    int campaignCount = 0;
    QString summary; // one line against the previous version of the same endpoint + account

    bool isNull() const { return id == 0; }
};

// One fetch: every attempt sequence that ended, whether it brought a version or not.
struct FetchRecord
{
    qint64 id = 0; // set by the store
    QString endpoint;
    QString accountId;
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    FetchTrigger trigger = FetchTrigger::Webhook;
    QString source;                              // redacted URL or file name
    FetchOutcome outcome = FetchOutcome::Failed; // set by the store
    qint64 versionId = 0;                        // New/Unchanged: the version; 0: none
    int attempts = 1;                            // requests sent, retries included; 0: none
    int httpStatus = 0;                          // of the last answer; 0: none
    QString error;                               // why it failed; empty: it succeeded
    QList<qint64> eventIds;                      // webhook events that triggered or joined it
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::FetchTrigger)
Q_DECLARE_METATYPE(hookbench::SettingsVersion)
Q_DECLARE_METATYPE(hookbench::FetchRecord)
