// eventlog-bench: the event log's scale figures (issue: 1,000,000 events open in under a second,
// scroll smoothly in under 300 MB, and take 5,000 events/s without a stall over 50 ms).
//
//   eventlog-bench [database] [--events N]
//
// Without an existing database of at least N events (default 1,000,000) it writes one first
// (retention off), in a child run so the writing does not count towards the peak memory.
// Run with QT_QPA_PLATFORM=offscreen; prints `first_screen_ms=... open_ms=...
// filter_first_screen_ms=... peak_rss_mb=... max_stall_*_ms=...` last.
#include "eventlogmodel.h"
#include "events/eventstore.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QProcess>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <cstdio>

using namespace hookbench;

namespace {

Event benchEvent(qint64 n)
{
    Event event;
    event.receivedAt = QDateTime::currentDateTimeUtc();
    event.method = QByteArrayLiteral("POST");
    event.path = QByteArrayLiteral("/vwo-webhook");
    event.headers = {{"content-type", "application/json"}, {"x-vwo-auth", "redacted"}};
    event.body = R"({"event":"vwo_variationShown","campaignId":)" + QByteArray::number(n % 97) +
                 R"(,"variationId":2,"visitorId":"D4B7)" + QByteArray::number(n) + R"("})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = quint16(40000 + n % 20000);
    event.size = 180 + event.body.size();
    event.handlingMicros = 150 + n % 400;
    event.status = n % 50 == 0 ? 401 : 200;
    event.auth = n % 50 == 0 ? AuthOutcome::Failed : AuthOutcome::Ok;
    event.valid = n % 50 != 0;
    return event;
}

qint64 peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() / 1024;
    }
    return -1;
}

// The largest gap between the ticks of a 5 ms timer: how long the event loop was busy.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_max = std::max(m_max, m_clock.restart()); });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_timer.start(5);
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_max;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

int generate(const QString &path, qint64 events)
{
    EventStore store;
    store.setRetention(0);
    const QString error = store.open(path);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer clock;
    clock.start();
    for (qint64 n = store.count(); n < events;) {
        QList<Event> batch;
        for (int i = 0; i < 5000 && n < events; ++i, ++n)
            batch.append(benchEvent(n));
        store.append(batch);
        if (n % 100000 == 0)
            std::printf("  written %lld events\n", n), std::fflush(stdout);
    }
    std::printf("generated %lld events in %lld ms\n", store.count(), clock.elapsed());
    return 0;
}

