#!/usr/bin/env bash
# Receiver benchmark: what Hookbench's receiver costs on top of a bare Qt HTTP server.
#
#   1. throughput: wrk (POST of the VWO webhook payload with x-vwo-auth) against bench-bare-server
#      (one QHttpServer route answering 200), then against `hookbench-cli listen` with everything
#      on (limits, authentication, validation, SQLite commit before the answer, event output);
#      prints both requests/s and the ratio receiver/bare.
#   2. latency: p99 at a steady 1,000 requests/s against the receiver (h2load --rps, per-request
#      log file), computed from every request's latency.
#   3. memory: peak RSS (VmHWM) of a fresh receiver while it refuses a 1 GiB body (Content-Length:
#      1073741824, then 1 GiB of zeros streamed at it).
#   4. slow clients: phase 2's p99 again while BENCH_SLOW_CLIENTS connections stay open doing
#      nothing useful (bench/slowclients.py: idle, a head dripped a byte at a time, a body that
#      never completes), each reopened at once when the receiver drops it; prints both p99s and
#      their ratio. The head timeout and eviction at the connection cap keep valid requests going.
#
# Everything runs on 127.0.0.1, every phase is bounded in time, servers are stopped on exit.
#
# Usage: bench/receiver-bench.sh [--bare-only] [BUILD_DIR]
#   BUILD_DIR    a configured build with bench-bare-server and hookbench-cli built; used as is.
#                Without it: install deps, configure a Release build in build/ and build both.
#   --bare-only  run every phase against bench-bare-server only (checks the script itself and
#                gives the baseline's own latency and memory figures)
# Environment (defaults): BENCH_THREADS (2) BENCH_CONNECTIONS (64) BENCH_DURATION (10s)
#   BENCH_WARMUP (2s) BENCH_RATE (1000) BENCH_RATE_CLIENTS (10) BENCH_RATE_SECONDS (10)
#   BENCH_BIG_BODY_BYTES (1073741824) BENCH_SLOW_CLIENTS (1000)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
RATE=${BENCH_RATE:-1000}
RATE_CLIENTS=${BENCH_RATE_CLIENTS:-10}
RATE_SECONDS=${BENCH_RATE_SECONDS:-10}
BIG_BODY_BYTES=${BENCH_BIG_BODY_BYTES:-1073741824}
SLOW_CLIENTS=${BENCH_SLOW_CLIENTS:-1000}
PAYLOAD='{"timestamp":1606482285,"event":"settings_changed","action":"campaign_settings_changed","triggered_by":"vwo"}'

die() {
    echo "receiver-bench: $*" >&2
    exit 1
}

bare_only=0
build_dir=""
for arg in "$@"; do
    case "$arg" in
        --bare-only) bare_only=1 ;;
        -h | --help)
            sed -n '2,26p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        -*)
            echo "receiver-bench: unknown option '$arg'" >&2
            exit 2
            ;;
        *)
            [[ -z "$build_dir" ]] || {
                echo "receiver-bench: only one BUILD_DIR" >&2
                exit 2
            }
            build_dir=$arg
            ;;
    esac
done
((RATE % RATE_CLIENTS == 0)) || die "BENCH_RATE ($RATE) must be a multiple of BENCH_RATE_CLIENTS ($RATE_CLIENTS)"

targets=(bench-bare-server)
((bare_only)) || targets+=(hookbench-cli)

if [[ -z "$build_dir" ]]; then
    build_dir=$ROOT/build
    "$ROOT/scripts/install-deps.sh"
    generator=()
    [[ -f "$build_dir/CMakeCache.txt" ]] || generator=(-G Ninja)
    # Same options as scripts/run.sh, so the two share build/.
    cmake -S "$ROOT" -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DHOOKBENCH_BUILD_TESTS=OFF -DHOOKBENCH_BUILD_BENCH=ON
    cmake --build "$build_dir" --target "${targets[@]}" -j "${HOOKBENCH_JOBS:-2}"
fi
build_dir=$(cd "$build_dir" && pwd)

BARE=$build_dir/bench/bench-bare-server
CLI=$build_dir/src/cli/hookbench-cli
[[ -x "$BARE" ]] || die "$BARE not found: build the bench-bare-server target"
((bare_only)) || [[ -x "$CLI" ]] || die "$CLI not found: build the hookbench-cli target"
for tool in wrk h2load python3 curl; do
    command -v "$tool" >/dev/null || die "$tool not found: run scripts/install-deps.sh"
