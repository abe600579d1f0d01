#!/usr/bin/env bash
# Effectiveness-report benchmark on a running demo hub (./run-hub): STORIES stories (default 10,000) published over
# the last year in three languages (Vietnamese source, English and French translated hours later) are written
# straight into PostgreSQL with a year of daily roll-ups (each story used for 21 days after publication by the demo's
# three embassy sites and its partner outlet: page views and API reads, sync pickups and feed fetches), then each
# report is asked over varied keys (organisation or all, random 30-day windows and months of the year, granularity,
# filters) drawn at random by bench/random-paths.lua under bench/http-bench.sh (wrk, 4 connections: a few analysts,
# not a crowd), beside /api/v1/ping. Reports are not cached: every request runs its queries. (The roll-ups are written
# as the hub's roll-up writes them: per story and consumer, folded without them, and folded per story, language and countries.)
# Usage: bench/reports-bench.sh [--base-url URL] [--stories N] [--duration D] [--warmup D] [--skip-data] [--out FILE]
# (REPORTS="reach ranking" narrows the run to those reports.)
set -euo pipefail
cd "$(dirname "$0")/.."
base_url=http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}
pg_port=${HUB_EMBEDDED_POSTGRES_PORT:-15432}
stories=10000
duration=15s
warmup=3s
data=true
out_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base-url) base_url=$2; shift 2 ;;
    --stories) stories=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --skip-data) data=false; shift ;;
    --out) out_args=(--out "$2"); shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in curl jq wrk awk psql; do command -v "$tool" >/dev/null || { echo "reports-bench: $tool is not installed" >&2; exit 1; }; done
log() { echo "reports-bench: $*" >&2; }
sql() { PGPASSWORD=${PG_PASSWORD:-imagehub-owner-local} psql -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U imagehub_owner imagehub -c "$1"; }
admin=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin","password":"demo-admin"}' "$base_url/api/v1/demo/sign-in" \
  | jq -r .accessToken) || { log "cannot sign in as the demo admin at $base_url: is a demo hub running?"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if $data; then
  log "writing $stories stories published over the last year, three languages each"
  sql "with orgs as (select array_agg(code order by code) as codes from organisation),
            topics as (select array_agg(code order by code) as codes from topic),
            messages as (select array_agg(code order by code) as codes from key_message)
       insert into story (id, type, organisation, priority, topics, countries, key_messages, created_at, updated_at, created_by)
       select 'rb' || lpad(g::text, 7, '0'), 'article', orgs.codes[1 + g % cardinality(orgs.codes)], case when g % 40 = 0 then 'breaking' else 'normal' end,
              array[topics.codes[1 + g % cardinality(topics.codes)]], array[(array['FR','CN','UA','VN'])[1 + g % 4]],
              case when g % 3 = 0 then '{}'::text[] else array[messages.codes[1 + g % cardinality(messages.codes)]] end,
              now() - (g::float / $stories) * interval '365 days' - interval '30 minutes', now(), 'reports-bench'
       from generate_series(1, $stories) g, orgs, topics, messages;
       insert into localization (id, story_id, lang, slug, title, current_revision, status, published_revision, live_slug, first_published_at,
              translated_from_lang, created_at, updated_at)
       select s.id || '-' || l.lang, s.id, l.lang, 'reports-bench-' || s.id, 'Report bench story ' || s.id || ' (' || l.lang || ')', 1, 'published', 1,
              'reports-bench-' || s.id,
              s.created_at + interval '30 minutes' + case l.lang when 'vi' then interval '0' else make_interval(hours => l.offset_hours + abs(hashtext(s.id)) % 48) end,
              case when l.lang = 'vi' then null else 'vi' end, s.created_at, now()
       from story s cross join (values ('vi', 0), ('en', 1), ('fr', 3)) l(lang, offset_hours) where s.id like 'rb%';
       analyze story; analyze localization;"
  log "writing a year of daily roll-ups: 21 days of use after each publication"
  started=$(date +%s)
  sql "with sites as (select id, languages, countries, kind from consumer where name in ('Embassy in France website', 'Embassy in China website',
                        'Embassy in Ukraine website', 'Partner outlet (news agency)'))
       insert into analytics_daily (day, story_id, lang, consumer_id, channel, events, visitors, clicks, organisation, topics, key_messages, countries)
       select (l.first_published_at + k * interval '1 day')::date, s.id, l.lang, c.id, ch.channel,
              greatest(1, (ch.scale * (20 + abs(hashtext(s.id || c.id)) % 120) * exp(-k / 4.0))::int),
              case when ch.channel = 'page-view' then greatest(1, ((20 + abs(hashtext(s.id || c.id)) % 120) * exp(-k / 4.0) * 0.7)::int) else 0 end,
              0, s.organisation, s.topics, s.key_messages, c.countries
       from story s join localization l on l.story_id = s.id
       cross join generate_series(0, 20) k
       join sites c on cardinality(c.languages) = 0 or l.lang = any(c.languages)
       cross join lateral (select * from (values ('page-view', 1.0), ('api-read', 0.1)) v(channel, scale) where c.kind = 'embassy-site'
                           union all select * from (values ('sync', 0.01), ('feed', 0.2)) v(channel, scale) where c.kind = 'partner-outlet') ch
       where s.id like 'rb%' and l.first_published_at + k * interval '1 day' <= now()
       on conflict do nothing;
       insert into analytics_daily_cube (day, organisation, lang, channel, countries, topics, key_messages, events, visitors, clicks)
       select day, organisation, lang, channel, countries, topics, key_messages, sum(events), sum(visitors), sum(clicks)
       from analytics_daily where story_id like 'rb%' group by day, organisation, lang, channel, countries, topics, key_messages;
       insert into analytics_story_daily (day, story_id, lang, countries, organisation, topics, key_messages, events, clicks)
       select day, story_id, lang, countries, min(organisation), min(topics), min(key_messages), sum(events), sum(clicks)
       from analytics_daily where story_id like 'rb%' group by day, story_id, lang, countries;"
  sql "vacuum analyze analytics_daily"
  sql "vacuum analyze analytics_daily_cube"
  sql "vacuum analyze analytics_story_daily"
  log "$(sql "select count(*) from analytics_daily") roll-up rows per story ($(sql "select pg_size_pretty(pg_total_relation_size('analytics_daily'))") with indexes), $(sql "select count(*) from analytics_daily_cube") without story and consumer, written in $(( $(date +%s) - started )) s"
