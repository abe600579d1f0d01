#!/usr/bin/env bash
# Page-view benchmark on a running demo hub (./run-hub):
#  (a) ingestion: POST /api/v1/analytics/events as the beacon sends it (one view a request, each with an id of its own,
#      text/plain, the site's Origin, a browser's user agent, key in the query) beside /api/v1/ping, through
#      bench/http-bench.sh (wrk, 32 connections): sustained events/s and p50/p99;
#  (b) roll-up: N raw page views (default 1,000,000) over the last 30 days are written straight into PostgreSQL for a
#      sample of the published stories, then POST /api/v1/manage/analytics/rollups is timed (every day touched is
#      recomputed whole), with the hub's and PostgreSQL's CPU seconds.
# Usage: bench/analytics-bench.sh [--base-url URL] [--events N] [--duration D] [--warmup D] [--skip-ingest] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
pg_port=${HUB_EMBEDDED_POSTGRES_PORT:-15432}
events=1000000
duration=20s
warmup=10s
ingest=true
out_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --skip-ingest) ingest=false; shift ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in curl jq wrk awk psql; do command -v "$tool" >/dev/null || { echo "analytics-bench: $tool is not installed" >&2; exit 1; }; done
log() { echo "analytics-bench: $*" >&2; }
sql() { PGPASSWORD=${PG_PASSWORD:-imagehub-owner-local} psql -X -q -t -A -h 127.0.0.1 -p "$pg_port" -U imagehub_owner imagehub -c "$1"; }
admin=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' "$base_url/api/v1/demo/sign-in" \
  | jq -r .accessToken) || { log "cannot sign in as the demo admin at $base_url: is a demo hub running?"; exit 1; }
post() { curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -X "${3:-POST}" -d "$2" "$base_url$1"; }
origin=https://bench-site.example
site=$(post /api/v1/manage/consumers '{"name":"Analytics bench site","kind":"embassy-site","scopes":["analytics:write"],"requestsPerMinute":100000000}' | jq -r .id)
key=$(post "/api/v1/manage/consumers/$site/keys" '{}' | jq -r .key)
post "/api/v1/manage/analytics/sites/$site" "{\"origins\":[\"$origin\"]}" PUT > /dev/null
story=$(curl -sf -H "X-Api-Key: ${HUB_DEMO_API_KEY:-ihk_demo_embassy_key_for_local_use_only}" "$base_url/api/v1/stories?lang=en&limit=50" \
  | jq -r '[.items[] | select(.lang == "en")][0].id')

if $ingest; then
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: text/plain' -H "Origin: $origin" -H 'User-Agent: Mozilla/5.0 Firefox/128.0' \
    -d "{\"id\":\"pv-bench-check-$RANDOM$RANDOM\",\"storyId\":\"$story\",\"lang\":\"en\",\"url\":\"$origin/en/news/1\"}" "$base_url/api/v1/analytics/events?key=$key")
  [[ "$status" == 202 ]] || { log "a page view answered $status"; exit 1; }
  before=$(sql "select count(*) from analytics_event where consumer_id = '$site'")
  STORY_ID=$story LANG_TAG=en ORIGIN=$origin BENCH_NO_GET_CHECK=1 BENCH_LUA_SCRIPT=bench/page-views.lua bench/http-bench.sh --base-url "$base_url" --connections 32 \
    --threads 1 --duration "$duration" --warmup "$warmup" --path "/api/v1/analytics/events?key=$key" ${out_args[@]+"${out_args[@]}"}
  log "page views stored for the bench site: $(( $(sql "select count(*) from analytics_event where consumer_id = '$site'") - before )) during the measured and warm-up runs"
fi

log "writing $events raw page views over the last 30 days for up to 2,000 published stories"
sql "insert into analytics_event (occurred_at, event_id, channel, consumer_id, story_id, lang, page_path, visitor, received_at)
     select now() - random() * interval '30 days', 'pv-bulk-' || g, 'page-view', '$site', s.story_id, s.lang, '/news/' || (g % 997),
            md5((g % 50000)::text), now()
     from generate_series(1, $events) g
     join (select row_number() over () - 1 as n, story_id, lang from (select story_id, lang from localization where published_revision is not null limit 2000) l) s
       on s.n = g % (select least(2000, count(*)) from localization where published_revision is not null);"
hub_pid=$(ss -ltnp "sport = :${base_url##*:}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
ticks=$(getconf CLK_TCK)
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_cpu() { local t=0; for p in $(pgrep -x postgres); do t=$(( t + $(cpu_of "$p") )); done; echo "$t"; }
hub0=$(cpu_of "$hub_pid") pg0=$(pg_cpu) started=$(date +%s.%N)
run=$(post /api/v1/manage/analytics/rollups '')
seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "roll-up of $events raw page views: $seconds s ($(echo "$run" | jq -c .)) | hub CPU $(( ($(cpu_of "$hub_pid") - hub0) / ticks )) s, PostgreSQL CPU $(( ($(pg_cpu) - pg0) / ticks )) s | load $(cut -d' ' -f1-3 /proc/loadavg)"
