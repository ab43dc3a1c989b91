#include "eventrows.h"

#include "jsonwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace hookbench {

const QLatin1String EventColumns("endpoint, received_at, method, path, query, headers, body,"
                                 " remote_address, remote_port, size, status, handling_us, auth,"
                                 " key_id, valid, error, delivery_of, starred, forward_url,"
                                 " forward_follow, forward_status, forward_error, forward_headers,"
                                 " forward_body, forward_truncated, forward_ms");

namespace {

const QByteArray InsertSql = QByteArrayLiteral(
    "INSERT INTO events (endpoint, received_at, method, path, query, headers, body,"
    " remote_address, remote_port, size, status, handling_us, auth, key_id, valid, error,"
    " delivery_of, starred, forward_url, forward_follow)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

// The index of SettingsFetchColumn's value: right after EventColumns.
constexpr int SettingsFetchIndex = 27;

// NULL: no fetch recorded; 0: only failed ones; 1: at least one brought the file.
const QLatin1String
    FetchedOutcome("(SELECT max(f.outcome <> 'failed') FROM settings_fetch_events l"
                   " JOIN settings_fetches f ON f.id = l.fetch_id WHERE l.event_id %1"
                   " AND f.finished_at >= events.received_at)");

// A null QByteArray is SQL NULL. Text must be valid UTF-8 (SQLite does not check). SQLITE_STATIC:
// every bound buffer outlives the sqlite3_step() that reads it.
int bindText(sqlite3_stmt *stmt, int column, const QByteArray &utf8)
{
    return utf8.isNull()
               ? sqlite3_bind_null(stmt, column)
               : sqlite3_bind_text64(stmt, column, utf8.constData(), sqlite3_uint64(utf8.size()),
                                     SQLITE_STATIC, SQLITE_UTF8);
}

int bindBlob(sqlite3_stmt *stmt, int column, const QByteArray &bytes)
{
    return bytes.isNull() ? sqlite3_bind_null(stmt, column)
                          : sqlite3_bind_blob64(stmt, column, bytes.constData(),
                                                sqlite3_uint64(bytes.size()), SQLITE_STATIC);
}

// Raw request bytes go in as TEXT when they are UTF-8 (so SQL can match them) and as a BLOB
// otherwise, so no byte is ever lost; reading accepts both.
int bindBytes(sqlite3_stmt *stmt, int column, const QByteArray &bytes)
{
    return bytes.isValidUtf8() ? bindText(stmt, column, bytes) : bindBlob(stmt, column, bytes);
}

QByteArray bytesFromSql(const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray)
        return value.toByteArray();
    return value.toString().toUtf8();
}

// The same shape QSqlQuery reports, so the store describes both alike.
QSqlError nativeError(sqlite3 *db, int code)
{
    return QSqlError(QCoreApplication::translate("QSQLiteResult", "Unable to fetch row"),
                     QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError,
                     QString::number(code));
}

} // namespace

QByteArray headersToJson(const HeaderList &headers)
{
    JsonWriter json;
    json.beginArray();
    for (const auto &header : headers)
        json.beginArray().latin1(header.first).latin1(header.second).endArray();
    json.endArray();
    return json.take();
}

HeaderList headersFromJson(const QString &text)
{
    HeaderList headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    headers.reserve(array.size());
    for (const QJsonValue &pair : array) {
        const QJsonArray nameValue = pair.toArray();
        headers.append(
            {nameValue.at(0).toString().toLatin1(), nameValue.at(1).toString().toLatin1()});
    }
    return headers;
}

const QByteArray &EventInserter::Utf8Cache::operator()(const QString &text)
{
    if (text.isNull() != m_text.isNull() || text != m_text) {
        m_text = text;
        m_utf8 = text.toUtf8();
    }
    return m_utf8;
}

QString SettingsFetchColumn::sql(const QSqlDatabase &db, Scope scope)
{
    if (!m_found) {
        QSqlQuery tables(db);
        m_found = tables.exec(QStringLiteral(
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                      " AND name IN ('settings_fetches', 'settings_fetch_events')")) &&
                  tables.next() && tables.value(0).toInt() == 2;
        if (!m_found)
            return QStringLiteral(", NULL");
    }
    // The retries through their partial index (delivery_of = ... implies NOT NULL).
    const QString events = scope == Delivery
                               ? QStringLiteral("IN (SELECT events.id UNION ALL SELECT r.id"
                                                " FROM events r WHERE r.delivery_of = events.id)")
                               : QStringLiteral("= events.id");
    // Only webhooks that ask for a fetch can have one: the others skip the subquery.
    return QLatin1String(", CASE WHEN valid = 1 AND auth IN ('ok', 'not_required') THEN ") +
           QString(FetchedOutcome).arg(events) + QLatin1String(" END");
}