done
if [[ -f "$build_dir/CMakeCache.txt" ]]; then
    build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    sanitize=$(sed -n 's/^HOOKBENCH_SANITIZE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
    if [[ "$build_type" != Release && "$build_type" != RelWithDebInfo ]] || [[ "$sanitize" == ON ]]; then
        echo "receiver-bench: warning: $build_dir is a '${build_type:-no type}' build" \
            "(sanitize=${sanitize:-OFF}); figures will not be representative" >&2
    fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-bench.XXXXXX")
PIDS=()

stop_pid() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do
        stop_pid "$pid"
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
printf '%s' "$PAYLOAD" >"$WORK/payload.json"
mkdir -p "$WORK/home" "$WORK/config" "$WORK/data" "$WORK/cache" "$WORK/runtime"
chmod 700 "$WORK/runtime"

# wrk script: the VWO webhook as VWO sends it; done() prints one machine-readable line.
cat >"$WORK/webhook.lua" <<EOF
wrk.method = "POST"
wrk.body = '$PAYLOAD'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-vwo-auth"] = "$KEY"
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout))
end
EOF

# p99 from h2load's --log-file (start_us <TAB> status <TAB> duration_us per request).
cat >"$WORK/latency.py" <<'EOF'
import math, sys
rows = []
with open(sys.argv[1]) as f:
    for line in f:
        parts = line.split("\t")
        if len(parts) >= 3:
            rows.append((int(parts[0]), int(parts[1]), int(parts[2])))
if not rows:
    sys.exit("no requests in the h2load log")
lat = sorted(r[2] for r in rows)
def pct(p):  # nearest rank
    return lat[max(0, math.ceil(p / 100.0 * len(lat)) - 1)] / 1000.0
bad = sum(1 for r in rows if r[1] != 200)
span = (max(r[0] + r[2] for r in rows) - min(r[0] for r in rows)) / 1e6
print(f"requests={len(rows)} non200={bad} achieved_rps={len(rows) / span:.0f} "
      f"p50_ms={pct(50):.2f} p90_ms={pct(90):.2f} p99_ms={pct(99):.2f} max_ms={lat[-1] / 1000.0:.2f}")
EOF

# Streams a huge declared body at the server while reading its answer; stops when the server
# closes or everything was sent. Bounded by a deadline.
cat >"$WORK/bigbody.py" <<'EOF'
import select, socket, sys, time
host, port, path, key, size = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
deadline = time.monotonic() + 90
head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"x-vwo-auth: {key}\r\nContent-Length: {size}\r\n\r\n").encode()
chunk = bytes(1 << 20)
s = socket.create_connection((host, port), timeout=10)
s.sendall(head)
s.setblocking(False)
sent, answer, ended = 0, b"", "sent everything"
t0 = time.monotonic()
while time.monotonic() < deadline:
    want_write = [s] if sent < size else []
    r, w, _ = select.select([s], want_write, [], 1.0)
    if r:
        try:
            data = s.recv(65536)
        except ConnectionResetError:
            ended = "server reset the connection"; break
        if not data:
            ended = "server closed the connection"; break
        answer += data
    if w:
        try:
            n = s.send(chunk[: min(len(chunk), size - sent)])
            sent += n
        except (BrokenPipeError, ConnectionResetError):
            ended = "server closed the connection while we were sending"; break
        except BlockingIOError:
            pass
    if sent >= size and answer and b"\r\n\r\n" in answer:
        break
else:
    ended = "deadline reached"
s.close()
status = answer.split(b"\r\n", 1)[0].decode(errors="replace") if answer else "(no answer)"
conn_close = b"connection: close" in answer.lower()
print(f"answer='{status}' connection_close={'yes' if conn_close else 'no'} "
      f"body_bytes_sent={sent} ({sent / (1 << 20):.0f} MiB) ended='{ended}' "
      f"seconds={time.monotonic() - t0:.2f}")
