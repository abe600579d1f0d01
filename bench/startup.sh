#!/usr/bin/env bash
# Start-up benchmark for the packaged Image Hub: launches target/quarkus-app/quarkus-run.jar, measures the wall
# time until GET /q/health/ready answers 200, the "started in" figure Quarkus logs, the RSS at ready and after an
# idle pause, then stops the app with SIGTERM (SIGKILL if it lingers). See bench/README.md and --help.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
JAR="target/quarkus-app/quarkus-run.jar"          # relative to the repo root, where the app is started
if [[ -n "${JAVA:-}" ]]; then JAVA_BIN="$JAVA"; elif [[ -n "${JAVA_HOME:-}" ]]; then JAVA_BIN="$JAVA_HOME/bin/java"; else JAVA_BIN=java; fi
PORT="${QUARKUS_HTTP_PORT:-8080}"
# Health is on the management interface (9000; the demo profile's default is 9001, its S3 server has 9000).
MANAGEMENT_PORT="${QUARKUS_MANAGEMENT_PORT:-9001}"
export QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT"
READY_PATH="/q/health/ready"
READY_TIMEOUT=300
IDLE=10
STOP_TIMEOUT=30
LOG=""
OUT=""
COMMAND=""
JVM_OPTS=()

usage() {
  cat <<'EOF'
Usage: bench/startup.sh [options] [JVM options...] [-- more JVM options...]

Starts `java [JVM options] -jar target/quarkus-app/quarkus-run.jar` from the repo root and prints:
wall time from launch to GET http://127.0.0.1:$QUARKUS_MANAGEMENT_PORT/q/health/ready = 200 (polled every 100 ms),
the "started in X.XXXs" figure from the Quarkus log, RSS (VmRSS) at ready and after an idle pause,
and the SIGTERM -> exit time. The app is always stopped on exit (SIGTERM, then SIGKILL).

  -D..., -X..., any single-dash option   passed to the JVM, e.g. -Dquarkus.profile=demo -Xmx512m
  --                    everything after it is passed to the JVM (for --add-opens and the like)
  --jar PATH            jar to run                    (default target/quarkus-app/quarkus-run.jar)
  --ready-timeout S     give up if not ready after S seconds      (default 300)
  --ready-path PATH     readiness URL path            (default /q/health/ready)
  --idle S              idle pause before the second RSS reading  (default 10)
  --stop-timeout S      SIGKILL if still running S seconds after SIGTERM (default 30)
  --log FILE            keep the app's stdout+stderr in FILE (default: temp file, kept only on failure)
  --out FILE            also append the summary as a markdown block to FILE
  --command 'CMD'       testing aid: run CMD (via `bash -c "exec CMD"`) instead of java -jar;
                        JVM options given are appended to CMD
  -h, --help            this help
Environment: QUARKUS_HTTP_PORT (default 8080), QUARKUS_MANAGEMENT_PORT (default 9001; the app reads both),
JAVA or JAVA_HOME (java binary).
EOF
}

die() { echo "startup: $*" >&2; exit 1; }
log() { echo "startup: $*" >&2; }

need_value() { [[ $# -ge 2 && -n "$2" ]] || die "option $1 needs a value (see --help)"; }
while [[ $# -gt 0 ]]; do
  arg="$1"
  if [[ "$arg" == --*=* ]]; then set -- "${arg%%=*}" "${arg#*=}" "${@:2}"; arg="$1"; fi
  case "$arg" in
    --jar)           need_value "$@"; JAR="$2"; shift 2 ;;
    --ready-timeout) need_value "$@"; READY_TIMEOUT="$2"; shift 2 ;;
    --idle)          need_value "$@"; IDLE="$2"; shift 2 ;;
    --ready-path)    need_value "$@"; READY_PATH="$2"; shift 2 ;;
    --stop-timeout)  need_value "$@"; STOP_TIMEOUT="$2"; shift 2 ;;
    --log)           need_value "$@"; LOG="$2"; shift 2 ;;
    --out)           need_value "$@"; OUT="$2"; shift 2 ;;
    --command)       need_value "$@"; COMMAND="$2"; shift 2 ;;
    -h|--help)       usage; exit 0 ;;
    --)              shift; JVM_OPTS+=("$@"); break ;;
    --*)             die "unknown option: $arg (JVM options with '--' go after a lone '--'; see --help)" ;;
    -*)              JVM_OPTS+=("$arg"); shift ;;
    *)               die "unexpected argument: $arg (see --help)" ;;
  esac
