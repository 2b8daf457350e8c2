#!/usr/bin/env bash
# Makes the sample recording the app ships (src-tauri/resources/sample.slrec): FlakyJob on
# the local Flink 2.3 cluster for 60 s — long enough for a restart and a failed checkpoint —
# with the topic sample.customers captured as its input while demo customers (synthetic
# PII: names, emails, phones, IBANs, cards) are written to it, masked for support.
# Needs the environment up (tests/env/up.sh) and the CLI built. Run it by hand when the
# format changes; the result is committed.
#   make_sample_recording.sh [OUTPUT]
set -euo pipefail
. "$(dirname "$0")/_lib.sh"
export ENV_SCRIPTS_DIR
ROOT="$(cd "$ENV_SCRIPTS_DIR/../.." && pwd)"
OUT="${1:-$ROOT/src-tauri/resources/sample.slrec}"
CLI="${STREAMLENS_CLI:-${CARGO_TARGET_DIR:-$HOME/.cache/streamlens/target}/debug/streamlens}"
[ -x "$CLI" ] || die "build the CLI first: cargo build -p streamlens-cli"
DATA="$(mktemp -d)"
export STREAMLENS_DATA_DIR="$DATA" STREAMLENS_KEYRING_SERVICE="streamlens-sample-$$"
trap 'rm -rf "$DATA"' EXIT
"$CLI" connections add --name local --kafka "$STREAMLENS_KAFKA_BOOTSTRAP" --flink "$STREAMLENS_FLINK_URL" >/dev/null
"$CLI" topics create sample.customers -c local --partitions 1 >/dev/null 2>&1 || true
rm -f "$OUT"
"$CLI" record -c local --job FlakyJob --duration 60s --interval 1s --topics in:sample.customers -o "$OUT" &
recorder=$!
sleep 3
"$STREAMLENS_PYTHON" - <<'PY'
import json, os, random, sys, time
sys.path.insert(0, os.path.join(os.environ["ENV_SCRIPTS_DIR"]))
from confluent_kafka import Producer
import demo_producer as demo
r = random.Random(7)
p = Producer({"bootstrap.servers": os.environ["STREAMLENS_KAFKA_BOOTSTRAP"]})
for i in range(50):
    key, value = demo.customer_value(r, i)
    p.produce("sample.customers", key=key.encode(), value=json.dumps(value).encode())
    p.flush()
    time.sleep(1)
PY
wait "$recorder"
log "sample recording: $OUT ($(stat -c %s "$OUT") bytes)"
