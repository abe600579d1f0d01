#!/usr/bin/env bash
# Write-path benchmark on a running demo hub: generates N realistic stories (GenerateImport.java: corpus text,
# fr plus 2–4 other languages, ~80 % to publish), imports them through the NDJSON import, then publishes the
# chosen ~80 % through POST /api/v1/manage/workflow/publish-drafts. Prints localizations/s for each phase with
# the load average and the CPU seconds the hub JVM and PostgreSQL spent in it (other builds share the machine,
# so the hub's own CPU time is the steadier figure).
# Usage: bench/load-bench.sh [--base-url URL] [--stories N] [--languages 3|3-5] [--seed S] [--part LINES]
#                            [--batch STORIES] [--parallel P] [--hub-pid PID] [--out FILE] [--threads]
# --threads also prints the hub's CPU per thread group in each phase (the JIT compilers, GC, import and request threads).
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
stories=10000 languages=3 seed=47 part=2000 batch=100 parallel=2 hub_pid="" out="" threads=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --languages) languages=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --part) part=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --parallel) parallel=$2; shift 2 ;;
    --hub-pid) hub_pid=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --threads) threads=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
port=${base_url##*:}; port=${port%%/*}
# The hub: the java process listening on the port (override with --hub-pid).
[[ -n "$hub_pid" ]] || hub_pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
ticks=$(getconf CLK_TCK)
cpu_of() { [[ -n "$1" && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }
pg_port=${PG_PORT:-${HUB_EMBEDDED_POSTGRES_PORT:-15432}}
# Only this hub's PostgreSQL (other servers may share the machine): the postmaster on its port and its children.
pg_pid=$(ss -ltnpH "sport = :$pg_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
pg_cpu() { local total=0 p; for p in $pg_pid $( [[ -z "$pg_pid" ]] || pgrep -P "$pg_pid"); do total=$((total + $(cpu_of "$p"))); done; echo "$total"; }
# Where PostgreSQL spends its time in a phase, when pg_stat_statements is loaded (the embedded one has it) and psql exists.
statements() { # reset | report
  command -v psql > /dev/null || return 0
  local sql="select pg_stat_statements_reset()"
  [[ $1 == reset ]] || sql="select round(total_exec_time)::int || ' ms  ' || calls || ' calls  ' || rows || ' rows  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 110)
    from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) order by total_exec_time desc limit 8"
  PGPASSWORD=${PG_PASSWORD:-imagehub-owner-local} psql -h 127.0.0.1 -p "$pg_port" -U imagehub_owner -d imagehub -tAqc "$sql" 2>/dev/null \
    | { [[ $1 == reset ]] && cat > /dev/null || sed 's/^/    pg: /'; } || true
}
# Ticks per thread group of the hub (thread names without their numbers), for --threads.
thread_ticks() {
  [[ $threads == true && -n "$hub_pid" ]] || return 0
  for task in /proc/"$hub_pid"/task/*; do
    awk '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1)
           split(rest, f, " "); gsub(/[#0-9-]+$/, "", name); print name "\t" f[12] + f[13] }' "$task/stat" 2>/dev/null || true # a thread may end between the listing and the read
  done | awk -F'\t' '{ t[$1] += $2 } END { for (n in t) print n "\t" t[n] }' | sort
}
thread_report() { # before-file after-file
  [[ $threads == true ]] || return 0
  join -t $'\t' -a 2 -e 0 -o 0,1.2,2.2 "$1" "$2" | awk -F'\t' -v t="$ticks" '$3 - $2 > 0 { printf "%.1f\t%s\n", ($3 - $2) / t, $1 }' \
    | sort -rn | head -10 | awk -F'\t' '{ printf "    thread: %6.1f CPU-s  %s\n", $1, $2 }'
}
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

work=$(mktemp -d target/load-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
summary=$(java bench/GenerateImport.java "$stories" "$work/stories.ndjson" "load-$(date +%s)" "$languages" "$seed")
localizations=$(sed -E 's/.*localizations=([0-9]+).*/\1/' <<< "$summary")
echo "generated: $summary"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' \
  "$base_url/api/v1/demo/sign-in" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

phase() { # name count seconds hub_ticks pg_ticks
  local line
  line=$(awk -v n="$1" -v c="$2" -v s="$3" -v h="$4" -v p="$5" -v t="$ticks" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "%-11s %6d localizations in %6.1f s = %5.0f /s | hub CPU %6.1f s (%4.0f /CPU-s), PostgreSQL CPU %6.1f s | load %s", n, c, s, c / s, h / t, c / (h / t + 0.001), p / t, l }')
  echo "$line"
  [[ -z "$out" ]] || echo "    $line" >> "$out"
}

split -l "$part" "$work/stories.ndjson" "$work/part-"
# A fresh demo hub goes on working for a while after it is ready (renditions, the analytics roll-up, indexing): the
# clock starts once the whole machine has been idle for 5 s (under 0.12 CPU-s a second), or after two minutes.
busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
for waited in $(seq 5 5 120); do
  before=$(busy_ticks); sleep 5
  (( $(busy_ticks) - before < 5 * ticks * 12 / 100 )) && break
done
echo "machine idle after ${waited} s"
statements reset
thread_ticks > "$work/threads-0"
hub0=$(cpu_of "$hub_pid") pg0=$(pg_cpu) started=$(date +%s.%N)
for file in "$work"/part-*; do
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary @"$file" \
    "$base_url/api/v1/manage/imports/stories" >> "$work/results.ndjson"
done
phase import "$localizations" "$(seconds_since "$started")" $(($(cpu_of "$hub_pid") - hub0)) $(($(pg_cpu) - pg0))
thread_ticks > "$work/threads-1"
statements report
thread_report "$work/threads-0" "$work/threads-1"
jq -c 'select(.totals)' "$work/results.ndjson" | head -1
failed=$(jq -s '[.[] | select(.totals) | .totals.failed] | add' "$work/results.ndjson")
[[ "$failed" == 0 ]] || { echo "import: $failed lines failed, e.g.:"; jq -c 'select(.status == "failed")' "$work/results.ndjson" | head -3; exit 1; }

# The ~80 % the generator chose, by the ids the import answered.
jq -r 'select(.id) | "\(.externalId) \(.id)"' "$work/results.ndjson" | sort > "$work/ids-by-external"
sort "$work/stories.ndjson.publish" | join - "$work/ids-by-external" | cut -d' ' -f2 > "$work/publish-ids"
split -l "$batch" "$work/publish-ids" "$work/batch-"
# The request bodies are written before the clock starts: the client's own CPU (jq) stays out of the window.
for ids in "$work"/batch-*; do jq -R . < "$ids" | jq -sc '{storyIds: .}' > "$ids.json"; done
statements reset
thread_ticks > "$work/threads-2"
hub0=$(cpu_of "$hub_pid") pg0=$(pg_cpu) started=$(date +%s.%N)
ls "$work"/batch-*.json | xargs -P "$parallel" -I{} curl -sf -o {}.result \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @{} \
  "$base_url/api/v1/manage/workflow/publish-drafts"
elapsed=$(seconds_since "$started")
published=$(cat "$work"/batch-*.json.result | jq -s 'map(.published) | add')
errors=$(cat "$work"/batch-*.json.result | jq -s '[.[].stories[] | select(.error)] | length')
phase publication "$published" "$elapsed" $(($(cpu_of "$hub_pid") - hub0)) $(($(pg_cpu) - pg0))
thread_ticks > "$work/threads-3"
statements report
thread_report "$work/threads-2" "$work/threads-3"
echo "published $(wc -l < "$work/publish-ids") stories, $errors refused"