done
for v in READY_TIMEOUT IDLE STOP_TIMEOUT; do [[ "${!v}" =~ ^[0-9]+$ ]] || die "${v,,} must be whole seconds, got '${!v}'"; done
[[ "$READY_PATH" == /* ]] || die "--ready-path must start with '/', got '$READY_PATH'"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "QUARKUS_HTTP_PORT must be a port number, got '$PORT'"
command -v curl >/dev/null 2>&1 || die "curl is required (Debian package 'curl')"

# ---- what to launch -------------------------------------------------------------------------------------
if [[ -n "$COMMAND" ]]; then
  for o in ${JVM_OPTS[@]+"${JVM_OPTS[@]}"}; do COMMAND+=" $(printf '%q' "$o")"; done
  LAUNCH=(bash -c "exec $COMMAND")
  SHOWN="$COMMAND"
else
  jar_abs="$JAR"; [[ "$jar_abs" == /* ]] || jar_abs="$REPO_DIR/$JAR"
  [[ -f "$jar_abs" ]] || die "no $jar_abs: package the app first (./mvnw package)"
  command -v "$JAVA_BIN" >/dev/null 2>&1 || die "java not found ('$JAVA_BIN'); set JAVA or JAVA_HOME"
  LAUNCH=("$JAVA_BIN" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} -jar "$JAR")
  SHOWN="$(printf '%q ' "${LAUNCH[@]}")"; SHOWN="${SHOWN% }"
fi
READY_URL="http://127.0.0.1:$MANAGEMENT_PORT$READY_PATH"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "something already listens on 127.0.0.1:$PORT; stop it or set QUARKUS_HTTP_PORT to a free port"
fi

KEEP_LOG=1
if [[ -z "$LOG" ]]; then LOG="$(mktemp "${TMPDIR:-/tmp}/startup.XXXXXX.log")"; KEEP_LOG=0; fi
: > "$LOG" || die "cannot write log file $LOG"

# ---- process control, and the trap that guarantees the app never outlives this script ------------------------
PID=""; SLEEP_PID=""; STOP_MS=""; EXIT_CODE=""; KILLED=0
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )); }   # ms -> s.mmm
alive() { # running and not a zombie
  local state
  [[ -n "$PID" && -r "/proc/$PID/stat" ]] || return 1
  state="$(sed 's/^.*) //' "/proc/$PID/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024; found = 1 } END { if (!found) print "n/a" }' "/proc/$PID/status" 2>/dev/null || echo n/a; }
stop_app() { # SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL; reap; sets STOP_MS, EXIT_CODE, KILLED
  local t0 deadline
  t0=$(now_ms); deadline=$(( t0 + STOP_TIMEOUT * 1000 ))
  kill -TERM "$PID" 2>/dev/null || true
  while alive && (( $(now_ms) < deadline )); do sleep 0.1; done
  if alive; then
    log "pid $PID still running ${STOP_TIMEOUT}s after SIGTERM: sending SIGKILL"
    kill -KILL "$PID" 2>/dev/null || true; KILLED=1
  fi
  EXIT_CODE=0; wait "$PID" 2>/dev/null || EXIT_CODE=$?
  STOP_MS=$(( $(now_ms) - t0 ))
  PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  [[ -n "$SLEEP_PID" ]] && kill "$SLEEP_PID" 2>/dev/null
  if [[ -n "$PID" ]]; then
    if alive; then log "stopping the app (pid $PID)"; stop_app; else wait "$PID" 2>/dev/null || true; fi
  fi
  if (( rc != 0 )); then
    [[ -s "$LOG" ]] && { log "last lines of the app log ($LOG, kept):"; tail -n 30 "$LOG" | sed 's/^/    /' >&2; }
  elif (( ! KEEP_LOG )); then
    rm -f "$LOG"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# ---- launch and wait for readiness ----------------------------------------------------------------------
log "launching: $SHOWN (cwd $REPO_DIR, port $PORT)"
T0=$(now_ms)
(cd "$REPO_DIR" && exec "${LAUNCH[@]}") >"$LOG" 2>&1 < /dev/null &
PID=$!
deadline=$(( T0 + READY_TIMEOUT * 1000 ))
while :; do
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$READY_URL" 2>/dev/null)" || true
  [[ "$code" == 200 ]] && break
  if ! alive; then
    EXIT_CODE=0; wait "$PID" 2>/dev/null || EXIT_CODE=$?; PID=""
    die "the app exited (code $EXIT_CODE) before $READY_URL answered 200"
  fi
  (( $(now_ms) < deadline )) || die "$READY_URL not 200 after ${READY_TIMEOUT}s (last answer: ${code:-none})"
  sleep 0.1
done
READY_MS=$(( $(now_ms) - T0 ))
RSS_READY="$(rss_mib)"
log "ready after $(secs "$READY_MS") s: pid $PID ($(cat "/proc/$PID/comm" 2>/dev/null)), RSS $RSS_READY MiB"

# The "started in" line may be flushed just after readiness: give it up to 5 s.
STARTED_IN=""
for _ in $(seq 1 50); do
  STARTED_IN="$(sed 's/\x1b\[[0-9;]*[mK]//g' "$LOG" | grep -oE 'started in [0-9]+(\.[0-9]+)?s' | head -n1 \
                | grep -oE '[0-9]+(\.[0-9]+)?' || true)"
  [[ -n "$STARTED_IN" ]] && break
  sleep 0.1
done

log "idling ${IDLE}s"
sleep "$IDLE" & SLEEP_PID=$!
wait "$SLEEP_PID" || true; SLEEP_PID=""
alive || die "the app died during the ${IDLE}s idle pause"
RSS_IDLE="$(rss_mib)"

log "stopping with SIGTERM"
stop_app

# ---- summary --------------------------------------------------------------------------------------------
cpu="$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
mem="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
stop_note="SIGTERM -> exit, exit code $EXIT_CODE"; (( KILLED )) && stop_note="SIGKILLed after ${STOP_TIMEOUT}s, exit code $EXIT_CODE"
started_txt="${STARTED_IN:-n/a} s"; [[ -n "$STARTED_IN" ]] || started_txt="n/a (no 'started in' line in the log)"
echo
echo "Startup bench: $SHOWN"
printf '  %-24s %s\n' \
  "time to ready (wall)" "$(secs "$READY_MS") s  (launch -> GET $READY_PATH = 200, polled every 100 ms)" \
  "Quarkus 'started in'" "$started_txt" \
  "RSS at ready" "$RSS_READY MiB" \
  "RSS after ${IDLE}s idle" "$RSS_IDLE MiB" \
  "shutdown" "$(secs "$STOP_MS") s  ($stop_note)" \
  "machine" "nproc $(nproc), ${cpu:-unknown CPU}, ${mem:-unknown memory}"
(( KEEP_LOG )) && echo "  app log: $LOG"

if [[ -n "$OUT" ]]; then
  {
    echo
    echo "### Startup bench $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo
    echo "- machine: $(hostname 2>/dev/null || echo '?'), nproc $(nproc), CPU ${cpu:-unknown}, memory ${mem:-unknown}"
    echo "- command: \`$SHOWN\` (port $PORT)"
    echo
    echo "| time to ready (wall) | Quarkus started in | RSS at ready | RSS after ${IDLE}s idle | shutdown |"
    echo "|---:|---:|---:|---:|---:|"
    echo "| $(secs "$READY_MS") s | ${STARTED_IN:-n/a} s | $RSS_READY MiB | $RSS_IDLE MiB | $(secs "$STOP_MS") s ($stop_note) |"
  } >> "$OUT"
  log "summary appended to $OUT"
fi
