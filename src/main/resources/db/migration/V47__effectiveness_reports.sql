-- Effectiveness reports (#16): every channel in the daily roll-up, the dimensions reports filter by, and each
-- organisation's criteria set.

-- Reads are counted per channel: the delivery API (api-read), sync pickups (sync) and feed fetches (feed).
alter table delivery_read add column channel text not null default 'api-read';
alter table delivery_read drop constraint delivery_read_pkey;
alter table delivery_read add primary key (consumer_id, story_id, lang, minute, channel);

-- The roll-up carries what reports filter by, copied from the story and the consumer when the day is rolled up, so a
-- report reads this table alone: the story's organisation, topics and key messages, and the consumer's target
-- countries. Clicks: those a social network reported and those on the hub's short links.
alter table analytics_daily
    add column organisation  text   not null default '',
    add column topics        text[] not null default '{}',
    add column key_messages  text[] not null default '{}',
    add column countries     text[] not null default '{}',
    add column clicks        bigint not null default 0;
-- Reports read an organisation's (or every organisation's) days in a range; the covering columns spare the heap.
create index analytics_daily_organisation on analytics_daily (organisation, day) include (channel, lang, events, clicks);
create index analytics_daily_day on analytics_daily (day) include (organisation, channel, lang, events, clicks);

-- Each organisation's criteria set: named KPIs with targets and weights over a period kind (checked by the hub).
create table analytics_criteria (
    organisation  text        primary key references organisation (code),
    period        text        not null check (period in ('week', 'month', 'quarter')),
    kpis          jsonb       not null,
    version       bigint      not null,
    updated_by    text        not null,
    updated_at    timestamptz not null
);

-- Social metrics reported late move the days after them: found by when they were received.
create index social_post_metrics_received on social_post_metrics (received_at);
-- The roll-up reads one day of readings at a time.
create index social_post_metrics_measured on social_post_metrics (measured_at);
-- Correction reach finds the publications of a range.
create index workflow_transition_published on workflow_transition (at) where to_status = 'published';