Event eventFromRow(const QSqlQuery &query, bool settingsFetch)
{
    Event event;
    event.id = query.value(0).toLongLong();
    event.endpoint = query.value(1).toString();
    event.receivedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
    event.method = bytesFromSql(query.value(3));
    event.path = bytesFromSql(query.value(4));
    event.query = bytesFromSql(query.value(5));
    event.headers = headersFromJson(query.value(6).toString());
    event.body = query.value(7).toByteArray();
    event.remoteAddress = query.value(8).toString();
    event.remotePort = quint16(query.value(9).toUInt());
    event.size = query.value(10).toLongLong();
    event.status = query.value(11).toInt();
    event.handlingMicros = query.value(12).toLongLong();
    event.auth = authOutcomeFromName(query.value(13).toString());
    event.keyId = query.value(14).toString();
    event.valid = query.value(15).toInt() != 0;
    event.error = query.value(16).toString();
    event.deliveryOf = query.value(17).toLongLong(); // NULL reads as 0
    event.starred = query.value(18).toInt() != 0;
    if (!query.value(19).isNull()) {
        ForwardResult &forward = event.forward;
        forward.url = query.value(19).toString();
        forward.followed = query.value(20).toInt() != 0;
        const QVariant status = query.value(21);
        event.forwardState = status.isNull() ? ForwardState::Pending : ForwardState::Done;
        forward.status = status.toInt();
        forward.error = query.value(22).toString();
        forward.headers = headersFromJson(query.value(23).toString());
        forward.body = query.value(24).toByteArray();
        forward.bodyTruncated = query.value(25).toInt() != 0;
        forward.elapsedMs = query.value(26).toLongLong();
        forward.answeredStatus = event.forwardState == ForwardState::Done ? event.status : 0;
    }
    if (event.asksForSettingsFetch()) {
        const QVariant fetched = settingsFetch ? query.value(SettingsFetchIndex) : QVariant();
        event.settingsFetch = fetched.isNull()       ? SettingsFetchState::None
                              : fetched.toInt() != 0 ? SettingsFetchState::Fetched
                                                     : SettingsFetchState::Failed;
    }
    return event;
}

bool EventInserter::prepare(const QSqlDatabase &db, QSqlError *error)
{
    finalize();
    const QVariant handle = db.driver()->handle();
    sqlite3 *native = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                          ? *static_cast<sqlite3 *const *>(handle.constData())
                          : nullptr;
    if (!native) {
        *error = QSqlError(QStringLiteral("the SQLite driver gives no native handle"), QString(),
                           QSqlError::ConnectionError);
        return false;
    }
    const int code = sqlite3_prepare_v3(native, InsertSql.constData(), int(InsertSql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (code == SQLITE_OK)
        return true;
    m_stmt = nullptr;
    *error = nativeError(native, code);
    return false;
}

void EventInserter::finalize()
{
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

QSqlError EventInserter::insert(const Event &event)
{
    const QByteArray headers = headersToJson(event.headers);
    const QByteArray error = event.error.toUtf8();
    const QByteArray auth = authOutcomeKey(event.auth);
    bindText(m_stmt, 1, m_endpoints(event.endpoint));
    sqlite3_bind_int64(m_stmt, 2, event.receivedAt.toMSecsSinceEpoch());
    bindBytes(m_stmt, 3, event.method);
    bindBytes(m_stmt, 4, event.path);
    bindBytes(m_stmt, 5, event.query);
    bindText(m_stmt, 6, headers);
    bindBlob(m_stmt, 7, event.body);
    bindText(m_stmt, 8, m_addresses(event.remoteAddress));
    sqlite3_bind_int(m_stmt, 9, event.remotePort);
    sqlite3_bind_int64(m_stmt, 10, event.size);
    sqlite3_bind_int(m_stmt, 11, event.status);
    sqlite3_bind_int64(m_stmt, 12, event.handlingMicros);
    bindText(m_stmt, 13, auth);
    bindText(m_stmt, 14, m_keyIds(event.keyId));
    sqlite3_bind_int(m_stmt, 15, event.valid ? 1 : 0);
    bindText(m_stmt, 16, error);
    if (event.deliveryOf != 0)
        sqlite3_bind_int64(m_stmt, 17, event.deliveryOf);
    else
        sqlite3_bind_null(m_stmt, 17);
    sqlite3_bind_int(m_stmt, 18, event.starred ? 1 : 0);
    // Only the target is known at insert; EventStore::recordForward() adds the app's answer.
    const bool forwarded = event.forwardState != ForwardState::None;
    QByteArray forwardUrl = forwarded ? event.forward.url.toUtf8() : QByteArray();
    if (forwarded && forwardUrl.isNull())
        forwardUrl = QByteArrayLiteral(""); // NULL would read as "not forwarded"
    bindText(m_stmt, 19, forwardUrl);
    sqlite3_bind_int(m_stmt, 20, forwarded && event.forward.followed ? 1 : 0);
    const int code = sqlite3_step(m_stmt);
    if (code == SQLITE_DONE) {
        sqlite3_reset(m_stmt);
        return {};
    }
    const QSqlError stepError = nativeError(sqlite3_db_handle(m_stmt), code); // before reset
    sqlite3_reset(m_stmt);
    releaseBindings();
    return stepError;
}

void EventInserter::releaseBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

qint64 EventInserter::lastRowId() const
{
    return sqlite3_last_insert_rowid(sqlite3_db_handle(m_stmt));
}

} // namespace hookbench
