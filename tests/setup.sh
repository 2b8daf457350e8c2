#!/usr/bin/env bash
# Sets up everything Streamlens needs on a fresh Debian machine: system packages, the
# tauri-driver WebDriver bridge, the UI's npm packages and the local environment (broker,
# Flink, registry stand-in, Python tools). Idempotent: seconds when all is in place.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
say() { printf '[setup] %s\n' "$*"; }

# System packages: the webview and its WebDriver, Xvfb, D-Bus + GNOME Keyring (Secret
# Service), and the C libraries rdkafka and keyring link against.
packages=(build-essential pkg-config cmake curl file libwebkit2gtk-4.1-dev libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev libsasl2-dev zlib1g-dev libzstd-dev libdbus-1-dev
  xvfb xauth webkit2gtk-driver gnome-keyring dbus dbus-x11 python3-venv)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo" ]; then
  say "installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
fi
export PATH="$HOME/.cargo/bin:$PATH"

# The WebDriver bridge for end-to-end tests in the real window.
if ! command -v tauri-driver >/dev/null 2>&1; then
  say "installing tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

# The UI's packages, reinstalled only when the lockfile changed.
if [ ! -f "$ROOT/ui/node_modules/.package-lock.json" ] \
  || [ "$ROOT/ui/package-lock.json" -nt "$ROOT/ui/node_modules/.package-lock.json" ]; then
  say "installing UI packages (npm ci)"
  (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The local environment: broker, Flink, registry stand-in, Python tools, test jobs.
bash "$ROOT/tests/env/install.sh"
say "ready"
