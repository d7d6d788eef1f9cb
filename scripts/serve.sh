#!/usr/bin/env bash
# Serve the demo portal with a Celery worker and beat on the embedded broker (var/broker.sqlite3).
# Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8000}

# Background jobs of a script ignore Ctrl-C, so the script stops them itself, by their ids.
pids=()
stop() {
  trap - INT TERM EXIT
  kill -TERM "${pids[@]}" 2>/dev/null
  wait
}
trap stop INT TERM EXIT

# The embedded broker has no broadcast, so the worker skips mingle, gossip and heartbeats.
.venv/bin/celery -A wgportal worker --beat --concurrency 2 --loglevel INFO \
  --without-mingle --without-gossip --without-heartbeat &
pids+=($!)
$PY manage.py runserver --noreload "$HOST:$PORT" &
pids+=($!)

cat <<MSG

  wgportal is served at http://$HOST:$PORT/  (Ctrl-C stops the portal and its worker)
  Administration: http://$HOST:$PORT/en/admin/
  Demo accounts, password "wgportal-demo" (for this local demo only):
    secretariat                      secretariat staff (admin)
    president, bureau-ng, bureau-ph  Bureau of the Conference
    delegate-fr, delegate-eg, delegate-cn, delegate-ru, delegate-es, delegate-gb  delegates

MSG
wait
