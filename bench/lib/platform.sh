# Shared by the benchmarks that need a running Reel: boots it on a data directory and waits until the demo catalog is
# ready, and stops it again on exit. Source it from a bench script that has cd'ed to the repository root.
#   reel_start DATA [reel up options...]   boots in the background; returns once `reel status` says "demo: ready"
#   reel_stop DATA                         stops it
# On exit, the trap reel_start installs stops Reel and deletes DATA (BENCH_KEEP_DATA=1 keeps it, logs included).
# BENCH_TIMEOUT_SECONDS (default 900) bounds the wait.

export REEL_SKIP_BUILD=1
REEL_UP_PID=""
REEL_UP_DATA=""

reel_stop() {
  if [ -n "$REEL_UP_PID" ] && kill -0 "$REEL_UP_PID" 2>/dev/null; then
    ./reel down --data-dir "$1" >/dev/null 2>&1 || true
    wait "$REEL_UP_PID" 2>/dev/null || true
  fi
  REEL_UP_PID=""
}

reel_start() {
  local data=$1
  shift
  local out="$data/up.out"
  local deadline=$((SECONDS + ${BENCH_TIMEOUT_SECONDS:-900}))
  REEL_UP_DATA=$data
  trap 'reel_stop "$REEL_UP_DATA"; [ "${BENCH_KEEP_DATA:-0}" = 1 ] && echo "bench: kept $REEL_UP_DATA" >&2 || rm -rf "$REEL_UP_DATA"' EXIT
  ./reel up --data-dir "$data" "$@" >"$out" 2>&1 &
  REEL_UP_PID=$!
  # "Reel is up" means every instance is healthy; on a data directory seeded before, the demo is ready at once.
  until grep -q 'Reel is up' "$out" && ./reel status --data-dir "$data" 2>/dev/null | grep -q 'demo: ready'; do
    if ! kill -0 "$REEL_UP_PID" 2>/dev/null; then
      cat "$out"
      echo "bench: reel up exited" >&2
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      cat "$out"
      echo "bench: the demo catalog was not ready within ${BENCH_TIMEOUT_SECONDS:-900} s" >&2
      exit 1
    fi
    sleep 2
  done
  echo "bench: Reel is up with the demo catalog in $data"
}
