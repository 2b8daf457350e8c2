#!/usr/bin/env bash
# Runs inside `xvfb-run dbus-run-session`: unlocks a throwaway GNOME Keyring (a real Secret Service)
# and runs the cargo tests and the end-to-end tests. Called by run-all.sh only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
step() { printf '\n==> %s\n' "$*"; }

export XDG_DATA_HOME="${XDG_DATA_HOME_OVERRIDE:-$(mktemp -d)}"   # a keyring of this run only
eval "$(printf 'streamlens-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
export NO_AT_BRIDGE=1   # no accessibility bus in a test session

step "Rust: unit and integration tests (real SQLite, keyring, broker, registry, Flink)"
cargo test --workspace --locked --no-fail-fast

step "Building the desktop app"
cargo build -p streamlens-desktop --locked
export STREAMLENS_APP="$CARGO_TARGET_DIR/debug/streamlens-desktop"

step "End to end in the real window (tauri-driver + WebKitWebDriver under Xvfb)"
"$STREAMLENS_PYTHON" -m pytest -q -p no:cacheprovider tests/e2e
