# shellcheck shell=bash
# Helpers shared by the tests/env scripts (sourced, not run).
ENV_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=env.sh
. "$ENV_SCRIPTS_DIR/env.sh"

log() { echo "[streamlens-env] $*"; }
die() { echo "[streamlens-env] ERROR: $*" >&2; exit 1; }

# pid_alive FILE -> true if FILE holds the pid of a live process.
pid_alive() {
  local pid
  [ -f "$1" ] || return 1
  pid="$(head -n1 "$1" 2>/dev/null || true)"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# port_open PORT -> true if something accepts TCP connections on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# kill_pidfile FILE [SECONDS] -> TERM the pid in FILE, wait, then KILL; remove FILE.
kill_pidfile() {
  local file="$1" wait="${2:-10}" pid i
  [ -f "$file" ] || return 0
  pid="$(head -n1 "$file" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < wait * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

# now_ms -> milliseconds since the epoch (for timings).
now_ms() { date +%s%3N; }

# need_python -> fail clearly when the venv is missing.
need_python() {
  [ -x "$STREAMLENS_PYTHON" ] || die "venv missing at $STREAMLENS_VENV — run tests/env/install.sh"
}
