#!/usr/bin/env bash
# Imports N realistic stories (fr plus 2–4 languages, GenerateImport.java) through POST /api/v1/manage/imports/stories of a running hub (demo profile)
# and prints localizations per second. Usage: bench/import-bench.sh [--base-url URL] [--stories N]
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
stories=4000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d target/import-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
summary=$(java bench/GenerateImport.java "$stories" "$work/stories.ndjson")
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"editor.mofa","password":"demo-editor"}' \
  "$base_url/api/v1/demo/sign-in" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
localizations=$(sed -E 's/.*localizations=([0-9]+).*/\1/' <<< "$summary")
echo "importing $stories stories ($localizations localizations, $(du -h "$work/stories.ndjson" | cut -f1)) into $base_url"
seconds=$(curl -s -o "$work/results.ndjson" -D "$work/headers" -w '%{time_total}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/x-ndjson' --data-binary @"$work/stories.ndjson" "$base_url/api/v1/manage/imports/stories")
tail -n 1 "$work/results.ndjson"   # the totals line
awk -v s="$seconds" -v n="$localizations" 'BEGIN { printf "time %.2f s, %.0f localizations/s\n", s, n / s }'
