#!/usr/bin/env bash
# Bring the whole local environment up (idempotent: running services are left alone):
# install what is missing, start broker, registry, both Flink clusters (2.3.0 and 1.20.5;
# STREAMLENS_FLINK_CLUSTERS=2.3 for just one), submit the test jobs, produce the demo data
# once, print the endpoints.
#   up.sh [--fresh]   --fresh: restart broker and registry with empty state (Flink jobs stay)
set -euo pipefail
. "$(dirname "$0")/_lib.sh"
fresh=()
case "${1:-}" in
  "") ;;
  --fresh) fresh=(--fresh) ;;
  *) echo "usage: $0 [--fresh]" >&2; exit 2 ;;
esac
t0="$(now_ms)"
"$ENV_SCRIPTS_DIR/install.sh"
"$ENV_SCRIPTS_DIR/broker.sh" start "${fresh[@]}"
"$ENV_SCRIPTS_DIR/registry.sh" start "${fresh[@]}"
"$ENV_SCRIPTS_DIR/flink.sh" start
"$ENV_SCRIPTS_DIR/flink.sh" submit
"$ENV_SCRIPTS_DIR/demo.sh" --skip-if-present
cat <<TXT
[streamlens-env] up in $(( $(now_ms) - t0 )) ms — endpoints (. tests/env/env.sh exports them):
  STREAMLENS_KAFKA_BOOTSTRAP=$STREAMLENS_KAFKA_BOOTSTRAP
  STREAMLENS_REGISTRY_URL=$STREAMLENS_REGISTRY_URL
  STREAMLENS_FLINK_URL=$STREAMLENS_FLINK_URL (Flink $STREAMLENS_FLINK_VERSION)
  STREAMLENS_FLINK120_URL=$STREAMLENS_FLINK120_URL (Flink $STREAMLENS_FLINK120_VERSION; clusters started: $STREAMLENS_FLINK_CLUSTERS)
  state and logs: $STREAMLENS_RUN_DIR/{broker,registry,flink,flink-1.20}
TXT
