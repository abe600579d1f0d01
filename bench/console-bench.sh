#!/usr/bin/env bash
# Editorial console benchmark on a running demo hub (./run-hub): imports STORIES realistic stories (default 10,000,
# 3–5 languages each, bench/GenerateImport.java through the NDJSON import, as editor.mofa), waits for the search
# index to take them, then
#  1. transferred size of each screen (HTML compressed as the hub sends it, and the first load with every script,
#     module and stylesheet it names), signed in as editor.mofa with the console's session cookie;
#  2. server time p50/p99 of the story list (varied filters and searches drawn at random) and of the edit page (a
#     random story and language per request), with wrk (4 connections: a newsroom, not a crowd) beside /api/v1/ping.
# Usage: bench/console-bench.sh [--base-url URL] [--stories N] [--duration D] [--skip-data] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
management_url=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9001}
pg_port=${HUB_EMBEDDED_POSTGRES_PORT:-15432}
stories=10000
duration=15s
data=true
out_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --skip-data) data=false; shift ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in curl jq wrk awk psql gzip; do command -v "$tool" >/dev/null || { echo "console-bench: $tool is not installed" >&2; exit 1; }; done
log() { echo "console-bench: $*" >&2; }
sql() { PGPASSWORD=${PG_PASSWORD:-imagehub-owner-local} psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U imagehub_owner imagehub -c "$1"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if $data; then
  bench/import-bench.sh --base-url "$base_url" --stories "$stories" >&2
  for _ in $(seq 1 120); do
    pending=$(curl -sf "$management_url/q/metrics" | awk '/^hub_outbox_pending\{.*handler="search-index"/ {print $2}')
    [[ -z "$pending" || "${pending%.*}" == 0 ]] && break
    log "waiting for the search index to take the import ($pending events pending)"; sleep 5
  done
fi
count=$(sql "select count(*) from localization")
log "$count localizations in the hub"

# The console's session is the demo token in its cookie (what the sign-in form sets).
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"editor.mofa","password":"demo-editor"}' "$base_url/api/v1/demo/sign-in" | jq -r .accessToken)
cookie="Cookie: ih_console=$token"

# Edit pages: 2,000 random localizations of the editor's organisation; lists: filters and searches people use.
sql "select '/console/stories/' || l.story_id || '/' || l.lang from localization l join story s on s.id = l.story_id
     where s.organisation = 'mofa' order by random() limit 2000" > "$work/edit.txt"
{
  for state in "" draft in_review published; do
    for lang in "" fr vi en; do echo "/console/stories?state=$state&lang=$lang"; done
  done
  for word in cooperation coopération Việt Nam Hà Nội économie culture tourisme investment France partenariat; do
    echo "/console/stories?q=$(jq -rn --arg w "$word" '$w|@uri')"
  done
  for type in article statement; do echo "/console/stories?type=$type"; done
} > "$work/list.txt"

# 1. Transferred size of each screen: its HTML, and a first load with every script, module and stylesheet it names
#    (the editor's ES modules are listed in its import map, and all of them are loaded).
size() { curl -s -o /dev/null --compressed -H "$cookie" -H 'Accept-Encoding: gzip' -w '%{size_download}' "$base_url$1"; }
story_page=$(head -n 1 "$work/edit.txt")
story_id=$(cut -d/ -f4 <<< "$story_page")
echo
echo "| screen | HTML, compressed (bytes) | first load with scripts, modules and styles (bytes) |"
echo "|---|---|---|"
for screen in /console /console/stories /console/stories/new "/console/stories/$story_id" "$story_page" "/console/revisions/${story_page#/console/stories/}" \
    /console/media /console/key-messages /console/social /console/reports /console/import; do
  html=$(size "$screen")
  total=$html
  for asset in $(curl -s -H "$cookie" "$base_url$screen" | grep -oE '/console/assets/[0-9a-f]+/[A-Za-z0-9.-]+\.(js|css)' | sort -u); do
    total=$((total + $(size "$asset")))
  done
  echo "| \`$screen\` | $html | $total |"
done
echo

# 2. Server time of the list and the edit page.
export URL_FILE RANDOM_PATH_PREFIX
RANDOM_PATH_PREFIX=/console/stories URL_FILE="$work/list.txt" BENCH_LUA_SCRIPT=bench/random-paths.lua \
  bench/http-bench.sh --base-url "$base_url" --path /console/stories --header "$cookie" --connections 4 --threads 1 \
  --duration "$duration" --warmup 3s "${out_args[@]}"
RANDOM_PATH_PREFIX=/console/stories/ URL_FILE="$work/edit.txt" BENCH_LUA_SCRIPT=bench/random-paths.lua \
  bench/http-bench.sh --base-url "$base_url" --path "/console/stories/$story_id/x" --header "$cookie" --connections 4 --threads 1 \
  --duration "$duration" --warmup 3s "${out_args[@]}"
