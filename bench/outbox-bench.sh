#!/usr/bin/env bash
# Outbox dispatch (#11): throughput to a no-op handler, then the lag from commit to handler while stories are
# imported. Needs a running demo hub with a no-op probe handler that takes every event type:
#   HUB_OUTBOX_PROBE_HANDLERS=bench-noop HUB_OUTBOX_PROBE_ALL_TYPES=true ./run-hub
# and psql. Usage: bench/outbox-bench.sh [--events N] [--aggregates A] [--import-stories S] [--skip-import]
#   [--base-url URL] [--management-url URL] [--pg-port PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
events=50000
aggregates=10000
import_stories=10000
skip_import=false
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
management_url=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9001}
pg_port=${HUB_EMBEDDED_POSTGRES_PORT:-15432}
handler=bench-noop
while [[ $# -gt 0 ]]; do
  case "$1" in
    --events) events=$2; shift 2 ;;
    --aggregates) aggregates=$2; shift 2 ;;
    --import-stories) import_stories=$2; shift 2 ;;
    --skip-import) skip_import=true; shift ;;
    --base-url) base_url=$2; shift 2 ;;
    --management-url) management_url=$2; shift 2 ;;
    --pg-port) pg_port=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
sql() { PGPASSWORD=imagehub-app-local psql -X -q -t -A -h 127.0.0.1 -p "$pg_port" -U imagehub_app imagehub -c "$1"; }
now() { date +%s.%N; }
backlog() { sql "select (select count(*) from outbox_delivery where handler = '$handler' and parked_at is null)
                      + (select count(*) from outbox_event where routed_at is null)"; }
wait_drained() { while [[ $(backlog) != 0 ]]; do sleep 0.05; done; }
metrics=$(curl -sf "$management_url/q/metrics" || true)
grep -q "hub_outbox_handled_total{handler=\"$handler\"" <<< "$metrics" \
  || { echo "no outbox handler $handler on $management_url: start the hub with HUB_OUTBOX_PROBE_HANDLERS=$handler HUB_OUTBOX_PROBE_ALL_TYPES=true" >&2; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
wait_drained

# 1. Throughput: N events of A aggregates committed at once; the clock runs from the commit until every event is
#    routed and handled (the no-op handler takes the batches and drops them).
echo "committing $events events of $aggregates aggregates in one transaction"
sql "insert into outbox_event (event_type, aggregate_type, aggregate_id, payload)
     select 'bench.noop', 'bench', 'a-' || (n % $aggregates), jsonb_build_object('n', n) from generate_series(1, $events) as n"
start=$(now)
wait_drained
end=$(now)
awk -v n="$events" -v s="$start" -v e="$end" 'BEGIN { printf "dispatch: %d events in %.2f s = %.0f events/s\n", n, e - s, n / (e - s) }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $skip_import == true ]] && exit 0

# 2. Lag during an import: the dispatch lag histogram of the no-op handler (created in the writer's transaction →
#    handled), read before and after, so only this import's events count.
buckets() { curl -sf "$management_url/q/metrics" | grep "^hub_outbox_dispatch_lag_seconds_bucket{handler=\"$handler\"" \
  | sed -E 's/.*le="([^"]+)".* ([0-9.E+-]+)$/\1 \2/'; }
before=$(mktemp); after=$(mktemp); trap 'rm -f "$before" "$after"' EXIT
buckets > "$before"
bench/import-bench.sh --base-url "$base_url" --stories "$import_stories"
wait_drained
buckets > "$after"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk 'NR == FNR { was[$1] = $2; next } { k++; le[k] = $1; n[k] = $2 - was[$1] } END {
  total = n[k]; p50 = ""; p99 = "";
  for (i = 1; i <= k; i++) { if (p50 == "" && n[i] >= 0.5 * total) p50 = le[i]; if (p99 == "" && n[i] >= 0.99 * total) p99 = le[i] }
  printf "lag during the import: %d events; p50 <= %s s, p99 <= %s s (upper bounds of the histogram buckets)\n", total, p50, p99 }' "$before" "$after"
