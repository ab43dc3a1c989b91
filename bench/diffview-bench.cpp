// diffview-bench: is the diff viewer's text view fluid on 11 MB a side (issue 6), and how does a
// plain text widget compare? Both get the same pretty-printed text and the same scroll positions.
//
//   diffview-bench OLD NEW
//
// Prints the comparison's cost, then per widget the time to take the text and the time to paint
// a frame (median, p99, max over random jumps and line-by-line steps), and the ratios. A frame
// within 16 ms (60 Hz) at p99 is fluid. Run with QT_QPA_PLATFORM=offscreen
// (bench/diffview-bench.sh).
#include "diff/diffcomparison.h"
#include "difftextview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace hookbench;

namespace {

constexpr int Jumps = 150;
constexpr int Steps = 150;
constexpr double FluidFrameMs = 16.0;

struct Frames
{
    double medianMs = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

QByteArray readFile(const char *path)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "diffview-bench: cannot read %s\n", path);
        std::exit(2);
    }
    return file.readAll();
}

double elapsedMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e6;
}

// Paints `widget` at each scroll position: random jumps first, then steps of one line.
Frames paintFrames(QWidget *widget, QScrollBar *bar, int lineStep)
{
    QRandomGenerator random(42); // the same positions for both widgets
    QList<double> times;
    const auto frameAt = [&](int value) {
        bar->setValue(value);
        times.append(elapsedMs([&] { widget->grab(); }));
    };
    for (int i = 0; i < Jumps; ++i)
        frameAt(int(random.bounded(bar->maximum() + 1)));
    const int start = bar->maximum() / 2;
    for (int i = 0; i < Steps; ++i)
        frameAt(start + i * lineStep);
    std::sort(times.begin(), times.end());
    return {times.at(times.size() / 2), times.at(times.size() * 99 / 100), times.last()};
}

// Resident memory now, in MB (Linux).
double rssMb()
{
    QFile status(QStringLiteral("/proc/self/statm"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = status.readAll().split(' ');
    return fields.value(1).toDouble() * 4096 / 1e6;
}

void print(const char *name, double loadMs, double memoryMb, const Frames &frames)
{
    std::printf("%-23s take text %7.1f ms  +%6.1f MB   frame median %5.2f ms  p99 %5.2f ms  "
                "max %5.2f ms\n",
                name, loadMs, memoryMb, frames.medianMs, frames.p99Ms, frames.maxMs);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: diffview-bench OLD NEW\n");
        return 2;
    }
    const QByteArray oldBytes = readFile(argv[1]);
    const QByteArray newBytes = readFile(argv[2]);
    Comparison comparison;
    const double compareMs = elapsedMs([&] {
        comparison = compareDocuments({oldBytes, QStringLiteral("old")},
                                      {newBytes, QStringLiteral("new")}, {});
    });
    if (!comparison.isValid()) {
        std::fprintf(stderr, "diffview-bench: %s\n", qPrintable(comparison.error));
        return 2;
    }
    const TextComparison &text = *comparison.text;
    std::printf("pair: %.1f MB + %.1f MB, %d + %d pretty lines, %d rows, %d changes; "
                "compareDocuments %.0f ms (worker thread in the app)\n",
                oldBytes.size() / 1e6, newBytes.size() / 1e6, text.oldDoc.lineCount(),
                text.newDoc.lineCount(), text.alignment.rowCount(), text.alignment.changeCount(),
                compareMs);

    DiffTextView view;
    view.resize(1200, 760);
    view.show();
    double before = rssMb();
    const double viewLoadMs = elapsedMs(
        [&] { view.setComparison(comparison.text, QStringLiteral("old"), QStringLiteral("new")); });
    const double viewMb = rssMb() - before; // the comparison itself is shared, not counted
    const Frames viewFrames = paintFrames(&view, view.verticalScrollBar(), 1);

    // The plain widget gets one side only (each of the two panes would cost the same again).
    QPlainTextEdit plain;
    plain.setReadOnly(true);
    plain.setLineWrapMode(QPlainTextEdit::NoWrap);
    plain.setFont(view.font());
    plain.resize(600, 760);
    plain.show();
    before = rssMb();
    const double plainLoadMs =
        elapsedMs([&] { plain.setPlainText(QString::fromUtf8(text.newDoc.data())); });
    const double plainMb = rssMb() - before;
    const Frames plainFrames = paintFrames(&plain, plain.verticalScrollBar(), 1);

    print("DiffTextView (2 sides)", viewLoadMs, viewMb, viewFrames);
    print("QPlainTextEdit (1 side)", plainLoadMs, plainMb, plainFrames);
    std::printf("ratios DiffTextView/QPlainTextEdit: take text %.4f, frame p99 %.2f\n",
                viewLoadMs / plainLoadMs, viewFrames.p99Ms / plainFrames.p99Ms);
    const bool fluid = viewFrames.p99Ms <= FluidFrameMs;
    std::printf("fluid (frame p99 <= %.0f ms): %s\n", FluidFrameMs, fluid ? "PASS" : "FAIL");
    return fluid ? 0 : 1;
}
