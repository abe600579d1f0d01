-- Effectiveness reports (#16), first part: usage events from embassy sites' pages (the beacon), stored raw by month and
-- rolled up per day. No IP address and no user agent is stored anywhere: a visitor is a salted hash whose salt changes
-- every day and is deleted the day after, so two days' visitors cannot be linked and a hash cannot be reversed.

-- The origins an analytics:write key may send page views from (its site's pages), set by admins.
create table analytics_site (
    consumer_id  text        primary key references consumer (id),
    origins      text[]      not null,
    updated_by   text        not null,
    updated_at   timestamptz not null
);

-- Raw events, one partition a month (the hub creates them ahead and drops those past hub.analytics.raw-retention).
-- A beacon resent with the same id and time is stored once.
create table analytics_event (
    occurred_at  timestamptz not null,
    event_id     text        not null,
    channel      text        not null,
    consumer_id  text        not null,
    story_id     text        not null,
    lang         text        not null,
    -- The page's path on the site (no query string, no fragment).
    page_path    text,
    -- Daily-salted hash of the visitor, to count distinct visitors within a day; null when not known.
    visitor      text,
    received_at  timestamptz not null,
    -- Per site: another site's key cannot suppress a view by sending its id first.
    primary key (occurred_at, consumer_id, event_id)
) partition by range (occurred_at);
create index analytics_event_received on analytics_event (received_at);

-- The hub's runtime role owns no tables and may not create any: these two functions run as their owner (the role that
-- migrates), do only this, and are all the hub can do to the partitions. Month bounds are UTC.
create function analytics_ensure_partitions(months_ahead int) returns void
language plpgsql security definer set search_path = pg_catalog, public, pg_temp set timezone = 'UTC' as $$
declare
    first timestamp := date_trunc('month', now() at time zone 'UTC') - interval '1 month';
    month_start timestamp;
begin
    for i in 0..months_ahead + 1 loop
        month_start := first + make_interval(months => i);
        execute format('create table if not exists public.%I partition of public.analytics_event for values from (%L) to (%L)',
            'analytics_event_' || to_char(month_start, 'YYYY_MM'), month_start at time zone 'UTC',
            (month_start + interval '1 month') at time zone 'UTC');
    end loop;
end $$;

-- Drops the raw partitions that end before the cutoff; returns how many (their roll-ups stay).
create function analytics_drop_partitions_before(cutoff timestamptz) returns int
language plpgsql security definer set search_path = pg_catalog, public, pg_temp set timezone = 'UTC' set lock_timeout = '5s' as $$
declare
    partition record;
    dropped int := 0;
begin
    for partition in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent = 'public.analytics_event'::regclass and c.relname ~ '^analytics_event_[0-9]{4}_[0-9]{2}$' loop
        if (to_timestamp(substr(partition.relname, 17), 'YYYY_MM')::timestamp + interval '1 month') at time zone 'UTC' <= cutoff then
            execute format('drop table public.%I', partition.relname);
            dropped := dropped + 1;
        end if;
    end loop;
    return dropped;
end $$;

-- Only the hub's own role may call them.
revoke execute on function analytics_ensure_partitions(int) from public;
revoke execute on function analytics_drop_partitions_before(timestamptz) from public;
grant execute on function analytics_ensure_partitions(int) to ${app_role};
grant execute on function analytics_drop_partitions_before(timestamptz) to ${app_role};

select analytics_ensure_partitions(2);

-- The day's salt for visitor hashes: one row a day, deleted just after the day is over. Unlogged: kept out of the
-- write-ahead log, so out of replicas and base backups (a crash empties it; a new salt is then made for the day).
create unlogged table analytics_salt (
    day   date  primary key,
    salt  bytea not null
);

-- Per day, story, language, consumer and channel: events and distinct visitors. Recomputed whole for every day that
-- received events since the last roll-up, so late events fold into their day and a repeat changes nothing.
create table analytics_daily (
    day          date   not null,
    story_id     text   not null,
    lang         text   not null,
    consumer_id  text   not null,
    channel      text   not null,
    events       bigint not null,
    visitors     bigint not null,
    primary key (day, story_id, lang, consumer_id, channel)
);
create index analytics_daily_story on analytics_daily (story_id, day);
-- The roll-up reads a day of API reads (counted per minute) at a time.
create index delivery_read_minute on delivery_read (minute);

-- How far the roll-up has read: events received up to this instant are in analytics_daily.
create table analytics_rollup_state (
    id           int         primary key check (id = 1),
    rolled_up_to timestamptz not null
);
insert into analytics_rollup_state values (1, '1970-01-01T00:00:00Z');
