#!/usr/bin/env bash
# Load-mode benchmark (issue 7): the test-webhook sender's LoadRunner against wrk, both sending
# the VWO webhook (POST, JSON payload, x-vwo-auth) to the same do-nothing endpoint in one run:
# bench-bare-server, one QHttpServer route answering 200 {"ok":true} (not our persisting
# receiver). Target: LoadRunner's requests/s at least half of wrk's.
#
#   1. wrk -t THREADS -c CONNECTIONS -d DURATION -s bench/load-bench.lua, after a 1 s warm-up:
#      N requests in DURATION.
#   2. load-driver (LoadRunner: CONNECTIONS keep-alive connections on one event loop) sending
#      the same N requests with the same payload and headers.
# Prints both rates and latencies, the ratio ours/wrk and PASS/FAIL. With BENCH_ROUNDS > 1 the
# two alternate and each side's best round counts (the machine may be shared). On 2 cores the
# server takes one and the load generator the other: wrk's threads share it, ours is one thread.
#
# Usage: bench/load-bench.sh [BUILD_DIR]
#   BUILD_DIR  a configured build with bench-bare-server and load-driver built; used as is.
#              Without it: configure a Release build in build-loadbench/ and build both.
# Environment (defaults): BENCH_THREADS (2) BENCH_CONNECTIONS (32) BENCH_DURATION (5, seconds)
#   BENCH_ROUNDS (1)
# Exit status: 0 PASS, 1 FAIL or error, 2 a tool is missing (wrk: Debian package wrk).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-5}
ROUNDS=${BENCH_ROUNDS:-1}
TARGET=0.5
PAYLOAD='{"timestamp":1606482285,"event":"settings_changed","action":"campaign_settings_changed","triggered_by":"vwo"}'

die() {
    echo "load-bench: $*" >&2
    exit 1
}

command -v wrk >/dev/null || {
    echo "load-bench: wrk not found: install the Debian package wrk" >&2
    exit 2
}
[[ $# -le 1 ]] || {
    echo "usage: bench/load-bench.sh [BUILD_DIR]" >&2
    exit 2
}

if [[ $# -eq 1 ]]; then
    build_dir=$1
else
    build_dir=$ROOT/build-loadbench
    generator=()
    [[ -f "$build_dir/CMakeCache.txt" ]] || generator=(-G Ninja)
    cmake -S "$ROOT" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DHOOKBENCH_BUILD_TESTS=OFF -DHOOKBENCH_BUILD_BENCH=ON >/dev/null
    cmake --build "$build_dir" --target bench-bare-server load-driver -j "${HOOKBENCH_JOBS:-2}" >/dev/null
fi
build_dir=$(cd "$build_dir" && pwd)
BARE=$build_dir/bench/bench-bare-server
DRIVER=$build_dir/bench/load-driver
[[ -x "$BARE" ]] || die "$BARE not found: build the bench-bare-server target"
[[ -x "$DRIVER" ]] || die "$DRIVER not found: build the load-driver target"
if [[ -f "$build_dir/CMakeCache.txt" ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    [[ "$build_type" == Release || "$build_type" == RelWithDebInfo ]] ||
        echo "load-bench: warning: $build_dir is a '${build_type:-no type}' build;" \
            "figures will not be representative" >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-load-bench.XXXXXX")
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

export BENCH_PAYLOAD_FILE=$WORK/payload.json
BENCH_KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
export BENCH_KEY
printf '%s' "$PAYLOAD" >"$BENCH_PAYLOAD_FILE"

"$BARE" 0 2>"$WORK/server.stderr" &
SERVER_PID=$!
URL=""
for ((i = 0; i < 300; i++)); do
    URL=$(grep -m1 -o 'http://[^[:space:]]*' "$WORK/server.stderr" 2>/dev/null || true)
    [[ -z "$URL" ]] || break
    kill -0 "$SERVER_PID" 2>/dev/null || die "bench-bare-server exited: $(cat "$WORK/server.stderr")"
    sleep 0.1
done
[[ -n "$URL" ]] || die "bench-bare-server did not print its URL within 30 s"

# field NAME LINE: the value of NAME=… in a BENCH line.
field() { sed -E "s/.* $1=([0-9.]+).*/\\1/" <<<" $2"; }

driver() {
    timeout -k 5 $((DURATION * 20 + 60)) "$DRIVER" "$URL" --concurrency "$CONNECTIONS" \
        --header 'Content-Type: application/json' --header "x-vwo-auth: $BENCH_KEY" \
        --payload "$BENCH_PAYLOAD_FILE" --timeout-ms 5000 "$@"
}

# A first request through our own sender: a wrong path or payload fails loudly here.
driver --count 1 >"$WORK/check.txt" || die "the check request failed: $(cat "$WORK/check.txt")"
echo "load-bench: $(nproc) cores; $URL; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s vs" \
    "load-driver with $CONNECTIONS connections; $ROUNDS round(s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d1s -s "$ROOT/bench/load-bench.lua" "$URL" >/dev/null

best_wrk=0 best_ours=0
for ((round = 1; round <= ROUNDS; round++)); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "$ROOT/bench/load-bench.lua" \
        "$URL" >"$WORK/wrk.txt"
    line=$(grep '^BENCH ' "$WORK/wrk.txt") || die "wrk printed no summary: $(cat "$WORK/wrk.txt")"
    requests=$(field requests "$line")
    ((requests > 0)) || die "wrk completed no requests"
    (($(field non2xx "$line") == 0 && $(field errors "$line") == 0)) ||
        die "wrk saw non-2xx answers or errors: $line"
    wrk_rps=$(awk -v r="$requests" -v d="$(field duration_us "$line")" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
    echo "  wrk        $requests requests  $wrk_rps req/s  latency p50 $(field p50_us "$line") us" \
        "p99 $(field p99_us "$line") us"

    # The same number of requests wrk completed, so both do the same work.
    driver --count "$requests" >"$WORK/ours.txt" || die "load-driver failed: $(cat "$WORK/ours.txt")"
    line=$(grep '^BENCH ' "$WORK/ours.txt") || die "load-driver printed no summary"
    ours_rps=$(field rps "$line")
    echo "  hookbench  $(field requests "$line") requests  $ours_rps req/s  latency p50" \
        "$(field p50_us "$line") us p99 $(field p99_us "$line") us"
    if ((wrk_rps > best_wrk)); then best_wrk=$wrk_rps; fi
    if ((ours_rps > best_ours)); then best_ours=$ours_rps; fi
done

awk -v ours="$best_ours" -v wrk="$best_wrk" -v target="$TARGET" 'BEGIN {
    pass = ours / wrk >= target
    printf "wrk_rps=%d hookbench_rps=%d ratio=%.2f (target >= %.1f) %s\n", wrk, ours, ours / wrk,
           target, pass ? "PASS" : "FAIL"
    exit !pass
}'
