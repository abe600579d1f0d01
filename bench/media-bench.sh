#!/usr/bin/env bash
# Media (#12): (1) rendition throughput — N distinct 12-megapixel JPEGs uploaded, the clock runs from the first upload
# until every one shows renditions: ready (12 files each); (2) upload throughput of a 200 MB file through
# POST /api/v1/manage/media, sampling the hub's heap meanwhile; (3) req/s of a public (published, immutable) rendition
# beside /api/v1/ping with http-bench.sh (wrk). Needs a running demo hub (./run-hub), jq, curl, java (to draw the JPEGs), wrk.
# Usage: bench/media-bench.sh [--images N] [--upload-mb MB] [--duration 10s] [--parts 1,2,3] [--base-url URL] [--management-url URL]
set -euo pipefail
cd "$(dirname "$0")/.."
images=6
upload_mb=200
duration=10s
parts=1,2,3
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
management_url=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9001}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --images) images=$2; shift 2 ;;
    --upload-mb) upload_mb=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --base-url) base_url=$2; shift 2 ;;
    --management-url) management_url=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
cleanup() { kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load average $(cut -d' ' -f1-3 /proc/loadavg)"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' \
  "$base_url/api/v1/demo/sign-in" | jq -r .accessToken)
auth=(-H "Authorization: Bearer $token")
heap() { curl -sf "$management_url/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "%.0f", sum }'; }
now_ms() { date +%s%3N; }
part() { [[ ",$parts," == *",$1,"* ]]; }

# 1. Renditions. Each picture differs (its own seed), so none is a duplicate of an earlier upload.
if part 1; then
echo "drawing $images JPEGs of 4000x3000 (not timed)..."
java bench/MediaBenchImages.java "$work" "$images" "$(date +%s)"
ls -l "$work"/photo-*.jpg | awk '{ s += $5 } END { printf "JPEG sizes: %.1f MB on average\n", s / NR / 1e6 }'
start=$(now_ms)
for i in $(seq 1 "$images"); do
  curl -sf "${auth[@]}" -F "file=@$work/photo-$i.jpg;type=image/jpeg" "$base_url/api/v1/manage/media" | jq -r .id >> "$work/ids"
done
uploaded=$(now_ms)
deadline=$(( $(date +%s) + ${MEDIA_BENCH_TIMEOUT:-300} ))
while read -r id; do
  while :; do
    state=$(curl -sf "${auth[@]}" "$base_url/api/v1/manage/media/$id" | jq -r '.renditions + " " + (.files | length | tostring)')
    [[ $state == "ready 12" ]] && break
    [[ $state == failed* ]] && { echo "renditions of $id failed" >&2; exit 1; }
    (( $(date +%s) < deadline )) || { echo "renditions of $id not ready in time ($state)" >&2; exit 1; }
    sleep 0.05
  done
done < "$work/ids"
end=$(now_ms)
awk -v n="$images" -v s="$start" -v u="$uploaded" -v e="$end" 'BEGIN {
  printf "renditions: %d 12-MP JPEGs -> 12 files each in %.2f s from the first upload (uploads took %.2f s): %.2f images/s\n",
    n, (e - s) / 1000, (u - s) / 1000, n * 1000 / (e - s) }'

fi

# 2. Upload throughput: a real PDF of --upload-mb MB (documents may have hub.media.document-max-bytes, 250 MiB by
# default), received while streaming, sniffed, hashed, rewritten without its metadata by PDFBox and stored.
if part 2; then
java bench/MediaBenchPdf.java "$work/big.pdf" "$upload_mb" "$(date +%s%N)"
peak=$(heap); base_heap=$peak
( while :; do heap >> "$work/heap"; echo >> "$work/heap"; sleep 0.1; done ) &
sampler=$!
status=$(curl -s -o "$work/upload.json" -w '%{http_code} %{time_total} %{speed_upload}' "${auth[@]}" \
  -F "file=@$work/big.pdf;type=application/pdf" "$base_url/api/v1/manage/media")
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
peak=$(awk -v p="$peak" 'NF && $1 > p { p = $1 } END { print p }' "$work/heap")
read -r code secs speed <<< "$status"
awk -v mb="$upload_mb" -v c="$code" -v t="$secs" -v b="$base_heap" -v p="$peak" -v body="$(jq -r '.type // empty' "$work/upload.json" 2>/dev/null)" 'BEGIN {
  printf "upload: %d MB through POST /api/v1/manage/media in %.2f s = %.1f MB/s (answer %s %s); hub heap %.0f MiB before, peak %.0f MiB during\n",
    mb, t, mb / t, c, body, b / 1048576, p / 1048576 }'

fi

# 3. A public rendition (a demo story's image: published, so served with the immutable cache header) beside ping.
if part 3; then
url=$(curl -sf "${auth[@]}" "$base_url/api/v1/manage/media?limit=100" \
  | jq -r '[.items[] | select(.credit == "Image Hub demo illustration") | .files[] | select(.name == "medium" and .mediaType == "image/webp")][0].url')
[[ -n $url && $url != null ]] || { echo "no demo rendition found" >&2; exit 1; }
curl -sf -D "$work/headers" -o "$work/rendition" "$base_url$url"
echo "rendition: $url, $(stat -c %s "$work/rendition") bytes, $(grep -i '^cache-control' "$work/headers" | tr -d '\r')"
bench/http-bench.sh --base-url "$base_url" --path "$url" --duration "$duration" --warmup 3s
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
