#!/usr/bin/env bash
# Produce the PII-rich demo data (tests/env/demo_producer.py) to the local broker, with the
# orders' Avro schema registered in the registry stand-in. Needs broker + registry running.
#   demo.sh [--count N] [--seed S] [--skip-if-present] [...]   (see demo_producer.py --help)
set -euo pipefail
. "$(dirname "$0")/_lib.sh"
need_python
"$ENV_SCRIPTS_DIR/broker.sh" status >/dev/null || die "demo: broker not running — run tests/env/broker.sh start"
"$ENV_SCRIPTS_DIR/registry.sh" status >/dev/null || die "demo: registry not running — run tests/env/registry.sh start"
t0="$(now_ms)"
out="$("$STREAMLENS_PYTHON" "$ENV_SCRIPTS_DIR/demo_producer.py" "$@")"
log "demo: $out (total $(( $(now_ms) - t0 )) ms)"
