#!/usr/bin/env bash
# Settings-file diff benchmark (issue 6): `hookbench-cli diff OLD NEW --format summary` on a large
# settings-file pair against GNU `diff -u` on the same two files, in one run. Targets: wall time
# and peak memory at most 2x GNU diff's. Prints both figures and both ratios.
#
# The pair comes from bench/gen-settings.py (5,000 campaigns, about 11 MB pretty-printed; the new
# file has 1% of the campaigns changed, one removed, one added), written once into BENCH_DIR and
# reused. Each tool runs BENCH_RUNS times, alternating; the median wall time and the largest peak
# RSS (GNU time's %M) count. Wall time includes process start-up for both. The median CPU time
# (user + sys, 10 ms resolution) is printed too: on a busy machine it is the steadier figure.
#
# Usage: bench/diff-bench.sh
# Environment (defaults):
#   BUILD_DIR (build-diffbench)  configured as Release and hookbench-cli built in it
#   BENCH_CMD (BUILD_DIR/src/cli/hookbench-cli diff)  the command given OLD NEW, e.g. the core-only
#             "BUILD_DIR/bench/diff-bench" (build it yourself)
#   BENCH_ARGS (--format summary with the default BENCH_CMD, else empty)  given after OLD NEW
#   BENCH_CAMPAIGNS (5000) BENCH_RUNS (5) BENCH_DIR (/tmp/hookbench-diff-bench)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build-diffbench}
campaigns=${BENCH_CAMPAIGNS:-5000}
runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-/tmp/hookbench-diff-bench}

[[ -x /usr/bin/time ]] || { echo "diff-bench: needs GNU time (/usr/bin/time, package time)" >&2; exit 1; }
if [[ -z "${BENCH_CMD:-}" ]]; then
    cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHOOKBENCH_BUILD_BENCH=ON >/dev/null
    cmake --build "$build" --target hookbench-cli >/dev/null
    BENCH_CMD="$build/src/cli/hookbench-cli diff"
    BENCH_ARGS=${BENCH_ARGS---format summary}
fi

old=$dir/settings-$campaigns-old.json
new=$dir/settings-$campaigns-new.json
if [[ ! -s "$old" || ! -s "$new" ]]; then
    mkdir -p "$dir"
    python3 "$src/bench/gen-settings.py" "$old" "$new" --campaigns "$campaigns"
fi
echo "pair: $(du -h "$old" | cut -f1) + $(du -h "$new" | cut -f1), $campaigns campaigns ($old)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME COMMAND...: one timed run; appends "wall_ms rss_kb cpu_ms" to $tmp/NAME. Exit 0 or 1 is fine
# (both tools exit 1 when the files differ).
run() {
    local name=$1 status=0 start end
    shift
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$tmp/rss" "$@" >"$tmp/out" 2>"$tmp/err" || status=$?
    end=$(date +%s%N)
    if ((status > 1)); then
        echo "diff-bench: $name failed (exit $status):" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    echo "$(((end - start) / 1000000)) $(tail -n 1 "$tmp/rss" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')" >>"$tmp/$name"
}

# shellcheck disable=SC2206 # BENCH_CMD may be a command with arguments
cmd=($BENCH_CMD)
# shellcheck disable=SC2206
args=(${BENCH_ARGS:-})
for ((i = 0; i < runs; i++)); do
    run gnu diff -u "$old" "$new"
    run hookbench "${cmd[@]}" "$old" "$new" "${args[@]}"
done
gnu_lines=$(diff -u "$old" "$new" | wc -l || true)
echo "hookbench: ${cmd[*]} OLD NEW ${args[*]}"
if [[ -s "$tmp/err" ]]; then echo "hookbench stderr: $(tail -n 1 "$tmp/err")"; fi
echo "hookbench summary: $(wc -l <"$tmp/out") lines; GNU diff -u: $gnu_lines lines"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
gnu_ms=$(cut -d' ' -f1 "$tmp/gnu" | median)
hb_ms=$(cut -d' ' -f1 "$tmp/hookbench" | median)
gnu_kb=$(cut -d' ' -f2 "$tmp/gnu" | sort -n | tail -n 1)
hb_kb=$(cut -d' ' -f2 "$tmp/hookbench" | sort -n | tail -n 1)
gnu_cpu=$(cut -d' ' -f3 "$tmp/gnu" | median)
hb_cpu=$(cut -d' ' -f3 "$tmp/hookbench" | median)

awk -v gm="$gnu_ms" -v hm="$hb_ms" -v gk="$gnu_kb" -v hk="$hb_kb" -v gc="$gnu_cpu" -v hc="$hb_cpu" \
    -v runs="$runs" 'BEGIN {
    printf "GNU diff -u:     wall %5d ms  cpu %5d ms (medians of %d)   peak RSS %6.1f MB\n", gm, gc, runs, gk / 1024
    printf "hookbench diff:  wall %5d ms  cpu %5d ms (medians of %d)   peak RSS %6.1f MB\n", hm, hc, runs, hk / 1024
    wr = gm > 0 ? hm / gm : 0
    mr = hk / gk
    printf "ratio wall %.2fx (target <= 2)   ratio memory %.2fx (target <= 2)   %s\n", wr, mr,
           (wr <= 2 && mr <= 2) ? "PASS" : "FAIL"
}'
