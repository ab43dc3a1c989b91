// diff-bench: what `hookbench-cli diff OLD NEW --format summary` costs, without the CLI around
// it: read and parse both files into JsonTrees, run the semantic diff, write the summary.
//
//   diff-bench OLD NEW [--patch]
//
// The summary goes to stdout; `parse_ms=… diff_ms=… total_ms=… changes=… peak_rss_mb=…` to stderr
// last (peak RSS is VmHWM). With --patch it also times the JSON Patch. Exit status as the CLI's:
// 0 no change, 1 changes, 2 error. bench/diff-bench.sh compares it with GNU diff -u.
#include "diff/jsondiff.h"
#include "diff/jsonpatch.h"
#include "diff/jsontree.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>
#include <cstring>

using namespace hookbench;

namespace {

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: diff-bench OLD NEW [--patch]\n");
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    JsonTree trees[2];
    for (int i = 0; i < 2; ++i) {
        JsonParseError error;
        trees[i] = JsonTree::parseFile(QString::fromLocal8Bit(argv[i + 1]), &error);
        if (trees[i].isNull()) {
            std::fprintf(stderr, "diff-bench: %s: %s\n", argv[i + 1], qPrintable(error.toString()));
            return 2;
        }
    }
    const qint64 parseMs = timer.elapsed();
    const JsonDiff diff = diffJson(trees[0], trees[1]);
    const QByteArray summary = diffSummaryText(diff).toUtf8();
    std::fwrite(summary.constData(), 1, size_t(summary.size()), stdout);
    std::fflush(stdout);
    const qint64 diffMs = timer.elapsed() - parseMs;
    qint64 patchMs = -1;
    if (argc > 3 && std::strcmp(argv[3], "--patch") == 0) {
        const qint64 start = timer.elapsed();
        const QByteArray patch = makeJsonPatch(trees[0], trees[1]);
        patchMs = timer.elapsed() - start;
        std::fprintf(stderr, "patch_bytes=%lld ", static_cast<long long>(patch.size()));
    }
    std::fprintf(stderr,
                 "parse_ms=%lld diff_ms=%lld patch_ms=%lld total_ms=%lld changes=%lld nodes=%d+%d "
                 "tree_mb=%.1f peak_rss_mb=%.1f\n",
                 parseMs, diffMs, patchMs, timer.elapsed(),
                 static_cast<long long>(diff.changes.size()), trees[0].size(), trees[1].size(),
                 double(trees[0].treeBytes() + trees[1].treeBytes()) / (1024.0 * 1024.0),
                 peakRssMb());
    return diff.isEmpty() ? 0 : 1;
}
