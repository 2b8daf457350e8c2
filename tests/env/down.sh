#!/usr/bin/env bash
# Stop every service of the local environment (each by its own pid files; both Flink
# clusters). Data stays in $STREAMLENS_RUN_DIR; use broker.sh/registry.sh start --fresh to start from scratch.
set -euo pipefail
. "$(dirname "$0")/_lib.sh"
rc=0
"$ENV_SCRIPTS_DIR/flink.sh" stop 2.3 1.20 || rc=1   # both, whatever STREAMLENS_FLINK_CLUSTERS says
"$ENV_SCRIPTS_DIR/registry.sh" stop || rc=1
"$ENV_SCRIPTS_DIR/broker.sh" stop || rc=1
exit "$rc"
