#!/usr/bin/env bash
# Install what the Streamlens local environment needs, only what is missing:
#   apt: a JRE + JDK 17 (javac, jar), python3-venv, curl, protoc (+ the well-known .proto files)
#   the Python venv (confluent-kafka, fastavro, requests, selenium)
#   Flink 2.3.0 and 1.20.5 (from the apache-flink wheels, no Python deps; 1.20 only when
#   STREAMLENS_FLINK_CLUSTERS contains 1.20, the default)
#   tansu 0.6.0 (cargo install, ~15 min on 2 cores; skipped when present)
#   the Java test jobs, one jar per Flink version (rebuilt when a source is newer than the jar)
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

# --- Flink 2.3.0 and 1.20 (each wheel pair carries a full Flink home under pyflink/) -----
# install_flink VERSION HOME
install_flink() {
  if [ ! -f "$2/lib/flink-dist-$1.jar" ]; then
    log "installing Flink $1 into $(dirname "$2")"
    "$STREAMLENS_PYTHON" -m pip install -q --disable-pip-version-check --no-deps \
      --target "$(dirname "$2")" "apache-flink==$1" "apache-flink-libraries==$1"
  fi
  chmod +x "$2"/bin/*.sh "$2/bin/flink" 2>/dev/null || true
}
install_flink "$STREAMLENS_FLINK_VERSION" "$FLINK_HOME"
want_flink120=0
case " $STREAMLENS_FLINK_CLUSTERS " in *" 1.20 "*) want_flink120=1 ;; esac
if [ "$want_flink120" = 1 ]; then install_flink "$STREAMLENS_FLINK120_VERSION" "$STREAMLENS_FLINK120_HOME"; fi

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

# --- Java test jobs -> one jar per Flink version (same sources) ------------------------
src="$ENV_SCRIPTS_DIR/flink-jobs/src"
classes=""
trap '[ -z "$classes" ] || rm -rf "$classes"' EXIT
# compile_jobs FLINK_HOME JAR: when the jar is missing or a source is newer than it.
compile_jobs() {
  if [ ! -f "$2" ] || [ -n "$(find "$src" -name '*.java' -newer "$2")" ]; then
    log "compiling Flink test jobs against $1/lib -> $2"
    mkdir -p "$(dirname "$2")"
    classes="$(mktemp -d)"
    # shellcheck disable=SC2046
    javac -nowarn --release 11 -d "$classes" -cp "$1/lib/*" $(find "$src" -name '*.java')
    jar --create --file "$2.tmp" -C "$classes" .
    mv "$2.tmp" "$2"
    rm -rf "$classes"; classes=""
  fi
}
compile_jobs "$FLINK_HOME" "$STREAMLENS_TEST_JAR"
if [ "$want_flink120" = 1 ]; then compile_jobs "$STREAMLENS_FLINK120_HOME" "$STREAMLENS_FLINK120_TEST_JAR"; fi

tansu_state="$STREAMLENS_TANSU"; [ -x "$STREAMLENS_TANSU" ] || tansu_state="MISSING"
flinks="$STREAMLENS_FLINK_VERSION"; if [ "$want_flink120" = 1 ]; then flinks="$flinks + $STREAMLENS_FLINK120_VERSION"; fi
log "install: ok in $(( $(now_ms) - t0 )) ms (java, venv, Flink $flinks, test jars under $STREAMLENS_ENV_DIR; tansu: $tansu_state)"
