#!/usr/bin/env bash
# Delivery benchmark on a running demo hub: loads N stories × 3 languages (fr + 2 of vi/en/zh-Hans/uk/es), publishes them through the
# workflow, then measures a cached story by id and a list of 20 with lang=fr (32 connections) beside /api/v1/ping.
# wrk runs one thread: on a 2-core machine a second load thread takes the CPU the hub needs and the tail latency
# then measures the contention, not the service.
# The response cache is set when the hub starts (HUB_DELIVERY_CACHE_MAX_BYTES; 0 = off): --cache on|off makes the
# script check the running hub's setting on /q/metrics (hub_delivery_cache_budget_bytes) and refuse to measure otherwise.
# Usage: bench/delivery-bench.sh [--base-url URL] [--management-url URL] [--stories N] [--skip-load] [--cache on|off|any]
#          [--endpoints detail,list,chain,filtered,topic,deep,slug] [--topic CODE] [--gzip] [--publish-every SECONDS] [--out FILE]
#          [--status-from-summary]
# --random-slugs adds a row for GET /api/v1/stories/by-slug/{lang}/{slug} with a random published slug per request
# (bench/random-slug.lua over every published slug, read from /api/v1/sync).
# --status-from-summary counts non-2xx from wrk's summary (status >= 400) instead of a Lua hook per response: the hook
# copies every body into Lua (~11 KB a story), and on a 2-core machine that client work takes CPU from the hub.
# --gzip sends Accept-Encoding: gzip with every request (the warm-up pass too), as browsers and most HTTP libraries do:
# the hub then answers with the gzip form it keeps beside each cached answer.
# --publish-every SECONDS publishes one more story (3 languages, through the import and publish-drafts) every SECONDS
# while wrk and the probe run, as a working newsroom does: each publication changes the published view.
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
# Metrics live on the management interface (the demo's is 9001: its S3 server has 9000).
management_url=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9001}
stories=10000
load=true
cache=any
endpoints=detail,list
topic=
random_slugs=false
gzip=false
publish_every=
out_args=()
status_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --management-url) management_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --skip-load) load=false; shift ;;
    --cache) cache=$2; shift 2 ;;
    --endpoints) endpoints=$2; shift 2 ;;
    --topic) topic=$2; shift 2 ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    --random-slugs) random_slugs=true; shift ;;
    --gzip) gzip=true; shift ;;
    --status-from-summary) status_args=(--status-from-summary); shift ;;
    --publish-every) publish_every=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if $random_slugs && [[ ",$endpoints," == *,slug,* ]]; then
  # random-slug.lua rewrites every by-slug request of a run: a `slug` row beside it would measure random slugs too.
  echo "--random-slugs rewrites every by-slug request: measure the fixed slug (--endpoints ...,slug) in a run of its own" >&2
  exit 2
fi
budget=$(curl -sf "$management_url/q/metrics" | awk '/^hub_delivery_cache_budget_bytes/ {print $2}')
[[ -n "$budget" ]] || { echo "the hub at $management_url reports no hub_delivery_cache_budget_bytes on /q/metrics" >&2; exit 1; }
state=$(awk -v b="$budget" 'BEGIN {print (b + 0 > 0) ? "on" : "off"}')
echo "response cache: $state (budget $budget bytes)"
if [[ "$cache" != any && "$cache" != "$state" ]]; then
  echo "asked for --cache $cache but the hub runs with it $state: restart it with HUB_DELIVERY_CACHE_MAX_BYTES=$([[ $cache == off ]] && echo 0 || echo 134217728)" >&2
  exit 1
fi
work=$(mktemp -d target/delivery-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' \
  "$base_url/api/v1/demo/sign-in" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')

if $load; then
  java bench/GenerateImport.java "$stories" "$work/stories.ndjson" "delivery-$(date +%s)" 3
  split -l 2000 "$work/stories.ndjson" "$work/part-"
  started=$(date +%s)
  for part in "$work"/part-*; do
    curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary @"$part" \
      "$base_url/api/v1/manage/imports/stories" >> "$work/results.ndjson"
  done
  grep -o '"id":"[^"]*"' "$work/results.ndjson" | cut -d'"' -f4 > "$work/ids"
  echo "imported $(wc -l < "$work/ids") stories in $(( $(date +%s) - started )) s; publishing (submit, approve, publish per language)"
  started=$(date +%s)
  split -l 100 "$work/ids" "$work/batch-"
  # Two batches at a time: one per core.
  ls "$work"/batch-* | xargs -P 2 -I{} sh -c "jq -R . < {} | jq -sc '{storyIds: .}' | curl -sf -o /dev/null \
    -H 'Authorization: Bearer $token' -H 'Content-Type: application/json' --data-binary @- '$base_url/api/v1/manage/workflow/publish-drafts'"
  echo "published in $(( $(date +%s) - started )) s"
fi

# A consumer of its own with a rate limit above what the machine can serve: the bench measures the read path
# (key check and rate-limit bucket included), not 429 answers.
consumer=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Delivery bench","kind":"other","scopes":["content:read"],"requestsPerMinute":100000000}' \
  "$base_url/api/v1/manage/consumers" | jq -r .id)
api_key=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
  "$base_url/api/v1/manage/consumers/$consumer/keys" | jq -r .key)
