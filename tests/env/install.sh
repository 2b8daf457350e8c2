#!/usr/bin/env bash
# Install what the Streamlens local environment needs, only what is missing:
#   apt: a JRE + JDK 17 (javac, jar), python3-venv, curl, protoc (+ the well-known .proto files)
#   the Python venv (confluent-kafka, fastavro, requests, selenium)
#   Flink 2.3.0 (from the apache-flink wheels, no Python deps)
#   tansu 0.6.0 (cargo install, ~15 min on 2 cores; skipped when present)
#   the Java test jobs jar (rebuilt when a source is newer than the jar)
# Takes a few seconds when everything is already there.
# Env: STREAMLENS_SKIP_TANSU=1 to not build tansu (e.g. CI restores it from a cache).
set -euo pipefail
. "$(dirname "$0")/_lib.sh"
t0="$(now_ms)"
mkdir -p "$STREAMLENS_ENV_DIR" "$STREAMLENS_RUN_DIR/flink"

# --- apt packages (only when the command they provide is missing) -------------------
apt_pkgs=()
command -v java >/dev/null 2>&1 || apt_pkgs+=(openjdk-17-jre-headless)
{ command -v javac && command -v jar; } >/dev/null 2>&1 || apt_pkgs+=(openjdk-17-jdk-headless)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || apt_pkgs+=(python3-venv)
command -v curl >/dev/null 2>&1 || apt_pkgs+=(curl)
# protoc + the well-known .proto files, for tests/interop (descriptor sets of our .proto files)
command -v protoc >/dev/null 2>&1 || apt_pkgs+=(protobuf-compiler)
[ -f /usr/include/google/protobuf/timestamp.proto ] || apt_pkgs+=(libprotobuf-dev)
if [ "${#apt_pkgs[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "apt-get install ${apt_pkgs[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_pkgs[@]}"
fi

# --- Python venv ------------------------------------------------------------------
PIP_PKGS=(confluent-kafka==2.16.1 fastavro==1.13.1 requests==2.34.2 selenium==4.51.0 pytest==9.2.0
  # confluent_kafka.schema_registry's own imports (tests/interop). Listed one by one: the
  # [schemaregistry,avro,json,protobuf] extras pin certifi>=2026.10.19, newer than PyPI offers here.
  authlib==1.9.6 cachetools==8.0.0 httpx2==2.16.2 jsonschema==4.26.0 protobuf==7.36.2
  googleapis-common-protos==1.76.0)
if [ ! -x "$STREAMLENS_PYTHON" ]; then
  log "creating venv $STREAMLENS_VENV"
  python3 -m venv "$STREAMLENS_VENV"
fi
if ! "$STREAMLENS_PYTHON" -c 'import confluent_kafka, fastavro, requests, selenium, pytest
import confluent_kafka.schema_registry.avro, confluent_kafka.schema_registry.protobuf
import confluent_kafka.schema_registry.json_schema' 2>/dev/null; then
  log "pip install ${PIP_PKGS[*]}"
  "$STREAMLENS_PYTHON" -m pip install -q --disable-pip-version-check "${PIP_PKGS[@]}"
fi

# --- Flink 2.3.0 (the wheel carries a full Flink home under pyflink/) ----------------
if [ ! -f "$FLINK_HOME/lib/flink-dist-$STREAMLENS_FLINK_VERSION.jar" ]; then
  log "installing Flink $STREAMLENS_FLINK_VERSION into $(dirname "$FLINK_HOME")"
  "$STREAMLENS_PYTHON" -m pip install -q --disable-pip-version-check --no-deps \
    --target "$(dirname "$FLINK_HOME")" \
    "apache-flink==$STREAMLENS_FLINK_VERSION" "apache-flink-libraries==$STREAMLENS_FLINK_VERSION"
fi
chmod +x "$FLINK_HOME"/bin/*.sh "$FLINK_HOME/bin/flink" 2>/dev/null || true

# --- tansu (Kafka-protocol broker) --------------------------------------------------
if [ ! -x "$STREAMLENS_TANSU" ]; then
  if [ "${STREAMLENS_SKIP_TANSU:-0}" = 1 ]; then
    log "tansu missing and STREAMLENS_SKIP_TANSU=1: broker.sh will not work"
  else
    command -v cargo >/dev/null 2>&1 || die "tansu missing and no cargo to build it (install rustup)"
    log "building tansu $STREAMLENS_TANSU_VERSION with cargo (about 15 minutes on 2 cores)"
    cargo install tansu --version "$STREAMLENS_TANSU_VERSION" --locked --features dynostore,libsql
  fi
fi

# --- Java test jobs -> $STREAMLENS_TEST_JAR -------------------------------------------
src="$ENV_SCRIPTS_DIR/flink-jobs/src"
if [ ! -f "$STREAMLENS_TEST_JAR" ] || [ -n "$(find "$src" -name '*.java' -newer "$STREAMLENS_TEST_JAR")" ]; then
  log "compiling Flink test jobs -> $STREAMLENS_TEST_JAR"
  classes="$(mktemp -d)"
  trap 'rm -rf "$classes"' EXIT
  # shellcheck disable=SC2046
  javac -nowarn --release 11 -d "$classes" -cp "$FLINK_HOME/lib/*" $(find "$src" -name '*.java')
  jar --create --file "$STREAMLENS_TEST_JAR.tmp" -C "$classes" .
  mv "$STREAMLENS_TEST_JAR.tmp" "$STREAMLENS_TEST_JAR"
fi

tansu_state="$STREAMLENS_TANSU"; [ -x "$STREAMLENS_TANSU" ] || tansu_state="MISSING"
log "install: ok in $(( $(now_ms) - t0 )) ms (java, venv, Flink $STREAMLENS_FLINK_VERSION, test jar under $STREAMLENS_ENV_DIR; tansu: $tansu_state)"
