# shellcheck shell=bash
# Source me:  . tests/env/env.sh
# Exports every port, URL and path of the Streamlens local test environment.
# Everything lives under one state root, STREAMLENS_ENV_DIR; override any variable
# before sourcing to run a second environment side by side.
# (No `set -e` here: this file is also sourced into interactive shells.)

export STREAMLENS_ENV_DIR="${STREAMLENS_ENV_DIR:-$HOME/.cache/streamlens-env}"
export STREAMLENS_RUN_DIR="${STREAMLENS_RUN_DIR:-$STREAMLENS_ENV_DIR/run}"

# Ports (each service its own).
export STREAMLENS_KAFKA_PORT="${STREAMLENS_KAFKA_PORT:-19092}"
export STREAMLENS_REGISTRY_PORT="${STREAMLENS_REGISTRY_PORT:-18081}"
export STREAMLENS_FLINK_PORT="${STREAMLENS_FLINK_PORT:-18082}"
export STREAMLENS_FLINK_RPC_PORT="${STREAMLENS_FLINK_RPC_PORT:-16123}"
export STREAMLENS_FLINK120_PORT="${STREAMLENS_FLINK120_PORT:-18083}"
export STREAMLENS_FLINK120_RPC_PORT="${STREAMLENS_FLINK120_RPC_PORT:-16124}"

# Endpoints.
export STREAMLENS_KAFKA_BOOTSTRAP="127.0.0.1:$STREAMLENS_KAFKA_PORT"
export STREAMLENS_REGISTRY_URL="http://127.0.0.1:$STREAMLENS_REGISTRY_PORT"
export STREAMLENS_FLINK_URL="http://127.0.0.1:$STREAMLENS_FLINK_PORT"
export STREAMLENS_FLINK120_URL="http://127.0.0.1:$STREAMLENS_FLINK120_PORT"

# Python venv (confluent-kafka, fastavro, requests, selenium).
export STREAMLENS_VENV="${STREAMLENS_VENV:-$STREAMLENS_ENV_DIR/venv}"
export STREAMLENS_PYTHON="$STREAMLENS_VENV/bin/python"

# Flink 2.3.0 from the apache-flink wheel; our own conf dir under run/flink.
export STREAMLENS_FLINK_VERSION="2.3.0"
# (STREAMLENS_FLINK_HOME, not FLINK_HOME, overrides it: a developer's FLINK_HOME may be another version.)
export FLINK_HOME="${STREAMLENS_FLINK_HOME:-$STREAMLENS_ENV_DIR/flink-$STREAMLENS_FLINK_VERSION/pyflink}"
export FLINK_CONF_DIR="$STREAMLENS_RUN_DIR/flink/conf"
export STREAMLENS_TEST_JAR="$STREAMLENS_RUN_DIR/flink/streamlens-test-jobs.jar"

# The second cluster: Flink 1.20 (same wheels, same test-job sources compiled against its
# lib/ into its own jar), everything under run/flink-1.20. FLINK_HOME/FLINK_CONF_DIR above
# stay the 2.3.0 ones; tests/env/flink.sh sets them per cluster.
export STREAMLENS_FLINK120_VERSION="1.20.5"
export STREAMLENS_FLINK120_HOME="${STREAMLENS_FLINK120_HOME:-$STREAMLENS_ENV_DIR/flink-$STREAMLENS_FLINK120_VERSION/pyflink}"
export STREAMLENS_FLINK120_CONF_DIR="$STREAMLENS_RUN_DIR/flink-1.20/conf"
export STREAMLENS_FLINK120_TEST_JAR="$STREAMLENS_RUN_DIR/flink-1.20/streamlens-test-jobs.jar"
# Which clusters flink.sh/up.sh/down.sh act on by default ("2.3 1.20", or just "2.3").
export STREAMLENS_FLINK_CLUSTERS="${STREAMLENS_FLINK_CLUSTERS:-2.3 1.20}"

# tansu (Kafka-protocol broker), from PATH or cargo's bin dir.
export STREAMLENS_TANSU_VERSION="0.6.0"
if [ -z "${STREAMLENS_TANSU:-}" ]; then
  STREAMLENS_TANSU="$(command -v tansu 2>/dev/null || true)"
  [ -n "$STREAMLENS_TANSU" ] || STREAMLENS_TANSU="${CARGO_HOME:-$HOME/.cargo}/bin/tansu"
fi
export STREAMLENS_TANSU

# JAVA_HOME: keep the caller's, else derive it from javac (JDK) or java.
if [ -z "${JAVA_HOME:-}" ]; then
  _sl_java="$(command -v javac 2>/dev/null || command -v java 2>/dev/null || true)"
  if [ -n "$_sl_java" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$_sl_java")")")"
    export JAVA_HOME
  fi
  unset _sl_java
fi
