#!/usr/bin/env bash
# Scheduler benchmark on a running demo hub (./run-hub): GET /api/v1/social/due with N scheduled posts.
#  Set-up: a scheduler consumer of its own (rate limit above what the machine serves), A accounts on four networks in
#  four time zones posting for it, one post per account written and approved through the API (composed and checked
#  against its network's rules like any other), then copied in PostgreSQL to N queued posts spread over 30 days
#  around now (5 % of them breaking), each with a short link of its own.
#  Measures: due windows drawn at random (one day among the 30, all networks or one, first page of 50; and the
#  overdue page a scheduler polls, "everything due until now") beside /api/v1/ping, through bench/http-bench.sh (wrk,
#  req/s) and bench/LatencyProbe.java (32 connections, every latency kept: p50/p90/p99).
# Usage: bench/social-bench.sh [--base-url URL] [--posts N] [--accounts A] [--duration D] [--warmup D] [--out FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
pg_port=${HUB_EMBEDDED_POSTGRES_PORT:-15432}
posts=10000
accounts=20
duration=20s
warmup=10s
out_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --posts) posts=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in curl jq wrk awk psql java; do command -v "$tool" >/dev/null || { echo "social-bench: $tool is not installed" >&2; exit 1; }; done
work=$(mktemp -d target/social-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
log() { echo "social-bench: $*" >&2; }
sql() { PGPASSWORD=${PG_PASSWORD:-imagehub-owner-local} psql -X -q -t -A -h 127.0.0.1 -p "$pg_port" -U imagehub_owner imagehub -c "$1"; }
sign_in() { curl -sf -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$base_url/api/v1/demo/sign-in" | jq -r .accessToken; }

admin=$(sign_in admin demo-admin) || { log "cannot sign in as the demo admin at $base_url: is a demo hub running?"; exit 1; }
approver=$(sign_in approver.mofa demo-approver)
post_json() { # TOKEN PATH BODY
  curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "$3" "$base_url$2"
}

consumer=$(post_json "$admin" /api/v1/manage/consumers \
  '{"name":"Social bench scheduler","kind":"social-scheduler","organisation":"mofa","scopes":["social:schedule"],"requestsPerMinute":100000000}' | jq -r .id)
key=$(post_json "$admin" "/api/v1/manage/consumers/$consumer/keys" '{}' | jq -r .key)
# A story published in English, read the way a consumer reads it.
story=$(curl -sf -H "X-Api-Key: ${HUB_DEMO_API_KEY:-ihk_demo_embassy_key_for_local_use_only}" "$base_url/api/v1/stories?lang=en&limit=50" \
  | jq -r '[.items[] | select(.lang == "en")][0].id')
[[ -n "$story" && "$story" != null ]] || { log "no story published in English: load the demo dataset"; exit 1; }

run=$(date +%s)
networks=(facebook telegram linkedin x)
zones=(Europe/Paris Asia/Ho_Chi_Minh America/New_York Asia/Tokyo)
log "creating $accounts accounts and one approved post each through the API"
for i in $(seq 1 "$accounts"); do
  n=${networks[$((i % 4))]} z=${zones[$((i % 4))]}
  account=$(post_json "$approver" /api/v1/manage/social/accounts \
    "{\"network\":\"$n\",\"handle\":\"@bench_${run}_$i\",\"organisation\":\"mofa\",\"languages\":[\"en\"],\"timeZone\":\"$z\",\"schedulerConsumer\":\"$consumer\"}" | jq -r .id)
  post=$(post_json "$approver" /api/v1/manage/social/posts \
    "{\"storyId\":\"$story\",\"lang\":\"en\",\"accountId\":\"$account\",\"text\":\"Viet Nam and its partners: read the official facts on the hub ($i).\",\"hashtags\":[\"VietNam\"],\"linkMode\":\"short\",\"scheduledAt\":\"$(date -u -d tomorrow +%Y-%m-%d)T09:00\"}" | jq -r .id)
  curl -sf -X POST -H "Authorization: Bearer $approver" -H 'If-Match: "v1"' "$base_url/api/v1/manage/social/posts/$post/approve" > /dev/null
done
copies=$(( (posts + accounts - 1) / accounts - 1 ))
log "copying each approved post $copies times in PostgreSQL: $(( accounts * (copies + 1) )) queued posts over 30 days"
sql "insert into social_post (id, account_id, story_id, lang, state, text, hashtags, media, link_mode, link_target, short_code, key_messages,
       final_text, counted_length, scheduled_at, breaking, attempts, approved_by, approved_at, created_by, version, created_at, updated_at)
     select p.id || '-' || g, p.account_id, p.story_id, p.lang, 'queued', p.text, p.hashtags, p.media, p.link_mode, p.link_target,
       translate(substr(md5(p.id || g || random()), 1, 10), '01', 'ab'), p.key_messages, p.final_text, p.counted_length,
       now() - interval '15 days' + random() * interval '30 days', random() < 0.05, 0, p.approved_by, p.approved_at, p.created_by, 2, now(), now()
     from social_post p cross join generate_series(1, $copies) g
     where p.account_id in (select id from social_account where scheduler_consumer = '$consumer');
     analyze social_post;"
log "$(sql "select count(*) from social_post p join social_account a on a.id = p.account_id where a.scheduler_consumer = '$consumer' and p.state = 'queued'") queued posts for the bench scheduler, $(sql "select count(*) from social_post where scheduled_at <= now() and state = 'queued' and account_id in (select id from social_account where scheduler_consumer = '$consumer')") of them overdue"

# Windows: one day among the 30 around now (all networks, or one), and the overdue page (no from, to = now).
: > "$work/urls"
for _ in $(seq 400); do
  day=$(( RANDOM % 30 - 15 ))
  from=$(date -u -d "$day days" +%Y-%m-%dT%H:00:00Z) to=$(date -u -d "$(( day + 1 )) days" +%Y-%m-%dT%H:00:00Z)
  case $(( RANDOM % 3 )) in
    0) echo "$base_url/api/v1/social/due?from=$from&to=$to&limit=50" ;;
    1) echo "$base_url/api/v1/social/due?from=$from&to=$to&network=${networks[$(( RANDOM % 4 ))]}&limit=50" ;;
    2) echo "$base_url/api/v1/social/due?limit=50" ;;
  esac >> "$work/urls"
done
sample=$(head -1 "$work/urls")
status=$(curl -s -o "$work/sample.json" -w '%{http_code}' -H "X-Api-Key: $key" "$sample")
[[ "$status" == 200 ]] || { log "GET $sample answered $status"; exit 1; }
log "sample answer: $(jq '.items | length' "$work/sample.json") posts, $(wc -c < "$work/sample.json") bytes"

URL_FILE="$work/urls" RANDOM_PATH_PREFIX=/api/v1/social/due BENCH_LUA_SCRIPT=bench/random-paths.lua bench/http-bench.sh --base-url "$base_url" --header "X-Api-Key: $key" \
  --connections 32 --threads 1 --duration "$duration" --warmup "$warmup" --path "/api/v1/social/due?limit=50" ${out_args[@]+"${out_args[@]}"}
case "$duration" in *m) probe_seconds=$(( ${duration%m} * 60 )) ;; *s) probe_seconds=${duration%s} ;; *) probe_seconds=$duration ;; esac
echo "independent client, due: $(java bench/LatencyProbe.java "$work/urls" 32 "$probe_seconds" "$key")"
echo "$base_url/api/v1/ping" > "$work/bare"
echo "independent client, bare: $(java bench/LatencyProbe.java "$work/bare" 32 "$probe_seconds" "$key")"