story=$(curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/stories?lang=fr&limit=1" | jq -r '.items[0].id')
slug=$(curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/stories/$story?lang=fr" | jq -r .slug)
echo "detail story: $story (fr slug $slug)"
paths=()
for endpoint in ${endpoints//,/ }; do
  case "$endpoint" in
    detail) paths+=("/api/v1/stories/$story?lang=fr") ;;
    slug) paths+=("/api/v1/stories/by-slug/fr/$slug") ;;
    list) paths+=("/api/v1/stories?lang=fr&limit=20") ;;
    chain) paths+=("/api/v1/stories?lang=fr,en&limit=20") ;;
    filtered) paths+=("/api/v1/stories?lang=fr&country=FR&type=article&limit=20") ;;
    topic)
      [[ -n "$topic" ]] || topic=$(curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/topics" | jq -r '.items[0].code')
      paths+=("/api/v1/stories?lang=fr&topic=$topic&limit=20") ;;
    deep)
      # The page after the first 5,000 stories: follow next links 50 pages of 100.
      next="/api/v1/stories?lang=fr&limit=100"
      for _ in $(seq 50); do
        next=$(curl -sf -H "X-Api-Key: $api_key" "$base_url$next" | jq -r '.next // empty')
        [[ -n "$next" ]] || { echo "fewer than 5,000 French stories: no deep page" >&2; exit 1; }
      done
      paths+=("/api/v1/stories?lang=fr&limit=20&cursor=${next##*cursor=}") ;;
    *) echo "unknown endpoint $endpoint" >&2; exit 2 ;;
  esac
done
if $random_slugs; then
  # Every published slug, from the sync snapshot (100 a page): random-slug.lua picks one per request. It rewrites every
  # by-slug request of the run, so measure the fixed slug (`slug`) in a run of its own.
  sync_token=""
  while true; do
    curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/sync?limit=100${sync_token:+&token=$sync_token}" > "$work/sync.json"
    jq -r '.changes[] | select(.op == "upsert") | "\(.lang)/\(.story.slug)"' "$work/sync.json" >> "$work/slugs.txt"
    [[ "$(jq -r .more "$work/sync.json")" == true ]] || break
    sync_token=$(jq -r .token "$work/sync.json")
  done
  echo "random slugs: $(wc -l < "$work/slugs.txt") published lang/slug pairs"
  export SLUG_FILE="$PWD/$work/slugs.txt" BENCH_LUA_SCRIPT="$PWD/bench/random-slug.lua"
  # One pass over every slug first (curl, many URLs a connection, 4 at a time), so the random run measures a warm
  # cache as far as the budget holds it. wrk cannot stop after a pass: its threads run for the whole duration.
  started=$(date +%s.%N)
  sed -e 's|^|url = "'"$base_url"'/api/v1/stories/by-slug/|' -e 's|$|"|' "$work/slugs.txt" | split -l 500 - "$work/warm-"
  ls "$work"/warm-* | xargs -P 4 -I{} sh -c 'curl -s -g -H "X-Api-Key: $0" -H "Accept-Encoding: $2" -K "$1" > /dev/null' "$api_key" {} \
    "$($gzip && echo gzip || echo identity)"
  echo "warm-up pass over every slug: $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
  paths+=( "/api/v1/stories/by-slug/$(head -1 "$work/slugs.txt")")
fi
publisher=
if [[ -n "$publish_every" ]]; then
  java bench/GenerateImport.java 1000 "$work/more.ndjson" "more-$(date +%s)" 3
  (
    n=0
    while IFS= read -r line; do
      sleep "$publish_every"
      id=$(printf '%s\n' "$line" | curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary @- \
        "$base_url/api/v1/manage/imports/stories" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4) || continue
      curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"storyIds\":[\"$id\"]}" \
        "$base_url/api/v1/manage/workflow/publish-drafts" && n=$((n + 1)) && echo "$n" > "$work/published-meanwhile"
    done < "$work/more.ndjson"
  ) &
  publisher=$!
  echo "publishing one story every $publish_every s while measuring"
fi
path_args=()
for p in "${paths[@]}"; do path_args+=(--path "$p"); done
$gzip && path_args+=(--header 'Accept-Encoding: gzip')
bench/http-bench.sh --base-url "$base_url" --header "X-Api-Key: $api_key" --connections 32 --threads 1 --warmup 20s \
  "${path_args[@]}" "${out_args[@]}" "${status_args[@]}"
if $random_slugs; then
  # wrk's latency figures under a Lua request() script are not to be trusted (see bench/README.md, search-bench.sh):
  # the random-slug percentiles come from a client that keeps every request's latency.
  sed -e "s|^|$base_url/api/v1/stories/by-slug/|" "$work/slugs.txt" > "$work/slug-urls"
  echo "random slugs, independent client (bench/LatencyProbe.java, 32 connections, 20 s): $(java bench/LatencyProbe.java "$work/slug-urls" 32 20 "$api_key" $($gzip && echo gzip))"
fi
if [[ -n "$publisher" ]]; then
  kill "$publisher" 2>/dev/null || true
  echo "stories published while measuring: $(cat "$work/published-meanwhile" 2>/dev/null || echo 0)"
fi
