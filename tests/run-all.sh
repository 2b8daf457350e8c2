#!/usr/bin/env bash
# THE TEST COMMAND. Sets everything up, then runs every check and test: UI types, lint and
# unit tests; cargo fmt and clippy -D warnings; engine unit and real-service integration
# tests (broker, Flink, registry stand-in, SQLite, OS keyring); the CLI against the local
# environment; and end-to-end tests in the real app window under Xvfb. .ci/run calls this.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
step() { printf '\n==> %s\n' "$*"; }

step "Setting up (installs only what is missing)"
bash tests/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=env/env.sh
. tests/env/env.sh
# One target dir shared by every clone and run on this machine: no needless rebuilds.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}"
export CARGO_TERM_COLOR=never

step "UI: typecheck, lint, unit tests, build"
(cd ui && npm run --silent typecheck && npm run --silent lint && npm test --silent && npm run --silent build)

step "Rust: cargo fmt --check"
cargo fmt --all --check

step "Rust: clippy -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Local environment: broker, registry stand-in, Flink 2.3 + jobs, demo data"
trap 'bash "$ROOT/tests/env/down.sh" || true' EXIT
bash tests/env/up.sh

step "Tests under Xvfb, in a private D-Bus session with an unlocked GNOME Keyring"
# Xvfb outside D-Bus, so services D-Bus starts (portals, keyring prompts) see the display.
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash tests/in-keyring-session.sh

step "Package: the .deb installed into a fresh Debian 12 root; .slrec files open through the file association"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo -E"
$SUDO bash tests/package/deb_install.sh
