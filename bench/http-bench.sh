#!/usr/bin/env bash
# HTTP load benchmark for a running Image Hub: measures chosen endpoint(s) and a bare endpoint of the same
# service in the same run, with wrk, and reports req/s, p50/p90/p95/p99 latency, non-2xx and chosen/bare ratio.
# See bench/README.md. Run with --help for the options.
# shellcheck disable=SC2059  # the table's printf format is built on purpose (width of the first column)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
LUA_SCRIPT="${BENCH_LUA_SCRIPT:-$SCRIPT_DIR/result.lua}"  # bench/random-slug.lua for random by-slug requests

BASE_URL="http://127.0.0.1:8080"
DEFAULT_PATH="/api/v1/stories?lang=fr&limit=20"
PATHS=()
BARE_PATH="/api/v1/ping"
CONNECTIONS=32
THREADS=2
DURATION="20s"
WARMUP="5s"
TIMEOUT="2s"
HEADERS=()
OUT=""
NON2XX_MODE="hook"

usage() {
  cat <<'EOF'
Usage: bench/http-bench.sh [options]

Loads each chosen endpoint and a bare endpoint of the same running service with wrk, then prints
req/s, latency p50/p90/p95/p99 (ms), non-2xx count and chosen/bare req/s ratio.
Order: warm-up of every endpoint (discarded), bare, each --path, bare again (ratio uses the mean of both).

  --base-url URL       service root                          (default http://127.0.0.1:8080)
  --path PATH          chosen endpoint, repeatable            (default /api/v1/stories?lang=fr&limit=20)
  --bare-path PATH     bare endpoint: constant tiny answer    (default /api/v1/ping)
  --connections N      open connections                      (default 32)
  --threads N          wrk threads                            (default 2)
  --duration D         measured run per endpoint, wrk syntax  (default 20s)
  --warmup D           discarded warm-up per endpoint, 0 = no warm-up (default 5s)
  --timeout D          wrk per-request timeout                (default 2s)
  --header 'N: V'      header sent on every request, repeatable (e.g. 'Authorization: Bearer ...')
  --out FILE           also append the results as a markdown block (date, machine, parameters) to FILE
  --status-from-summary  count non-2xx from wrk's summary instead of a Lua response() hook: cheaper,
                       but counts only status >= 400 (not 1xx/3xx)
  -h, --help           this help
EOF
}

die() { echo "http-bench: $*" >&2; exit 1; }
log() { echo "http-bench: $*" >&2; }

# ---- arguments ------------------------------------------------------------------------------------------
need_value() { [[ $# -ge 2 && -n "$2" ]] || die "option $1 needs a value (see --help)"; }
while [[ $# -gt 0 ]]; do
  arg="$1"
  if [[ "$arg" == --*=* ]]; then set -- "${arg%%=*}" "${arg#*=}" "${@:2}"; arg="$1"; fi
  case "$arg" in
    --base-url)    need_value "$@"; BASE_URL="${2%/}"; shift 2 ;;
    --path)        need_value "$@"; PATHS+=("$2"); shift 2 ;;
    --bare-path)   need_value "$@"; BARE_PATH="$2"; shift 2 ;;
    --connections) need_value "$@"; CONNECTIONS="$2"; shift 2 ;;
    --threads)     need_value "$@"; THREADS="$2"; shift 2 ;;
    --duration)    need_value "$@"; DURATION="$2"; shift 2 ;;
    --warmup)      need_value "$@"; WARMUP="$2"; shift 2 ;;
    --timeout)     need_value "$@"; TIMEOUT="$2"; shift 2 ;;
    --header)      need_value "$@"; HEADERS+=("$2"); shift 2 ;;
    --out)         need_value "$@"; OUT="$2"; shift 2 ;;
    --status-from-summary) NON2XX_MODE="summary"; shift ;;
    -h|--help)     usage; exit 0 ;;
    *)             die "unknown option: $arg (see --help)" ;;
  esac
