#!/usr/bin/env bash
# THE PACKAGE COMMAND: the release .deb (and the AppImage where the machine can reach
# github.com, which the Tauri bundler downloads linuxdeploy and AppRun from) built by the
# Tauri bundler from tauri.conf.json, with the icon set from icons/ and the .slrec file
# association. Prints where the packages are.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$ROOT/tests/setup.sh"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}"
bundles=deb
if curl -sfI --max-time 5 https://github.com >/dev/null 2>&1; then bundles=deb,appimage; fi
cd "$ROOT/src-tauri"
"$ROOT/ui/node_modules/.bin/tauri" build --bundles "$bundles"
ls -la "$CARGO_TARGET_DIR"/release/bundle/*/Streamlens*
