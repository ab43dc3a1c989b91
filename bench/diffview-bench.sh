#!/usr/bin/env bash
# Diff viewer benchmark (issue 6): the side-by-side text view on the large pair of
# bench/diff-bench.sh (5,000 campaigns, about 11 MB a side) against a plain QPlainTextEdit given
# one side: time and memory to take the text, and per-frame paint times over random jumps and
# line steps. Target: a frame within 16 ms at p99 (60 Hz).
#
# Usage: bench/diffview-bench.sh     Environment: BUILD_DIR (build-diffbench), BENCH_CAMPAIGNS
# (5000), BENCH_DIR (/tmp/hookbench-diff-bench), as bench/diff-bench.sh.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build-diffbench}
campaigns=${BENCH_CAMPAIGNS:-5000}
dir=${BENCH_DIR:-/tmp/hookbench-diff-bench}

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHOOKBENCH_BUILD_BENCH=ON >/dev/null
cmake --build "$build" --target diffview-bench >/dev/null
old=$dir/settings-$campaigns-old.json
new=$dir/settings-$campaigns-new.json
if [[ ! -s "$old" || ! -s "$new" ]]; then
    mkdir -p "$dir"
    python3 "$src/bench/gen-settings.py" "$old" "$new" --campaigns "$campaigns"
fi
QT_QPA_PLATFORM=offscreen "$build/bench/diffview-bench" "$old" "$new"
