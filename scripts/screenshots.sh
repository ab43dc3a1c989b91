#!/usr/bin/env bash
# Regenerate the README's screenshots of the main views (docs/screenshots/*.png): runs the app
# and the CLI from a build directory under Xvfb, on a database prepared here in a throwaway
# HOME (endpoints, a key, webhooks, settings-file versions from tests/fixtures), drives the
# window with its keyboard shortcuts through xdotool and captures each view with ImageMagick.
#
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build/, as made by scripts/run.sh)
# Environment: HOOKBENCH_SCREENSHOTS_DIR (default docs/screenshots) to write elsewhere.
# Needs: Xvfb, xdotool, imagemagick, python3 (scripts/install-deps.sh installs them).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${1:-$ROOT/build}
OUT=${HOOKBENCH_SCREENSHOTS_DIR:-$ROOT/docs/screenshots}
APP=$BUILD/src/app/hookbench
CLI=$BUILD/src/cli/hookbench-cli
FIXTURES=$ROOT/tests/fixtures/vwo-settings

for file in "$APP" "$CLI"; do
    [[ -x $file ]] || { echo "screenshots.sh: $file is missing: build first (scripts/run.sh)" >&2; exit 2; }
done
for tool in Xvfb xdotool import convert python3; do
    command -v "$tool" >/dev/null ||
        { echo "screenshots.sh: '$tool' not found (scripts/install-deps.sh installs it)" >&2; exit 2; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-shots.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A private home: no real keys, settings or events are touched or shown.
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data
export XDG_CACHE_HOME=$WORK/cache XDG_RUNTIME_DIR=$WORK/runtime LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS
DB=$WORK/events.sqlite

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
APP_PORT=$(free_port)

display=$((90 + RANDOM % 100))
Xvfb ":$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
export DISPLAY=:$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

window=
start_app() {
    "$APP" --db "$DB" --port "$PORT" >"$WORK/app.log" 2>&1 &
    app_pid=$!
    pids+=("$app_pid")
    window=
    for _ in $(seq 100); do
        window=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -1) && [[ -n $window ]] && break
        sleep 0.1
    done
    [[ -n $window ]] || { cat "$WORK/app.log" >&2; echo "screenshots.sh: the window did not appear" >&2; exit 1; }
    sleep 2 # the receiver starts, the log loads
}
stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
}
keys() { xdotool key --delay 80 "$@"; sleep 0.8; }
# shot NAME: the top-level windows of the app, cropped to their union (a dialog over the window).
shot() {
    local name=$1
    import -window root "$WORK/root.png"
    local geometry
    geometry=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | while read -r id; do
        xdotool getwindowgeometry --shell "$id"
    done | awk -F= '/^X=/{x=$2} /^Y=/{y=$2} /^WIDTH=/{w=$2} /^HEIGHT=/{h=$2;
        if (w > 50 && h > 50) { if (!n || x < minx) minx = x; if (!n || y < miny) miny = y;
        if (!n || x + w > maxx) maxx = x + w; if (!n || y + h > maxy) maxy = y + h; n++ } }
        END { printf "%dx%d+%d+%d", maxx - minx, maxy - miny, minx, miny }')
    convert "$WORK/root.png" -crop "$geometry" +repage "$OUT/$name.png"
    echo "screenshots.sh: $OUT/$name.png ($geometry)"
}
send() { "$CLI" send "http://127.0.0.1:$PORT$1" --retry none --no-history "${@:2}" >/dev/null 2>&1 || true; }

# 1. First run: an empty database.
start_app
shot welcome
stop_app

# 2. A set-up like a team's: three environments, one forwarding to "your app".
"$CLI" endpoints add staging --path /vwo/staging --db "$DB" >/dev/null 2>&1
"$CLI" endpoints add development --path /vwo/dev --respond-status 503 --db "$DB" >/dev/null 2>&1
"$CLI" endpoints add local-app --path /vwo/local --forward "http://127.0.0.1:$APP_PORT/hooks/vwo" \
    --forward-follow --db "$DB" >/dev/null 2>&1
"$CLI" keys generate --endpoint staging --db "$DB" >"$WORK/staging.key" 2>/dev/null
"$CLI" settings import "$FIXTURES/mutually-exclusive-groups.json" --db "$DB" >/dev/null 2>&1
"$CLI" settings import "$FIXTURES/mutually-exclusive-groups-priority-weights.json" --db "$DB" >/dev/null 2>&1
python3 - "$APP_PORT" >/dev/null 2>&1 <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class App(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        body = b'{"received":true,"cache":"invalidated"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", int(sys.argv[1])), App).serve_forever()
PY
pids+=($!)

start_app
for _ in 1 2 3; do send /vwo-webhook; sleep 0.3; done
send /vwo/staging --key-file "$WORK/staging.key"
send /vwo/staging --key wrong-key-0123456789abcdef
send /vwo/dev
send /vwo/local
sleep 1.5

# The window's layout is the default one (a fresh HOME) on a 1400x900 screen without a window
# manager: the window sits at 0,0. Alt-mnemonics do not reach Qt through Xvfb's keymap, so the
# menus and tabs are clicked; the shortcuts that need no Alt are typed.
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.8; }
# 3. The log, its first row opened.
click 600 136
shot main-window
# 3b. A delivery opened into its attempts: the filter keeps the retried ones, the first row's
# attempt count opens it.
keys ctrl+f
xdotool type --delay 40 'is:retry'
keys Return
click 697 136
shot deliveries
keys ctrl+f ctrl+a BackSpace Return
# 4. The newest row (the forwarded webhook) and its "App's Answer" tab.
keys Down Down Down Down Down Down Down Down
# (The splitter places the tab bar at one of two heights, depending on the first row's detail;
# a click at the other one lands on a label and does nothing.)
click 537 486
click 537 512
shot endpoints
# 5. Settings File > History.
click 323 8
click 360 30
shot settings-history
keys Escape
# 6. Endpoint > New Endpoint.
click 137 8
click 180 30
xdotool type --delay 40 staging-eu
keys Tab
shot endpoint-dialog
keys Escape
# 7. Help > About Hookbench.
click 430 8
click 470 30
shot about
keys Escape
# 8. The webhook keys of staging (chosen in the sidebar).
click 60 224
keys ctrl+shift+k
shot keys-panel
keys Escape
# 8b. Send > Check an Endpoint (Ctrl+Shift+A), run against the default endpoint. (Without a
# window manager the closed panel keeps the keyboard: a click gives it back to the window.)
click 700 400
keys ctrl+shift+a
click 854 291
sleep 3
shot sender-audit
stop_app

# 9. The log in the dark look (View > Appearance > Dark, kept in the settings file).
CONF=$XDG_CONFIG_HOME/Hookbench/hookbench.conf
mkdir -p "$(dirname "$CONF")"
printf '[appearance]\ntheme=dark\n' >>"$CONF"
start_app
click 600 136
keys Down Down
shot main-window-dark
stop_app
sed -i '/^\[appearance\]$/,/^theme=dark$/d' "$CONF"

# 10. The diff viewer on two settings files.
"$APP" --compare "$FIXTURES/mutually-exclusive-groups.json" \
    "$FIXTURES/mutually-exclusive-groups-priority-weights.json" >"$WORK/app.log" 2>&1 &
app_pid=$!
pids+=("$app_pid")
sleep 3
shot diff-viewer
stop_app
