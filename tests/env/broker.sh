#!/usr/bin/env bash
# tansu Kafka-protocol broker with the SQLite storage engine — start|stop|status.
#   start [--fresh]   listen on 127.0.0.1:$STREAMLENS_KAFKA_PORT (default 19092), data in
#                     run/broker/broker.db (--fresh deletes it first); waits until a Kafka
#                     metadata request works, fails after ~30 s with the log tail
#   stop              kill the pid in run/broker/broker.pid
#   status            running + answering metadata?
set -euo pipefail
. "$(dirname "$0")/_lib.sh"

DIR="$STREAMLENS_RUN_DIR/broker"
PID="$DIR/broker.pid"
LOG="$DIR/broker.log"
DB="$DIR/broker.db"
URL="tcp://127.0.0.1:$STREAMLENS_KAFKA_PORT"

# A real Kafka round trip: librdkafka's ApiVersions + Metadata through AdminClient.
healthy() {
  port_open "$STREAMLENS_KAFKA_PORT" || return 1
  "$STREAMLENS_PYTHON" - "$STREAMLENS_KAFKA_BOOTSTRAP" <<'PY' 2>/dev/null
import sys
from confluent_kafka.admin import AdminClient
md = AdminClient({"bootstrap.servers": sys.argv[1], "log_level": 0}).list_topics(timeout=3)
sys.exit(0 if md.brokers else 1)
PY
}

start() {
  local fresh=0 t0 i
  [ "${1:-}" = "--fresh" ] && fresh=1
  need_python
  [ -x "$STREAMLENS_TANSU" ] || die "broker: tansu not found ($STREAMLENS_TANSU) — run tests/env/install.sh"
  if pid_alive "$PID" && [ "$fresh" = 0 ] && healthy; then
    log "broker: already running (pid $(cat "$PID")) at $STREAMLENS_KAFKA_BOOTSTRAP"
    return 0
  fi
  kill_pidfile "$PID"
  port_open "$STREAMLENS_KAFKA_PORT" && die "broker: port $STREAMLENS_KAFKA_PORT is taken by another process"
  mkdir -p "$DIR"
  DIR="$(cd "$DIR" && pwd)"; DB="$DIR/broker.db"   # absolute: see the sqlite URL below
  [ "$fresh" = 1 ] && rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
  t0="$(now_ms)"
  # setsid: own session, so the broker outlives the calling shell; the child writes its pid.
  # tansu also reads CLUSTER_ID, SCHEMA_REGISTRY, OTEL_* ... from the environment: pin/unset them.
  setsid env -u SCHEMA_REGISTRY -u OTEL_EXPORTER_OTLP_ENDPOINT \
    bash -c 'echo $$ > "$0"; exec "$@"' "$PID" \
    "$STREAMLENS_TANSU" broker --cluster-id streamlens-local \
    --listener-url "$URL" --advertised-listener-url "$URL" \
    --storage-engine "sqlite:///$DB" \
    >>"$LOG" 2>&1 </dev/null &
  # Quirk: tansu drops the first "/" of the URL path, so an absolute path needs
  # sqlite:////abs/broker.db (4 slashes); sqlite:///abs/... opens $PWD/abs/... and fails.
  for ((i = 0; i < 50; i++)); do [ -s "$PID" ] && break; sleep 0.1; done
  for ((i = 0; i < 60; i++)); do
    healthy && break
    pid_alive "$PID" || break   # it died: no point waiting
    sleep 0.5
  done
  if ! healthy; then
    tail -n 20 "$LOG" >&2 || true
    if pid_alive "$PID"; then
      kill_pidfile "$PID"
      die "broker: no metadata answer from $STREAMLENS_KAFKA_BOOTSTRAP within 30 s (log: $LOG)"
    fi
    rm -f "$PID"
    die "broker: tansu exited during start (log: $LOG)"
  fi
  log "broker: started (pid $(cat "$PID")) at $STREAMLENS_KAFKA_BOOTSTRAP in $(( $(now_ms) - t0 )) ms (db $DB)"
}

stop() {
  if pid_alive "$PID"; then
    local p; p="$(cat "$PID")"
    kill_pidfile "$PID" 15
    log "broker: stopped (pid $p)"
  else
    rm -f "$PID"
    log "broker: not running"
  fi
}

status() {
  if pid_alive "$PID" && healthy; then
    log "broker: running (pid $(cat "$PID")) at $STREAMLENS_KAFKA_BOOTSTRAP"
  else
    log "broker: not running"; return 1
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
