#!/usr/bin/env bash
# Build and launch Hookbench.
#
# Installs missing Debian 12 packages (scripts/install-deps.sh), configures a Release build in
# build/ with Ninja, builds the app (hookbench) and the CLI (hookbench-cli), then replaces itself
# with the app; every argument is passed to the app.
#
# Usage: scripts/run.sh [APP ARGUMENTS...]
# Environment: HOOKBENCH_BUILD_DIR (default: <repo>/build), HOOKBENCH_JOBS (default: 2)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${HOOKBENCH_BUILD_DIR:-$ROOT/build}
JOBS=${HOOKBENCH_JOBS:-2}

"$ROOT/scripts/install-deps.sh"

# Ninja for a new build directory; an existing one keeps the generator it was made with.
generator=()
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    generator=(-G Ninja)
fi
cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release \
    -DHOOKBENCH_BUILD_TESTS=OFF
cmake --build "$BUILD_DIR" --target hookbench hookbench-cli -j "$JOBS"

app="$BUILD_DIR/src/app/hookbench"
if [[ ! -x "$app" ]]; then
    echo "run.sh: built, but $app is missing" >&2
    exit 1
fi
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run.sh: no DISPLAY or WAYLAND_DISPLAY; the window needs a desktop session" >&2
    echo "run.sh: (headless: xvfb-run -a scripts/run.sh, or QT_QPA_PLATFORM=offscreen)" >&2
fi
echo "run.sh: starting $app $*" >&2
exec "$app" "$@"
