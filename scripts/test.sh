#!/usr/bin/env bash
# Build and run every test.
#
# 1. normal pass: optimised build (-O2, line tables) in build-test/, then ctest.
# 2. sanitizer pass: ASan + UBSan build with Clang in build-clang-asan/ (-O1, line tables,
#    -fno-sanitize-recover=all, leak checking with scripts/lsan.supp), then the same ctest plus
#    a short libFuzzer run of every fuzz target (tests/fuzz, HOOKBENCH_FUZZ_SECONDS each; longer
#    runs: scripts/fuzz). Clang is a second compiler's warnings too. Skipped with --quick.
# Line tables (-g1) are all a backtrace or a sanitizer report needs, and build much faster than
# full debug info; with precompiled Qt headers both passes fit CI's time on 2 cores.
#
# Tests run with QT_QPA_PLATFORM=offscreen, LC_ALL=C and a throwaway HOME / XDG directories /
# TMPDIR and no session bus or display, so they never touch the real user's data, keys or desktop.
# The secret-store tests bring their own private session bus (and a throwaway gnome-keyring as a
# real Secret Service) and stop it when they end: see tests/CMakeLists.txt.
# Exits non-zero if any build or test fails; the last lines are a summary.
#
# Usage: scripts/test.sh [--quick]
#   --quick   skip the sanitizer pass (for developers; CI runs both)
# Environment: HOOKBENCH_JOBS (default 2), HOOKBENCH_TEST_TIMEOUT (seconds per test without its
#   own TIMEOUT, default 300), HOOKBENCH_CTEST_BUDGET (seconds for one whole ctest run, default 900),
#   HOOKBENCH_FUZZ_SECONDS (how long each fuzz target runs, default 15)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${HOOKBENCH_JOBS:-2}
TEST_TIMEOUT=${HOOKBENCH_TEST_TIMEOUT:-300}
CTEST_BUDGET=${HOOKBENCH_CTEST_BUDGET:-900}
FUZZ_SECONDS=${HOOKBENCH_FUZZ_SECONDS:-15}

quick=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        -h | --help)
            sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "test.sh: unknown argument '$arg' (expected --quick)" >&2
            exit 2
            ;;
    esac
done

started=$SECONDS
"$ROOT/scripts/install-deps.sh"

SANDBOX=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-test.XXXXXX")
trap 'rm -rf "$SANDBOX"' EXIT
REPORTS=$SANDBOX/sanitizer-reports # no ':' or spaces: it goes into ASAN_OPTIONS
mkdir -p "$REPORTS"

report=()   # one line per pass
passed_total=0
failed_total=0
ok=1

elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# configure_and_build DIR CMAKE_ARGS... : returns non-zero if configure or build fails.
configure_and_build() {
    local dir=$1
    shift
    local generator=()
    # Ninja for a new build directory; an existing one keeps the generator it was made with.
    if [[ ! -f "$dir/CMakeCache.txt" ]]; then
        generator=(-G Ninja)
    fi
    cmake -S "$ROOT" -B "$dir" "${generator[@]}" -DHOOKBENCH_BUILD_TESTS=ON "$@" &&
        cmake --build "$dir" -j "$JOBS"
}