EOF

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_server LABEL STDOUT_FILE CMD... : sets SERVER_PID and SERVER_URL once the server printed
# "listening on http://...".
start_server() {
    local label=$1 out=$2
    shift 2
    local log="$WORK/$label.stderr"
    "$@" >"$out" 2>"$log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    local deadline=$((SECONDS + 30)) line=""
    while :; do
        line=$(grep -m1 -o 'listening on http://[^[:space:]]*' "$log" 2>/dev/null || true)
        [[ -z "$line" ]] || break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            sed 's/^/    /' "$log" >&2
            die "$label exited before it was listening (its stderr is above)"
        fi
        ((SECONDS < deadline)) || die "$label did not print 'listening on' within 30 s"
        sleep 0.1
    done
    SERVER_URL=${line#listening on }
    [[ "$SERVER_URL" == http://127.0.0.1:* ]] || die "$label listens on $SERVER_URL, not loopback"
    echo "  $label: pid $SERVER_PID, $SERVER_URL"
}

stop_server() {
    local pid=$1 p rest=()
    stop_pid "$pid"
    for p in "${PIDS[@]}"; do
        [[ "$p" == "$pid" ]] || rest+=("$p")
    done
    PIDS=("${rest[@]}")
}

# check_answer URL : one request with curl first, so a wrong key/path fails loudly, not as a
# suspiciously fast benchmark of 401s.
check_answer() {
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 -X POST \
        -H 'Content-Type: application/json' -H "x-vwo-auth: $KEY" --data-binary @"$WORK/payload.json" "$1")
    [[ "$code" == 200 ]] || die "POST $1 answered $code, expected 200"
}

# run_wrk LABEL URL : sets WRK_RPS.
run_wrk() {
    local label=$1 url=$2 out="$WORK/wrk-$1.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s -s "$WORK/webhook.lua" "$url" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency -s "$WORK/webhook.lua" \
        "$url" >"$out"
    grep -v '^BENCH ' "$out" | sed 's/^/    /'
    local line requests duration non2xx
    line=$(grep '^BENCH ' "$out") || die "wrk printed no summary for $label"
    requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line")
    duration=$(sed -E 's/.*duration_us=([0-9]+).*/\1/' <<<"$line")
    non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
    echo "    wrk: ${line#BENCH }"
    ((non2xx == 0)) || die "$label answered $non2xx non-2xx responses during the run"
    WRK_RPS=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
}

# run_rate LABEL URL : steady rate with h2load; sets P99_MS.
run_rate() {
    local label=$1 url=$2 log="$WORK/h2load-$1.log" per_client=$((RATE / RATE_CLIENTS))
    local total=$((RATE * RATE_SECONDS))
    # --rps is per client: RATE_CLIENTS connections x per_client = RATE requests/s in all.
    timeout -k 5 $((RATE_SECONDS * 3 + 30)) \
        h2load --h1 -n "$total" -c "$RATE_CLIENTS" -t 1 --rps "$per_client" \
        -d "$WORK/payload.json" -H 'content-type: application/json' -H "x-vwo-auth: $KEY" \
        --log-file "$log" "$url" >"$WORK/h2load-$label.txt" ||
        die "h2load failed: $(tail -3 "$WORK/h2load-$label.txt")"
    grep -E '^(finished in|requests:|status codes:)' "$WORK/h2load-$label.txt" | sed 's/^/    /'
    local stats
    stats=$(python3 "$WORK/latency.py" "$log")
    echo "    $stats"
    P99_MS=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$stats")
    [[ "$stats" == *" non200=0 "* ]] || die "$label answered non-200 responses at a steady rate"
}

# run_bigbody LABEL URL PID : sets RSS_MB (VmHWM after, in MB).
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
run_bigbody() {
    local label=$1 url=$2 pid=$3 before after hostport host port path
    hostport=${url#http://}
    path=/${hostport#*/}
    hostport=${hostport%%/*}
    host=${hostport%:*}
    port=${hostport##*:}
    before=$(hwm_kb "$pid")
    echo "    before: VmHWM $(mb "$before") MB, VmRSS $(mb "$(rss_kb "$pid")") MB"
    timeout -k 5 120 python3 "$WORK/bigbody.py" "$host" "$port" "$path" "$KEY" "$BIG_BODY_BYTES" |
        sed 's/^/    /'
    kill -0 "$pid" 2>/dev/null || die "$label died while refusing the big body"
    after=$(hwm_kb "$pid")
    echo "    after:  VmHWM $(mb "$after") MB, VmRSS $(mb "$(rss_kb "$pid")") MB"
    RSS_MB=$(mb "$after")
}

# start_receiver LABEL DB : hookbench-cli listen with everything on, isolated from the user's keys,
# settings and data; its event output (one JSON line per request) goes to /dev/null.
start_receiver() {
    local port
    port=$(free_port)
    start_server "$1" /dev/null env -u HOOKBENCH_KEYS -u DBUS_SESSION_BUS_ADDRESS \
        HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" \
        XDG_CACHE_HOME="$WORK/cache" XDG_RUNTIME_DIR="$WORK/runtime" \
        "$CLI" listen --host 127.0.0.1 --port "$port" --db "$2" --key "$KEY" --retention 10000000
}

echo "receiver-bench: $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after ${WARMUP} warm-up);" \
    "h2load $RATE req/s over $RATE_CLIENTS connections for ${RATE_SECONDS}s; body $BIG_BODY_BYTES bytes"
echo "  build: $build_dir"

echo "[1/5] throughput: bench-bare-server"
start_server bare /dev/null "$BARE" 0
check_answer "$SERVER_URL"
run_wrk bare "$SERVER_URL"
BARE_RPS=$WRK_RPS
bare_pid=$SERVER_PID
bare_url=$SERVER_URL

if ((bare_only)); then
    echo "[2/5] throughput: receiver skipped (--bare-only)"
    echo "[3/5] p99 at $RATE req/s: bench-bare-server"
    run_rate bare "$bare_url"
    stop_server "$bare_pid"
    echo "[4/5] peak RSS while a $BIG_BODY_BYTES-byte body arrives: fresh bench-bare-server"
    start_server bare-rss /dev/null "$BARE" 0
    run_bigbody bare-rss "$SERVER_URL" "$SERVER_PID"
    stop_server "$SERVER_PID"
    echo "[5/5] slow clients: skipped (--bare-only; a bare QHttpServer has no head timeout)"
    echo
    echo "bare_rps=$BARE_RPS"
    echo "bare_p99_ms_at_${RATE}rps=$P99_MS"
    echo "bare_peak_rss_mb_1gb_body=$RSS_MB"
    exit 0
fi
stop_server "$bare_pid"

echo "[2/5] throughput: hookbench-cli listen (auth, validation, SQLite, event output)"
start_receiver receiver "$WORK/bench.sqlite"
check_answer "$SERVER_URL"
run_wrk receiver "$SERVER_URL"
RECEIVER_RPS=$WRK_RPS

echo "[3/5] p99 at $RATE req/s: hookbench-cli listen"
run_rate receiver "$SERVER_URL"
P99_PLAIN_MS=$P99_MS
stop_server "$SERVER_PID"

echo "[4/5] peak RSS while a $BIG_BODY_BYTES-byte body is refused: fresh hookbench-cli listen"
start_receiver receiver-rss "$WORK/rss.sqlite"
run_bigbody receiver-rss "$SERVER_URL" "$SERVER_PID"
stop_server "$SERVER_PID"

echo "[5/5] p99 at $RATE req/s while $SLOW_CLIENTS slow or idle clients hold connections"
start_receiver receiver-slow "$WORK/slow.sqlite"
slow_hostport=${SERVER_URL#http://}
slow_hostport=${slow_hostport%%/*}
python3 "$ROOT/bench/slowclients.py" "${slow_hostport%:*}" "${slow_hostport##*:}" "$SLOW_CLIENTS" \
    >"$WORK/slow.out" 2>"$WORK/slow.err" &
slow_pid=$!
PIDS+=("$slow_pid")
sleep 3 # all connected, and the receiver at its connection cap, before measuring
echo "    slow clients before: $(tail -n 1 "$WORK/slow.err")"
run_rate receiver-slow "$SERVER_URL"
P99_SLOW_MS=$P99_MS
echo "    slow clients after:  $(tail -n 1 "$WORK/slow.err")"
kill -0 "$SERVER_PID" 2>/dev/null || die "the receiver died under slow clients"
stop_server "$slow_pid"
echo "    slow clients in all: $(cat "$WORK/slow.out")"
stop_server "$SERVER_PID"

RATIO=$(awk -v a="$RECEIVER_RPS" -v b="$BARE_RPS" 'BEGIN { printf "%.2f", a / b }')
echo
echo "receiver_rps=$RECEIVER_RPS bare_rps=$BARE_RPS ratio=$RATIO"
echo "p99_ms_at_${RATE}rps=$P99_PLAIN_MS"
echo "peak_rss_mb_1gb_body=$RSS_MB"
SLOW_RATIO=$(awk -v a="$P99_SLOW_MS" -v b="$P99_PLAIN_MS" 'BEGIN { printf "%.2f", a / b }')
echo "p99_ms_at_${RATE}rps_with_${SLOW_CLIENTS}_slow_clients=$P99_SLOW_MS ratio_to_without=$SLOW_RATIO"
