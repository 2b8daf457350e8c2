#!/usr/bin/env bash
# Schema Registry TEST STAND-IN (tests/env/registry_standin.py) — start|stop|status.
#   start [--fresh]   start on $STREAMLENS_REGISTRY_PORT (default 18081); --fresh wipes state
#   stop              kill the pid in run/registry/registry.pid
#   status            running + healthy?
# State persists in run/registry/state.json (so schema ids stay valid for the messages the
# broker keeps). STREAMLENS_REGISTRY_AUTH=user:pass starts it with HTTP basic auth.
set -euo pipefail
. "$(dirname "$0")/_lib.sh"

DIR="$STREAMLENS_RUN_DIR/registry"
PID="$DIR/registry.pid"
LOG="$DIR/registry.log"
STATE="$DIR/state.json"
AUTH="${STREAMLENS_REGISTRY_AUTH:-}"

healthy() {
  local a=()
  [ -z "$AUTH" ] || a=(-u "$AUTH")
  [ "$(curl -sf --max-time 2 "${a[@]}" "$STREAMLENS_REGISTRY_URL/" 2>/dev/null)" = "{}" ]
}

start() {
  local fresh=0 t0 i
  [ "${1:-}" = "--fresh" ] && fresh=1
  if [ "$fresh" = 0 ] && pid_alive "$PID" && healthy; then
    log "registry: already running (pid $(cat "$PID")) at $STREAMLENS_REGISTRY_URL"
    return 0
  fi
  kill_pidfile "$PID"
  port_open "$STREAMLENS_REGISTRY_PORT" && die "registry: port $STREAMLENS_REGISTRY_PORT is taken by another process"
  need_python
  mkdir -p "$DIR"
  [ "$fresh" = 1 ] && rm -f "$STATE"
  t0="$(now_ms)"
  local args=(--host 127.0.0.1 --port "$STREAMLENS_REGISTRY_PORT" --state "$STATE")
  [ -z "$AUTH" ] || args+=(--basic-auth "$AUTH")
  # setsid: own session, so the service outlives the calling shell; the child writes its pid.
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$PID" \
    "$STREAMLENS_PYTHON" "$ENV_SCRIPTS_DIR/registry_standin.py" "${args[@]}" \
    >>"$LOG" 2>&1 </dev/null &
  for ((i = 0; i < 50; i++)); do [ -s "$PID" ] && break; sleep 0.1; done
  for ((i = 0; i < 100; i++)); do
    healthy && break
    pid_alive "$PID" || break   # it died: no point waiting
    sleep 0.1
  done
  if ! healthy; then
    tail -n 20 "$LOG" >&2 || true
    die "registry: did not answer on $STREAMLENS_REGISTRY_URL within 10 s (log: $LOG)"
  fi
  log "registry: started (pid $(cat "$PID")) at $STREAMLENS_REGISTRY_URL${AUTH:+ with basic auth} in $(( $(now_ms) - t0 )) ms"
}

stop() {
  if pid_alive "$PID"; then
    local p; p="$(cat "$PID")"
    kill_pidfile "$PID"
    log "registry: stopped (pid $p)"
  else
    rm -f "$PID"
    log "registry: not running"
  fi
}

status() {
  if pid_alive "$PID" && healthy; then
    log "registry: running (pid $(cat "$PID")) at $STREAMLENS_REGISTRY_URL"
  else
    log "registry: not running"; return 1
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
