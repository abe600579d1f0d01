#!/usr/bin/env bash
# Webhook fan-out (#14): one publication to N local subscribers (default 500); the clock runs from the publish
# request until the receiver holds N distinct deliveries with valid signatures. Samples the hub's heap meanwhile.
# Needs a running demo hub (./run-hub: the demo profile allows http receivers on 127.0.0.1) and jq.
# Usage: bench/webhook-bench.sh [--subscribers N] [--port PORT] [--base-url URL] [--management-url URL]
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers=500
port=18099
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
management_url=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9001}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --subscribers) subscribers=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --base-url) base_url=$2; shift 2 ;;
    --management-url) management_url=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d); trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' \
  "$base_url/api/v1/demo/sign-in" | jq -r .accessToken)
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

consumer=$(api -d '{"name":"Webhook bench '"$(date +%s)"'","kind":"embassy-site","scopes":["content:read"],"requestsPerMinute":600,"active":true}' \
  "$base_url/api/v1/manage/consumers" | jq -r .id)
: > "$work/secrets"
for i in $(seq 1 "$subscribers"); do
  api -d '{"url":"http://127.0.0.1:'"$port"'/s'"$i"'","eventTypes":["story.published"],"maxConcurrency":2}' \
    "$base_url/api/v1/manage/consumers/$consumer/webhooks" | jq -r '"/s'"$i"' " + .secret' >> "$work/secrets"
done
echo "subscribed $subscribers receivers of consumer $consumer"

java bench/WebhookReceiver.java "$port" "$subscribers" "$work/secrets" > "$work/receiver.out" &
until grep -q READY "$work/receiver.out"; do sleep 0.1; done

story=$(api -d '{"type":"article","localizations":[{"lang":"en","title":"Webhook bench '"$(date +%s%N)"'","body":"<p>Fan-out.</p>"}]}' \
  "$base_url/api/v1/manage/stories" | jq -r .id)
path="$base_url/api/v1/manage/stories/$story/localizations/en/workflow"
api -H 'If-Match: "v1"' -d '{"action":"submit"}' "$path" > /dev/null
api -H 'If-Match: "v2"' -d '{"action":"approve"}' "$path" > /dev/null

heap() { curl -sf "$management_url/q/metrics" | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { printf "%.0f", sum }'; }
peak=$(heap)
start=$(date +%s%3N)
api -H 'If-Match: "v3"' -d '{"action":"publish"}' "$path" > /dev/null
while ! grep -q DONE "$work/receiver.out"; do
  used=$(heap); (( used > peak )) && peak=$used
  sleep 0.1
done
end=$(grep DONE "$work/receiver.out" | awk '{print $2}')
awk -v n="$subscribers" -v s="$start" -v e="$end" -v p="$peak" -v line="$(grep DONE "$work/receiver.out")" 'BEGIN {
  printf "fan-out: %d signed deliveries received %.2f s after the publish request (%s); hub heap peak %.0f MiB\n", n, (e - s) / 1000, line, p / 1048576 }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
