#!/usr/bin/env bash
# Runs a fuzz target (decode_payload by default, or open_recording) for SECONDS (default 600)
# on the committed corpus with
# libFuzzer (cargo-fuzz, nightly toolchain; installs cargo-fuzz if missing). New inputs it
# finds go to a scratch corpus, not the committed one; a crash is written to fuzz/artifacts/.
# No sanitizer: the engine forbids unsafe code, and ASan breaks the static librdkafka link
# (its configure probes fail against ASan-instrumented zstd); panics, stack overflows,
# timeouts and memory blow-ups are what is looked for.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SECONDS_TO_RUN="${1:-600}"
TARGET="${2:-decode_payload}"
case "$TARGET" in
  decode_payload) MAX_LEN=65536 ;;
  open_recording) MAX_LEN=262144 ;;   # small recordings: a few dozen SQLite pages
  *) echo "usage: $0 [SECONDS] [decode_payload|open_recording]" >&2; exit 2 ;;
esac
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
SCRATCH="$(mktemp -d)"
cp "$HERE"/corpus/"$TARGET"/* "$SCRATCH"/
cd "$HERE/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}/fuzz"
cargo +nightly fuzz run --sanitizer none "$TARGET" "$SCRATCH" -- -max_total_time="$SECONDS_TO_RUN" -rss_limit_mb=2048 -max_len="$MAX_LEN"