fi

# Varied keys: an organisation or all, a 30-day window ending on a day of the last year or a month of it, a filter.
orgs=(mofa moct hue-province embassy-fr vna mic)
filters=("" "&lang=fr" "&country=FR" "&channel=page-view" "&keyMessage=km-reliable-partner" "&topic=$(sql "select min(code) from topic")")
window() { local end; end=$(date -u -d "-$(( RANDOM % 330 )) days" +%F); echo "from=$(date -u -d "$end -29 days" +%F)&to=$end"; }
month() { date -u -d "$(date -u +%Y-%m-15) -$(( RANDOM % 12 )) months" +%Y-%m; }
org() { (( RANDOM % 4 == 0 )) && echo "" || echo "&organisation=${orgs[$((RANDOM % ${#orgs[@]}))]}"; }
for report in ${REPORTS:-reach top-stories translation-speed key-message-coverage correction-reach scorecard ranking}; do
  : > "$work/$report"
  for _ in $(seq 300); do
    case $report in
      reach) echo "/api/v1/manage/reports/reach?$(window)$(org)${filters[$((RANDOM % ${#filters[@]}))]}&granularity=$(shuf -n1 -e day week month)" ;;
      top-stories|translation-speed|correction-reach) echo "/api/v1/manage/reports/$report?$(window)$(org)${filters[$((RANDOM % 3))]}" ;;
      key-message-coverage) echo "/api/v1/manage/reports/$report?to=$(date -u -d "-$(( RANDOM % 330 )) days" +%F)$(org)" ;;
      scorecard) echo "/api/v1/manage/reports/scorecard?organisation=$(shuf -n1 -e mofa moct hue-province)&period=$(month)" ;;
      ranking) echo "/api/v1/manage/reports/ranking?period=$(month)" ;;
    esac >> "$work/$report"
  done
  first=$(head -1 "$work/$report")
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $admin" "$base_url$first")
  [[ "$status" == 200 ]] || { log "$first answered $status"; exit 1; }
  log "report $report: 300 varied requests, drawn at random"
  URL_FILE="$work/$report" RANDOM_PATH_PREFIX="/api/v1/manage/reports/$report" BENCH_LUA_SCRIPT=bench/random-paths.lua bench/http-bench.sh \
    --base-url "$base_url" --header "Authorization: Bearer $admin" --connections 4 --threads 1 --duration "$duration" --warmup "$warmup" \
    --path "/api/v1/manage/reports/$report" ${out_args[@]+"${out_args[@]}"}
done
