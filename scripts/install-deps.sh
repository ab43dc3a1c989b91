#!/usr/bin/env bash
# Install what Hookbench needs to build, run, test and benchmark on Debian 12 (bookworm).
#
# Idempotent: asks dpkg which packages are missing and installs only those; when nothing is
# missing it touches nothing (no apt-get update, no sudo). Safe to run on every build.
#
# Usage: scripts/install-deps.sh [--check]
#   --check   only report missing packages (exit 1 if any), install nothing
set -euo pipefail

# The one list of packages. Keep it sorted by purpose; add a comment for anything surprising.
PACKAGES=(
    # toolchain
    cmake ninja-build g++ ccache pkg-config
    # the sanitizer pass and the fuzzers (libFuzzer's runtime is in libclang-rt-14-dev)
    clang-14 libclang-rt-14-dev
    # Qt 6.4 (Debian 12)
    qt6-base-dev qt6-httpserver-dev
    # Qt6HttpServerConfig.cmake requires Qt6WebSockets, but Debian's qt6-httpserver-dev does not
    # depend on it: without this package find_package(Qt6 COMPONENTS HttpServer) fails.
    qt6-websockets-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libsqlite3-dev qt6-qpa-plugins libgl-dev
    # the secret store: QtKeychain loads libsecret at run time (dlopen), so no package depends on it
    qtkeychain-qt6-dev libsecret-1-0
    # the settings-file diff's JSON parser (SIMD, ~4x QJsonDocument's speed on an 11 MB file)
    libsimdjson-dev
    # HTTPS: self-signed certificates and key checks with libcrypto (Qt cannot create them)
    libssl-dev
    # tests and benchmarks
    wrk nghttp2-client xvfb xauth imagemagick dbus gnome-keyring curl python3
    # tst_unifieddiff applies our unified diffs with GNU patch (diff itself is Essential)
    patch
    # packaging_deb: CPack's DEB generator runs dpkg-shlibdeps; the validators of the desktop
    # file and the AppStream metadata
    dpkg-dev desktop-file-utils appstream
    # scripts/screenshots.sh drives the window under Xvfb
    xdotool
)

check_only=0
case "${1:-}" in
    --check) check_only=1 ;;
    -h | --help)
        sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    "") ;;
    *)
        echo "install-deps.sh: unknown argument '$1' (expected --check or nothing)" >&2
        exit 2
        ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "install-deps.sh: dpkg-query not found; this script supports Debian 12 only." >&2
    echo "install-deps.sh: install by hand: ${PACKAGES[*]}" >&2
    exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
    # "install ok installed" is the only state that counts; half-installed or removed-with-config
    # packages are reinstalled.
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$pkg")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps.sh: all ${#PACKAGES[@]} packages present"
    exit 0
fi

echo "install-deps.sh: missing: ${missing[*]}"
if ((check_only)); then
    exit 1
fi

if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps.sh: not root and sudo not found; install as root: ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q -o DPkg::Lock::Timeout=300)
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install \
    "${missing[@]}"
echo "install-deps.sh: installed ${#missing[@]} package(s)"
