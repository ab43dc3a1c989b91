#!/bin/sh
# Builds eventlog-bench in Release and runs it offscreen over a 1,000,000-event database, written
# once to $1 (default: /tmp/eventlog-bench.sqlite) and reused afterwards. Each run's 5 s inflow adds
# ~25,000 events to the file; delete it to start over.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build-logbench}
db=${1:-/tmp/eventlog-bench.sqlite}
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target eventlog-bench
QT_QPA_PLATFORM=offscreen "$build/bench/eventlog-bench" "$db"
