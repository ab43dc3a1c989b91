#pragma once

#include "events/event.h"
#include "events/sqlitesession.h"

#include <QDateTime>
#include <QList>

namespace hookbench {

// How a test webhook was sent.
enum class SendMode : quint8 {
    Once,  // one request
    Vwo,   // VWO's retry policy: again every 1 to 2 s until a 200 or the window ends
    Load,  // N requests at concurrency C or a fixed rate
    Audit, // the endpoint audit's battery
};
QString sendModeName(SendMode mode); // "once", "vwo", "load", "audit"
bool sendModeFromName(const QString &name, SendMode *mode);

// One send or audit as the history keeps it. The x-vwo-auth value is never kept.
struct SendRecord
{
    qint64 id = 0;       // set by the store
    QDateTime startedAt; // UTC
    QDateTime finishedAt;
    SendMode mode = SendMode::Once;
    QByteArray method = QByteArrayLiteral("POST");
    QString url;          // as sent, without a password in its user info
    HeaderList headers;   // x-vwo-auth replaced by "[redacted]"
    QByteArray body;      // at most MaxKeptBody bytes
    int finalStatus = 0;  // the last answer's status; 0 when none came (or for load and audit)
    bool success = false; // 200 (once, vwo), every answer 2xx (load), no failed check (audit)
    QString outcome;      // one line: "200 OK after 3 attempts", "1000 sent, 998 2xx"
    QByteArray detail;    // JSON: the attempts table, the load summary or the audit report
};

// The history of test sends and audits, in the event database (shared by the app and the CLI).
// Not thread-safe: use from the thread that opened it.
class SendHistoryStore
{
public:
    static constexpr int SchemaVersion = 1;
    static constexpr qsizetype MaxKeptBody = 256 * 1024;

    SendHistoryStore();
    ~SendHistoryStore();

    QString open(const QString &path); // empty on success
    void close();
    bool isOpen() const { return m_session.isOpen(); }

    // Stores `record` (secrets taken out, see SendRecord) and sets its id. Empty on success.
    QString append(SendRecord *record);
    // Newest first; `limit` 0 for all.
    QString recent(int limit, QList<SendRecord> *records) const;
    QString remove(qint64 id);
    QString clear();

private:
    mutable SqliteSession m_session;
};

} // namespace hookbench