bool visiblePageFilled(const QTableView &view)
{
    const int first = view.rowAt(0);
    int last = view.rowAt(view.viewport()->height() - 1);
    if (first < 0)
        return true;
    if (last < 0)
        last = view.model()->rowCount() - 1;
    for (int row = first; row <= last; ++row) {
        if (view.model()->index(row, 0).data().toString() == EventLogDisplay::placeholderText())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    qint64 events = 1000000;
    const int eventsAt = int(args.indexOf(QStringLiteral("--events")));
    if (eventsAt >= 0 && eventsAt + 1 < args.size()) {
        events = args.at(eventsAt + 1).toLongLong();
        args.remove(eventsAt, 2);
    }
    const bool child = args.removeAll(QStringLiteral("--generate")) > 0;
    const QString path =
        args.value(0, QDir::temp().filePath(QStringLiteral("eventlog-bench.sqlite")));
    if (child)
        return generate(path, events);

    {
        EventStore probe;
        probe.setRetention(0);
        const bool ready =
            QFile::exists(path) && probe.open(path).isEmpty() && probe.count() >= events;
        probe.close();
        if (!ready) {
            std::printf("writing %lld events to %s (once; pass the file again to reuse it)\n",
                        events, qPrintable(path));
            std::fflush(stdout);
            const int rc = QProcess::execute(app.applicationFilePath(),
                                             {QStringLiteral("--generate"), path,
                                              QStringLiteral("--events"), QString::number(events)});
            if (rc != 0)
                return rc;
        }
    }

    StallMeter meter;
    QTableView view;
    view.resize(1200, 800);
    view.verticalHeader()->hide();
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.show();

    // Open: model creation to the newest screenful shown (ids load newest first), then to every
    // id loaded; the event loop is watched all along.
    QElapsedTimer clock;
    clock.start();
    meter.start();
    EventLogModel model;
    view.setModel(&model);
    const auto waitForLoad = [&](qint64 *firstScreenMs) {
        bool loaded = false;
        const auto connection =
            QObject::connect(&model, &EventLogModel::loaded, &app, [&] { loaded = true; });
        const int screenRows =
            view.viewport()->height() / view.verticalHeader()->defaultSectionSize();
        *firstScreenMs = -1;
        while (!loaded) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            if (*firstScreenMs < 0 && model.rowCount() >= screenRows) {
                view.scrollToBottom();
                if (visiblePageFilled(view))
                    *firstScreenMs = clock.elapsed();
            }
        }
        QObject::disconnect(connection);
        if (*firstScreenMs < 0)
            *firstScreenMs = clock.elapsed();
        return clock.elapsed();
    };
    model.setDatabase(path);
    qint64 firstScreenMs = 0;
    const qint64 openMs = waitForLoad(&firstScreenMs);
    const qint64 stallOpen = meter.stop();
    const int rows = model.rowCount();
    std::printf("open: newest screen in %lld ms, all %d rows in %lld ms, max stall %lld ms\n",
                firstScreenMs, rows, openMs, stallOpen);

    // Filters: first screen of the newest matches, the full count, and the loop's longest stall.
    qint64 slowestFilterScreenMs = 0;
    qint64 stallFilter = 0;
    for (const QString &text :
         {QStringLiteral("status:401"), QStringLiteral("auth:failed method:POST"),
          QStringLiteral("body:\"D4B712345\"")}) {
        clock.restart();
        meter.start();
        model.setFilter(EventFilter::parse(text));
        qint64 screenMs = 0;
        const qint64 countMs = waitForLoad(&screenMs);
        stallFilter = std::max(stallFilter, meter.stop());
        slowestFilterScreenMs = std::max(slowestFilterScreenMs, screenMs);
        std::printf("filter %-26s first screen %5lld ms, count %lld in %lld ms\n", qPrintable(text),
                    screenMs, model.matchedCount(), countMs);
    }
    model.setFilter(EventFilter());
    qint64 unused = 0;
    waitForLoad(&unused);

    // Scroll top to bottom, a stop every 5000 rows, each until the visible rows are read.
    meter.start();
    clock.restart();
    int stops = 0;
    qint64 slowestFillMs = 0;
    for (int row = 0; row < rows; row += 5000, ++stops) {
        view.scrollTo(model.index(row, 0), QAbstractItemView::PositionAtTop);
        QElapsedTimer fill;
        fill.start();
        do {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        } while (!visiblePageFilled(view) && fill.elapsed() < 5000);
        slowestFillMs = std::max(slowestFillMs, fill.elapsed());
    }
    const qint64 stallScroll = meter.stop();
    const qint64 peakMb = peakRssMb();
    std::printf("scroll: %d stops in %lld ms, slowest page fill %lld ms, cache %d pages\n", stops,
                clock.elapsed(), slowestFillMs, model.cachedPageCount());

    // Inflow: 50 events every 10 ms through a real store on its own thread, committed events
    // queued to the model, the view following the newest row every 100 ms as Wireshark does.
    QThread writerThread;
    auto *writer = new EventStore;
    writer->setRetention(0);
    writer->moveToThread(&writerThread);
    QObject::connect(&writerThread, &QThread::finished, writer, &QObject::deleteLater);
    QObject::connect(writer, &EventStore::committed, &model, &EventLogModel::appendEvents);
    writerThread.start();
    QTimer *feed = nullptr;
    QElapsedTimer feedClock;
    qint64 sent = 0;
    QMetaObject::invokeMethod(
        writer,
        [&] {
            writer->open(path);
            feed = new QTimer(writer);
            feed->setTimerType(Qt::PreciseTimer);
            // Paced by the clock, not by tick count: timer drift must not lower the rate.
            QObject::connect(feed, &QTimer::timeout, writer, [&] {
                QList<Event> batch;
                for (const qint64 due = feedClock.elapsed() * 5; sent < due;)
                    batch.append(benchEvent(sent++));
                writer->append(batch);
            });
            feedClock.start();
            feed->start(10);
        },
        Qt::BlockingQueuedConnection);
    QTimer follow;
    QObject::connect(&follow, &QTimer::timeout, &view, [&] { view.scrollToBottom(); });
    follow.start(100);
    meter.start();
    clock.restart();
    while (clock.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    QMetaObject::invokeMethod(
        writer, [&] { delete feed; }, Qt::BlockingQueuedConnection);
    const qint64 inflowMs = clock.elapsed();
    QCoreApplication::processEvents(); // the last committed batches
    const qint64 stallInflow = meter.stop();
    follow.stop();
    writerThread.quit();
    writerThread.wait();
    std::printf("inflow: %lld events sent in %lld ms (%lld/s), model grew by %d rows\n", sent,
                inflowMs, sent * 1000 / std::max<qint64>(1, inflowMs), model.rowCount() - rows);

    std::printf("first_screen_ms=%lld open_ms=%lld filter_first_screen_ms=%lld peak_rss_mb=%lld "
                "max_stall_open_ms=%lld max_stall_filter_ms=%lld max_stall_scroll_ms=%lld "
                "max_stall_inflow_ms=%lld\n",
                firstScreenMs, openMs, slowestFilterScreenMs, peakMb, stallOpen, stallFilter,
                stallScroll, stallInflow);
    return 0;
}
