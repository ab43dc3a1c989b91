#!/usr/bin/env bash
# packaging_deb: build the .deb with CPack into a temporary folder, unpack it with dpkg-deb -x
# (never install it) and check its files, control fields, desktop file, AppStream metadata and
# systemd unit. Fails naming everything that is wrong.
#
# Usage: test-deb.sh CMAKE BUILD_DIR VERSION APP_ID
set -uo pipefail

cmake=$1 build=$2 version=$3 id=$4
cpack=$(dirname "$cmake")/cpack
work=$(mktemp -d "${TMPDIR:-/tmp}/hookbench-deb.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

problems=()
fail() { problems+=("$*"); }

for tool in "$cpack" dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null; then
        echo "packaging_deb: '$tool' not found (scripts/install-deps.sh installs it)" >&2
        exit 1
    fi
done

# CPack's staging folder (_CPack_Packages) goes under -B, so all of it stays in $work.
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1
then
    cat "$work/cpack.log" >&2
    echo "packaging_deb: FAILED: cpack could not build the .deb (log above)" >&2
    exit 1
fi
debs=("$work"/out/*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
    echo "packaging_deb: FAILED: expected one .deb in the cpack output, found: ${debs[*]}" >&2
    exit 1
fi
deb=${debs[0]}
echo "packaging_deb: built ${deb##*/} ($(du -h "$deb" | cut -f1))"

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == hookbench ]] || fail "control: Package is '$(field Package)', not hookbench"
[[ $(field Version) == "$version"-* ]] ||
    fail "control: Version '$(field Version)' does not start with the project's $version"
[[ $(field Section) == devel ]] || fail "control: Section is '$(field Section)', not devel"
depends=$(field Depends)
for dep in libqt6core6 libqt6widgets6 libqt6sql6-sqlite libsecret-1-0; do
    [[ $depends == *"$dep"* ]] || fail "control: Depends lacks $dep (dpkg-shlibdeps?): $depends"
done

root=$work/root
dpkg-deb -x "$deb" "$root" || { echo "packaging_deb: FAILED: dpkg-deb -x" >&2; exit 1; }

for bin in hookbench hookbench-cli; do
    [[ -x $root/usr/bin/$bin ]] || fail "missing or not executable: /usr/bin/$bin"
done
desktop=$root/usr/share/applications/$id.desktop
metainfo=$root/usr/share/metainfo/$id.metainfo.xml
svg=$root/usr/share/icons/hicolor/scalable/apps/$id.svg
unit=$root/usr/lib/systemd/user/hookbench-listen.service
copyright=$root/usr/share/doc/hookbench/copyright
for file in "$desktop" "$metainfo" "$svg" "$unit" "$copyright"; do
    [[ -s $file ]] || fail "missing or empty: ${file#"$root"}"
done
for size in 16 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x$size/apps/$id.png
    [[ -s $png ]] || fail "missing: ${png#"$root"}"
done
if [[ -s $copyright ]] && ! grep -q '^License: GPL-3+$' "$copyright"; then
    fail "the copyright file does not state the licence: ${copyright#"$root"}"
fi
if [[ -s $svg ]] && ! grep -q '<svg[^>]*viewBox="0 0 256 256"' "$svg"; then
    fail "the icon is not a 256x256 SVG: ${svg#"$root"}"
fi

# Validators: errors and warnings fail, and AppStream infos too (our metadata stays clean); hints
# and pedantic notes are only advice. --no-net: tests run offline.
if [[ -s $desktop ]]; then
    out=$(desktop-file-validate "$desktop" 2>&1)
    rc=$?
    [[ -n $out ]] && echo "desktop-file-validate: $out"
    if ((rc != 0)) || grep -qE ': (error|warning): ' <<<"$out"; then
        fail "desktop-file-validate rejects ${desktop#"$root"} (output above)"
    fi
    grep -qx "Exec=hookbench" "$desktop" || fail "desktop file: Exec is not 'hookbench'"
    grep -qx "Icon=$id" "$desktop" || fail "desktop file: Icon is not '$id'"
fi
if [[ -s $metainfo ]]; then
    out=$(appstreamcli validate --no-net --no-color "$metainfo" 2>&1)
    rc=$?
    echo "appstreamcli validate: $out"
    if ((rc != 0)) || grep -qE '^[EWI]: ' <<<"$out"; then
        fail "appstreamcli validate rejects ${metainfo#"$root"} (output above)"
    fi
    # The tree as installed: the metainfo's launchable must name an installed desktop file.
    out=$(appstreamcli validate-tree --no-net --no-color "$root" 2>&1)
    rc=$?
    echo "appstreamcli validate-tree: $out"
    if ((rc != 0)) || grep -qE '^[EWI]: ' <<<"$out"; then
        fail "appstreamcli validate-tree rejects the unpacked package (output above)"
    fi
fi
if [[ -s $unit ]]; then
    grep -qx "ExecStart=/usr/bin/hookbench-cli listen.*" "$unit" ||
        fail "unit: ExecStart does not run /usr/bin/hookbench-cli listen: $(grep ^ExecStart "$unit")"
    for line in Restart=on-failure KillSignal=SIGTERM NoNewPrivileges=yes \
        "EnvironmentFile=-%h/.config/hookbench/listen.env" WantedBy=default.target; do
        grep -qx -- "$line" "$unit" || fail "unit: no '$line'"
    done
    # systemd's own check, on a copy that runs the unpacked binary (ours is not installed).
    if command -v systemd-analyze >/dev/null; then
        sed "s#=/usr/bin/#=$root/usr/bin/#" "$unit" >"$work/hookbench-listen.service"
        mkdir -m 700 "$work/runtime"
        out=$(XDG_RUNTIME_DIR=$work/runtime systemd-analyze --user verify \
            "$work/hookbench-listen.service" 2>&1)
        rc=$?
        echo "systemd-analyze verify: ${out:-no complaints}"
        if ((rc != 0)) || [[ -n $out ]]; then
            fail "systemd-analyze verify rejects ${unit#"$root"} (output above)"
        fi
    else
        echo "systemd-analyze not found: the unit's syntax is not checked"
    fi
fi

if ((${#problems[@]})); then
    printf 'packaging_deb: FAILED: %s\n' "${problems[@]}" >&2
    exit 1
fi
echo "packaging_deb: passed (files, control fields, desktop file, AppStream, systemd unit)"