done
[[ ${#PATHS[@]} -gt 0 ]] || PATHS=("$DEFAULT_PATH")

[[ "$CONNECTIONS" =~ ^[1-9][0-9]*$ ]] || die "--connections must be a positive integer, got '$CONNECTIONS'"
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer, got '$THREADS'"
(( CONNECTIONS >= THREADS )) || die "--connections ($CONNECTIONS) must be >= --threads ($THREADS)"
duration_re='^[0-9]+(\.[0-9]+)?[smhSMH]?$'
[[ "$DURATION" =~ $duration_re ]] || die "--duration: expected e.g. 20s, 1m; got '$DURATION'"
[[ "$WARMUP" =~ $duration_re ]] || die "--warmup: expected e.g. 5s, 0; got '$WARMUP'"
[[ "$TIMEOUT" =~ $duration_re ]] || die "--timeout: expected e.g. 2s; got '$TIMEOUT'"
[[ "$BASE_URL" =~ ^https?:// ]] || die "--base-url must start with http:// or https://, got '$BASE_URL'"
for p in "$BARE_PATH" "${PATHS[@]}"; do [[ "$p" == /* ]] || die "paths must start with '/', got '$p'"; done
for h in ${HEADERS[@]+"${HEADERS[@]}"}; do [[ "$h" == *:* ]] || die "--header must look like 'Name: value', got '$h'"; done
[[ -f "$LUA_SCRIPT" ]] || die "missing $LUA_SCRIPT"

# ---- tools ----------------------------------------------------------------------------------------------
ensure_tool() { # ensure_tool COMMAND DEBIAN_PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "$1 not found: installing Debian package '$2'"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null; } \
      || die "could not install '$2' with apt-get"
    command -v "$1" >/dev/null 2>&1 || die "'$2' installed but '$1' still not on PATH"
  else
    die "'$1' is not installed and this is not root: install it first, e.g. 'sudo apt-get install $2'"
  fi
}
ensure_tool wrk wrk
ensure_tool curl curl
ensure_tool awk gawk

WORK="$(mktemp -d "${TMPDIR:-/tmp}/http-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

WRK_HEADERS=(); CURL_HEADERS=()
for h in ${HEADERS[@]+"${HEADERS[@]}"}; do WRK_HEADERS+=(-H "$h"); CURL_HEADERS+=(-H "$h"); done

# ---- the service must answer 200 on every path before any load --------------------------------------------
check_200() {
  local url="$BASE_URL$1" code
  code="$(curl -sS -o "$WORK/body" -w '%{http_code}' --max-time 10 ${CURL_HEADERS[@]+"${CURL_HEADERS[@]}"} "$url" 2>"$WORK/curl.err")" \
    || die "no answer from GET $url: $(tr '\n' ' ' < "$WORK/curl.err")-- is the service running?"
  if [[ "$code" != 200 ]]; then
    die "GET $url answered HTTP $code, not 200; not benchmarking. Body starts with: $(head -c 300 "$WORK/body" | tr '\n' ' ')"
  fi
}
# BENCH_NO_GET_CHECK=1: the chosen paths are not GETs (a Lua script posts to them); the caller checked them itself.
check_200 "$BARE_PATH"
[[ -n "${BENCH_NO_GET_CHECK:-}" ]] || for p in "${PATHS[@]}"; do check_200 "$p"; done

# ---- runs -------------------------------------------------------------------------------------------------
declare -A R=()   # R[index.key] = value, from the RESULT line
LABELS=(); RUN_PATHS=()

run_wrk() { # run_wrk DURATION PATH OUTFILE
  local d="$1" path="$2" out="$3"
  if ! BENCH_NON2XX="$NON2XX_MODE" wrk -t "$THREADS" -c "$CONNECTIONS" -d "$d" --timeout "$TIMEOUT" \
        -s "$LUA_SCRIPT" ${WRK_HEADERS[@]+"${WRK_HEADERS[@]}"} "$BASE_URL$path" >"$out" 2>&1; then
    cat "$out" >&2; die "wrk failed on $path"
  fi
  grep -q '^RESULT ' "$out" || { cat "$out" >&2; die "wrk printed no RESULT line for $path"; }
}

measure() { # measure LABEL PATH
  local i=${#LABELS[@]} line kv
  log "measuring $1: $2 ($DURATION)"
  run_wrk "$DURATION" "$2" "$WORK/run$i.txt"
  line="$(grep -m1 '^RESULT ' "$WORK/run$i.txt")"
  for kv in ${line#RESULT }; do R["$i.${kv%%=*}"]="${kv#*=}"; done
  LABELS+=("$1"); RUN_PATHS+=("$2")
}

n_paths=${#PATHS[@]}
log "target $BASE_URL, $CONNECTIONS connections, $THREADS threads; $((n_paths + 2)) runs of $DURATION" \
    "+ $((n_paths + 1)) warm-ups of $WARMUP"
if [[ ! "$WARMUP" =~ ^0+(\.0+)?[smhSMH]?$ ]]; then
  for p in "$BARE_PATH" "${PATHS[@]}"; do
    log "warm-up: $p ($WARMUP, discarded)"
    run_wrk "$WARMUP" "$p" "$WORK/warmup.txt"
  done
fi
measure "bare (before)" "$BARE_PATH"
for p in "${PATHS[@]}"; do measure "chosen" "$p"; done
measure "bare (after)" "$BARE_PATH"

last=$(( ${#LABELS[@]} - 1 ))
calc() { awk "BEGIN { printf \"$1\", ($2) }" </dev/null; }  # parenthesised: a bare '>' would redirect
BARE_MEAN="$(calc '%.2f' "(${R[0.rps]} + ${R[$last.rps]}) / 2")"
BARE_DRIFT="$(calc '%+.1f' "${R[0.rps]} > 0 ? (${R[$last.rps]} - ${R[0.rps]}) * 100 / ${R[0.rps]} : 0")"
# The mean latency a closed loop of CONNECTIONS busy connections must have at this rate (Little's law): wrk's own mean
# well above it means its latency figures for that row are wrong (once seen under a Lua request() script).
little_ms() { calc '%.3f' "$1 > 0 ? $CONNECTIONS * 1000 / $1 : 0"; }
pct_of_bare() { calc '%.1f%%' "$BARE_MEAN > 0 ? $1 * 100 / $BARE_MEAN : 0"; }
if [[ "$NON2XX_MODE" == hook ]]; then
  NON2XX_NOTE="non-2xx: every status outside 200-299, counted by a wrk Lua response() hook"
else
  NON2XX_NOTE="non-2xx: only status >= 400, from wrk's summary (--status-from-summary)"
fi

# ---- table on stdout --------------------------------------------------------------------------------------
w=8
for i in $(seq 0 "$last"); do
  name="${RUN_PATHS[$i]}"; [[ "${LABELS[$i]}" == chosen ]] || name="${LABELS[$i]} ${RUN_PATHS[$i]}"
  (( ${#name} > w )) && w=${#name}
done
fmt="%-${w}s %11s %9s %9s %9s %9s %9s %9s %9s %9s %8s\n"
echo
echo "HTTP bench: $BASE_URL, $CONNECTIONS connections, $THREADS threads, $DURATION per run (warm-up $WARMUP)"
printf "$fmt" endpoint "req/s" "p50 ms" "p90 ms" "p95 ms" "p99 ms" "mean ms" "Little" non-2xx "sock err" "vs bare"
for i in $(seq 0 "$last"); do
  name="${RUN_PATHS[$i]}"; [[ "${LABELS[$i]}" == chosen ]] || name="${LABELS[$i]} ${RUN_PATHS[$i]}"
  printf "$fmt" "$name" "${R[$i.rps]}" "${R[$i.p50_ms]}" "${R[$i.p90_ms]}" "${R[$i.p95_ms]}" "${R[$i.p99_ms]}" \
    "${R[$i.mean_ms]}" "$(little_ms "${R[$i.rps]}")" "${R[$i.non2xx]}" "$(( ${R[$i.sock_errors]} + ${R[$i.timeouts]} ))" "$(pct_of_bare "${R[$i.rps]}")"
done
echo "bare mean: $BARE_MEAN req/s; bare drift (after vs before): $BARE_DRIFT%"
DRIFT_WARNING=""
if awk "BEGIN { d = $BARE_DRIFT; exit !(d > 10 || d < -10) }" </dev/null; then
  DRIFT_WARNING="WARNING: the bare endpoint drifted by $BARE_DRIFT% between its two runs: the machine was not steady"
  DRIFT_WARNING+=" (other load? JIT/GC still settling? try a longer --warmup); treat the ratios as rough and re-run."
  echo "$DRIFT_WARNING"
fi
echo "vs bare = req/s of the row / bare mean. Little = connections / req/s, the mean a closed loop must have: a wrk"
echo "mean well above it marks that row's latencies as wrong. $NON2XX_NOTE. sock err = wrk connect/read/write errors + timeouts."

# ---- optional markdown block ------------------------------------------------------------------------------
if [[ -n "$OUT" ]]; then
  redact() { # keep header names, hide values that look like credentials
    local name="${1%%:*}"
    if [[ "${name,,}" =~ (auth|key|token|secret|cookie|session|password) ]]; then echo "$name: <redacted>"; else echo "$1"; fi
  }
  md() { printf '%s' "$1" | sed 's/|/\\|/g'; }
  cpu="$(grep -m1 -E '^(model name|Hardware|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  mem="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
  commit="$(git -C "$SCRIPT_DIR/.." rev-parse --short HEAD 2>/dev/null || true)"
  if [[ -n "$commit" ]] && [[ -n "$(git -C "$SCRIPT_DIR/.." status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    commit="$commit (uncommitted changes)"
  fi
  cmd="bench/http-bench.sh --base-url $BASE_URL --bare-path '$BARE_PATH'"
  for p in "${PATHS[@]}"; do cmd+=" --path '$p'"; done
  cmd+=" --connections $CONNECTIONS --threads $THREADS --duration $DURATION --warmup $WARMUP --timeout $TIMEOUT"
  for h in ${HEADERS[@]+"${HEADERS[@]}"}; do cmd+=" --header '$(redact "$h")'"; done
  [[ "$NON2XX_MODE" == summary ]] && cmd+=" --status-from-summary"
  {
    echo
    echo "### HTTP bench $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo
    echo "- machine: $(hostname 2>/dev/null || echo '?'), nproc $(nproc), CPU ${cpu:-unknown}, memory ${mem:-unknown}"
    echo "- commit: ${commit:-unknown}; $(wrk -v 2>&1 | head -n1 | sed 's/ Copyright.*//')"
    # shellcheck disable=SC2016  # backticks are markdown here
    echo "- parameters: base-url $BASE_URL, bare-path \`$BARE_PATH\`, connections $CONNECTIONS, threads $THREADS," \
         "duration $DURATION, warm-up $WARMUP, timeout $TIMEOUT, headers: $(
           if [[ ${#HEADERS[@]} -eq 0 ]]; then echo none; else
             for h in "${HEADERS[@]}"; do printf '`%s` ' "$(redact "$h")"; done; fi)"
    echo "- command: \`$cmd\`"
    echo "- $NON2XX_NOTE; bare mean $BARE_MEAN req/s, bare drift $BARE_DRIFT%"
    [[ -z "$DRIFT_WARNING" ]] || echo "- **$DRIFT_WARNING**"
    echo
    echo "| run | endpoint | req/s | p50 ms | p90 ms | p95 ms | p99 ms | mean ms | Little ms | non-2xx | sock err | vs bare |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for i in $(seq 0 "$last"); do
      echo "| ${LABELS[$i]} | \`$(md "${RUN_PATHS[$i]}")\` | ${R[$i.rps]} | ${R[$i.p50_ms]} | ${R[$i.p90_ms]} | ${R[$i.p95_ms]} |" \
           "${R[$i.p99_ms]} | ${R[$i.mean_ms]} | $(little_ms "${R[$i.rps]}") | ${R[$i.non2xx]} | $(( ${R[$i.sock_errors]} + ${R[$i.timeouts]} )) | $(pct_of_bare "${R[$i.rps]}") |"
    done
  } >> "$OUT"
  log "results appended to $OUT"
fi
