#pragma once

#include "events/eventfilter.h"
#include "harexport.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace hookbench {

// Writes events from the event database to a file, as JSON Lines (Event::toJsonLine(), the
// same bytes as `hookbench-cli events --format jsonl`) or HAR 1.2 (HarWriter).
//
// start() runs the export on a QThread the exporter creates and owns; the signals arrive on
// the exporter's thread (queued). The database is opened read-only on its own connection, so
// exporting never takes the writer's lock and works while the receiver appends (WAL).
// Events are read in pages of PageSize, oldest first, and written as they are read: memory
// stays bounded by one page. The target is a QSaveFile: on error or cancel nothing, not even
// a partial file, is left behind; an existing file is only replaced by a complete export.
class EventExporter : public QObject
{
    Q_OBJECT
public:
    enum class Format { Jsonl, Har };
    static constexpr int PageSize = 1000;
    static constexpr int ProgressIntervalMs = 50; // progress() at most ~20 times a second

    struct Request
    {
        QString databasePath;
        QString targetPath;
        Format format = Format::Jsonl;
        // Selected rows: when useIds, exactly these ids (missing ones are skipped), in id order.
        bool useIds = false;
        QList<qint64> ids;
        // Otherwise every event that matches the filter (default-constructed: all events).
        // Only events that exist when the export starts are written, not later appends.
        EventFilter filter;
        QDateTime now; // anchors since:/until:; invalid means the clock at start
        HarOptions har;
    };

    struct Result
    {
        qint64 count = 0; // events written
        QString error;    // empty on success
        bool cancelled = false;
    };

    explicit EventExporter(QObject *parent = nullptr);
    ~EventExporter() override; // cancels a running export and waits for its thread

    // Starts the export in the background; returns false (and does nothing) if one is running.
    bool start(const Request &request);
    void cancel(); // thread-safe; the export ends with cancelled() and leaves no file
    bool isRunning() const;

    // The same work on the calling thread, for the CLI and tests. `progress` is called at most
    // every ProgressIntervalMs and once at the end; `cancel` is checked between pages.
    static Result run(const Request &request, const std::atomic_bool *cancel = nullptr,
                      const std::function<void(qint64 done, qint64 total)> &progress = {});

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(qint64 count, const QString &path);
    void failed(const QString &message); // names the file and what went wrong
    void cancelled();

private:
    void onThreadFinished();

    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    Request m_request;
    Result m_result;
};

} // namespace hookbench
