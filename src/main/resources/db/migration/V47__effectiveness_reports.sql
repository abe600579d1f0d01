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
-- Top stories narrowed by a channel read an organisation's (or every organisation's) days in a range: with the columns
-- they filter, sum and group by in the index, both are index-only scans.
create index analytics_daily_organisation on analytics_daily (organisation, day) include (channel, lang, story_id, events, clicks, countries);
create index analytics_daily_day on analytics_daily (day) include (organisation, channel, lang, story_id, events, clicks, countries);
-- Translation speed reads the translations first published in a range.
create index localization_first_published on localization (first_published_at);

-- The same days without the story and the consumer: what reach, totals and scorecards read. Stories and consumers with
-- the same organisation, language, channel, countries, topics and key messages fold into one row, so a month of every
-- organisation is a few thousand rows, not hundreds of thousands. Rebuilt with its day by the roll-up.
create table analytics_daily_cube (
    day           date   not null,
    organisation  text   not null,
    lang          text   not null,
    channel       text   not null,
    countries     text[] not null,
    topics        text[] not null,
    key_messages  text[] not null,
    events        bigint not null,
    visitors      bigint not null,
    clicks        bigint not null
);
create index analytics_daily_cube_day on analytics_daily_cube (day);
create index analytics_daily_cube_organisation on analytics_daily_cube (organisation, day);

-- And folded per story, language and target countries (every consumer and channel): what top stories read when no
-- channel narrows them — a few rows per story and day instead of one per consumer and channel.
create table analytics_story_daily (
    day           date   not null,
    story_id      text   not null,
    lang          text   not null,
    countries     text[] not null,
    organisation  text   not null,
    topics        text[] not null,
    key_messages  text[] not null,
    events        bigint not null,
    clicks        bigint not null,
    primary key (day, story_id, lang, countries)
);
create index analytics_story_daily_organisation on analytics_story_daily (organisation, day);

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
