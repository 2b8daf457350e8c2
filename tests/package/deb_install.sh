#!/usr/bin/env bash
# The packaged app on a clean machine: builds the .deb with the Tauri bundler, installs it
# with apt into a fresh Debian 12 root (debootstrap, no container), and checks, inside that
# root and under Xvfb:
#   - the package installs with its declared dependencies and nothing else of ours;
#   - the desktop entry validates and the .slrec MIME type is registered to Streamlens;
#   - a file manager's "open" (gio open, what GNOME Files does) starts Streamlens with the
#     recording and the window opens it; so does `streamlens-desktop FILE.slrec`;
#   - the installed size, reported for the footprint benchmark.
# Screenshot of the packaged window: docs/screenshots/packaged-open.png.
#
# Usage: tests/package/deb_install.sh [PATH.deb]   (no argument: build a debug .deb first;
# the release package is `bash tests/package/build.sh`). Needs root (chroot, mounts).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$HOME/.cache/streamlens/pkgtest"
MIRROR="${STREAMLENS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
say() { printf '[package] %s\n' "$*"; }
fail() { printf '[package] FAILED: %s\n' "$*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root for chroot and mounts (run with sudo)"

deb="${1:-}"
if [ -z "$deb" ]; then
  say "building the debug .deb with the Tauri bundler"
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}"
  (cd "$ROOT/src-tauri" && "$ROOT/ui/node_modules/.bin/tauri" build --debug --bundles deb \
    -c '{"build":{"beforeBuildCommand":""}}' >/dev/null)
  deb="$(ls -t "$CARGO_TARGET_DIR"/debug/bundle/deb/*.deb | head -1)"
fi
[ -f "$deb" ] || fail "no package at $deb"

# A pristine minimal Debian 12 root, made once and copied for every run: each run installs
# into a root that has never seen Streamlens.
command -v debootstrap >/dev/null || { apt-get update -qq; apt-get install -y -qq debootstrap >/dev/null; }
mkdir -p "$CACHE"
if [ ! -f "$CACHE/base/.complete" ]; then
  say "debootstrap: a minimal Debian 12 root (once)"
  rm -rf "$CACHE/base"
  debootstrap --variant=minbase bookworm "$CACHE/base" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || fail "debootstrap failed, see $CACHE/debootstrap.log"
  touch "$CACHE/base/.complete"
fi

root="$(mktemp -d /var/tmp/streamlens-pkgroot.XXXXXX)"
# Every process started in the root carries this mark, so only they are stopped (the root
# sees the host's /proc: a name match would also stop a Streamlens the user is running).
mark="$(basename "$root")"
stop_marked() {
  for p in /proc/[0-9]*; do
    if { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -qx "STREAMLENS_PKGTEST=$mark"; then kill "${p#/proc/}" 2>/dev/null || true; fi
  done
}
cleanup() {
  stop_marked
  for m in dev/pts dev proc var/cache/apt/archives; do umount -l "$root/$m" 2>/dev/null || true; done
  rm -rf "$root"
}
trap cleanup EXIT
cp -a "$CACHE/base/." "$root/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p "$CACHE/archives/partial"
mount --bind "$CACHE/archives" "$root/var/cache/apt/archives"  # downloads reused between runs
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/streamlens.deb"
cp "$ROOT/src-tauri/resources/sample.slrec" "$root/root/from-file-manager.slrec"
cp "$ROOT/src-tauri/resources/sample.slrec" "$root/root/from-command-line.slrec"
in_root() { chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 STREAMLENS_PKGTEST="$mark" "$@"; }

say "apt install ./streamlens.deb (+ Xvfb and the file-manager tools the test drives)"
in_root bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  --no-install-recommends /tmp/streamlens.deb xvfb xauth libglib2.0-bin desktop-file-utils x11-apps netpbm' \
  >"$CACHE/apt.log" 2>&1 || { tail -20 "$CACHE/apt.log"; fail "apt could not install the package"; }
in_root dpkg-query -W -f='${Status} ${Version}\n' streamlens | grep -q "install ok installed" \
  || fail "dpkg does not list streamlens as installed"

say "desktop entry and file association"
in_root desktop-file-validate /usr/share/applications/Streamlens.desktop || fail "invalid desktop entry"
type="$(in_root gio info -a standard::content-type /root/from-file-manager.slrec | sed -n 's/.*content-type: //p')"
[ "$type" = "application/x-streamlens-recording" ] || fail ".slrec is typed '$type', not application/x-streamlens-recording"
in_root gio mime application/x-streamlens-recording | grep -q "Default application.*: Streamlens.desktop" \
  || fail "Streamlens is not the default application for .slrec"

# Both launches run in one Xvfb; each waits for the window to report the recording opened.
cat >"$root/root/launch.sh" <<'EOF'
set -u
log() { cat /root/.local/share/streamlens/logs/* 2>/dev/null; }
stop_app() { # the app this script started: the processes with this run's mark
  for p in /proc/[0-9]*; do
    if { tr '\0' '\n' <"$p/environ"; } 2>/dev/null | grep -qx "STREAMLENS_PKGTEST=$STREAMLENS_PKGTEST"; then
      [ "$(cat "$p/comm" 2>/dev/null)" = streamlens-desk ] && kill "${p#/proc/}" 2>/dev/null
    fi
  done
}
opened() { # FILE: wait up to 60 s for the app to open it; then screenshot and stop the app
  for _ in $(seq 1 120); do
    if log | grep -q "recording opened path=\"/root/$1\""; then
      sleep 3; xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"/root/$1.png"
      stop_app; sleep 1; return 0
    fi
    sleep 0.5
  done
  echo "the app never opened $1; its log:"; log | tail -20; return 1
}
gio open /root/from-file-manager.slrec >/dev/null 2>&1 && opened from-file-manager.slrec || exit 1
(streamlens-desktop /root/from-command-line.slrec >/dev/null 2>&1 &) && opened from-command-line.slrec || exit 1
EOF
say "open a recording from the file manager and from the command line, under Xvfb"
in_root xvfb-run -a -s "-screen 0 1280x800x24" bash /root/launch.sh || fail "the packaged app did not open the recording"
cp "$root/root/from-file-manager.slrec.png" "$ROOT/docs/screenshots/packaged-open.png"

installed_kib="$(in_root dpkg-query -W -f='${Installed-Size}' streamlens)"
say "ok: installed and opened .slrec files in a fresh Debian 12 root; installed size $((installed_kib / 1024)) MiB ($(basename "$deb"))"
