#pragma once

#include "clikeyring.h"
#include "sender/outgoingrequest.h"
#include "sender/retrysession.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace hookbench::cli {

// The options of `send`.
struct SendOptions
{
    SendOptions();
    QList<const QCommandLineOption *> all() const;

    QCommandLineOption key;
    QCommandLineOption keyFile;
    QCommandLineOption noAuth;
    QCommandLineOption endpoint;
    QCommandLineOption db;
    QCommandLineOption secretsFile;
    QCommandLineOption payload;
    QCommandLineOption keepTimestamp;
    QCommandLineOption header;
    QCommandLineOption method;
    QCommandLineOption retry;
    QCommandLineOption retryFor;
    QCommandLineOption timeout;
    QCommandLineOption count;
    QCommandLineOption concurrency;
    QCommandLineOption rate;
    QCommandLineOption audit;
    QCommandLineOption report;
    QCommandLineOption noHistory;
};

// What one `send` does, checked and ready to run.
struct SendJob
{
    OutgoingRequest request; // x-vwo-auth included when there is a key
    RetryPolicy policy = RetryPolicy::Vwo;
    qint64 windowMs = 3600 * 1000;
    int timeoutMs = 30000;
    bool refreshTimestamp = true;
    int count = 0; // > 0: load mode
    int concurrency = 8;
    double rate = 0;
    // The database whose send history keeps this run: kept only when it exists already
    // (sending never creates a database); empty with --no-history.
    QString historyPath;
    bool audit = false;                      // the endpoint audit instead of one send
    QString report = QStringLiteral("text"); // the audit report's format: text, markdown, html
    QString auth; // for the heading: "key 1a2b3c4d5e6f (primary of endpoint 'default')", "none"
};

// Reads the command line (URL first), the payload, and the key: --key, --key-file,
// HOOKBENCH_KEY, or else the primary key of the endpoint's key ring. Returns an empty string
// when the job is ready, else one usage error line. Notes for stderr (no key found) go to
// *notes.
QString buildSendJob(const QCommandLineParser &parser, const SendOptions &o, SendJob *job,
                     QStringList *notes);

} // namespace hookbench::cli
