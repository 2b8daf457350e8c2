#!/usr/bin/env bash
# THE RUN COMMAND. Sets everything up, starts the local environment (Kafka-protocol broker,
# Schema Registry stand-in, Flink 2.3 with demo jobs, demo data with PII), adds a
# "Local environment" connection, and opens Streamlens connected to it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash tests/setup.sh

# No Secret Service on this session (a server, a container)? Run a private one.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ "${STREAMLENS_IN_SESSION:-}" != 1 ]; then
  export STREAMLENS_IN_SESSION=1
  command -v dbus-run-session >/dev/null && exec dbus-run-session -- bash -c 'eval "$(printf streamlens | gnome-keyring-daemon --unlock --components=secrets)"; exec bash "$0"' "$0"
fi

export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck source=env/env.sh
. tests/env/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}"

bash tests/env/up.sh
(cd ui && npm run --silent build)
cargo build -p streamlens-desktop -p streamlens-cli

launch() {
  "$CARGO_TARGET_DIR/debug/streamlens" connections add --if-missing --name "Local environment" --env dev \
    --kafka "$STREAMLENS_KAFKA_BOOTSTRAP" --registry "$STREAMLENS_REGISTRY_URL" --flink "$STREAMLENS_FLINK_URL"
  exec "$CARGO_TARGET_DIR/debug/streamlens-desktop"
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting Streamlens under Xvfb (headless smoke run)."
  export -f launch
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c launch
fi
launch
