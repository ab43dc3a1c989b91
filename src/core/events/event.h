#pragma once

#include "forwardresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace hookbench {

// Outcome of the x-vwo-auth check, as recorded on every event.
enum class AuthOutcome { NotRequired, Ok, Failed, Missing };

QByteArray authOutcomeKey(AuthOutcome outcome); // "not_required", "ok", "failed", "missing"
QString authOutcomeName(AuthOutcome outcome);   // the same, as text
AuthOutcome authOutcomeFromName(const QString &name, bool *ok = nullptr);

// HeaderList: forwardresult.h

// What the settings-file fetches a webhook asked for came to (issue 5: every webhook shows what
// it caused, and one that led to no successful fetch is marked).
enum class SettingsFetchState : quint8 {
    NotApplicable, // asks for no fetch: not a valid, authenticated webhook
    None,          // asked, but no fetch was recorded for it
    Pending,       // a fetch for it is running (known live only, never read from the store)
    Fetched,       // at least one fetch for it succeeded (a new or an unchanged file)
    Failed,        // every fetch recorded for it failed
};

// One captured HTTP request and the answer Hookbench gave it. A plain value: copied
// between threads (receiver -> store -> GUI/CLI) as whole snapshots.
struct Event
{
    qint64 id = 0;                                // store row id; 0 until committed
    QString endpoint = QStringLiteral("default"); // endpoint id/name
    QDateTime receivedAt;                         // UTC, millisecond precision
    QByteArray method;                            // raw, as sent (any method)
    QByteArray path;                              // decoded path part of the request target
    QByteArray query;                             // raw query string without '?'
    HeaderList headers;                           // in order, names as sent
    QByteArray body; // raw bytes (may be truncated for rejected requests)
    QString remoteAddress;
    quint16 remotePort = 0;
    qint64 size = 0;           // request size on the wire: head + body bytes
    int status = 0;            // HTTP status of our answer
    qint64 handlingMicros = 0; // from complete request to answer queued
    AuthOutcome auth = AuthOutcome::NotRequired;
    QString keyId;      // id of the key that matched, when auth == Ok
    bool valid = false; // payload is a valid VWO webhook
    QString error;      // why the request was refused/invalid; empty when valid
    // VWO retries a delivery (same endpoint, same payload timestamp) until it gets a 200.
    qint64 payloadTimestamp = 0; // the valid payload's `timestamp`; set by the receiver, not stored
    qint64 deliveryOf = 0;       // id of the delivery's first attempt when this is a retry, else 0
    bool starred = false;        // marked by the user
    // Transient: read with the row from the settings history's tables (eventrows.h) or set live;
    // never stored in the events table, never exported.
    SettingsFetchState settingsFetch = SettingsFetchState::NotApplicable;
    // Passed on to the endpoint's forward URL (issue 8): url and followed are set when pending,
    // the rest once done. In follow mode `status` is 0 until VWO got the app's answer.
    ForwardState forwardState = ForwardState::None;
    ForwardResult forward;
    // The forward's outcome arrived (EventStore::forwardRecorded): done, and `status` becomes
    // what VWO got.
    void applyForward(const ForwardResult &result)
    {
        forwardState = ForwardState::Done;
        forward = result;
        status = result.answeredStatus;
    }

    // A valid webhook that passed x-vwo-auth asks for a settings-file fetch; so does one to an
    // endpoint without keys, which accepts any sender.
    bool asksForSettingsFetch() const
    {
        return valid && (auth == AuthOutcome::Ok || auth == AuthOutcome::NotRequired);
    }

    QByteArray headerValue(QByteArrayView name) const; // case-insensitive, first match

    // One compact JSON object (no newline): the CLI contract's fields (DESIGN.md §4)
    // plus the captured request, and a "forward" object for forwarded webhooks only. Never
    // contains secrets: x-vwo-auth is redacted.
    QByteArray toJsonLine() const;
};

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::Event)
Q_DECLARE_METATYPE(QList<hookbench::Event>)
