#!/usr/bin/env bash
# Delivery benchmark on a running demo hub: loads N stories × 3 languages (fr + 2 of vi/en/zh-Hans/uk/es), publishes them through the
# workflow, then measures a cached story by id and a list of 20 with lang=fr (32 connections) beside /api/v1/ping.
# wrk runs one thread: on a 2-core machine a second load thread takes the CPU the hub needs and the tail latency
# then measures the contention, not the service.
# Usage: bench/delivery-bench.sh [--base-url URL] [--stories N] [--skip-load] [--out FILE] [--random-slugs]
# --random-slugs adds a row for GET /api/v1/stories/by-slug/{lang}/{slug} with a random published slug per request
# (bench/random-slug.lua over up to 5,000 slugs read from /api/v1/sync).
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
stories=10000
load=true
random_slugs=false
out_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --skip-load) load=false; shift ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    --random-slugs) random_slugs=true; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
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
story=$(curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/stories?lang=fr&limit=1" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
echo "detail story: $story"
slug_args=()
if $random_slugs; then
  # Published slugs from the sync snapshot (100 a page, up to 5,000): random-slug.lua picks one per request.
  sync_token=""
  for _ in $(seq 1 50); do
    curl -sf -H "X-Api-Key: $api_key" "$base_url/api/v1/sync?limit=100${sync_token:+&token=$sync_token}" > "$work/sync.json"
    jq -r '.changes[] | select(.op == "upsert") | "\(.lang)/\(.story.slug)"' "$work/sync.json" >> "$work/slugs.txt"
    [[ "$(jq -r .more "$work/sync.json")" == true ]] || break
    sync_token=$(jq -r .token "$work/sync.json")
  done
  echo "random slugs: $(wc -l < "$work/slugs.txt") published lang/slug pairs"
  export SLUG_FILE="$PWD/$work/slugs.txt" BENCH_LUA_SCRIPT="$PWD/bench/random-slug.lua"
  slug_args=(--path "/api/v1/stories/by-slug/$(head -1 "$work/slugs.txt")")
fi
bench/http-bench.sh --base-url "$base_url" --header "X-Api-Key: $api_key" --connections 32 --threads 1 --warmup 20s \
  --path "/api/v1/stories/$story?lang=fr" --path "/api/v1/stories?lang=fr&limit=20" ${slug_args[@]+"${slug_args[@]}"} "${out_args[@]}"
