#include "sendhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace hookbench {

namespace {

const QByteArray Redacted = QByteArrayLiteral("[redacted]");

QStringList schemaMigration(int from)
{
    if (from != 0)
        return {};
    // Times are milliseconds since the epoch (UTC); headers a JSON array of [name, value].
    return {QStringLiteral("CREATE TABLE send_history (id INTEGER PRIMARY KEY,"
                           " started_at INTEGER NOT NULL, finished_at INTEGER NOT NULL,"
                           " mode TEXT NOT NULL, method TEXT NOT NULL, url TEXT NOT NULL,"
                           " headers TEXT NOT NULL, body BLOB NOT NULL,"
                           " final_status INTEGER NOT NULL, success INTEGER NOT NULL,"
                           " outcome TEXT NOT NULL, detail BLOB NOT NULL)")};
}

QByteArray headersJson(const HeaderList &headers)
{
    QJsonArray array;
    for (const auto &[name, value] : headers) {
        const bool secret = name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
        array.append(
            QJsonArray{QString::fromLatin1(name), QString::fromLatin1(secret ? Redacted : value)});
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

HeaderList headersFromJson(const QByteArray &json)
{
    HeaderList headers;
    for (const QJsonValue &pair : QJsonDocument::fromJson(json).array()) {
        const QJsonArray nameValue = pair.toArray();
        headers.append(
            {nameValue.at(0).toString().toLatin1(), nameValue.at(1).toString().toLatin1()});
    }
    return headers;
}

QString withoutPassword(const QString &url)
{
    QUrl parsed(url);
    if (!parsed.isValid() || parsed.password().isEmpty())
        return url;
    parsed.setPassword(QString::fromLatin1(Redacted));
    return parsed.toString();
}

SendRecord recordFrom(const QSqlQuery &query)
{
    SendRecord record;
    record.id = query.value(0).toLongLong();
    record.startedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong(), Qt::UTC);
    record.finishedAt = QDateTime::fromMSecsSinceEpoch(query.value(2).toLongLong(), Qt::UTC);
    sendModeFromName(query.value(3).toString(), &record.mode);
    record.method = query.value(4).toString().toLatin1();
    record.url = query.value(5).toString();
    record.headers = headersFromJson(query.value(6).toByteArray());
    record.body = query.value(7).toByteArray();
    record.finalStatus = query.value(8).toInt();
    record.success = query.value(9).toBool();
    record.outcome = query.value(10).toString();
    record.detail = query.value(11).toByteArray();
    return record;
}

} // namespace

QString sendModeName(SendMode mode)
{
    switch (mode) {
    case SendMode::Once:
        return QStringLiteral("once");
    case SendMode::Vwo:
        return QStringLiteral("vwo");
    case SendMode::Load:
        return QStringLiteral("load");
    case SendMode::Audit:
        return QStringLiteral("audit");
    }
    return {};
}

bool sendModeFromName(const QString &name, SendMode *mode)
{
    for (SendMode candidate : {SendMode::Once, SendMode::Vwo, SendMode::Load, SendMode::Audit}) {
        if (sendModeName(candidate) == name) {
            *mode = candidate;
            return true;
        }
    }
    return false;
}

SendHistoryStore::SendHistoryStore()
    : m_session(QStringLiteral("hookbench-sends"), QStringLiteral("send history"))
{}

SendHistoryStore::~SendHistoryStore()
{
    close();
}

QString SendHistoryStore::open(const QString &path)
{
    const SqliteSchema schema{QStringLiteral("send_history_schema"),
                              QStringLiteral("send history schema"), SchemaVersion,
                              schemaMigration};
    return m_session.open(path, schema);
}

void SendHistoryStore::close()
{
    m_session.close();
}

QString SendHistoryStore::append(SendRecord *record)
{
    if (!isOpen())
        return m_session.notOpen();
    if (!record->finishedAt.isValid())
        record->finishedAt = QDateTime::currentDateTimeUtc();
    if (!record->startedAt.isValid())
        record->startedAt = record->finishedAt;
    record->url = withoutPassword(record->url);
    for (auto &[name, value] : record->headers) {
        if (name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            value = Redacted;
    }
    record->body.truncate(MaxKeptBody);

    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral(
        "INSERT INTO send_history (started_at, finished_at, mode, method, url, headers, body,"
        " final_status, success, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record->startedAt.toMSecsSinceEpoch());
    query.addBindValue(record->finishedAt.toMSecsSinceEpoch());
    query.addBindValue(sendModeName(record->mode));
    query.addBindValue(QString::fromLatin1(record->method));
    query.addBindValue(record->url);
    query.addBindValue(QString::fromUtf8(headersJson(record->headers)));
    query.addBindValue(record->body.isNull() ? QByteArray("") : record->body);
    query.addBindValue(record->finalStatus);
    query.addBindValue(record->success ? 1 : 0);
    query.addBindValue(record->outcome);
    query.addBindValue(record->detail.isNull() ? QByteArray("") : record->detail);
    if (!query.exec())
        return m_session.describe(query.lastError());
    record->id = query.lastInsertId().toLongLong();
    return {};
}

QString SendHistoryStore::recent(int limit, QList<SendRecord> *records) const
{
    records->clear();
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, started_at, finished_at, mode, method, url, headers, body, final_status,"
        " success, outcome, detail FROM send_history ORDER BY id DESC LIMIT ?"));
    query.addBindValue(limit > 0 ? limit : -1);
    if (!query.exec())
        return m_session.describe(query.lastError());
    while (query.next())
        records->append(recordFrom(query));
    return {};
}

QString SendHistoryStore::remove(qint64 id)
{
    if (!isOpen())
        return m_session.notOpen();
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("DELETE FROM send_history WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return m_session.describe(query.lastError());
    if (query.numRowsAffected() == 0)
        return QStringLiteral("no send #%1 in the history").arg(id);
    return {};
}

QString SendHistoryStore::clear()
{
    QSqlError error;
    if (!isOpen())
        return m_session.notOpen();
    return m_session.exec(QStringLiteral("DELETE FROM send_history"), &error)
               ? QString()
               : m_session.describe(error);
}

} // namespace hookbench