# run_ctest NAME DIR [VAR=VALUE...] : runs ctest in a fresh throwaway home; sets last_passed,
# last_failed; returns ctest's status.
run_ctest() {
    local name=$1 dir=$2
    shift 2
    local home="$SANDBOX/$name"
    mkdir -p "$home/home" "$home/config" "$home/data" "$home/cache" "$home/state" "$home/tmp" \
        "$home/runtime"
    chmod 700 "$home/runtime"
    local log="$home/ctest.log"
    local rc=0
    set +e
    env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY -u XAUTHORITY \
        -u SESSION_MANAGER -u HOOKBENCH_KEYS \
        HOME="$home/home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" XDG_RUNTIME_DIR="$home/runtime" \
        TMPDIR="$home/tmp" QT_QPA_PLATFORM=offscreen LC_ALL=C "$@" \
        timeout -k 30 "$CTEST_BUDGET" \
        ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout "$TEST_TIMEOUT" \
        --no-tests=error 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    if ((rc == 124 || rc == 137)); then
        echo "test.sh: $name: ctest did not finish within ${CTEST_BUDGET}s and was stopped" >&2
    fi
    # ASan/LSan reports go to files (log_path), so that those of child processes (tests start
    # hookbench-cli) are not lost in a captured stderr. Any report fails the pass. (Clang's
    # runtime writes UBSan reports there too.)
    local report_file reports=0
    for report_file in "$REPORTS"/*; do
        [[ -f "$report_file" ]] || continue
        reports=$((reports + 1))
        echo "=== test.sh: $name: sanitizer report ${report_file##*/} ==="
        cat "$report_file"
    done
    rm -f "$REPORTS"/*
    if ((reports > 0)); then
        echo "test.sh: $name: $reports sanitizer report(s) above" >&2
        ((rc != 0)) || rc=1
    fi
    # "100% tests passed, 0 tests failed out of 12"
    local line
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1 || true)
    if [[ -n "$line" ]]; then
        local total
        last_failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
        total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
        last_passed=$((total - last_failed))
    else
        last_passed=0
        last_failed=0
    fi
    return "$rc"
}

# run_pass NAME DIR [CMAKE_ARG...] -- [VAR=VALUE...]
run_pass() {
    local name=$1 dir=$2
    shift 2
    local cmake_args=()
    while (($#)) && [[ $1 != -- ]]; do
        cmake_args+=("$1")
        shift
    done
    (($#)) && shift # the --
    local t0=$SECONDS
    echo
    echo "=== test.sh: $name pass: build in ${dir#"$ROOT"/} ==="
    if ! configure_and_build "$dir" "${cmake_args[@]}"; then
        report+=("$name (${dir#"$ROOT"/}): BUILD FAILED after $(elapsed $((SECONDS - t0)))")
        failed_total=$((failed_total + 1)) # counted as one failure in the summary line
        ok=0
        return 1
    fi
    echo "=== test.sh: $name pass: ctest ==="
    last_passed=0
    last_failed=0
    local status=passed
    if ! run_ctest "$name" "$dir" "$@"; then
        status=FAILED
        ok=0
        if ((last_failed == 0)); then
            # ctest itself failed (no tests, budget exceeded) or a sanitizer report turned up
            # outside a failing test: count the pass as one failure so the summary agrees.
            status="FAILED (see above)"
            last_failed=1
        fi
    fi
    passed_total=$((passed_total + last_passed))
    failed_total=$((failed_total + last_failed))
    local took
    took=$(elapsed $((SECONDS - t0)))
    report+=("$name (${dir#"$ROOT"/}): $status, $last_passed passed, $last_failed failed in $took")
}

# (a) normal build.
normal_ok=1
run_pass normal "$ROOT/build-test" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
    -DHOOKBENCH_SANITIZE=OFF -DHOOKBENCH_BUILD_BENCH=ON -- || normal_ok=0

# (b) ASan + UBSan with Clang (the root CMakeLists adds -fsanitize=address,undefined
# -fno-sanitize-recover=all; HOOKBENCH_FUZZ adds libFuzzer's coverage to core and the fuzz
# targets). -O1 keeps it fast enough while stacks stay readable. The benchmarks are built and
# checked in the normal pass only.
if ((quick)); then
    report+=("asan+ubsan: skipped (--quick)")
elif ((!normal_ok)); then
    # The same sources would fail to build again; don't spend the time.
    report+=("asan+ubsan: skipped (the normal build failed)")
else
    run_pass asan+ubsan "$ROOT/build-clang-asan" \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" \
        -DHOOKBENCH_SANITIZE=ON -DHOOKBENCH_FUZZ=ON -DHOOKBENCH_FUZZ_SECONDS="$FUZZ_SECONDS" \
        -DHOOKBENCH_BUILD_BENCH=OFF -- \
        ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:disable_coredump=1:check_initialization_order=1:log_path=$REPORTS/asan" \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1 \
        LSAN_OPTIONS="suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0" || true
fi

echo
echo "=== test.sh summary ==="
for line in "${report[@]}"; do
    echo "test.sh: $line"
done
if ((ok)); then
    echo "test.sh: ALL PASSED in $(elapsed $((SECONDS - started)))"
else
    echo "test.sh: FAILED in $(elapsed $((SECONDS - started)))"
fi
echo "summary: $passed_total passed, $failed_total failed"
((ok))
