#include "eventexporter.h"

#include "events/eventrows.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <utility>

namespace hookbench {

namespace {

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString sqlText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// A read-only connection of its own, opened and closed on the exporting thread.
class ReadConnection
{
public:
    ReadConnection()
    {
        static QAtomicInteger<quint64> counter;
        m_name = QStringLiteral("hookbench-export-%1").arg(counter.fetchAndAddRelaxed(1));
    }
    ~ReadConnection()
    {
        if (!m_db.isValid())
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QString open(const QString &path)
    {
        // Read-only: never takes the write lock, migrates or creates the file (the writer owns it).
        if (!QFileInfo(path).isFile())
            return EventExporter::tr("There is no event database at %1").arg(shown(path));
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (!m_db.open()) {
            return EventExporter::tr("Cannot read the event database %1: %2")
                .arg(shown(path), sqlText(m_db.lastError()));
        }
        return {};
    }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// Writes the chosen format piece by piece.
class Sink
{
public:
    Sink(const QString &path, EventExporter::Format format, const HarOptions &har)
        : m_file(path)
        , m_format(format)
        , m_har(har)
    {}
    bool open()
    {
        // QSaveFile writes next to the target and renames on commit: no half-written file.
        m_file.setDirectWriteFallback(false);
        return m_file.open(QIODevice::WriteOnly) &&
               (m_format != EventExporter::Format::Har || put(m_har.begin()));
    }
    bool write(const Event &event)
    {
        return m_format == EventExporter::Format::Har ? put(m_har.entry(event))
                                                      : put(event.toJsonLine() + '\n');
    }
    bool commit()
    {
        if (m_format == EventExporter::Format::Har && !put(m_har.end()))
            return false;
        return m_file.commit();
    }
    void discard() { m_file.cancelWriting(); }
    QString errorString() const { return m_file.errorString(); }

private:
    bool put(const QByteArray &bytes) { return m_file.write(bytes) == bytes.size(); }

    QSaveFile m_file;
    EventExporter::Format m_format;
    HarWriter m_har;
};

QString idList(const QList<qint64> &ids, qsizetype from, qsizetype count)
{
    QString list;
    list.reserve(count * 8);
    for (qsizetype i = from; i < from + count; ++i) {
        if (i > from)
            list += QLatin1Char(',');
        list += QString::number(ids.at(i));
    }
    return list;
}

} // namespace

EventExporter::EventExporter(QObject *parent)
    : QObject(parent)
{}

EventExporter::~EventExporter()
{
    if (!m_thread)
        return;
    cancel();
    m_thread->wait();
    delete m_thread;
}

bool EventExporter::start(const Request &request)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_request = request;
    m_result = {};
    // Progress goes straight from the worker (queued to receivers); the result is reported
    // from this thread once the worker is done, so isRunning() is false by then.
    m_thread = QThread::create([this] {
        m_result = run(m_request, &m_cancel,
                       [this](qint64 done, qint64 total) { Q_EMIT progress(done, total); });
    });
    m_thread->setObjectName(QStringLiteral("hookbench-export"));
    connect(m_thread, &QThread::finished, this, &EventExporter::onThreadFinished,
            Qt::QueuedConnection);
    m_thread->start();
    return true;
}

void EventExporter::cancel()
{
    m_cancel = true;
}

bool EventExporter::isRunning() const
{
    return m_thread != nullptr;
}

void EventExporter::onThreadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    const Result result = m_result;
    if (result.cancelled)
        Q_EMIT cancelled();
    else if (!result.error.isEmpty())
        Q_EMIT failed(result.error);
    else
        Q_EMIT finished(result.count, m_request.targetPath);
}

EventExporter::Result EventExporter::run(const Request &request, const std::atomic_bool *cancel,
                                         const std::function<void(qint64, qint64)> &progress)
{
    Result result;
    const QString target = shown(request.targetPath);
    const auto fail = [&](const QString &why) {
        result.error = tr("Cannot export to %1: %2").arg(target, why);
        return result;
    };
    const auto cancelled = [&] { return cancel && cancel->load(std::memory_order_relaxed); };
    if (request.targetPath.isEmpty())
        return fail(tr("no file name was given"));
    if (QFileInfo(request.targetPath).isDir())
        return fail(tr("it is a directory"));
    if (!request.useIds && !request.filter.isValid())
        return fail(tr("the filter is invalid: %1").arg(request.filter.error().message));

    ReadConnection connection;
    QString error = connection.open(request.databasePath);
    if (!error.isEmpty())
        return fail(error);

    QList<qint64> ids;
    EventFilter::Sql sql;
    qint64 total = 0;
    qint64 lastId = 0; // filtered: the newest id when the export started
    QSqlQuery query(connection.db());
    query.setForwardOnly(true);
    if (request.useIds) {
        ids = request.ids;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        total = ids.size();
    } else {
        sql = request.filter.compile(request.now.isValid() ? request.now
                                                           : QDateTime::currentDateTimeUtc());
        if (!query.exec(QStringLiteral("SELECT max(id) FROM events")) || !query.next())
            return fail(sqlText(query.lastError()));
        lastId = query.value(0).toLongLong();
        query.finish();
        query.prepare(QLatin1String("SELECT count(*) FROM events WHERE id <= ? AND (") + sql.where +
                      QLatin1Char(')'));
        query.addBindValue(lastId);
        for (const QVariant &value : std::as_const(sql.values))
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return fail(sqlText(query.lastError()));
        total = query.value(0).toLongLong();
        query.finish();
        query.prepare(QLatin1String("SELECT id, ") + EventColumns +
                      QLatin1String(" FROM events WHERE id > ? AND id <= ? AND (") + sql.where +
                      QLatin1String(") ORDER BY id LIMIT ") + QString::number(PageSize));
    }

    Sink sink(request.targetPath, request.format, request.har);
    if (!sink.open())
        return fail(sink.errorString());

    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -ProgressIntervalMs;
    bool firstPageReported = false;
    const auto report = [&](bool last) {
        // The first page is always reported (a dialog shows movement at once, and a cancel
        // made then is seen before the next page); after it, at most every interval.
        const bool firstPage = result.count > 0 && !std::exchange(firstPageReported, true);
        if (!progress || (!last && !firstPage && clock.elapsed() - lastReport < ProgressIntervalMs))
            return;
        lastReport = clock.elapsed();
        // Rows deleted meanwhile are skipped: the last report says done == total.
        progress(result.count, last ? result.count : std::max(total, result.count));
    };
    report(false);

    qint64 after = 0;     // filtered: last id written
    qsizetype nextId = 0; // selected: next index into ids
    for (;;) {
        if (cancelled()) {
            sink.discard();
            result.cancelled = true;
            return result;
        }
        if (request.useIds) {
            if (nextId >= ids.size())
                break;
            const qsizetype n = std::min<qsizetype>(PageSize, ids.size() - nextId);
            const QString list = idList(ids, nextId, n);
            nextId += n;
            if (!query.exec(QLatin1String("SELECT id, ") + EventColumns +
                            QLatin1String(" FROM events WHERE id IN (") + list +
                            QLatin1String(") ORDER BY id"))) {
                sink.discard();
                return fail(sqlText(query.lastError()));
            }
        } else {
            query.addBindValue(after);
            query.addBindValue(lastId);
            for (const QVariant &value : std::as_const(sql.values))
                query.addBindValue(value);
            if (!query.exec()) {
                sink.discard();
                return fail(sqlText(query.lastError()));
            }
        }
        int rows = 0;
        while (query.next()) {
            const Event event = eventFromRow(query);
            after = event.id;
            ++rows;
            if (!sink.write(event)) {
                const QString why = sink.errorString();
                sink.discard();
                return fail(why);
            }
            ++result.count;
        }
        query.finish(); // no read transaction stays open between pages
        report(false);
        if (!request.useIds && rows < PageSize)
            break;
    }
    if (!sink.commit()) {
        const QString why = sink.errorString();
        sink.discard();
        return fail(why);
    }
    report(true);
    return result;
}

} // namespace hookbench
